// The shared write queue: updates that several maps receive in one turn are stored in one SQLite
// transaction before any of them is broadcast, and when that transaction fails halfway nothing of it
// is stored or broadcast and every map in it sends its clients away (4503). Real SQLite, real rooms.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { SqliteStorage } from '../../../server/storage/sqlite';
import { SyncRoom } from '../../../server/sync/room';
import { DocumentWriteQueue } from '../../../server/sync/write-queue';
import { ActivityWriter } from '../../../server/sync/activity-writer';
import type { DocumentAppend } from '../../../src/lib/server/storage/types';
import { recordingConnection } from './recording-connection';

const MAP_IDS = ['writequeuemap001', 'writequeuemap002', 'writequeuemap003'];

const isUpdateMessage = (m: Uint8Array) => m[0] === 0 && m[1] === 2;

function anEdit(key: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('probe').set(key, true);
	return Y.encodeStateAsUpdate(doc);
}

// Storage that answers with a promise, and the embedded SQLite's way: committing on the calling
// thread, so that the rooms broadcast right after their commit, in the same run of code.
describe.each([
	{ storageKind: 'storage answering later', commitsNow: false },
	{ storageKind: 'storage committing on the calling thread', commitsNow: true }
])('one write transaction per turn for every map ($storageKind)', ({ commitsNow }) => {
	let dir: string;
	let storage: SqliteStorage;
	let transactions: DocumentAppend[][];
	let rooms: SyncRoom[];
	let queue: DocumentWriteQueue;

	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'kartta-write-queue-'));
		storage = new SqliteStorage({ file: join(dir, 'kartta.db') });
		await storage.createUser({ id: 'owner', username: 'owner', displayName: 'Owner', passwordHash: '-', isAdmin: true, disabled: false, createdAt: 0 });
		for (const id of MAP_IDS) {
			await storage.createMap({ id, title: id, createdBy: 'owner', createdAt: 0 }, 'owner', new Map([[`${id}/discussion`, Y.encodeStateAsUpdate(new Y.Doc())]]));
		}
		// The real storage, with each transaction the queue asks for written down.
		transactions = [];
		const asynchronous = {
			appendUpdateBatches: (appends: readonly DocumentAppend[]) => {
				transactions.push([...appends]);
				return storage.appendUpdateBatches(appends);
			}
		};
		const synchronous = {
			...asynchronous,
			appendUpdateBatchesNow: (appends: readonly DocumentAppend[]) => {
				transactions.push([...appends]);
				return storage.appendUpdateBatchesNow(appends);
			}
		};
		queue = new DocumentWriteQueue(commitsNow ? synchronous : asynchronous, new ActivityWriter(storage));
		rooms = MAP_IDS.map((id) => new SyncRoom({ mapId: id, kind: 'discussion', docId: `${id}/discussion` }, storage, () => {}, queue));
		await Promise.all(rooms.map((room) => room.ready));
	});

	afterEach(async () => {
		for (const room of rooms) await room.close().catch(() => {});
		await storage.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const logged = (docId: string) => (storage.db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(docId) as { n: number }).n;

	/** A writer and an observer in every room; each writer sends one edit, all in the same turn. */
	function editEveryMap() {
		const people = rooms.map((room) => {
			const writer = recordingConnection('owner');
			const observer = recordingConnection('owner');
			room.attach(writer.connection);
			room.attach(observer.connection);
			return { room, writer, observer };
		});
		for (const { room, writer } of people) room.handleMessage(writer.connection, { type: 'sync-update', update: anEdit(room.docId), step: 'update' });
		return people;
	}

	it('stores edits that several maps receive in one turn in one transaction, then broadcasts each', async () => {
		const people = editEveryMap();
		for (const { observer } of people) expect(observer.sent.filter(isUpdateMessage), 'nothing before the commit').toEqual([]);
		await Promise.all(rooms.map((room) => room.drain()));

		expect(transactions.map((t) => t.map((a) => a.docId))).toEqual([rooms.map((room) => room.docId)]);
		for (const { room, observer, writer } of people) {
			expect(logged(room.docId)).toBe(1);
			expect(observer.sent.filter(isUpdateMessage)).toHaveLength(1);
			expect(writer.sent.filter(isUpdateMessage)).toEqual([]);
		}
	});

	it('commits at once when told a socket read is done, and its microtask then finds nothing left to commit', async () => {
		const people = editEveryMap();
		expect(transactions, 'nothing is written while the read is being handled').toEqual([]);
		queue.commitScheduled();
		expect(transactions.map((t) => t.map((a) => a.docId)), 'written at once, in one transaction').toEqual([rooms.map((room) => room.docId)]);
		if (commitsNow) {
			for (const { observer } of people) expect(observer.sent.filter(isUpdateMessage), 'broadcast right after the commit').toHaveLength(1);
		}
		await Promise.resolve();
		queue.commitScheduled();
		await Promise.all(rooms.map((room) => room.drain()));
		expect(transactions, 'neither the microtask nor a second call writes again').toHaveLength(1);
		for (const { room, observer } of people) {
			expect(logged(room.docId)).toBe(1);
			expect(observer.sent.filter(isUpdateMessage)).toHaveLength(1);
		}
	});

	it('when the transaction fails on the second map, stores and broadcasts none of the three and closes every socket with 4503', async () => {
		// A real SQLite failure in the middle of the transaction, after the first map's row went in.
		storage.db.exec(`CREATE TEMP TRIGGER refuse_second BEFORE INSERT ON main.doc_updates
			WHEN NEW.doc_id = '${rooms[1]!.docId}' BEGIN SELECT RAISE(ABORT, 'injected write fault'); END`);
		const people = editEveryMap();
		await Promise.all(rooms.map((room) => room.drain()));

		expect(transactions, 'one transaction was tried').toHaveLength(1);
		for (const { room, observer, writer } of people) {
			expect(logged(room.docId), `${room.docId}: nothing stored`).toBe(0);
			expect(observer.sent.filter(isUpdateMessage), `${room.docId}: nothing broadcast`).toEqual([]);
			expect(observer.closes).toEqual([4503]);
			expect(writer.closes).toEqual([4503]);
			expect(room.state).toBe('failed');
		}

		// What was stored before is all a reload finds; the failed edits are for the clients to re-send.
		storage.db.exec('DROP TRIGGER temp.refuse_second');
		const reloaded = new SyncRoom({ mapId: MAP_IDS[0]!, kind: 'discussion', docId: rooms[0]!.docId }, storage, () => {});
		await reloaded.ready;
		expect(reloaded.document().getMap('probe').size).toBe(0);
		await reloaded.close();
	});
});
