// The editor's undo history: undoes only this user's edits, reports canUndo/canRedo, and one gesture is one step.
import { describe, it, expect } from 'vitest';
import { get } from 'svelte/store';
import { createUndoHistory } from '$lib/collab/undo';
import { replica, syncAll } from '../map/helpers';

describe('undo history', () => {
	it('reports whether undo and redo are possible', () => {
		const { model } = replica();
		const history = createUndoHistory(model);
		expect(get(history.canUndo)).toBe(false);
		model.addActor({ name: 'A', kind: 'company' });
		expect(get(history.canUndo)).toBe(true);
		history.undo();
		expect(get(history.canUndo)).toBe(false);
		expect(get(history.canRedo)).toBe(true);
		history.redo();
		expect(model.actors().map((actor) => actor.name)).toEqual(['A']);
		history.destroy();
	});

	it('keeps gestures apart with stopCapturing, even within the capture timeout', () => {
		const { model } = replica();
		const history = createUndoHistory(model);
		history.stopCapturing();
		const a = model.addActor({ name: 'A', kind: 'company' });
		history.stopCapturing();
		model.updateActor(a, { name: 'A renamed' });
		history.undo();
		expect(model.actor(a)?.name).toBe('A');
	});

	it("never undoes a collaborator's edit", () => {
		const alice = replica();
		const bob = replica();
		const history = createUndoHistory(alice.model);
		const mine = alice.model.addActor({ name: 'Mine', kind: 'rdi' });
		bob.model.addActor({ name: 'Theirs', kind: 'rdi' });
		syncAll(alice.doc, bob.doc);
		history.undo();
		expect(alice.model.actor(mine)).toBeUndefined();
		expect(alice.model.actors().map((actor) => actor.name)).toEqual(['Theirs']);
		expect(get(history.canUndo)).toBe(false);
	});

	it('undoes a sector delete in one step, with every actor\'s reference to it', () => {
		const { model } = replica();
		const history = createUndoHistory(model);
		history.stopCapturing();
		const sector = model.addSector({ name: 'Kiertotalous', growth: true });
		history.stopCapturing();
		const a = model.addActor({ name: 'A', kind: 'company', sectors: [sector] });
		const b = model.addActor({ name: 'B', kind: 'rdi', sectors: [sector] });
		history.stopCapturing();
		model.deleteSector(sector);
		expect(model.sectors()).toEqual([]);
		expect(model.actor(a)?.sectors).toBeUndefined();

		history.undo();
		expect(model.sectors().map((s) => [s.id, s.name, s.growth])).toEqual([[sector, 'Kiertotalous', true]]);
		expect(model.actor(a)?.sectors).toEqual([sector]);
		expect(model.actor(b)?.sectors).toEqual([sector]);
		expect(model.actor(a)?.issues).toEqual([]);
		history.redo();
		expect(model.sectors()).toEqual([]);
		expect(model.actor(b)?.sectors).toBeUndefined();
	});

	it('undoes custom field definitions, their values and saved views', () => {
		const { model } = replica();
		const history = createUndoHistory(model);
		history.stopCapturing();
		const field = model.addField({ name: 'Perustettu', type: 'number', appliesTo: 'actor' });
		history.stopCapturing();
		const a = model.addActor({ name: 'A', kind: 'company', custom: { [field]: 1972 } });
		history.stopCapturing();
		model.deleteField(field);
		expect(model.actor(a)?.custom).toBeUndefined();
		history.undo();
		expect(model.fields().map((f) => f.name)).toEqual(['Perustettu']);
		expect(model.actor(a)?.custom).toEqual({ [field]: 1972 });

		history.stopCapturing();
		model.addView({ name: 'Kasvualat' });
		history.stopCapturing();
		history.undo();
		expect(model.views()).toEqual([]);
	});
});
