// The activity log follows edits in batches: an edit's commit carries its update alone (so the
// broadcast never waits for the log), its record is written soon after in a transaction shared with
// other edits, a read of the log (drain) flushes it first, a failed edit logs nothing, and one map's
// bad records do not cost the others theirs. Real SQLite, real rooms.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { SqliteStorage } from '../../../server/storage/sqlite';
import { SyncRoom } from '../../../server/sync/room';
import { DocumentWriteQueue } from '../../../server/sync/write-queue';
import { ActivityWriter } from '../../../server/sync/activity-writer';
import type { ActivityRecord } from '../../../src/lib/server/storage/types';
import { SYNC } from '../../../src/lib/server/limits';
import { MapModel } from '../../../src/lib/map';
import { recordingConnection } from './recording-connection';

const MAP_IDS = ['activitywriter01', 'activitywriter02'];

/** A client's edit: one new actor, as the update its provider would send. */
function anActorAdded(name: string): { update: Uint8Array; id: string } {
	const doc = new Y.Doc();
	const id = new MapModel(doc).addActor({ name, kind: 'company' });
	return { update: Y.encodeStateAsUpdate(doc), id };
}

function aRecord(mapId: string, elementId: string): ActivityRecord {
	return { mapId, document: 'graph', at: Date.now(), userId: 'owner', collection: 'actors', elementId, action: 'updated' };
}

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('the activity log is written in batches, after the edits it records', () => {
	let dir: string;
	let storage: SqliteStorage;
	/** Each activity transaction, as the records it carried. */
	let activityWrites: ActivityRecord[][];
	let activity: ActivityWriter;
	let rooms: SyncRoom[];

	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'kartta-activity-writer-'));
		storage = new SqliteStorage({ file: join(dir, 'kartta.db') });
		await storage.createUser({ id: 'owner', username: 'owner', displayName: 'Owner', passwordHash: '-', isAdmin: true, disabled: false, createdAt: 0 });
		for (const id of MAP_IDS) await storage.createMap({ id, title: id, createdBy: 'owner', createdAt: 0 }, 'owner', new Map());
		activityWrites = [];
		activity = new ActivityWriter({
			recordActivity: (records) => {
				activityWrites.push([...records]);
				return storage.recordActivity(records);
			}
		});
		const queue = new DocumentWriteQueue(storage, activity);
		rooms = MAP_IDS.map((id) => new SyncRoom({ mapId: id, kind: 'graph', docId: id }, storage, () => {}, queue));
		await Promise.all(rooms.map((room) => room.ready));
	});

	afterEach(async () => {
		for (const room of rooms) await room.close().catch(() => {});
		await storage.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const logged = (mapId: string) =>
		(storage.db.prepare('SELECT element_id AS id, action FROM activity WHERE map_id = ? ORDER BY id').all(mapId) as { id: string; action: string }[]).map(
			(row) => [row.id, row.action]
		);

	/** A writer and an observer in a room; the writer adds an actor. */
	function addActor(room: SyncRoom, name: string) {
		const writer = recordingConnection('owner');
		const observer = recordingConnection('owner');
		room.attach(writer.connection);
		room.attach(observer.connection);
		const edit = anActorAdded(name);
		room.handleMessage(writer.connection, { type: 'sync-update', update: edit.update, step: 'update' });
		return { ...edit, observer };
	}

	it('broadcasts an edit before its record is written, then writes every map’s records in one transaction', async () => {
		const iisalmi = addActor(rooms[0]!, 'Iisalmen Kehitys');
		const raahe = addActor(rooms[1]!, 'Raahen Porvari');
		await Promise.all(rooms.map((room) => room.stored()));

		expect(iisalmi.observer.sent.length, 'the edit is broadcast').toBeGreaterThan(0);
		expect(raahe.observer.sent.length).toBeGreaterThan(0);
		expect(logged(MAP_IDS[0]!), 'its record is not in the edit’s commit').toEqual([]);
		expect(activityWrites).toEqual([]);

		// Nobody asks: the records are written within the flush interval on their own.
		await until(() => activityWrites.length > 0, 'the held records are written');
		expect(activityWrites, 'one transaction for both maps').toHaveLength(1);
		expect(logged(MAP_IDS[0]!)).toEqual([[iisalmi.id, 'created']]);
		expect(logged(MAP_IDS[1]!)).toEqual([[raahe.id, 'created']]);
	});

	it('writes the held records at once when a reader drains the room', async () => {
		const iisalmi = addActor(rooms[0]!, 'Iisalmen Kehitys');
		await rooms[0]!.drain();
		expect(logged(MAP_IDS[0]!)).toEqual([[iisalmi.id, 'created']]);
	});

	it('logs nothing for an edit whose commit failed', async () => {
		storage.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.doc_updates BEGIN SELECT RAISE(ABORT, 'injected write fault'); END`);
		addActor(rooms[0]!, 'Iisalmen Kehitys');
		await rooms[0]!.drain();
		await activity.flush();
		expect(rooms[0]!.state).toBe('failed');
		expect(logged(MAP_IDS[0]!)).toEqual([]);
		expect(activityWrites).toEqual([]);
	});

	it('writes a full batch without waiting for the interval', async () => {
		const records = Array.from({ length: SYNC.activityBatchMax }, (_, i) => aRecord(MAP_IDS[0]!, `actor${i}`));
		activity.add(records);
		// Well inside the flush interval: only the batch size can have sent it.
		await until(() => logged(MAP_IDS[0]!).length === SYNC.activityBatchMax, 'the full batch is written', SYNC.activityFlushMs / 2);
		expect(activityWrites).toHaveLength(1);
	});

	it('keeps the other maps’ records when one map’s break a foreign key (the map is gone)', async () => {
		activity.add([aRecord(MAP_IDS[0]!, 'kept1'), aRecord('nosuchmap0000001', 'lost'), aRecord(MAP_IDS[1]!, 'kept2')]);
		await activity.flush();
		expect(logged(MAP_IDS[0]!)).toEqual([['kept1', 'updated']]);
		expect(logged(MAP_IDS[1]!)).toEqual([['kept2', 'updated']]);
		// The whole batch first, then each map's records on their own.
		expect(activityWrites.map((write) => write.length)).toEqual([3, 1, 1, 1]);
	});
});
