// Schema versioning: server-side initialisation, ordered forward migrations, and refusing documents that are too new.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import {
	MIGRATIONS,
	MIGRATION_ORIGIN,
	MapModel,
	MapValidationError,
	SCHEMA_VERSION,
	SchemaTooNewError,
	SchemaVersionInvalidError,
	assertSchemaSupported,
	initializeDocument,
	migrateDocument,
	schemaVersionOf,
	type Migration
} from '$lib/map';
import { captureUpdates, countChangingTransactions } from './helpers';

function docAtVersion(version: unknown): Y.Doc {
	const doc = new Y.Doc();
	doc.getMap('meta').set('schemaVersion', version);
	return doc;
}

describe('initializeDocument', () => {
	it('stamps a fresh document with the current version in one transaction under the migration origin', () => {
		const doc = new Y.Doc();
		const transactions = countChangingTransactions(doc);
		expect(initializeDocument(doc, { title: ' Uusi kartta ' })).toBe(true);
		expect(transactions).toEqual({ count: 1, origins: [MIGRATION_ORIGIN] });
		expect(new MapModel(doc).meta()).toEqual({ schemaVersion: SCHEMA_VERSION, title: 'Uusi kartta', issues: [] });
	});

	it('does nothing to a document that already has a version', () => {
		const doc = docAtVersion(SCHEMA_VERSION);
		const updates = captureUpdates(doc);
		expect(initializeDocument(doc)).toBe(false);
		expect(updates).toHaveLength(0);
	});

	it('rejects an invalid title without writing', () => {
		const doc = new Y.Doc();
		expect(() => initializeDocument(doc, { title: 't'.repeat(1000) })).toThrow(MapValidationError);
		expect(doc.getMap('meta').size).toBe(0);
	});
});

describe('migrateDocument', () => {
	it('keeps the migration list ordered and ending at SCHEMA_VERSION', () => {
		const versions = MIGRATIONS.map((migration) => migration.version);
		expect(versions).toEqual([...versions].sort((a, b) => a - b));
		expect(new Set(versions).size).toBe(versions.length);
		expect(versions.at(-1)).toBe(SCHEMA_VERSION);
		expect(versions[0]).toBe(1);
	});

	it('leaves a current document alone', () => {
		const doc = new Y.Doc();
		initializeDocument(doc);
		const updates = captureUpdates(doc);
		expect(migrateDocument(doc)).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION });
		expect(updates).toHaveLength(0);
	});

	it('brings a document without a version up to the current one', () => {
		const doc = new Y.Doc();
		expect(migrateDocument(doc)).toEqual({ from: 0, to: SCHEMA_VERSION });
		expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
	});

	it('rejects a document newer than the code with a clear error and does not touch it', () => {
		const doc = docAtVersion(SCHEMA_VERSION + 1);
		const updates = captureUpdates(doc);
		expect(() => migrateDocument(doc)).toThrow(SchemaTooNewError);
		try {
			migrateDocument(doc);
		} catch (error) {
			expect(error).toMatchObject({ code: 'schema_too_new', found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
			expect((error as Error).message).toContain(`version ${SCHEMA_VERSION + 1}`);
		}
		expect(() => assertSchemaSupported(doc)).toThrow(SchemaTooNewError);
		expect(updates).toHaveLength(0);
	});

	it.each([['text', 'one'], ['zero', 0], ['a fraction', 1.5], ['an object', { v: 1 }]])(
		'rejects a schema version that is %s',
		(_label, version) => {
			expect(() => migrateDocument(docAtVersion(version))).toThrow(SchemaVersionInvalidError);
		}
	);

	it('accepts a current document in assertSchemaSupported', () => {
		const doc = new Y.Doc();
		initializeDocument(doc);
		expect(() => assertSchemaSupported(doc)).not.toThrow();
	});

	// A stand-in for the future: version 3 is one more entry in the list.
	const renameOther: Migration = {
		version: 3,
		description: "Example: kind 'other' becomes 'association'.",
		up: (doc) => {
			doc.getMap<unknown>('actors').forEach((actor) => {
				if (actor instanceof Y.Map && actor.get('kind') === 'other') actor.set('kind', 'association');
			});
		}
	};

	it('applies newer migrations in order as one forward update that other replicas receive', () => {
		const server = new Y.Doc();
		initializeDocument(server);
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
		const id = new MapModel(client).addActor({ name: 'Seura', kind: 'other' });
		Y.applyUpdate(server, Y.encodeStateAsUpdate(client));

		const updates = captureUpdates(server);
		expect(migrateDocument(server, [...MIGRATIONS, renameOther])).toEqual({ from: SCHEMA_VERSION, to: 3 });
		expect(updates).toHaveLength(1);
		Y.applyUpdate(client, updates[0]!);
		expect(new MapModel(client).actor(id)?.kind).toBe('association');
		expect(schemaVersionOf(client)).toBe(3);
	});

	it('leaves the document untouched when a migration throws', () => {
		const doc = new Y.Doc();
		initializeDocument(doc);
		new MapModel(doc).addActor({ name: 'Seura', kind: 'other' });
		const before = Y.encodeStateAsUpdate(doc);
		const broken: Migration = {
			version: 4,
			description: 'fails half-way',
			up: () => {
				throw new Error('boom');
			}
		};
		const updates = captureUpdates(doc);
		expect(() => migrateDocument(doc, [...MIGRATIONS, renameOther, broken])).toThrow('boom');
		expect(updates).toHaveLength(0);
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
		expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
	});
});
