// Undo with a per-user Y.UndoManager tracking only the model's origin: local edits only, one step per edit.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import type { MapModel } from '$lib/map';
import { replica, syncAll } from './helpers';

/** captureTimeout 0: every transaction is its own step, so a step count proves a transaction count. */
function undoManagerFor(model: MapModel): Y.UndoManager {
	return new Y.UndoManager(
		[model.parts.actors, model.parts.links, model.parts.regions, model.parts.meta],
		{ trackedOrigins: new Set([model.origin]), captureTimeout: 0 }
	);
}

describe('undo', () => {
	it('restores a deleted actor and its links with one undo step', () => {
		const { model } = replica();
		const a = model.addActor({ name: 'A', kind: 'rdi' });
		const b = model.addActor({ name: 'B', kind: 'rdi' });
		const link = model.addLink({ source: a, target: b, kind: 'funding', description: 'Rahoitus' });
		const undo = undoManagerFor(model);
		model.deleteActor(a);
		expect(undo.undoStack).toHaveLength(1);
		undo.undo();
		expect(model.actor(a)?.name).toBe('A');
		expect(model.link(link)).toMatchObject({ source: a, target: b, description: 'Rahoitus', dangling: false });
		expect(undo.undoStack).toHaveLength(0);
	});

	it('restores a deleted region and its actors\' membership with one undo step', () => {
		const { model } = replica();
		const region = model.addRegion({ name: 'Keuruu' });
		const actor = model.addActor({ name: 'A', kind: 'rdi', region });
		const undo = undoManagerFor(model);
		model.deleteRegion(region);
		undo.undo();
		expect(model.region(region)?.name).toBe('Keuruu');
		expect(model.actor(actor)?.region).toBe(region);
	});

	it('undoes only local edits; a remote edit synced in stays', () => {
		const alice = replica();
		const bob = replica();
		const shared = alice.model.addActor({ name: 'Shared', kind: 'company', pos: { x: 0, y: 0 } });
		syncAll(alice.doc, bob.doc);
		const undo = undoManagerFor(alice.model);

		alice.model.moveActor(shared, { x: 100, y: 100 });
		const bobsActor = bob.model.addActor({ name: 'Bob', kind: 'rdi' });
		bob.model.updateActor(shared, { name: 'Renamed by Bob' });
		syncAll(alice.doc, bob.doc);
		expect(undo.undoStack).toHaveLength(1);

		undo.undo();
		syncAll(alice.doc, bob.doc);
		for (const model of [alice.model, bob.model]) {
			expect(model.actor(shared)).toMatchObject({ name: 'Renamed by Bob', pos: { x: 0, y: 0 } });
			expect(model.actor(bobsActor)?.name).toBe('Bob');
		}
		expect(undo.canUndo()).toBe(false);
	});

	it('redoes an undone move', () => {
		const { model } = replica();
		const a = model.addActor({ name: 'A', kind: 'rdi' });
		const undo = undoManagerFor(model);
		model.moveActor(a, { x: 5, y: 5 });
		undo.undo();
		expect(model.actor(a)?.pos).toEqual({ x: 0, y: 0 });
		undo.redo();
		expect(model.actor(a)?.pos).toEqual({ x: 5, y: 5 });
	});

	it('never records cleanup as a user step', () => {
		const alice = replica();
		const bob = replica();
		const a = alice.model.addActor({ name: 'A', kind: 'rdi' });
		const b = alice.model.addActor({ name: 'B', kind: 'rdi' });
		syncAll(alice.doc, bob.doc);
		alice.model.deleteActor(a);
		bob.model.addLink({ source: a, target: b, kind: 'informal' });
		syncAll(alice.doc, bob.doc);
		const undo = undoManagerFor(alice.model);
		expect(alice.model.cleanupDanglingLinks()).toBe(1);
		expect(undo.undoStack).toHaveLength(0);
	});
});
