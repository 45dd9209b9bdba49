// Gaps, development targets and growth-sector notes: validated edits, and deleting one takes the threads about it along.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { MapValidationError } from '$lib/map';
import { DISCUSSION_SCHEMA_VERSION, initializeDiscussionDocument } from '$lib/map/discussion';
import { captureUpdates, countChangingTransactions, rejectionOf } from '../helpers';
import { discussionReplica } from './helpers';

describe('gaps', () => {
	it('adds a gap anchored to an actor, open by default, and updates it', () => {
		const { model } = discussionReplica();
		const id = model.addGap({ type: 'missing_link', title: ' Ei yhteistyötä satamaan ', anchor: { kind: 'actor', id: 'a1' }, createdBy: 'u1' });
		expect(model.gap(id)).toEqual({
			id,
			type: 'missing_link',
			title: 'Ei yhteistyötä satamaan',
			anchor: { kind: 'actor', id: 'a1' },
			status: 'open',
			createdBy: 'u1',
			createdAt: 1000,
			issues: []
		});
		model.updateGap(id, { status: 'accepted', description: 'Työpajassa sovittu.', anchor: { kind: 'point', x: 10, y: -5 } });
		expect(model.gap(id)).toMatchObject({ status: 'accepted', description: 'Työpajassa sovittu.', anchor: { kind: 'point', x: 10, y: -5 } });
		model.updateGap(id, { description: null });
		expect(model.gap(id)).not.toHaveProperty('description');
	});

	it.each([
		[{ type: 'hole' }, [{ field: 'type', code: 'invalid_choice' }]],
		[{ title: ' ' }, [{ field: 'title', code: 'required' }]],
		[{ anchor: { kind: 'planet', id: 'x' } }, [{ field: 'anchor.kind', code: 'invalid_choice' }]],
		[{ anchor: { kind: 'actor' } }, [{ field: 'anchor.id', code: 'required' }]],
		[{ anchor: { kind: 'point', x: 1 } }, [{ field: 'anchor.y', code: 'invalid_number' }]],
		[{ anchor: { kind: 'point', x: 1, y: 1e9 } }, [{ field: 'anchor.y', code: 'invalid_number' }]],
		[{ anchor: 'a1' }, [{ field: 'anchor', code: 'invalid_type' }]],
		[{ status: 'closed' }, [{ field: 'status', code: 'invalid_choice' }]],
		[{ createdBy: '' }, [{ field: 'createdBy', code: 'required' }]],
		[{ colour: 'red' }, [{ field: 'colour', code: 'unknown_field' }]],
		[{ suggestion: 42 }, [{ field: 'suggestion', code: 'invalid_type' }]],
		[{ suggestion: 'x'.repeat(301) }, [{ field: 'suggestion', code: 'too_long' }]]
	])('rejects a gap with %j and writes nothing', (fields, expected) => {
		const { doc, model } = discussionReplica();
		const updates = captureUpdates(doc);
		const input = { type: 'other', title: 'T', anchor: { kind: 'region', id: 'r' }, createdBy: 'u1', ...fields };
		expect(rejectionOf(() => model.addGap(input as never))).toEqual(expected);
		expect(updates).toHaveLength(0);
	});

	it('records which gap finder suggestion a gap accepts or dismisses, and keeps it through edits', () => {
		const { model } = discussionReplica();
		const key = 'missing_role_in_town:r1:orchestrator';
		const accepted = model.addGap({ type: 'missing_capability', title: 'Ei orkestroijaa', anchor: { kind: 'region', id: 'r1' }, suggestion: key, createdBy: 'u1' });
		const dismissed = model.addGap({ type: 'other', title: 'T', anchor: { kind: 'actor', id: 'a1' }, status: 'dismissed', suggestion: 'single_point_of_failure:a1', createdBy: 'u1' });
		expect(model.gap(accepted)).toMatchObject({ status: 'open', suggestion: key, issues: [] });
		expect(model.gap(dismissed)).toMatchObject({ status: 'dismissed', suggestion: 'single_point_of_failure:a1' });
		model.updateGap(accepted, { status: 'accepted' });
		expect(model.gap(accepted)).toMatchObject({ status: 'accepted', suggestion: key });
		expect(rejectionOf(() => model.updateGap(accepted, { suggestion: 'other' } as never))).toEqual([{ field: 'suggestion', code: 'unknown_field' }]);
	});

	it('reads a gap written without a suggestion, as all older gaps are, without an issue', () => {
		const { model } = discussionReplica();
		const id = model.addGap({ type: 'other', title: 'T', anchor: { kind: 'actor', id: 'a1' }, suggestion: ' ', createdBy: 'u1' });
		expect(model.gap(id)).not.toHaveProperty('suggestion');
		expect(model.gap(id)!.issues).toEqual([]);
	});

	it('checks anchors to map elements when given a lookup into the map document', () => {
		const { model } = discussionReplica('d', { mapHas: (kind, id) => kind === 'actor' && id === 'a1' });
		expect(model.addGap({ type: 'other', title: 'T', anchor: { kind: 'actor', id: 'a1' }, createdBy: 'u' })).toBeTruthy();
		expect(rejectionOf(() => model.addGap({ type: 'other', title: 'T', anchor: { kind: 'link', id: 'gone' }, createdBy: 'u' }))).toEqual([
			{ field: 'anchor', code: 'unknown_anchor' }
		]);
	});
});

