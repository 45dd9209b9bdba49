// Sync load: N editors on M maps, each moving its own actor at a steady rate through a real
// provider. All servers of a scenario run at once, each with its own editors, and are driven in
// turn in short interleaved slices, so a shared machine's slow moments fall on all of them alike.
// Latency runs from the sender's move to each other editor observing it (one process, one clock);
// server CPU and memory come from /proc.
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import * as Y from 'yjs';
import { MapModel } from '../src/lib/map';
import { connectClient, within, type SyncClient } from './lib/clients';
import type { ProcessSample } from './lib/proc';
import type { ServerKind } from './lib/servers';
import { median, percentile, Samples } from './lib/stats';

export interface SyncScenario {
	key: string;
	label: string;
	editors: number;
	maps: number;
	/** Committed moves per editor per second. */
	movesPerSecond: number;
}

export interface SyncTarget {
	kind: ServerKind;
	port: number;
	/** One document (map) name per map in the scenario. */
	docNames: string[];
	cookieFor?: (editor: number) => string;
	sample(): ProcessSample;
}

export interface SyncTiming {
	/** Slices per server; each is a warm-up, a measured window and a drain. */
	slices: number;
	warmupMs: number;
	windowMs: number;
	/** Longest wait for the last moves of a slice to arrive. */
	maxDrainMs: number;
}

export interface SyncResult {
	kind: ServerKind;
	scenario: string;
	p50: number;
	p95: number;
	p99: number;
	/**
	 * Median and p95 of each move's latency to its FIRST receiver (sender → server → first socket):
	 * the server's own share. The pooled percentiles above also include the load generator's serial
	 * work on the move's other receivers (at 50 editors on a map, 49 of them, handled one after another
	 * in the one generator process), which dominates them.
	 */
	firstP50: number;
	firstP95: number;
	/** Each measured slice's own p95: their median shrugs off a slice hit by other load on the machine. */
	sliceP95s: number[];
	/**
	 * Share of measured moves during whose deliveries the load generator itself collected garbage (its
	 * pauses, about 2 ms each, delay every receiver after them), and each slice's p95 over the other
	 * moves: a diagnostic of the generator's share, not a target.
	 */
	generatorGcShare: number;
	untouchedSliceP95s: number[];
	/** Moves sent in measured windows per second, and deliveries (one per receiving editor) per second. */
	movesPerSec: number;
	deliveriesPerSec: number;
	/** Share of expected deliveries that arrived before the drain ended. */
	delivered: number;
	serverCores: number;
	serverPeakRss: number;
	generatorCores: number;
	/** Median over slices of the load generator's p99 event-loop delay, and the largest delay seen. */
	generatorLagP99: number;
	generatorLagMax: number;
	/** Median payload of one move's update message. */
	moveMessageBytes: number;
}

interface SentMove {
	at: number;
	measured: boolean;
	expected: number;
	received: number;
	/** Latencies of its measured deliveries, and when the last one arrived. */
	latencies: number[];
	lastAt: number;
}

/** The load generator's own garbage collections (start, end; performance.now() time) while it drives. */
const generatorPauses: [number, number][] = [];
const pauseObserver = new PerformanceObserver((list) => {
	for (const entry of list.getEntries()) generatorPauses.push([entry.startTime, entry.startTime + entry.duration]);
});

/**
 * Before it sends a move, while (at 10 ms between moves) no earlier move is still being delivered, the
 * generator empties its young generation once that is a quarter full (V8 collects it on its own before
 * it is half full), so that its own collections stay out of the moves it measures. Left to V8 they did
 * not, and unevenly: with a server that echoes each update back to its sender (`@y/websocket-server`)
 * they fell after a move's deliveries; with one that does not (Kartta), in the middle of them, on 6% of
 * its moves, 2 ms each. Making Kartta echo moved them back (0.7–0.9% of moves). Needs `--expose-gc`
 * (bench/run.mjs passes it); without it V8 decides, as before.
 */
const collectYoungGeneration: () => void = (() => {
	const gc = (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc;
	if (!gc) return () => {};
	return () => {
		const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
		if (young && young.space_used_size > young.space_size / 4) gc({ type: 'minor' });
	};
})();

function touchedByGeneratorPause(move: SentMove): boolean {
	return generatorPauses.some(([start, end]) => end >= move.at && start <= move.lastAt);
}

/** One server's editors and everything measured about them. */
interface Fleet {
	target: SyncTarget;
	clients: SyncClient[];
	models: MapModel[];
	actorIds: string[];
	sent: Map<number, SentMove>;
	latencies: Samples;
	/** One sample per measured move that reached anyone: the latency to its first receiver. */
	firstLatencies: Samples;
	sliceP95s: number[];
	untouchedSliceP95s: number[];
	touchedMoves: number;
	/** The load generator's own event-loop delay while driving: when high, it is the bottleneck. */
	loopLagP99s: number[];
	loopLagMax: number;
	measuredMs: number;
	serverCpuMs: number;
	generatorCpuMs: number;
	moves: number;
	expected: number;
	received: number;
}

const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 60_000;
const SETTLE_TIMEOUT_MS = 60_000;
const MIN_DRAIN_MS = 300;
/** Every server is driven this long, unmeasured, before the first measured slice. */
const WARMUP_ROUND_MS = 1500;
const TICK_MS = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
		await sleep(50);
	}
}

