// Schema version 2: new documents start at 2, and a version-1 document is upgraded with a custom map on every element.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { MIGRATIONS, MapModel, SCHEMA_VERSION, initializeDocument, migrateDocument, schemaVersionOf } from '$lib/map';
import { captureUpdates, syncAll } from './helpers';

/** A document as version-1 code wrote it: no custom maps, no catalogues, version 1. */
function versionOneDocument(): Y.Doc {
	const doc = new Y.Doc();
	doc.transact(() => {
		doc.getMap('meta').set('schemaVersion', 1);
		const actors = doc.getMap<unknown>('actors');
		for (const [id, name] of [['a', 'Rauman Meriteknologia Oy'], ['b', 'Rauman merenkulun kampus']]) {
			const actor = new Y.Map<unknown>();
			actors.set(id!, actor);
			actor.set('name', name);
			actor.set('kind', id === 'a' ? 'company' : 'education');
			actor.set('pos', { x: 0, y: 0 });
			actor.set('createdAt', 1);
		}
		const link = new Y.Map<unknown>();
		doc.getMap<unknown>('links').set('l', link);
		link.set('source', 'b');
		link.set('target', 'a');
		link.set('kind', 'education');
		doc.getMap<unknown>('links').set('plain', { source: 'a', target: 'b', kind: 'informal' });
	});
	return doc;
}

describe('schema version 2', () => {
	it('is the current version, with a migration entry of its own', () => {
		expect(SCHEMA_VERSION).toBe(2);
		expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2]);
		expect(MIGRATIONS[1]!.description).toMatch(/custom/);
	});

	it('is what initializeDocument writes for a new map', () => {
		const doc = new Y.Doc();
		initializeDocument(doc);
		expect(schemaVersionOf(doc)).toBe(2);
		expect(new MapModel(doc).snapshot()).toMatchObject({ schemaVersion: 2, sectors: [], fields: [], views: [] });
	});

	it('upgrades a version-1 document: same snapshot apart from the version, and every element gets an empty custom map', () => {
		const doc = versionOneDocument();
		const before = new MapModel(doc).snapshot();
		const updates = captureUpdates(doc);
		expect(migrateDocument(doc)).toEqual({ from: 1, to: 2 });
		expect(updates).toHaveLength(1);
		expect(new MapModel(doc).snapshot()).toEqual({ ...before, schemaVersion: 2 });
		for (const [map, id] of [['actors', 'a'], ['actors', 'b'], ['links', 'l']] as const) {
			expect((doc.getMap(map).get(id) as Y.Map<unknown>).get('custom')).toBeInstanceOf(Y.Map);
		}
		// An element stored as a plain object cannot hold a nested map; it is left for the readers to flag.
		expect(doc.getMap('links').get('plain')).toEqual({ source: 'a', target: 'b', kind: 'informal' });
		expect(migrateDocument(doc)).toEqual({ from: 2, to: 2 });
	});

	it('lets two people set their first custom values on an upgraded old actor at once without losing either', () => {
		const server = versionOneDocument();
		migrateDocument(server);
		const setup = new MapModel(server);
		const year = setup.addField({ name: 'Vuosi', type: 'number', appliesTo: 'actor' });
		const note = setup.addField({ name: 'Huom', type: 'text', appliesTo: 'actor' });
		const alice = new Y.Doc();
		const bob = new Y.Doc();
		syncAll(server, alice, bob);
		new MapModel(alice).setCustomValue('actor', 'a', year, 1945);
		new MapModel(bob).setCustomValue('actor', 'a', note, 'Telakka');
		syncAll(server, alice, bob);
		for (const doc of [server, alice, bob]) {
			expect(new MapModel(doc).actor('a')?.custom).toEqual({ [year]: 1945, [note]: 'Telakka' });
		}
	});

	it('converges when two servers run the migration concurrently', () => {
		const first = versionOneDocument();
		const second = new Y.Doc();
		syncAll(first, second);
		migrateDocument(first);
		migrateDocument(second);
		syncAll(first, second);
		expect(new MapModel(first).snapshot()).toEqual(new MapModel(second).snapshot());
		expect(schemaVersionOf(first)).toBe(2);
		expect((first.getMap('actors').get('a') as Y.Map<unknown>).get('custom')).toBeInstanceOf(Y.Map);
	});
});