describe('development targets', () => {
	it('adds a proposed target with actors, a due date and an owner, and edits it', () => {
		const { model } = discussionReplica();
		const id = model.addTarget({ title: 'Tuulivoima-asentajien koulutus', owner: 'u2', due: '2026-06-30', actors: ['a1', 'a2', 'a1'], createdBy: 'u1' });
		expect(model.target(id)).toEqual({
			id,
			title: 'Tuulivoima-asentajien koulutus',
			owner: 'u2',
			due: '2026-06-30',
			status: 'proposed',
			actors: ['a1', 'a2'],
			createdBy: 'u1',
			createdAt: 1000,
			issues: []
		});
		model.updateTarget(id, { status: 'in_progress', actors: [], owner: null, due: '' });
		expect(model.target(id)).toMatchObject({ status: 'in_progress', actors: [] });
		expect(model.target(id)).not.toHaveProperty('owner');
		expect(model.target(id)).not.toHaveProperty('due');
		expect(model.targets().map((t) => t.id)).toEqual([id]);
	});

	it.each([
		[{ due: '2026-02-30' }, [{ field: 'due', code: 'invalid_date' }]],
		[{ due: '30.6.2026' }, [{ field: 'due', code: 'invalid_date' }]],
		[{ status: 'started' }, [{ field: 'status', code: 'invalid_choice' }]],
		[{ actors: 'a1' }, [{ field: 'actors', code: 'invalid_type' }]],
		[{ owner: 7 }, [{ field: 'owner', code: 'invalid_type' }]]
	])('rejects a target with %j', (fields, expected) => {
		const { model } = discussionReplica();
		expect(rejectionOf(() => model.addTarget({ title: 'T', createdBy: 'u', ...fields } as never))).toEqual(expected);
	});
});

describe('growth-sector notes', () => {
	it('adds, edits and deletes a note on a growth sector', () => {
		const { model } = discussionReplica();
		const id = model.addGrowthSectorNote({ sectorId: 's1', description: 'Vahva vientipotentiaali', actors: ['a1'], createdBy: 'u1' });
		expect(model.growthSectorNote(id)).toEqual({ id, sectorId: 's1', description: 'Vahva vientipotentiaali', actors: ['a1'], createdBy: 'u1', createdAt: 1000, issues: [] });
		model.updateGrowthSectorNote(id, { actors: ['a1', 'a2'] });
		expect(model.growthSectorNotes()[0]?.actors).toEqual(['a1', 'a2']);
		expect(rejectionOf(() => model.updateGrowthSectorNote(id, { sectorId: '' }))).toEqual([{ field: 'sectorId', code: 'required' }]);
		expect(model.deleteGrowthSectorNote(id)).toBe(true);
		expect(model.deleteGrowthSectorNote(id)).toBe(false);
	});
});

describe('deleting an annotation', () => {
	it('deletes the threads about it in the same transaction; other threads stay', () => {
		const { doc, model } = discussionReplica();
		const gap = model.addGap({ type: 'other', title: 'G', anchor: { kind: 'point', x: 0, y: 0 }, createdBy: 'u' });
		const target = model.addTarget({ title: 'T', createdBy: 'u' });
		const aboutGap = model.addThread({ anchor: { kind: 'gap', id: gap }, createdBy: 'u', text: 'Miksi?' });
		const aboutTarget = model.addThread({ anchor: { kind: 'target', id: target }, createdBy: 'u', text: 'Kuka?' });
		const transactions = countChangingTransactions(doc);
		expect(model.deleteGap(gap)).toBe(true);
		expect(transactions.count).toBe(1);
		expect(model.thread(aboutGap)).toBeUndefined();
		expect(model.thread(aboutTarget)).toBeDefined();
		expect(model.deleteGap(gap)).toBe(false);
	});

	it('refuses to edit what does not exist', () => {
		const { model } = discussionReplica();
		expect(() => model.updateGap('nope', { title: 'x' })).toThrow(MapValidationError);
		expect(rejectionOf(() => model.updateTarget('nope', { title: 'x' }))).toEqual([{ field: 'id', code: 'not_found' }]);
	});
});

describe('initializeDiscussionDocument', () => {
	it('stamps the version once', () => {
		const doc = new Y.Doc();
		expect(initializeDiscussionDocument(doc)).toBe(true);
		expect(initializeDiscussionDocument(doc)).toBe(false);
		expect(discussionReplica().model.snapshot().schemaVersion).toBeNull();
		expect(doc.getMap('meta').get('schemaVersion')).toBe(DISCUSSION_SCHEMA_VERSION);
	});
});
