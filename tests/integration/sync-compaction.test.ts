// The stored update log stays short: past SYNC.compactAfterUpdates it is folded into one snapshot,
// and the document read back after a restart is the same.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MapModel } from '../../src/lib/map';
import { SYNC } from '../../src/lib/server/limits';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { ensureRunning, storedDocument, storedLog } from './helpers';

describe('update log compaction', () => {
	let server: TestServer;
	let users: LoggedIn[];
	const clients: SyncClient[] = [];

	beforeAll(async () => {
		server = await startServer();
		users = [await createUser(server, 'alice', { admin: true }), await createUser(server, 'bob'), await createUser(server, 'carol')];
	});
	afterEach(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await ensureRunning(server);
	});
	afterAll(async () => server?.cleanup());

	it('compacts the log into a snapshot once it passes the threshold, and the document is intact after restart', async () => {
		const [alice] = users as [LoggedIn, ...LoggedIn[]];
		const mapId = await createMap(alice, 'Many edits');
		await shareMap(alice, mapId, 'bob', 'editor');
		await shareMap(alice, mapId, 'carol', 'editor');
		for (const user of users) clients.push(connectClient(server.wsUrl, mapId, { cookie: user.cookie }));
		await Promise.all(clients.map((c) => c.synced));

		// Each actor is one transaction, so one update message and one stored row. The edits are
		// spread over three sockets so that no socket exceeds its message burst (SYNC.messageBurst).
		const perClient = Math.ceil((SYNC.compactAfterUpdates + 40) / clients.length);
		expect(perClient + 10).toBeLessThan(SYNC.messageBurst);
		const total = perClient * clients.length;
		clients.forEach((client, c) => {
			const model = new MapModel(client.doc);
			for (let i = 0; i < perClient; i++) model.addActor({ name: `actor-${c}-${i}`, kind: 'company', pos: { x: i, y: c } });
		});
		const watcher = clients[0]!;
		await waitFor(() => new MapModel(watcher.doc).actors().length === total, `all ${total} actors arrived`, 15_000);

		// While the server runs: the snapshot moved forward and the log is shorter than the threshold.
		await waitFor(() => storedLog(server, mapId).snapshotUptoSeq > 0, 'a compaction happened while running', 10_000);
		const running = storedLog(server, mapId);
		expect(running.updates).toBeLessThan(SYNC.compactAfterUpdates);

		expect(await server.stop('SIGTERM')).toBe(0);
		for (const client of clients.splice(0)) client.destroy();
		expect(storedLog(server, mapId)).toMatchObject({ updates: 0, snapshot: true });

		await server.restart();
		const fresh = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		clients.push(fresh);
		await fresh.synced;
		const actors = new MapModel(fresh.doc).actors();
		expect(actors).toHaveLength(total);
		expect(actors.find((a) => a.name === 'actor-2-7')?.pos).toEqual({ x: 7, y: 2 });
		expect((await storedDocument(alice, mapId)).actors).toHaveLength(total);
	});
});

describe('idle maps unload', () => {
	// A short idle time through the documented environment override (SYNC_UNLOAD_IDLE_AFTER_MS).
	const IDLE_MS = 300;
	let server: TestServer;
	let alice: LoggedIn;
	const clients: SyncClient[] = [];
	const rooms = async () => ((await (await fetch(`${server.url}/api/v1/health`)).json()) as { rooms: number }).rooms;

	beforeAll(async () => {
		server = await startServer({ env: { SYNC_UNLOAD_IDLE_AFTER_MS: String(IDLE_MS) } });
		alice = await createUser(server, 'alice', { admin: true });
	});
	afterEach(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await ensureRunning(server);
	});
	afterAll(async () => server?.cleanup());

	it('a map unloads after its last client leaves, its log compacted, and reloads whole for the next client', async () => {
		const mapId = await createMap(alice, 'Idle');
		const first = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		const second = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		clients.push(first, second);
		await Promise.all([first.synced, second.synced]);
		const ids = ['Heinola', 'Keuruu', 'Rauma'].map((name) => new MapModel(first.doc).addActor({ name, kind: 'public' }));
		await waitFor(() => ids.every((id) => new MapModel(second.doc).actor(id)), 'the second client has the actors');
		expect(await rooms()).toBe(1);
		expect(storedLog(server, mapId).updates).toBeGreaterThan(0);

		for (const client of clients.splice(0)) client.destroy();
		await waitFor(async () => (await rooms()) === 0, 'the room unloaded', 5_000);
		expect(storedLog(server, mapId)).toMatchObject({ updates: 0, snapshot: true });

		const next = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		clients.push(next);
		await next.synced;
		expect(new MapModel(next.doc).actors().map((a) => a.name).sort()).toEqual(['Heinola', 'Keuruu', 'Rauma']);
		expect(await rooms()).toBe(1);
	});
});
