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
});
