// Live sync across joins, crashes and restarts: what one client saw is what everyone gets, and
// nothing acknowledged is lost when the server process dies or is stopped.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { ensureRunning, storedDocument, storedLog } from './helpers';

describe('sync durability', () => {
	let server: TestServer;
	let alice: LoggedIn;
	let bob: LoggedIn;
	let carol: LoggedIn;
	const clients: SyncClient[] = [];

	const connect = (user: LoggedIn, mapId: string) => {
		const client = connectClient(server.wsUrl, mapId, { cookie: user.cookie });
		clients.push(client);
		return client;
	};
	const names = (client: SyncClient) => new MapModel(client.doc).actors().map((a) => a.name).sort();

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
		bob = await createUser(server, 'bob');
		carol = await createUser(server, 'carol');
	});
	afterEach(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await ensureRunning(server);
	});
	afterAll(async () => server?.cleanup());

	async function sharedMap(title: string): Promise<string> {
		const mapId = await createMap(alice, title);
		await shareMap(alice, mapId, 'bob', 'editor');
		await shareMap(alice, mapId, 'carol', 'editor');
		return mapId;
	}

	it('a client joining later receives the full document in its first sync', async () => {
		const mapId = await sharedMap('Late joiner');
		const a = connect(alice, mapId);
		const b = connect(bob, mapId);
		await Promise.all([a.synced, b.synced]);
		const fromA = new MapModel(a.doc).addActor({ name: 'Savonia', kind: 'education' });
		const fromB = new MapModel(b.doc).addActor({ name: 'Raahen Porvari', kind: 'company' });
		await waitFor(() => new MapModel(a.doc).actor(fromB) !== undefined, 'alice sees bob\'s actor');
		new MapModel(a.doc).addLink({ source: fromA, target: fromB, kind: 'rdi_project' });
		await waitFor(() => names(b).length === 2 && new MapModel(b.doc).links().length === 1, 'a and b converge');

		const c = connect(carol, mapId);
		await c.synced;
		// No waiting: the first SyncStep2 must already carry everything.
		expect(names(c)).toEqual(['Raahen Porvari', 'Savonia']);
		expect(new MapModel(c.doc).links()).toHaveLength(1);
		expect(new MapModel(c.doc).meta().title).toBe('Late joiner');
	});

	it('an edit another client has received survives a SIGKILL of the server', async () => {
		const mapId = await sharedMap('Crash');
		const a = connect(alice, mapId);
		const b = connect(bob, mapId);
		await Promise.all([a.synced, b.synced]);
		const model = new MapModel(a.doc);
		for (let i = 0; i < 20; i++) model.addActor({ name: `crash-${i}`, kind: 'company' });
		await waitFor(() => names(b).length === 20, 'bob received all 20 actors');

		// Killed at once: no shutdown hook runs, only what was committed before broadcasting survives.
		await server.stop('SIGKILL');
		// The old clients would re-send their state after the restart and hide a loss: drop them first.
		for (const client of clients.splice(0)) client.destroy();
		await server.restart();

		const c = connect(carol, mapId);
		await c.synced;
		expect(names(c)).toHaveLength(20);
		expect((await storedDocument(alice, mapId)).actors).toHaveLength(20);
	});

	it('after SIGTERM the server exits 0 having stored and compacted everything, and serves it after restart', async () => {
		const mapId = await sharedMap('Clean stop');
		const a = connect(alice, mapId);
		const b = connect(bob, mapId);
		await Promise.all([a.synced, b.synced]);
		const model = new MapModel(a.doc);
		const id = model.addActor({ name: 'Kristiinankaupungin satama', kind: 'public' });
		model.updateActor(id, { description: 'Syväsatama' });
		model.moveActor(id, { x: 120, y: -40 });
		await waitFor(() => new MapModel(b.doc).actor(id)?.pos.x === 120, 'bob received the edits');

		expect(await server.stop('SIGTERM')).toBe(0);
		for (const client of clients.splice(0)) client.destroy();
		// Shutdown compacts each open map: the log is folded into the snapshot.
		expect(storedLog(server, mapId)).toMatchObject({ updates: 0, snapshot: true });
		await server.restart();

		const c = connect(carol, mapId);
		await c.synced;
		expect(new MapModel(c.doc).actor(id)).toMatchObject({ name: 'Kristiinankaupungin satama', description: 'Syväsatama', pos: { x: 120, y: -40 } });
	});

	it('connected clients reconnect by themselves after a restart and keep syncing', async () => {
		const mapId = await sharedMap('Resume');
		const a = connect(alice, mapId);
		const b = connect(bob, mapId);
		await Promise.all([a.synced, b.synced]);
		const before = new MapModel(a.doc).addActor({ name: 'before restart', kind: 'rdi' });
		await waitFor(() => new MapModel(b.doc).actor(before) !== undefined, 'bob sees the first actor');

		let reconnects = 0;
		const counter = ({ status }: { status: string }) => {
			if (status === 'connected') reconnects++;
		};
		a.provider.on('status', counter);
		b.provider.on('status', counter);
		await server.restart();
		await waitFor(() => reconnects >= 2 && a.provider.synced && b.provider.synced, 'both providers reconnected and synced', 10_000);

		const after = new MapModel(b.doc).addActor({ name: 'after restart', kind: 'funding' });
		await waitFor(() => new MapModel(a.doc).actor(after) !== undefined, 'alice sees the edit made after the restart');
		expect(names(a)).toEqual(['after restart', 'before restart']);
	});
});
