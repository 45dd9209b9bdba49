// A reconnect storm: 500 clients on five maps, the server restarts, and they all come back with
// jittered backoff (src/lib/collab/reconnect.ts). The delays are spread, every client resyncs to
// the right document (edits made while the server was down included), and the server keeps
// answering throughout.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RECONNECT, useJitteredReconnect } from '../../src/lib/collab/reconnect';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { storedDocument } from './helpers';
import { seededRandom, sleep, testSeed } from './hardening-helpers';

const CLIENTS = 500;
const MAPS = 5;
const USERS = 5;
/** Clients that edit while the server is down (their edits must reach everyone afterwards). */
const OFFLINE_EDITORS = 50;
/** File descriptors this process needs: one per socket, plus room for Node and vitest. */
const FDS_NEEDED = CLIENTS + 500;

function openFileLimit(): number {
	const result = spawnSync('sh', ['-c', 'ulimit -n']);
	const text = result.stdout?.toString().trim();
	return text === 'unlimited' ? Infinity : Number(text) || 0;
}

/** Pearson's correlation coefficient of two equally long series. */
function pearson(xs: number[], ys: number[]): number {
	const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
	const mx = mean(xs);
	const my = mean(ys);
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	xs.forEach((x, i) => {
		sxy += (x - mx) * (ys[i]! - my);
		sxx += (x - mx) ** 2;
		syy += (ys[i]! - my) ** 2;
	});
	return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

const names = (doc: Y.Doc) => [...doc.getMap<Y.Map<unknown>>('actors').values()].map((a) => a.get('name') as string).sort();

interface ClientRecord {
	client: SyncClient;
	map: number;
	/** [delay, attempt] for every reconnect the helper scheduled. */
	scheduled: Array<[number, number]>;
	/** When each close happened and when the next attempt started (status 'connecting'). */
	closedAt: number[];
	connectingAt: number[];
	connectedAt: number[];
}

const limit = openFileLimit();
describe.skipIf(limit < FDS_NEEDED)(`reconnect storm: ${CLIENTS} clients and a server restart${limit < FDS_NEEDED ? ` (skipped: ulimit -n is ${limit}, needs ${FDS_NEEDED})` : ''}`, () => {
	let server: TestServer;
	let users: LoggedIn[];
	const maps: string[] = [];
	const records: ClientRecord[] = [];
	const seed = testSeed();
	const context = `(seed ${seed}; replay with KARTTA_TEST_SEED=${seed})`;
	const listenersBefore = process.getMaxListeners();

	beforeAll(async () => {
		// y-websocket adds a process 'exit' listener per provider.
		process.setMaxListeners(CLIENTS + 100);
		server = await startServer();
		users = [await createUser(server, 'owner0', { admin: true })];
		for (let i = 1; i < USERS; i++) users.push(await createUser(server, `editor${i}`));
		for (let m = 0; m < MAPS; m++) {
			maps.push(await createMap(users[0]!, `Storm ${m}`));
			for (let i = 1; i < USERS; i++) await shareMap(users[0]!, maps[m]!, users[i]!.username, 'editor');
		}
	}, 60_000);
	afterAll(async () => {
		for (const { client } of records) client.destroy();
		await server?.cleanup();
		process.setMaxListeners(listenersBefore);
	});

	it(`all ${CLIENTS} clients come back spread out, resync to the right documents, and the server answers throughout`, async () => {
		const random = seededRandom(seed);
		for (let i = 0; i < CLIENTS; i++) {
			const map = i % MAPS;
			const client = connectClient(server.wsUrl, maps[map]!, { cookie: users[i % USERS]!.cookie });
			const record: ClientRecord = { client, map, scheduled: [], closedAt: [], connectingAt: [], connectedAt: [] };
			useJitteredReconnect(client.provider, { random, onSchedule: (delay, attempt) => record.scheduled.push([delay, attempt]) });
			client.provider.on('connection-close', () => record.closedAt.push(Date.now()));
			client.provider.on('status', ({ status }: { status: string }) => {
				if (status === 'connecting') record.connectingAt.push(Date.now());
				if (status === 'connected') record.connectedAt.push(Date.now());
			});
			records.push(record);
			// Joined in batches, as people open a map over time rather than in one instant.
			if (i % 50 === 49) await Promise.all(records.slice(-50).map((r) => r.client.synced));
		}
		await waitFor(() => records.every((r) => r.client.provider.synced), `all ${CLIENTS} clients synced before the restart`, 60_000);

		// Every client adds an actor: one hundred per map, all stored before the restart.
		records.forEach(({ client }, i) => client.doc.getMap('actors').set(`client-${i}`, new Y.Map<unknown>([['name', `client-${i}`]])));
		for (let m = 0; m < MAPS; m++) {
			await waitFor(async () => (await storedDocument(users[0]!, maps[m]!)).actors.length >= CLIENTS / MAPS, `map ${m} stored its ${CLIENTS / MAPS} actors`, 30_000);
		}
		for (const record of records) {
			record.scheduled.length = 0;
			record.closedAt.length = 0;
			record.connectingAt.length = 0;
			record.connectedAt.length = 0;
		}

		// ---- the restart; some people keep editing while the server is away
		const restarted = server.restart();
		await waitFor(() => records.every((r) => !r.client.provider.wsconnected), 'every client noticed the server going away', 20_000);
		for (let i = 0; i < OFFLINE_EDITORS; i++) records[i]!.client.doc.getMap('actors').set(`offline-${i}`, new Y.Map<unknown>([['name', `offline-${i}`]]));
		await restarted;
		const upAt = Date.now();

		// Health every 100 ms while the storm lasts.
		const probes: Array<{ status: number | string; ms: number }> = [];
		let storming = true;
		const probing = (async () => {
			while (storming) {
				const started = Date.now();
				try {
					const response = await fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
					probes.push({ status: response.status, ms: Date.now() - started });
				} catch (error) {
					probes.push({ status: String((error as Error).name), ms: Date.now() - started });
				}
				await sleep(100);
			}
		})();
		try {
			await waitFor(() => records.every((r) => r.client.provider.wsconnected && r.client.provider.synced), `all ${CLIENTS} clients reconnected and synced ${context}`, 60_000);
		} finally {
			storming = false;
			await probing;
		}

		// ---- the server answered throughout
		const unhealthy = probes.filter((p) => p.status !== 200 || p.ms > 2_000);
		expect(unhealthy, `health probes during the storm that failed or took over 2 s, of ${probes.length}`).toEqual([]);

		// ---- every document is right: what was stored, plus every offline edit, on every client
		for (let m = 0; m < MAPS; m++) {
			const expected = [
				...records.flatMap((r, i) => (r.map === m ? [`client-${i}`] : [])),
				...records.slice(0, OFFLINE_EDITORS).flatMap((r, i) => (r.map === m ? [`offline-${i}`] : []))
			].sort();
			await waitFor(async () => JSON.stringify((await storedDocument(users[0]!, maps[m]!)).actors.map((a) => a.name).sort()) === JSON.stringify(expected), `map ${m}: the stored document has every actor, offline edits included ${context}`, 20_000);
			const members = records.filter((r) => r.map === m);
			await waitFor(() => members.every((r) => JSON.stringify(names(r.client.doc)) === JSON.stringify(expected)), `map ${m}: all ${members.length} clients hold exactly the stored actors ${context}`, 20_000);
		}

		// ---- the delays the helper chose: within their ceilings, and spread evenly under them
		const all = records.flatMap((r) => r.scheduled);
		expect(all.length, 'every client scheduled at least one reconnect').toBeGreaterThanOrEqual(CLIENTS);
		const outOfRange = all.filter(([delay, attempt]) => delay < 0 || delay >= Math.min(RECONNECT.maxDelayMs, RECONNECT.baseDelayMs * 2 ** (attempt - 1)));
		expect(outOfRange, 'delays outside [0, ceiling)').toEqual([]);
		for (let attempt = 1; attempt <= 4; attempt++) {
			const delays = all.filter(([, a]) => a === attempt).map(([delay]) => delay);
			if (delays.length < 200) continue;
			const ceiling = RECONNECT.baseDelayMs * 2 ** (attempt - 1);
			const tenths = new Array<number>(10).fill(0);
			for (const delay of delays) tenths[Math.floor((delay / ceiling) * 10)]!++;
			// Even would be 10 % per tenth of the range; y-websocket alone puts 100 % at its end.
			expect(Math.max(...tenths) / delays.length, `attempt ${attempt}: the largest share of ${delays.length} delays in one tenth of [0, ${ceiling}) ms ${context}`).toBeLessThanOrEqual(0.2);
		}

		// ---- and the real providers waited those delays: a client given a longer delay tried later.
		// (Absolute waits are not compared: with 500 clients closing at once this process lags.)
		// y-websocket alone waits 200 ms for everyone, which would leave no relation at all.
		const pairs = records
			.filter((r) => r.scheduled.length > 0 && r.closedAt.length > 0 && r.connectingAt.length > 0)
			.map((r) => [r.scheduled[0]![0], r.connectingAt[0]! - r.closedAt[0]!] as const);
		const correlation = pearson(pairs.map(([scheduled]) => scheduled), pairs.map(([, actual]) => actual));
		expect(correlation, `correlation between the delay each client was given and the wait it made, over ${pairs.length} clients ${context}`).toBeGreaterThan(0.5);

		// ---- arrivals after the restart are spread too (loosely: timing here depends on the machine)
		const arrivals = records.map((r) => r.connectedAt[0]!).sort((a, b) => a - b);
		let crowd = 0;
		for (let i = 0, j = 0; i < arrivals.length; i++) {
			while (arrivals[i]! - arrivals[j]! >= 100) j++;
			crowd = Math.max(crowd, i - j + 1);
		}
		const spreadMs = arrivals.at(-1)! - arrivals[0]!;
		expect(crowd / CLIENTS, `the largest share of reconnections in any 100 ms (over ${spreadMs} ms from ${arrivals[0]! - upAt} ms after the server was up) ${context}`).toBeLessThanOrEqual(0.4);
	}, 180_000);
});
