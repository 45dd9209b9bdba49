import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapModel } from '../../../src/lib/map';
import { activityOf, type ActivityEntry } from '../../../server/sync/activity';

function record(doc: Y.Doc): ActivityEntry[][] {
	const seen: ActivityEntry[][] = [];
	doc.on('afterTransaction', (transaction: Y.Transaction) => seen.push(activityOf(transaction)));
	return seen;
}

describe('activityOf', () => {
	it('names a new actor once as created, even though its fields were set in the same transaction', () => {
		const doc = new Y.Doc();
		const seen = record(doc);
		const id = new MapModel(doc).addActor({ name: 'Raahen Teräs Oy', kind: 'company' });
		expect(seen.at(-1)).toEqual([{ collection: 'actors', elementId: id, action: 'created' }]);
	});

	it('reports a rename or a move as an update of that actor, and a nested custom value as an update of its element', () => {
		const doc = new Y.Doc();
		const model = new MapModel(doc);
		const id = model.addActor({ name: 'A', kind: 'company' });
		const seen = record(doc);
		model.updateActor(id, { name: 'B' });
		expect(seen.at(-1)).toEqual([{ collection: 'actors', elementId: id, action: 'updated' }]);
		model.moveActor(id, { x: 10, y: 20 });
		expect(seen.at(-1)).toEqual([{ collection: 'actors', elementId: id, action: 'updated' }]);
		const field = model.addField({ name: 'Founded', type: 'number', appliesTo: 'actor' });
		model.setCustomValue('actor', id, field, 1999);
		expect(seen.at(-1)).toEqual([{ collection: 'actors', elementId: id, action: 'updated' }]);
	});

	it('reports deleting an actor and its links as deletions of each', () => {
		const doc = new Y.Doc();
		const model = new MapModel(doc);
		const a = model.addActor({ name: 'A', kind: 'company' });
		const b = model.addActor({ name: 'B', kind: 'rdi' });
		const link = model.addLink({ source: a, target: b, kind: 'rdi_project' });
		const seen = record(doc);
		model.deleteActor(a);
		expect(seen.at(-1)).toEqual(
			expect.arrayContaining([
				{ collection: 'actors', elementId: a, action: 'deleted' },
				{ collection: 'links', elementId: link, action: 'deleted' }
			])
		);
		expect(seen.at(-1)).toHaveLength(2);
	});

	it('says nothing for a transaction that changed nothing', () => {
		const doc = new Y.Doc();
		const seen = record(doc);
		doc.transact(() => {});
		expect(seen.at(-1)).toEqual([]);
	});
});
