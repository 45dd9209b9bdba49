// After a restart the server answers first syncs from the stored bytes, before it builds the map's
// Y.Doc: a fresh client gets exactly what SQLite holds, a returning client with edits made offline
// gets what it lacks and hands over its edits, and everyone then sees every edit. Real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { documentOnDisk } from './helpers';

describe('first syncs answered from the stored map', () => {
	let server: TestServer;
	let alice: LoggedIn;
	const clients: SyncClient[] = [];

	const connect = (options: { connect?: boolean } = {}) => {
		const client = connectClient(server.wsUrl, mapId, { cookie: alice.cookie }, options);
		clients.push(client);
		return client;
	};
	const names = (doc: Y.Doc) => new MapModel(doc).actors().map((a) => a.name).sort();
	let mapId: string;

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
		mapId = await createMap(alice, 'Stored answers');
	});
	afterAll(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await server?.cleanup();
	});

	it('a fresh client gets exactly the stored map; a returning one gets what it lacks and its offline edit reaches everyone', async () => {
		const first = connect();
		await first.synced;
		new MapModel(first.doc).addActor({ name: 'Savonia', kind: 'education' });
		// What a tab that goes offline now keeps (in the browser: its IndexedDB copy).
		await waitFor(() => names(documentOnDisk(server, mapId)).length === 1, 'the first actor is stored');
		const kept = Y.encodeStateAsUpdate(first.doc);
		new MapModel(first.doc).addActor({ name: 'Raahen Porvari', kind: 'company' });
		await waitFor(() => names(documentOnDisk(server, mapId)).length === 2, 'the second actor is stored');
		first.destroy();

		// SIGTERM compacts: the restarted server finds one snapshot and answers from it.
		await server.restart();
		const fresh = connect();
		await fresh.synced;
		const disk = documentOnDisk(server, mapId);
		expect(names(fresh.doc)).toEqual(['Raahen Porvari', 'Savonia']);
		expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(disk));
		expect(fresh.doc.getMap('meta').toJSON()).toEqual(disk.getMap('meta').toJSON());

		// The returning tab has the older state plus an edit made while it was away.
		const returning = connect({ connect: false });
		Y.applyUpdate(returning.doc, kept);
		const offline = new MapModel(returning.doc).addActor({ name: 'Keuruun Yrityspalvelu', kind: 'public' });
		returning.provider.connect();
		await returning.synced;
		await waitFor(() => names(returning.doc).length === 3, 'the returning client receives what it lacked');
		expect(names(returning.doc)).toEqual(['Keuruun Yrityspalvelu', 'Raahen Porvari', 'Savonia']);
		await waitFor(() => new MapModel(fresh.doc).actor(offline) !== undefined, 'the offline edit reaches the other client');
		await waitFor(() => new MapModel(documentOnDisk(server, mapId)).actor(offline) !== undefined, 'the offline edit is stored');
		expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(returning.doc));
	});

	it('a client back with more offline edits than fit in a megabyte hands them all over in its first sync', async () => {
		const watcher = connect();
		await watcher.synced;
		const away = connect({ connect: false });
		Y.applyUpdate(away.doc, Y.encodeStateAsUpdate(watcher.doc));
		const model = new MapModel(away.doc);
		// About 2 MiB of new actors (an import made on a train): more than one old-sized frame.
		const description = 'Tuotekehitys ja pilotointi. '.repeat(60);
		model.transact(() => {
			for (let i = 0; i < 1200; i++) model.addActor({ name: `Offline ${i}`, kind: 'company', description });
		});
		expect(Y.encodeStateAsUpdate(away.doc, Y.encodeStateVector(watcher.doc)).byteLength).toBeGreaterThan(2 * 1024 * 1024);
		away.provider.connect();
		await away.synced;
		await waitFor(() => new MapModel(documentOnDisk(server, mapId)).actors().length >= 1203, 'the offline actors are stored', 20_000);
		await waitFor(() => new MapModel(watcher.doc).actors().length === new MapModel(away.doc).actors().length, 'another client receives them', 20_000);
		expect(away.provider.wsconnected).toBe(true);
	});
});
