// Which document an overview is read from: a closed map's stored bytes, an open room's stored bytes
// while its Doc is unbuilt or unchanged (each stored state computed once, whether read from storage
// or from the room, and started when a large map's room loads), and the live Doc once it has changed,
// so an edit shows in the next overview. Real SQLite, real rooms; the in-thread builder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { SqliteStorage } from '../../../server/storage/sqlite';
import { SyncRoom } from '../../../server/sync/room';
import { MapOverviews } from '../../../server/overview/map-overviews';
import { OverviewBuilder } from '../../../server/overview/overview-builder';
import { MapModel } from '../../../src/lib/map';
import { SYNC } from '../../../src/lib/server/limits';
import { recordingConnection } from './recording-connection';

const MAP_ID = 'mapoverviews0001';

/** The real builder (in this thread), counting the documents it is asked to compute. */
class CountingBuilder extends OverviewBuilder {
	computed = 0;
	constructor() {
		super(null);
	}
	override overviewOf(update: Uint8Array) {
		this.computed++;
		return super.overviewOf(update);
	}
}

const kindsOf = (json: string) => (JSON.parse(json) as { actorKinds: number[] }).actorKinds.length;

describe('MapOverviews', () => {
	let dir: string;
	let storage: SqliteStorage;
	let overviews: MapOverviews;
	let builder: CountingBuilder;
	let room: SyncRoom | null = null;

	async function storeMap(actors: number): Promise<void> {
		const doc = new Y.Doc();
		const model = new MapModel(doc);
		for (let i = 0; i < actors; i++) model.addActor({ name: `Toimija ${i} ${'x'.repeat(80)}`, kind: 'company', pos: { x: i, y: i } });
		await storage.createMap({ id: MAP_ID, title: 'Overviews', createdBy: 'owner', createdAt: 0 }, 'owner', new Map([[MAP_ID, Y.encodeStateAsUpdate(doc)]]));
	}

	async function openRoom(): Promise<SyncRoom> {
		room = new SyncRoom({ mapId: MAP_ID, kind: 'graph', docId: MAP_ID }, storage, () => {});
		await room.ready;
		return room;
	}

	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'kartta-map-overviews-'));
		storage = new SqliteStorage({ file: join(dir, 'kartta.db') });
		await storage.createUser({ id: 'owner', username: 'owner', displayName: 'Owner', passwordHash: '-', isAdmin: true, disabled: false, createdAt: 0 });
		builder = new CountingBuilder();
		overviews = new MapOverviews(storage, builder);
	});

	afterEach(async () => {
		await room?.close().catch(() => {});
		room = null;
		await overviews.close();
		await storage.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('reads a closed map from storage, an open one from its stored bytes once, and the live Doc after an edit', async () => {
		await storeMap(3);
		expect(kindsOf((await overviews.read(MAP_ID, undefined)).json), 'no room: from storage').toBe(3);

		const open = await openRoom();
		expect(builder.computed).toBe(1);
		const first = await overviews.read(MAP_ID, open);
		expect(open.built, 'the room did not build its Doc for it').toBe(false);
		expect(await overviews.read(MAP_ID, open), 'the same stored state: the same answer').toBe(first);
		expect(builder.computed, 'the state read from storage before the room loaded is not computed again').toBe(1);
		overviews.precompute(open);
		expect(builder.computed).toBe(1);

		const writer = recordingConnection('owner');
		open.attach(writer.connection);
		const client = new Y.Doc();
		Y.applyUpdate(client, open.unchangedStoredBytes()!);
		const before = Y.encodeStateVector(client);
		new MapModel(client).addActor({ name: 'Uusi toimija', kind: 'education', pos: { x: 9, y: 9 } });
		open.handleMessage(writer.connection, { type: 'sync-update', update: Y.encodeStateAsUpdate(client, before), step: 'update' });
		await open.drain();
		const after = await overviews.read(MAP_ID, open);
		expect(kindsOf(after.json), 'the edit shows').toBe(4);
		expect(after.elements).toBe(4);
		// Closed and compacted: storage now holds the edit, under a later sequence number.
		await open.close();
		room = null;
		expect(kindsOf((await overviews.read(MAP_ID, undefined)).json), 'a newer stored state is computed anew').toBe(4);
		expect(builder.computed).toBe(2);
	});

	it('has a large map’s overview under way as soon as its room loads', async () => {
		// Big enough to pass the precompute size: about 100 bytes per actor.
		await storeMap(Math.ceil(SYNC.overviewPrecomputeBytes / 100) + 200);
		const open = await openRoom();
		expect(open.unchangedStoredBytes()!.byteLength).toBeGreaterThanOrEqual(SYNC.overviewPrecomputeBytes);
		overviews.precompute(open);
		expect(builder.computed, 'under way before anyone asks').toBe(1);
		const answer = await overviews.read(MAP_ID, open);
		expect(builder.computed, 'the reader gets the precomputed answer').toBe(1);
		expect(answer.elements).toBe(Math.ceil(SYNC.overviewPrecomputeBytes / 100) + 200);
	});
});
