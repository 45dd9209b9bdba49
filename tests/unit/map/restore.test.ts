import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapModel, compareSnapshots, initializeDocument, restoreGraphTo } from '../../../src/lib/map';

function freshMap() {
	const doc = new Y.Doc();
	initializeDocument(doc);
	const model = new MapModel(doc);
	const a = model.addActor({ name: 'Iisalmen Puutekniikka Oy', kind: 'company' });
	const b = model.addActor({ name: 'Savonia campus', kind: 'education' });
	const link = model.addLink({ source: a, target: b, kind: 'education' });
	return { doc, model, a, b, link };
}

/** A version as the server keeps it: the encoded state, decoded into a doc of its own. */
function versionOf(doc: Y.Doc): Y.Doc {
	const version = new Y.Doc();
	Y.applyUpdate(version, Y.encodeStateAsUpdate(doc));
	return version;
}

function exchange(x: Y.Doc, y: Y.Doc) {
	Y.applyUpdate(y, Y.encodeStateAsUpdate(x, Y.encodeStateVector(y)));
	Y.applyUpdate(x, Y.encodeStateAsUpdate(y, Y.encodeStateVector(x)));
}

describe('restoreGraphTo', () => {
	it('brings deleted, renamed and added elements back to the version', () => {
		const { doc, model, a, b } = freshMap();
		const version = versionOf(doc);
		const before = model.snapshot();
		model.updateActor(b, { name: 'Renamed' });
		model.deleteActor(a);
		model.addActor({ name: 'Added later', kind: 'rdi' });
		restoreGraphTo(doc, version);
		expect(model.snapshot()).toEqual(before);
	});

	it('merges with an offline copy made before the restore without duplicating anything, keeping the offline edit', () => {
		const { doc: server, model, a, b } = freshMap();
		const offline = new Y.Doc();
		exchange(server, offline);
		const version = versionOf(server);

		const offlineModel = new MapModel(offline);
		const offlineActor = offlineModel.addActor({ name: 'Made offline', kind: 'association' });
		model.deleteActor(a);
		model.updateActor(b, { name: 'Renamed on the server' });
		restoreGraphTo(server, version);
		exchange(server, offline);

		const names = new MapModel(server).actors().map((actor) => actor.name).sort();
		expect(names).toEqual(['Iisalmen Puutekniikka Oy', 'Made offline', 'Savonia campus']);
		expect(new MapModel(offline).snapshot()).toEqual(new MapModel(server).snapshot());
		expect(new MapModel(server).actor(offlineActor)?.name).toBe('Made offline');
		expect(new MapModel(server).links()).toHaveLength(1);
	});

	it('is one change: a single undo step for the user who restored', () => {
		const { doc, model, a } = freshMap();
		const version = versionOf(doc);
		model.deleteActor(a);
		const afterDelete = model.snapshot();
		const origin = { restoredBy: 'alice' };
		const undo = new Y.UndoManager([doc.getMap('actors'), doc.getMap('links')], { trackedOrigins: new Set([origin]) });
		restoreGraphTo(doc, version, origin);
		expect(model.actor(a)).toBeDefined();
		undo.undo();
		expect(model.snapshot().actors).toEqual(afterDelete.actors);
	});

	it('leaves the document untouched when it already matches the version', () => {
		const { doc } = freshMap();
		const version = versionOf(doc);
		const updates: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => updates.push(update));
		restoreGraphTo(doc, version);
		expect(updates).toHaveLength(0);
	});
});

describe('compareSnapshots', () => {
	it('lists added, removed and changed actors and links with the fields that changed', () => {
		const { doc, model, a, b, link } = freshMap();
		const before = model.snapshot();
		model.updateActor(b, { name: 'Savonia', kind: 'rdi' });
		const added = model.addActor({ name: 'New', kind: 'funding' });
		model.deleteActor(a);
		const diff = compareSnapshots(before, new MapModel(doc).snapshot());
		expect(diff.actors.added.map((x) => x.id)).toEqual([added]);
		expect(diff.actors.removed.map((x) => x.id)).toEqual([a]);
		expect(diff.actors.changed).toEqual([expect.objectContaining({ id: b, fields: ['kind', 'name'] })]);
		expect(diff.links.removed.map((x) => x.id)).toEqual([link]);
		expect(diff.regions).toEqual({ added: [], removed: [], changed: [] });
	});
});
