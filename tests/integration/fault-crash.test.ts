// Crash safety under load: twenty clients edit one map at a steady rate and the server is killed
// (SIGKILL) at a seeded random moment. Every edit that any other client had received must be on
// disk, and the clients must resume by themselves once the server is back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { ensureRunning, storedDocument } from './helpers';
import { documentAfterCrash, seededRandom, sleep, testSeed } from './hardening-helpers';

const CLIENTS = 20;
const USERS = 5;
/** Each client edits every 40-120 ms (seeded): about 250 edits a second in all. */
const EDIT_EVERY_MS = { min: 40, max: 120 };
/** The kill comes this long after editing starts (seeded). */
const KILL_AFTER_MS = { min: 600, max: 3_000 };

/**
 * Every actor belongs to one client, and only that client moves it; a position is {x: client,
 * y: edit number}, so for one actor a later edit always has a larger y. "Edit n of this actor was
 * received" is then "some other client saw y >= n", and "it survived" is "the stored y >= n".
 */
interface Position {
	x: number;
	y: number;
}

function actorPositions(doc: Y.Doc): Map<string, Position> {
	const positions = new Map<string, Position>();
	doc.getMap<Y.Map<unknown>>('actors').forEach((actor, id) => {
		const pos = actor instanceof Y.Map ? (actor.get('pos') as Position | undefined) : undefined;
		if (pos) positions.set(id, pos);
	});
	return positions;
}

describe('SIGKILL while twenty clients edit', () => {
	let server: TestServer;
	let users: LoggedIn[];
	const clients: SyncClient[] = [];
	const timers = new Set<ReturnType<typeof setTimeout>>();

	const listenersBefore = process.getMaxListeners();

	beforeAll(async () => {
		// y-websocket adds a process 'exit' listener per provider.
		process.setMaxListeners(CLIENTS + 20);
		server = await startServer();
		users = [await createUser(server, 'owner0', { admin: true })];
		for (let i = 1; i < USERS; i++) users.push(await createUser(server, `editor${i}`));
	});
	afterEach(async () => {
		for (const timer of timers) clearTimeout(timer);
		timers.clear();
		for (const client of clients.splice(0)) client.destroy();
		await ensureRunning(server);
	});
	afterAll(async () => {
		await server?.cleanup();
		process.setMaxListeners(listenersBefore);
	});

	it('every edit another client had received is on disk after the kill, and the clients resume by themselves', async () => {
		const seed = testSeed();
		const random = seededRandom(seed);
		const context = `(seed ${seed}; replay with KARTTA_TEST_SEED=${seed})`;
		const between = (range: { min: number; max: number }) => range.min + Math.floor(random() * (range.max - range.min));

		const mapId = await createMap(users[0]!, 'Crash under load');
		for (let i = 1; i < USERS; i++) await shareMap(users[0]!, mapId, users[i]!.username, 'editor');
		for (let i = 0; i < CLIENTS; i++) clients.push(connectClient(server.wsUrl, mapId, { cookie: users[i % USERS]!.cookie }));
		await Promise.all(clients.map((c) => c.synced));

		// ---- what each client has received from the others, recorded the moment it arrives
		const ownerOf = new Map<string, number>();
		const highestReceived = new Map<string, number>();
		let recording = true;
		clients.forEach((client, observer) => {
			client.doc.on('afterTransaction', (transaction: Y.Transaction) => {
				if (!recording || transaction.local) return;
				for (const [id, pos] of actorPositions(client.doc)) {
					if (pos.x === observer) continue;
					if (pos.y > (highestReceived.get(id) ?? -1)) highestReceived.set(id, pos.y);
				}
			});
		});

		// ---- steady edits: add an actor or move one of one's own
		const sequence = new Array<number>(CLIENTS).fill(0);
		const own: string[][] = clients.map(() => []);
		let editing = true;
		const editLoop = (index: number) => {
			if (!editing) return;
			const model = new MapModel(clients[index]!.doc);
			const n = ++sequence[index]!;
			const pos = { x: index, y: n };
			if (own[index]!.length === 0 || random() < 0.3) {
				const id = model.addActor({ name: `c${index}-a${n}`, kind: 'company', pos });
				own[index]!.push(id);
				ownerOf.set(id, index);
			} else {
				model.moveActor(own[index]![Math.floor(random() * own[index]!.length)]!, pos);
			}
			const timer = setTimeout(() => {
				timers.delete(timer);
				editLoop(index);
			}, between(EDIT_EVERY_MS));
			timers.add(timer);
		};
		for (let i = 0; i < CLIENTS; i++) editLoop(i);

		await sleep(between(KILL_AFTER_MS));
		// Killed at once: no shutdown hook runs; only what was committed before it was broadcast survives.
		await server.stop('SIGKILL');
		// The clients keep editing offline for a moment, as people do when the connection drops.
		await sleep(300);
		recording = false;
		editing = false;

		expect(highestReceived.size, `some edits were exchanged before the kill ${context}`).toBeGreaterThan(0);

		// ---- 1. on disk, before any server or client can repair anything
		const onDisk = actorPositions(documentAfterCrash(server.dataDir, mapId));
		const lost: string[] = [];
		for (const [id, received] of highestReceived) {
			const stored = onDisk.get(id);
			if (!stored || stored.y < received)
				lost.push(`actor ${id} of client ${ownerOf.get(id)}: others saw edit ${received}, disk has ${stored ? stored.y : 'nothing'}`);
		}
		expect(lost, `edits received by another client but lost in the crash ${context}`).toEqual([]);

		// ---- 2. the same clients come back by themselves and converge
		await server.restart();
		await waitFor(() => clients.every((c) => c.provider.wsconnected && c.provider.synced), `all ${CLIENTS} clients reconnected and synced ${context}`, 20_000);
		// Compared afresh on every poll: the first client may itself still be receiving others' offline
		// edits, so a reference taken once could be stale while everyone else has converged.
		const state = (c: (typeof clients)[number]) => JSON.stringify([...actorPositions(c.doc)].sort());
		await waitFor(
			() => {
				const reference = state(clients[0]!);
				return clients.every((c) => state(c) === reference);
			},
			`all clients hold the same actors ${context}`,
			10_000
		);
		// Offline edits made after the kill reached the others too: nothing a client did is dropped.
		for (const [index, ids] of own.entries()) for (const id of ids) expect(actorPositions(clients[(index + 1) % CLIENTS]!.doc).has(id), `client ${index}'s actor ${id} reached others ${context}`).toBe(true);

		// ---- 3. an edit made after the restart by one of them reaches another
		const after = new MapModel(clients[3]!.doc).addActor({ name: 'after the restart', kind: 'public' });
		await waitFor(() => new MapModel(clients[17]!.doc).actor(after) !== undefined, `the post-restart edit reached another client ${context}`);

		// ---- 4. and the stored document, through the API, has everything
		await waitFor(async () => (await storedDocument(users[0]!, mapId)).actors.some((a) => a.id === after), `the post-restart edit is stored ${context}`);
		const stored = new Map((await storedDocument(users[0]!, mapId)).actors.map((a) => [a.id, a.pos]));
		for (const [id, received] of highestReceived) expect(stored.get(id)?.y, `stored position of ${id} ${context}`).toBeGreaterThanOrEqual(received);
	}, 90_000);
});
