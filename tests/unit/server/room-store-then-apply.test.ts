// A client's update is stored as it came, broadcast, and only then applied to the room's Doc: the
// other editors never wait for the apply, nothing unstored is sent, and its activity is its sender's
// even when the sender has left before the commit. Real SQLite, real room.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { SqliteStorage } from '../../../server/storage/sqlite';
import { SyncRoom } from '../../../server/sync/room';
import type { SyncConnection } from '../../../server/sync/connection';
import { MapModel, initializeDocument } from '../../../src/lib/map';
import { recordingConnection } from './recording-connection';

const MAP_ID = 'storethenapply01';

describe('a client’s update: stored, broadcast, then applied', () => {
	let dir: string;
	let storage: SqliteStorage;
	let room: SyncRoom;

	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'kartta-store-then-apply-'));
		storage = new SqliteStorage({ file: join(dir, 'kartta.db') });
		for (const id of ['owner', 'writer']) {
			await storage.createUser({ id, username: id, displayName: id, passwordHash: '-', isAdmin: false, disabled: false, createdAt: 0 });
		}
		// At the current schema, so building the Doc migrates (writes) nothing.
		const initial = new Y.Doc();
		initializeDocument(initial, { title: 'Order' });
		await storage.createMap({ id: MAP_ID, title: 'Order', createdBy: 'owner', createdAt: 0 }, 'owner', new Map([[MAP_ID, Y.encodeStateAsUpdate(initial)]]));
		room = new SyncRoom({ mapId: MAP_ID, kind: 'graph', docId: MAP_ID }, storage, () => {});
		await room.ready;
	});

	afterEach(async () => {
		await room.close().catch(() => {});
		await storage.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const logged = () =>
		(storage.db.prepare('SELECT update_data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(MAP_ID) as { update_data: Buffer }[]).map(
			(row) => new Uint8Array(row.update_data)
		);

	function anActorAdded(name: string) {
		const client = new Y.Doc();
		Y.applyUpdate(client, room.unchangedStoredBytes()!);
		const before = Y.encodeStateVector(client);
		const id = new MapModel(client).addActor({ name, kind: 'company' });
		return { id, update: Y.encodeStateAsUpdate(client, before) };
	}

	it('stores the bytes as sent and broadcasts them before applying them; readers then see them', async () => {
		const writer = recordingConnection('writer');
		room.attach(writer.connection);
		const seenAtBroadcast: { stored: number; inDoc: boolean }[] = [];
		const edit = anActorAdded('Rauman Telakka Oy');
		const observer = recordingConnection('owner');
		const observed = {
			...(observer.connection as unknown as Record<string, unknown>),
			send: (message: Uint8Array) => {
				// What the room's Doc holds at the moment the update goes out to another editor.
				if (message[0] === 0 && message[1] === 2) seenAtBroadcast.push({ stored: logged().length, inDoc: new MapModel(room.document()).actor(edit.id) !== undefined });
				observer.sent.push(message);
			}
		} as unknown as SyncConnection;
		room.attach(observed);

		room.handleMessage(writer.connection, { type: 'sync-update', update: edit.update, step: 'update' });
		expect(logged(), 'nothing stored yet (the commit follows the code that received it)').toEqual([]);
		expect(new MapModel(room.document()).actor(edit.id), 'not applied before it is stored').toBeUndefined();
		const doc = await room.readDocument();

		expect(seenAtBroadcast, 'broadcast once, after the commit and before the apply').toEqual([{ stored: 1, inDoc: false }]);
		expect(logged(), 'the bytes as the client sent them').toEqual([edit.update]);
		expect(new MapModel(doc!).actor(edit.id)?.name, 'a reader waiting for the write sees it applied').toBe('Rauman Telakka Oy');
	});

	it('logs the activity as its sender’s even when the sender left before the commit', async () => {
		const writer = recordingConnection('writer');
		room.attach(writer.connection);
		const edit = anActorAdded('Kauhajoen Konepaja');
		room.handleMessage(writer.connection, { type: 'sync-update', update: edit.update, step: 'update' });
		room.detach(writer.connection);
		await room.drain();
		const activity = await storage.listActivity({ mapId: MAP_ID, limit: 10 });
		expect(activity.map((a) => [a.userId, a.elementId, a.action])).toEqual([['writer', edit.id, 'created']]);
	});
});