function mapOf(scenario: SyncScenario, editor: number): number {
	return editor % scenario.maps;
}

function editorsOnMap(scenario: SyncScenario, map: number): number {
	return Math.floor(scenario.editors / scenario.maps) + (map < scenario.editors % scenario.maps ? 1 : 0);
}

async function connectFleet(target: SyncTarget, scenario: SyncScenario, fleets: Fleet[]): Promise<Fleet> {
	const fleet: Fleet = {
		target,
		clients: [],
		models: [],
		actorIds: [],
		sent: new Map(),
		latencies: new Samples(),
		firstLatencies: new Samples(),
		sliceP95s: [],
		untouchedSliceP95s: [],
		touchedMoves: 0,
		loopLagP99s: [],
		loopLagMax: 0,
		measuredMs: 0,
		serverCpuMs: 0,
		generatorCpuMs: 0,
		moves: 0,
		expected: 0,
		received: 0
	};
	fleets.push(fleet); // registered first, so a failure part-way still destroys what connected
	for (let first = 0; first < scenario.editors; first += CONNECT_BATCH) {
		const batch: SyncClient[] = [];
		for (let i = first; i < Math.min(scenario.editors, first + CONNECT_BATCH); i++) {
			// No presence: the scenario measures document updates alone (presence renewals every
			// 15 s would otherwise land on a server while another one is being measured).
			const client = connectClient(target.kind, target.port, target.docNames[mapOf(scenario, i)]!, {
				cookie: target.cookieFor?.(i)
			});
			fleet.clients.push(client);
			batch.push(client);
		}
		await within(Promise.all(batch.map((c) => c.synced)), CONNECT_TIMEOUT_MS, `${target.kind}: editors connecting`);
	}
	// Each editor owns one actor and is the only one moving it.
	fleet.models = fleet.clients.map((c) => new MapModel(c.doc));
	fleet.actorIds = fleet.models.map((model, i) =>
		model.addActor({ name: `Editor ${i}`, kind: 'company', pos: { x: 0, y: 0 } })
	);
	await waitUntil(
		() => fleet.clients.every((c, i) => c.doc.getMap('actors').size >= editorsOnMap(scenario, mapOf(scenario, i))),
		SETTLE_TIMEOUT_MS,
		`${target.kind}: every editor sees every actor on its map`
	);
	for (const client of fleet.clients) {
		const actors = client.doc.getMap('actors');
		actors.observeDeep((events, transaction) => {
			if (transaction.local) return;
			const now = performance.now();
			for (const event of events) {
				if (event.target === actors || !(event as Y.YMapEvent<unknown>).keysChanged.has('pos')) continue;
				const pos = (event.target as Y.Map<unknown>).get('pos') as { x: number } | undefined;
				const move = pos && fleet.sent.get(pos.x);
				if (!move) continue;
				move.received++;
				if (!move.measured) continue;
				fleet.latencies.push(now - move.at);
				move.latencies.push(now - move.at);
				move.lastAt = now;
				if (move.received === 1) fleet.firstLatencies.push(now - move.at);
			}
		});
		client.sentUpdateBytes.length = 0;
	}
	return fleet;
}

/**
 * Drives one fleet for a warm-up and a measured window, then waits for the last moves to land.
 * Without `record` the whole slice is warm-up (JIT, socket buffers) and nothing is kept.
 */
