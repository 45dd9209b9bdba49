// A room answers first syncs from its stored bytes before it builds a Y.Doc: a fresh client gets
// exactly what SQLite holds, a returning one exactly what it lacks; the first write builds the Doc
// and is stored once, applied, broadcast once and logged as its writer's. Real SQLite, real room.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { SqliteStorage } from '../../../server/storage/sqlite';
import { SyncRoom } from '../../../server/sync/room';
import { MapModel, SCHEMA_VERSION, initializeDocument, mapParts } from '../../../src/lib/map';
import { customMapOf } from '../../../src/lib/map/write';
import { recordingConnection, syncPayloads } from './recording-connection';

const MAP_ID = 'roomlazytest0001';

function docFrom(...updates: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc;
}

const names = (doc: Y.Doc) => new MapModel(doc).actors().map((a) => a.name).sort();

describe('a room before its document is built', () => {
	let dir: string;
	let storage: SqliteStorage;
	let room: SyncRoom;
	/** The author's copy: a snapshot with two actors, then one more in the update log. */
	let author: Y.Doc;
	let atSnapshot: Uint8Array;

	/** The document exactly as SQLite holds it: snapshot, then the log in order. */
	function onDisk(): Y.Doc {
		const rows = storage.db.prepare('SELECT update_data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(MAP_ID) as { update_data: Buffer }[];
		const snapshot = storage.db.prepare('SELECT snapshot FROM doc_snapshots WHERE doc_id = ?').get(MAP_ID) as { snapshot: Buffer };
		return docFrom(new Uint8Array(snapshot.snapshot), ...rows.map((r) => new Uint8Array(r.update_data)));
	}
	const loggedUpdates = () => (storage.db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(MAP_ID) as { n: number }).n;

	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'kartta-room-lazy-'));
		storage = new SqliteStorage({ file: join(dir, 'kartta.db') });
		for (const id of ['owner', 'writer', 'reader']) {
			await storage.createUser({ id, username: id, displayName: id, passwordHash: '-', isAdmin: false, disabled: false, createdAt: 0 });
		}
		author = new Y.Doc();
		initializeDocument(author, { title: 'Lazy' });
		const model = new MapModel(author);
		model.addActor({ name: 'Iisalmen Kehitys', kind: 'development' });
		model.addActor({ name: 'Savonia', kind: 'education' });
		atSnapshot = Y.encodeStateAsUpdate(author);
		await storage.createMap({ id: MAP_ID, title: 'Lazy', createdBy: 'owner', createdAt: 0 }, 'owner', new Map([[MAP_ID, atSnapshot]]));
		const vector = Y.encodeStateVector(author);
		model.addActor({ name: 'Raahen Porvari', kind: 'company' });
		await storage.appendUpdates(MAP_ID, [Y.encodeStateAsUpdate(author, vector)]);
		room = new SyncRoom({ mapId: MAP_ID, kind: 'graph', docId: MAP_ID }, storage, () => {});
		await room.ready;
	});

	afterEach(async () => {
		await room?.close().catch(() => {});
		await storage.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('gives a fresh client exactly the stored state (snapshot and log merged) without building the document', async () => {
		const reader = recordingConnection('reader');
		room.attach(reader.connection);
		room.handleMessage(reader.connection, { type: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });

		// A new client's reply to anything: an update with nothing in it, which changes nothing.
		room.handleMessage(reader.connection, { type: 'sync-update', update: Y.encodeStateAsUpdate(new Y.Doc()), step: 'step2' });

		await new Promise((resolve) => setImmediate(resolve));
		expect(room.built, 'answered from the stored bytes').toBe(false);
		const disk = onDisk();
		expect(syncPayloads(reader.sent, 0), 'no state vector asked of a client that holds nothing').toEqual([]);
		const answers = syncPayloads(reader.sent, 1);
		expect(answers).toHaveLength(1);
		const received = docFrom(answers[0]!);
		expect(names(received)).toEqual(['Iisalmen Kehitys', 'Raahen Porvari', 'Savonia']);
		expect(Y.encodeStateVector(received)).toEqual(Y.encodeStateVector(disk));
		expect(received.getMap('meta').toJSON()).toEqual(disk.getMap('meta').toJSON());
	});

	it('greets a client that has said nothing yet with the stored state vector, as y-websocket servers do', async () => {
		const silent = recordingConnection('reader');
		room.attach(silent.connection);
		await new Promise((resolve) => setImmediate(resolve));
		expect(syncPayloads(silent.sent, 0)).toEqual([Y.encodeStateVector(onDisk())]);
		expect(room.built).toBe(false);
	});

	it('gives a returning client exactly what it lacks', () => {
		const returning = docFrom(atSnapshot);
		const reader = recordingConnection('reader');
		room.attach(reader.connection);
		room.handleMessage(reader.connection, { type: 'sync-step1', stateVector: Y.encodeStateVector(returning) });

		const [serverVector] = syncPayloads(reader.sent, 0);
		expect(serverVector, "the server's state vector, so the client sends what it has that we lack").toEqual(Y.encodeStateVector(onDisk()));
		const [answer] = syncPayloads(reader.sent, 1);
		expect(answer!.byteLength, 'a diff, not the whole map').toBeLessThan(Y.encodeStateAsUpdate(author).byteLength / 2);
		Y.applyUpdate(returning, answer!);
		expect(names(returning)).toEqual(['Iisalmen Kehitys', 'Raahen Porvari', 'Savonia']);
		expect(Y.encodeStateVector(returning)).toEqual(Y.encodeStateVector(onDisk()));
	});

	it('builds the document on the first write, which is stored once, applied, broadcast once and logged as its writer', async () => {
		const writer = recordingConnection('writer');
		const reader = recordingConnection('reader');
		room.attach(writer.connection);
		room.attach(reader.connection);
		const loggedBefore = loggedUpdates();

		// The writer edits the state it was given (the stored bytes) and sends the change.
		const editor = docFrom(Y.encodeStateAsUpdate(author));
		const before = Y.encodeStateVector(editor);
		const added = new MapModel(editor).addActor({ name: 'Keuruun Yrityspalvelu', kind: 'public' });
		const edit = Y.encodeStateAsUpdate(editor, before);
		room.handleMessage(writer.connection, { type: 'sync-update', update: edit, step: 'update' });
		// A reader asking in the same turn is answered only once the write is stored, and with it.
		room.handleMessage(reader.connection, { type: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
		expect(syncPayloads(reader.sent, 1), 'no answer while the write is unstored').toEqual([]);
		await room.drain();

		expect(room.built).toBe(true);
		expect(names(room.document())).toContain('Keuruun Yrityspalvelu');
		expect(loggedUpdates(), 'stored once').toBe(loggedBefore + 1);
		expect(names(onDisk())).toEqual(['Iisalmen Kehitys', 'Keuruun Yrityspalvelu', 'Raahen Porvari', 'Savonia']);
		const broadcasts = syncPayloads(reader.sent, 2);
		expect(broadcasts, 'broadcast once').toHaveLength(1);
		expect(new MapModel(docFrom(Y.encodeStateAsUpdate(author), broadcasts[0]!)).actor(added)?.name).toBe('Keuruun Yrityspalvelu');
		expect(syncPayloads(writer.sent, 2), 'not echoed to its sender').toEqual([]);
		const [answer] = syncPayloads(reader.sent, 1);
		expect(new MapModel(docFrom(answer!)).actor(added), 'the held answer carries the write').toBeDefined();

		await new Promise((resolve) => setImmediate(resolve));
		const activity = await storage.listActivity({ mapId: MAP_ID, limit: 10 });
		expect(activity.map((a) => [a.userId, a.elementId, a.action])).toEqual([['writer', added, 'created']]);
	});

	it('after a read builds the document, still hands new clients (and overview readers) the stored bytes, until the first change', async () => {
		const stored = room.unchangedStoredBytes();
		expect(stored, 'unbuilt: the stored bytes are the document').not.toBeNull();
		expect(names((await room.readDocument())!), 'a reader built it').toEqual(['Iisalmen Kehitys', 'Raahen Porvari', 'Savonia']);
		expect(room.built).toBe(true);
		expect(room.unchangedStoredBytes(), 'built, unchanged: the same bytes').toBe(stored);

		const fresh = recordingConnection('reader');
		room.attach(fresh.connection);
		room.handleMessage(fresh.connection, { type: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
		await new Promise((resolve) => setImmediate(resolve));
		expect(syncPayloads(fresh.sent, 1), 'the stored bytes as they are, not an encoding of the Doc').toEqual([stored]);

		const writer = recordingConnection('writer');
		room.attach(writer.connection);
		const client = docFrom(stored!);
		const vector = Y.encodeStateVector(client);
		new MapModel(client).addActor({ name: 'Keuruun Yrityspalvelu', kind: 'public' });
		room.handleMessage(writer.connection, { type: 'sync-update', update: Y.encodeStateAsUpdate(client, vector), step: 'update' });
		await room.drain();
		expect(room.unchangedStoredBytes(), 'changed: the Doc is the truth now').toBeNull();
		const later = recordingConnection('reader');
		room.attach(later.connection);
		room.handleMessage(later.connection, { type: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
		await new Promise((resolve) => setImmediate(resolve));
		expect(names(docFrom(...syncPayloads(later.sent, 1)))).toContain('Keuruun Yrityspalvelu');
	});

	it('compacts an unbuilt room on close from the stored bytes, keeping everything', async () => {
		expect(loggedUpdates()).toBe(1);
		await room.close();
		expect(loggedUpdates(), 'the log is folded into the snapshot').toBe(0);
		expect(names(onDisk())).toEqual(['Iisalmen Kehitys', 'Raahen Porvari', 'Savonia']);
	});
});

describe('a stored graph that predates the current schema', () => {
	it('is migrated after the write that built it, so that write is not raced by the migration it never saw', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kartta-room-migrate-'));
		const storage = new SqliteStorage({ file: join(dir, 'kartta.db') });
		try {
			await storage.createUser({ id: 'writer', username: 'writer', displayName: 'writer', passwordHash: '-', isAdmin: false, disabled: false, createdAt: 0 });
			// Schema version 1: elements without their `custom` map.
			const old = new Y.Doc();
			const parts = mapParts(old);
			parts.meta.set('schemaVersion', 1);
			for (const id of ['oldactor0000001', 'oldactor0000002']) {
				parts.actors.set(id, new Y.Map<unknown>([['name', id], ['kind', 'company'], ['pos', { x: 0, y: 0 }]]));
			}
			await storage.createMap({ id: MAP_ID, title: 'Old', createdBy: 'writer', createdAt: 0 }, 'writer', new Map([[MAP_ID, Y.encodeStateAsUpdate(old)]]));
			const room = new SyncRoom({ mapId: MAP_ID, kind: 'graph', docId: MAP_ID }, storage, () => {});
			await room.ready;
			const writer = recordingConnection('writer');
			room.attach(writer.connection);

			// The client saw the stored (unmigrated) map and gives an old actor its first custom value. Its
			// client id is the lowest there is, so a migration applied first would win the `custom` key.
			const client = new Y.Doc();
			client.clientID = 1;
			Y.applyUpdate(client, Y.encodeStateAsUpdate(old));
			const before = Y.encodeStateVector(client);
			customMapOf(mapParts(client).actors.get('oldactor0000001') as Y.Map<unknown>).set('note', 'kept');
			room.handleMessage(writer.connection, { type: 'sync-update', update: Y.encodeStateAsUpdate(client, before), step: 'update' });
			await room.drain();

			const actors = mapParts(room.document()).actors;
			expect(mapParts(room.document()).meta.get('schemaVersion')).toBe(SCHEMA_VERSION);
			expect(((actors.get('oldactor0000001') as Y.Map<unknown>).get('custom') as Y.Map<unknown>).get('note'), "the client's value").toBe('kept');
			expect((actors.get('oldactor0000002') as Y.Map<unknown>).get('custom'), 'the migration gave the other actor its map').toBeInstanceOf(Y.Map);
			await room.close();
		} finally {
			await storage.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
