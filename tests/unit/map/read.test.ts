// Readers tolerate anything another client may have written into the maps: they never throw, never drop, and list issues.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { MAX_COORDINATE, MapValidationError, readActor, readLink, readMeta, readRegion, type FieldError } from '$lib/map';
import { replica, syncAll } from './helpers';

function issueCodes(issues: FieldError[]): string[] {
	return issues.map((issue) => `${issue.field}:${issue.code}`);
}

/** A nested Y.Map integrated into a doc, filled with whatever fields the test wants. */
function stored(fields: Record<string, unknown>): Y.Map<unknown> {
	const doc = new Y.Doc();
	const element = new Y.Map<unknown>();
	doc.getMap('actors').set('e', element);
	for (const [key, value] of Object.entries(fields)) element.set(key, value);
	return element;
}

const everything = { hasActor: () => true, hasRegion: () => true };

describe('readActor', () => {
	it('reads a valid actor without issues', () => {
		const view = readActor('a1', stored({ name: 'Oy', kind: 'rdi', pos: { x: 1, y: 2 }, createdAt: 5 }), everything);
		expect(view).toEqual({ id: 'a1', name: 'Oy', kind: 'rdi', pos: { x: 1, y: 2 }, createdAt: 5, issues: [] });
	});

	it('keeps an unknown kind verbatim and reports it', () => {
		const view = readActor('a1', stored({ name: 'Oy', kind: 'spaceship', pos: { x: 0, y: 0 }, createdAt: 1 }));
		expect(view.kind).toBe('spaceship');
		expect(issueCodes(view.issues)).toEqual(['kind:invalid_kind']);
	});

	it('places an actor with a missing position at the origin and reports it', () => {
		const view = readActor('a1', stored({ name: 'Oy', kind: 'rdi', createdAt: 1 }));
		expect(view.pos).toEqual({ x: 0, y: 0 });
		expect(issueCodes(view.issues)).toEqual(['pos:required']);
	});

	it.each([
		['a string', 'garbage', ['pos:invalid_type']],
		['an array', [1, 2], ['pos:invalid_type']],
		['a nested Y.Map', new Y.Map(), ['pos:invalid_type']],
		['separate text coordinates', { x: '3', y: 4 }, ['pos.x:invalid_number']],
		['a half-missing object', { y: 4 }, ['pos.x:invalid_number']]
	])('tolerates a position that is %s', (_label, pos, expected) => {
		const view = readActor('a1', stored({ name: 'Oy', kind: 'rdi', pos, createdAt: 1 }));
		expect(issueCodes(view.issues)).toEqual(expected);
		expect(Number.isFinite(view.pos.x) && Number.isFinite(view.pos.y)).toBe(true);
	});

	it('keeps an out-of-range coordinate (so the actor can be dragged back) and reports it', () => {
		const view = readActor('a1', stored({ name: 'Oy', kind: 'rdi', pos: { x: 5e9, y: 1 }, createdAt: 1 }));
		expect(view.pos).toEqual({ x: 5e9, y: 1 });
		expect(view.pos.x).toBeGreaterThan(MAX_COORDINATE);
		expect(issueCodes(view.issues)).toEqual(['pos.x:out_of_range']);
	});

	it('shows wrongly typed texts as text and reports each', () => {
		const view = readActor('a1', stored({ name: 42, kind: true, pos: { x: 0, y: 0 }, description: 7, createdAt: 'yesterday', region: 9 }));
		expect(view).toMatchObject({ name: '42', kind: 'true', description: '7', createdAt: 0 });
		expect(view).not.toHaveProperty('region');
		expect(issueCodes(view.issues)).toEqual([
			'name:invalid_type',
			'kind:invalid_kind',
			'region:invalid_type',
			'description:invalid_type',
			'createdAt:invalid_number'
		]);
	});

	it('treats null optional fields as absent', () => {
		const view = readActor('a1', stored({ name: 'Oy', kind: 'rdi', pos: { x: 0, y: 0 }, createdAt: 1, description: null, region: null }));
		expect(view.issues).toEqual([]);
		expect(view).not.toHaveProperty('description');
	});

	it('flags a region that no longer exists but keeps the reference', () => {
		const view = readActor('a1', stored({ name: 'Oy', kind: 'rdi', pos: { x: 0, y: 0 }, createdAt: 1, region: 'gone' }), {
			hasActor: () => true,
			hasRegion: () => false
		});
		expect(view.region).toBe('gone');
		expect(issueCodes(view.issues)).toEqual(['region:unknown_region']);
	});

	it('reads an element stored as a plain object but flags it', () => {
		const view = readActor('a1', { name: 'Plain', kind: 'other', pos: { x: 3, y: 4 }, createdAt: 2 });
		expect(view).toMatchObject({ name: 'Plain', kind: 'other', pos: { x: 3, y: 4 } });
		expect(issueCodes(view.issues)).toEqual([':invalid_type']);
	});

	it.each([
		['a string', 'hello'],
		['a number', 12],
		['null', null],
		['a Y.Array', new Y.Array()],
		['a byte array', new Uint8Array([1, 2])]
	])('turns an element that is %s into an invalid view instead of throwing', (_label, value) => {
		const view = readActor('a1', value);
		expect(view).toMatchObject({ id: 'a1', name: '', kind: '', pos: { x: 0, y: 0 } });
		expect(issueCodes(view.issues)).toContain(':invalid_type');
	});

	it('returns a fresh position object, so changing a view never changes the document', () => {
		const element = stored({ name: 'Oy', kind: 'rdi', pos: { x: 1, y: 1 }, createdAt: 1 });
		readActor('a1', element).pos.x = 999;
		expect(readActor('a1', element).pos).toEqual({ x: 1, y: 1 });
	});
});

