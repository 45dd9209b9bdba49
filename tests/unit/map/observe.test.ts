// MapModel.observe: one report per transaction naming the changed ids, with local vs remote origin.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import type { MapChange } from '$lib/map';
import { replica, syncAll } from './helpers';

/** A report with nothing changed but what is given. */
function changeOf(fields: Partial<MapChange> & { local: boolean }): MapChange {
	const none = () => new Set<string>();
	return { actors: none(), links: none(), regions: none(), sectors: none(), fields: none(), views: none(), meta: false, ...fields };
}

function recorder() {
	const changes: MapChange[] = [];
	return { changes, record: (change: MapChange) => changes.push(change) };
}

describe('observe', () => {
	it('reports an added, an updated and a deleted actor, each as a local change', () => {
		const { model } = replica();
		const { changes, record } = recorder();
		model.observe(record);
		const id = model.addActor({ name: 'A', kind: 'rdi' });
		model.updateActor(id, { name: 'B' });
		model.moveActor(id, { x: 1, y: 2 });
		model.deleteActor(id);
		expect(changes).toHaveLength(4);
		for (const change of changes) {
			expect(change).toEqual(changeOf({ actors: new Set([id]), local: true }));
		}
	});

	it('batches a whole transaction into one report, including links removed with their actor', () => {
		const { model } = replica();
		const a = model.addActor({ name: 'A', kind: 'rdi' });
		const b = model.addActor({ name: 'B', kind: 'rdi' });
		const link = model.addLink({ source: a, target: b, kind: 'funding' });
		const { changes, record } = recorder();
		model.observe(record);
		model.deleteActor(a);
		let region = '';
		model.transact(() => {
			region = model.addRegion({ name: 'R' });
			model.updateActor(b, { region });
			model.setTitle('T');
		});
		expect(changes).toEqual([
			changeOf({ actors: new Set([a]), links: new Set([link]), local: true }),
			changeOf({ actors: new Set([b]), regions: new Set([region]), meta: true, local: true })
		]);
	});

	it('marks changes from another replica as not local', () => {
		const alice = replica();
		const bob = replica();
		const { changes, record } = recorder();
		alice.model.observe(record);
		const id = bob.model.addActor({ name: 'Bob', kind: 'rdi' });
		syncAll(bob.doc, alice.doc);
		expect(changes).toEqual([changeOf({ actors: new Set([id]), local: false })]);
	});

	it('counts undo and redo of this model as local', () => {
		const { model } = replica();
		const id = model.addActor({ name: 'A', kind: 'rdi' });
		const undo = new Y.UndoManager(model.parts.actors, { trackedOrigins: new Set([model.origin]) });
		model.moveActor(id, { x: 9, y: 9 });
		const { changes, record } = recorder();
		model.observe(record);
		undo.undo();
		expect(changes).toHaveLength(1);
		expect(changes[0]).toMatchObject({ actors: new Set([id]), local: true });
	});

	it('stays silent for a transaction that changes nothing and after unsubscribing', () => {
		const { model } = replica();
		const id = model.addActor({ name: 'A', kind: 'rdi' });
		const { changes, record } = recorder();
		const unsubscribe = model.observe(record);
		model.updateActor(id, { name: 'A' });
		expect(changes).toHaveLength(0);
		unsubscribe();
		model.updateActor(id, { name: 'B' });
		expect(changes).toHaveLength(0);
	});

	it('reports sectors, fields and views, and a custom value or sector removal as a change of the actor', () => {
		const { model } = replica();
		const { changes, record } = recorder();
		model.observe(record);
		const sector = model.addSector({ name: 'ICT' });
		const field = model.addField({ name: 'F', type: 'text', appliesTo: 'actor' });
		const view = model.addView({ name: 'V' });
		const actor = model.addActor({ name: 'A', kind: 'rdi', sectors: [sector] });
		changes.length = 0;
		model.setCustomValue('actor', actor, field, 'arvo');
		model.deleteSector(sector);
		model.updateView(view, { layout: 'preset' });
		expect(changes).toEqual([
			changeOf({ actors: new Set([actor]), local: true }),
			changeOf({ actors: new Set([actor]), sectors: new Set([sector]), local: true }),
			changeOf({ views: new Set([view]), local: true })
		]);
		model.deleteField(field);
		expect(changes.at(-1)).toEqual(changeOf({ actors: new Set([actor]), fields: new Set([field]), local: true }));
	});
});