async function driveSlice(
	fleet: Fleet,
	scenario: SyncScenario,
	timing: { warmupMs: number; windowMs: number; maxDrainMs: number },
	seq: { next: number },
	record = true
): Promise<void> {
	const { clients, models, actorIds, target } = fleet;
	const editors = clients.length;
	const period = 1000 / scenario.movesPerSecond;
	const start = performance.now();
	const windowStart = record ? start + timing.warmupMs : Infinity;
	const windowEnd = start + timing.warmupMs + timing.windowMs;
	// A central clock spreads the editors' moves evenly over each period.
	const nextAt = clients.map((_, i) => start + (i / editors) * period);
	const slice: SentMove[] = [];
	let serverBefore: ProcessSample | null = null;
	let generatorBefore: NodeJS.CpuUsage | null = null;
	const sliceLatencyStart = fleet.latencies.length;
	const lag = monitorEventLoopDelay({ resolution: 1 });
	if (record) lag.enable();
	generatorPauses.length = 0;
	await new Promise<void>((resolve) => {
		const timer = setInterval(() => {
			const now = performance.now();
			if (!serverBefore && now >= windowStart) {
				serverBefore = target.sample();
				generatorBefore = process.cpuUsage();
			}
			if (now >= windowEnd) {
				if (serverBefore) {
					const serverAfter = target.sample();
					const used = process.cpuUsage(generatorBefore ?? undefined);
					fleet.serverCpuMs += serverAfter.cpuMs - serverBefore.cpuMs;
					fleet.generatorCpuMs += (used.user + used.system) / 1000;
					fleet.measuredMs += now - windowStart;
				}
				clearInterval(timer);
				resolve();
				return;
			}
			let collected = false;
			for (let i = 0; i < editors; i++) {
				if (nextAt[i]! > now) continue;
				nextAt[i] = Math.max(nextAt[i]! + period, now);
				if (!collected) {
					collectYoungGeneration();
					collected = true;
				}
				// A unique x identifies the move for every receiver; fractional, as dragged positions are.
				const x = ++seq.next + Math.random() * 0.5;
				const at = performance.now();
				const move: SentMove = { at, measured: at >= windowStart, expected: editorsOnMap(scenario, mapOf(scenario, i)) - 1, received: 0, latencies: [], lastAt: at };
				fleet.sent.set(x, move);
				if (move.measured) slice.push(move);
				models[i]!.moveActor(actorIds[i]!, { x, y: Math.random() * 1000 });
			}
		}, TICK_MS);
	});
	const drainStart = Date.now();
	await sleep(MIN_DRAIN_MS);
	while (Date.now() - drainStart < timing.maxDrainMs && slice.some((m) => m.received < m.expected)) await sleep(50);
	for (const move of slice) {
		fleet.moves++;
		fleet.expected += move.expected;
		fleet.received += move.received;
	}
	// Moves are only looked up while in flight; forgetting them keeps lookups cheap.
	fleet.sent.clear();
	if (!record) return;
	lag.disable();
	fleet.loopLagP99s.push(lag.percentile(99) / 1e6);
	fleet.loopLagMax = Math.max(fleet.loopLagMax, lag.max / 1e6);
	const sliceSamples = new Samples();
	for (let i = sliceLatencyStart; i < fleet.latencies.length; i++) sliceSamples.push(fleet.latencies.at(i));
	fleet.sliceP95s.push(percentile(sliceSamples.sorted(), 95));
	const untouched = new Samples();
	for (const move of slice) {
		if (touchedByGeneratorPause(move)) fleet.touchedMoves++;
		else for (const latency of move.latencies) untouched.push(latency);
	}
	fleet.untouchedSliceP95s.push(percentile(untouched.sorted(), 95));
	generatorPauses.length = 0;
}

export async function runSyncScenario(targets: SyncTarget[], scenario: SyncScenario, timing: SyncTiming): Promise<SyncResult[]> {
	const fleets: Fleet[] = [];
	pauseObserver.observe({ entryTypes: ['gc'] });
	try {
		for (const target of targets) await connectFleet(target, scenario, fleets);
		const seq = { next: 0 };
		for (const fleet of fleets) {
			await driveSlice(fleet, scenario, { warmupMs: WARMUP_ROUND_MS, windowMs: 0, maxDrainMs: timing.maxDrainMs }, seq, false);
		}
		for (let s = 0; s < timing.slices; s++) {
			// Rotating the order spreads the machine's slow moments over all servers.
			for (let f = 0; f < fleets.length; f++) await driveSlice(fleets[(f + s) % fleets.length]!, scenario, timing, seq);
		}
		return fleets.map((fleet) => {
			const sorted = fleet.latencies.sorted();
			const firstSorted = fleet.firstLatencies.sorted();
			const seconds = fleet.measuredMs / 1000;
			return {
				kind: fleet.target.kind,
				scenario: scenario.key,
				p50: percentile(sorted, 50),
				p95: percentile(sorted, 95),
				p99: percentile(sorted, 99),
				firstP50: percentile(firstSorted, 50),
				firstP95: percentile(firstSorted, 95),
				sliceP95s: fleet.sliceP95s,
				generatorGcShare: fleet.moves > 0 ? fleet.touchedMoves / fleet.moves : NaN,
				untouchedSliceP95s: fleet.untouchedSliceP95s,
				movesPerSec: fleet.moves / seconds,
				deliveriesPerSec: fleet.received / seconds,
				delivered: fleet.expected > 0 ? fleet.received / fleet.expected : NaN,
				serverCores: fleet.serverCpuMs / fleet.measuredMs,
				serverPeakRss: fleet.target.sample().peakRssBytes,
				generatorCores: fleet.generatorCpuMs / fleet.measuredMs,
				generatorLagP99: median(fleet.loopLagP99s),
				generatorLagMax: fleet.loopLagMax,
				moveMessageBytes: median(fleet.clients.flatMap((c) => c.sentUpdateBytes))
			};
		});
	} finally {
		pauseObserver.disconnect();
		for (const fleet of fleets) for (const client of fleet.clients) client.destroy();
	}
}