describe('readLink, readRegion and readMeta', () => {
	it('marks a link to a missing actor as dangling and says which end', () => {
		const view = readLink('l1', stored({ source: 'a', target: 'gone', kind: 'funding' }), {
			hasActor: (id) => id === 'a',
			hasRegion: () => true
		});
		expect(view.dangling).toBe(true);
		expect(issueCodes(view.issues)).toEqual(['target:unknown_actor']);
	});

	it('marks a link with a missing endpoint field as dangling', () => {
		const view = readLink('l1', stored({ source: 'a', kind: 'funding' }), everything);
		expect(view).toMatchObject({ target: '', dangling: true });
		expect(issueCodes(view.issues)).toEqual(['target:required']);
	});

	it('keeps an unknown link kind and reports a self-link', () => {
		const view = readLink('l1', stored({ source: 'a', target: 'a', kind: 'teleport' }), everything);
		expect(view.kind).toBe('teleport');
		expect(view.dangling).toBe(false);
		expect(issueCodes(view.issues)).toEqual(['kind:invalid_kind', 'target:self_link']);
	});

	it('does not check references without a context', () => {
		expect(readLink('l1', stored({ source: 'a', target: 'b', kind: 'funding' })).dangling).toBe(false);
	});

	it('reports a region without a name', () => {
		expect(issueCodes(readRegion('r1', stored({})).issues)).toEqual(['name:required']);
		expect(readRegion('r1', stored({ name: 'Rauma' }))).toEqual({ id: 'r1', name: 'Rauma', issues: [] });
	});

	it('reports a garbage schema version and title in meta', () => {
		const doc = new Y.Doc();
		const meta = doc.getMap<unknown>('meta');
		expect(readMeta(meta)).toEqual({ schemaVersion: null, title: null, issues: [] });
		meta.set('schemaVersion', 'one');
		meta.set('title', 5);
		const view = readMeta(meta);
		expect(view).toMatchObject({ schemaVersion: null, title: '5' });
		expect(issueCodes(view.issues)).toEqual(['schemaVersion:invalid_number', 'title:invalid_type']);
	});
});

describe('MapModel over garbage written by another client', () => {
	function garbageDocument() {
		const vandal = new Y.Doc();
		const actors = vandal.getMap<unknown>('actors');
		const links = vandal.getMap<unknown>('links');
		const regions = vandal.getMap<unknown>('regions');
		vandal.transact(() => {
			actors.set('str', 'not an actor');
			actors.set('plain', { name: 'Plain', kind: 'company', pos: { x: 1, y: 1 }, createdAt: 1 });
			const ufo = new Y.Map<unknown>();
			actors.set('ufo', ufo);
			ufo.set('name', 'UFO');
			ufo.set('kind', 'spaceship');
			ufo.set('region', 'no-such-region');
			const missing = new Y.Map<unknown>();
			links.set('toNowhere', missing);
			missing.set('source', 'ufo');
			missing.set('target', 'deleted-long-ago');
			missing.set('kind', 'informal');
			links.set('num', 17);
			regions.set('arr', new Y.Array());
			vandal.getMap('meta').set('schemaVersion', { v: 1 });
		});
		const { doc, model } = replica();
		syncAll(vandal, doc);
		return model;
	}

	it('lists every element, valid or not, without throwing', () => {
		const model = garbageDocument();
		expect(model.actors().map((a) => a.id)).toEqual(['plain', 'str', 'ufo']);
		expect(model.links().map((l) => l.id)).toEqual(['num', 'toNowhere']);
		expect(model.regions().map((r) => r.id)).toEqual(['arr']);
		const ufo = model.actor('ufo');
		expect(ufo?.kind).toBe('spaceship');
		expect(issueCodes(ufo?.issues ?? [])).toEqual([
			'kind:invalid_kind',
			'region:unknown_region',
			'pos:required',
			'createdAt:required'
		]);
		expect(model.link('toNowhere')).toMatchObject({ dangling: true });
		expect(model.linksOf('ufo').map((l) => l.id)).toEqual(['toNowhere']);
	});

	it('produces a JSON snapshot of the garbage', () => {
		const snapshot = garbageDocument().snapshot();
		expect(snapshot.schemaVersion).toBeNull();
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
		expect(snapshot.actors).toHaveLength(3);
	});

	it('refuses to edit an element that is not a Y.Map but lets it be deleted', () => {
		const model = garbageDocument();
		expect(() => model.updateActor('plain', { name: 'Fixed' })).toThrow(MapValidationError);
		expect(model.moveActor('str', { x: 1, y: 1 })).toBe(false);
		expect(model.deleteActor('plain')).toBe(true);
		expect(model.actor('plain')).toBeUndefined();
	});

	it('cleans up the dangling and the unreadable link', () => {
		const model = garbageDocument();
		expect(model.cleanupDanglingLinks()).toBe(2);
		expect(model.links()).toEqual([]);
	});
});
