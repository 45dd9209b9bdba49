// Durable before acknowledged, for readers too: while an update is being written, a client asking
// for the document and an API read both wait for the write, and neither sees the update if the
// write fails. A storage whose writes we complete by hand makes that window as wide as we like.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { SyncRoom, type RoomStorage } from '../../../server/sync/room';
import { SyncServer } from '../../../server/sync/sync-server';
import type { SessionService } from '../../../src/lib/server/auth/sessions';
import type { Storage } from '../../../src/lib/server/storage/types';
import { StorageError } from '../../../src/lib/server/storage/types';
import { recordingConnection } from './recording-connection';

const MAP_ID = 'roomstoredtest01';

/** Document storage whose appends wait until the test settles them. */
function handHeldStorage(stored: Uint8Array[] = []) {
	const writes: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
	const storage: RoomStorage = {
		loadDocument: async () => ({ snapshot: null, updates: [...stored], lastSeq: stored.length }),
		appendUpdateBatches: (appends) =>
			new Promise<number[]>((resolve, reject) =>
				writes.push({
					resolve: () => {
						for (const { updates } of appends) stored.push(...updates);
						resolve(appends.map(() => stored.length));
					},
					reject
				})
			),
		compact: async () => {},
		createVersion: async () => {},
		recordActivity: async () => {}
	};
	return { storage, writes, stored };
}

/** The documents carried by SyncStep2 messages (type 0, sync type 1). */
function step2Documents(messages: Uint8Array[]): Y.Doc[] {
	return messages
		.filter((m) => m[0] === 0 && m[1] === 1)
		.map((m) => {
			const decoder = decoding.createDecoder(m);
			decoding.readVarUint(decoder);
			decoding.readVarUint(decoder);
			const doc = new Y.Doc();
			Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
			return doc;
		});
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function anEdit(key: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('probe').set(key, true);
	return Y.encodeStateAsUpdate(doc);
}

describe('a room answers only from stored state', () => {
	const rooms: SyncRoom[] = [];
	afterEach(async () => {
		for (const room of rooms.splice(0)) await room.close().catch(() => {});
	});

	async function openRoom(storage: RoomStorage): Promise<SyncRoom> {
		const room = new SyncRoom({ mapId: MAP_ID, kind: 'discussion', docId: `${MAP_ID}/discussion` }, storage, () => {});
		rooms.push(room);
		await room.ready;
		return room;
	}

	it('holds a sync answer until the update before it is stored, then includes it', async () => {
		const { storage, writes } = handHeldStorage();
		const room = await openRoom(storage);
		const writer = recordingConnection('id-writer', 'writer');
		const reader = recordingConnection('id-reader', 'reader');
		room.attach(writer.connection);
		room.attach(reader.connection);
		reader.sent.length = 0;

		room.handleMessage(writer.connection, { type: 'sync-update', update: anEdit('stored later'), step: 'update' });
		room.handleMessage(reader.connection, { type: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
		await tick();
		expect(writes, 'the write has begun').toHaveLength(1);
		expect(step2Documents(reader.sent), 'no answer while the update is unstored').toEqual([]);

		writes[0]!.resolve();
		await tick();
		const answers = step2Documents(reader.sent);
		expect(answers, 'answered once stored').toHaveLength(1);
		expect(answers[0]!.getMap('probe').get('stored later')).toBe(true);
	});

	it('never sends an update whose write fails: the waiting reader is closed with 4503 instead', async () => {
		const { storage, writes } = handHeldStorage();
		const room = await openRoom(storage);
		const writer = recordingConnection('id-writer', 'writer');
		const reader = recordingConnection('id-reader', 'reader');
		room.attach(writer.connection);
		room.attach(reader.connection);
		reader.sent.length = 0;

		room.handleMessage(writer.connection, { type: 'sync-update', update: anEdit('never stored'), step: 'update' });
		room.handleMessage(reader.connection, { type: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
		await tick();
		writes[0]!.reject(new StorageError('storage_full', 'The disk is full.'));
		await tick();
		expect(reader.closes, 'the reader was told to come back').toEqual([4503]);
		expect(step2Documents(reader.sent).filter((doc) => doc.getMap('probe').has('never stored')), 'answers carrying the unstored update').toEqual([]);
		expect(reader.sent.filter((m) => m[0] === 0 && m[1] === 2), 'broadcast updates').toEqual([]);
	});
});

describe('the sync server reads documents for the API from stored state', () => {
	it('waits for a write in progress, and reads from storage when it fails', async () => {
		const { storage, writes } = handHeldStorage([anEdit('already stored')]);
		const sessions = { onRevoked: () => () => {} } as unknown as SessionService;
		const server = new SyncServer({ storage: storage as unknown as Storage, sessions, allowedOrigin: () => false, cookieName: 'kartta_session' });
		try {
			const change = server.changeDocument(MAP_ID, 'discussion', (doc) => doc.getMap('probe').set('being written', true), null);
			const changeFailed = change.then(
				() => 'stored',
				() => 'failed'
			);
			while (writes.length === 0) await tick();

			let read: Y.Doc | null = null;
			const reading = server.readDocument(MAP_ID, 'discussion').then((doc) => (read = doc));
			await tick();
			expect(read, 'the read waits while the write is in progress').toBeNull();

			writes[0]!.reject(new StorageError('storage_unavailable', 'The database is busy (locked).'));
			await reading;
			expect(await changeFailed).toBe('failed');
			expect(read!.getMap('probe').get('already stored'), 'what was stored is read').toBe(true);
			expect(read!.getMap('probe').has('being written'), 'the failed write is not').toBe(false);
		} finally {
			await server.shutdown();
		}
	});
});
