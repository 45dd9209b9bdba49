// Section 1 of `npm run bench`: the sync-load scenarios against Kartta and the two reference
// servers, driven in turn in interleaved slices, with Kartta's ratios to each peer.
import { runSyncScenario, type SyncResult, type SyncScenario, type SyncTarget, type SyncTiming } from './sync-load';
import {
	SHORT_NAME,
	startHocuspocus,
	startYWebsocketServer,
	type KarttaSite,
	type RunningServer,
	type ServerKind
} from './lib/servers';
import { fmtBytes, fmtCount, fmtMs, fmtRatio, median, table, type TargetCheck } from './lib/stats';

export interface SyncSectionOptions {
	site: KarttaSite;
	scenarios: SyncScenario[];
	servers: readonly ServerKind[];
	timing: SyncTiming;
	/**
	 * How many times the target scenario (50 editors on one map) runs, each time with fresh server
	 * processes: one run's ratios move more between runs than between its slices, so the targets
	 * take the median over runs.
	 */
	targetRuns: number;
	cpuProfile: boolean;
	log: (line: string) => void;
}

/** Wire-size target for one committed node move (WebSocket frame included). */
const MOVE_TARGET_BYTES = 64;
/** Client-to-server frames of < 126 bytes carry a 2-byte header and a 4-byte mask. */
const CLIENT_FRAME_OVERHEAD = 6;
const P95_TARGET_RATIO = 1.1;
const TARGET_SCENARIO = 'one-50';

function startServer(kind: ServerKind, site: KarttaSite, cpuProfile: string | undefined): Promise<RunningServer> {
	if (kind === 'kartta') return site.start({ cpuProfile });
	if (kind === 'y-websocket-server') return startYWebsocketServer({ cpuProfile });
	return startHocuspocus({ cpuProfile });
}

/** One scenario against every server, each in a fresh process (peak RSS is the scenario's own). */
async function runScenarioOnce(options: SyncSectionOptions, scenario: SyncScenario, run: number): Promise<Map<ServerKind, SyncResult>> {
	const { site, servers, timing, log } = options;
	const results = new Map<ServerKind, SyncResult>();
	const running: RunningServer[] = [];
	try {
		const targets: SyncTarget[] = [];
		for (const kind of servers) {
			let karttaMaps: string[] = [];
			if (kind === 'kartta') {
				// Logins (argon2id, 19 MiB each) and map creation run in a process of their own, so the
				// measured process's peak RSS is the sync load's.
				const setup = await site.start();
				try {
					await site.ensureSessions(setup, scenario.editors);
					karttaMaps = await site.createMaps(setup, scenario.maps, `Bench ${scenario.key} ${run}`);
				} finally {
					await setup.stop();
				}
			}
			const profile = options.cpuProfile && run === 1 ? `${kind}-${scenario.key}` : undefined;
			const server = await startServer(kind, site, profile);
			running.push(server);
			if (kind === 'kartta') {
				targets.push({ kind, port: server.port, docNames: karttaMaps, cookieFor: (e) => site.cookieFor(e), sample: server.sample });
			} else {
				const docNames = Array.from({ length: scenario.maps }, (_, m) => `bench-${scenario.key}-${run}-${m}`);
				targets.push({ kind, port: server.port, docNames, sample: server.sample });
			}
		}
		for (const result of await runSyncScenario(targets, scenario, timing)) {
			log(
				`  ${scenario.label}${run > 1 ? ` (run ${run})` : ''}, ${SHORT_NAME[result.kind]}: p50 ${fmtMs(result.p50)} ms, p95 ${fmtMs(result.p95)} ms ` +
					`(slices: ${result.sliceP95s.map(fmtMs).join(', ')}), p99 ${fmtMs(result.p99)} ms, first p50 ${fmtMs(result.firstP50)} ms, ` +
					`${(result.delivered * 100).toFixed(1)}% delivered, server ${(result.serverCores * 100).toFixed(0)}% CPU, ` +
					`load generator ${(result.generatorCores * 100).toFixed(0)}% CPU, loop delay p99 ${fmtMs(result.generatorLagP99)} ms, max ${fmtMs(result.generatorLagMax)} ms, ` +
					`its GC during ${(result.generatorGcShare * 100).toFixed(1)}% of moves (median slice p95 of the others ${fmtMs(median(result.untouchedSliceP95s))} ms)`
			);
			results.set(result.kind, result);
		}
	} finally {
		for (const server of running) await server.stop();
	}
	return results;
}

export async function runSyncSection(options: SyncSectionOptions): Promise<{ text: string; checks: TargetCheck[] }> {
	const { servers, timing } = options;
	const byKey = new Map<string, SyncResult>();
	/** The target scenario's results, one map per run (the first run is also in the tables). */
	const targetRuns: Map<ServerKind, SyncResult>[] = [];
	for (const scenario of options.scenarios) {
		const runs = scenario.key === TARGET_SCENARIO ? Math.max(1, options.targetRuns) : 1;
		for (let run = 1; run <= runs; run++) {
			const results = await runScenarioOnce(options, scenario, run);
			if (run === 1) for (const [kind, result] of results) byKey.set(`${scenario.key}/${kind}`, result);
			if (scenario.key === TARGET_SCENARIO) targetRuns.push(results);
		}
	}

	const rows: string[][] = [];
	for (const scenario of options.scenarios) {
		for (const kind of servers) {
			const m = byKey.get(`${scenario.key}/${kind}`);
			if (!m) continue;
			rows.push([
				`${scenario.label} · ${SHORT_NAME[kind]}`,
				fmtMs(m.p50),
				fmtMs(m.p95),
				fmtMs(m.p99),
				fmtMs(median(m.sliceP95s)),
				fmtMs(m.firstP50),
				fmtMs(m.firstP95),
				fmtCount(m.movesPerSec),
				fmtCount(m.deliveriesPerSec),
				`${(m.delivered * 100).toFixed(1)}%`,
				`${(m.serverCores * 100).toFixed(0)}%`,
				fmtBytes(m.serverPeakRss),
				`${(m.generatorCores * 100).toFixed(0)}% / ${fmtMs(m.generatorLagP99)}`,
				`${(m.generatorGcShare * 100).toFixed(1)}%`,
				`${m.moveMessageBytes.toFixed(0)} B`
			]);
		}
	}
	const main = table(
		['scenario · server', 'p50 ms', 'p95 ms', 'p99 ms', 'median slice p95', 'first p50', 'first p95', 'moves/s', 'deliveries/s', 'delivered', 'server CPU', 'peak RSS', 'load-gen CPU / loop p99 ms', 'moves hit by load-gen GC', 'move msg'],
		rows
	);

	/** One row of ratios: `a`'s figures over `b`'s. */
	const ratioRow = (label: string, a: SyncResult, b: SyncResult) => [
		label,
		fmtRatio(a.p50 / b.p50),
		fmtRatio(a.p95 / b.p95),
		fmtRatio(a.p99 / b.p99),
		fmtRatio(median(a.sliceP95s) / median(b.sliceP95s)),
		fmtRatio(a.firstP50 / b.firstP50),
		fmtRatio(a.firstP95 / b.firstP95),
		fmtRatio(a.deliveriesPerSec / b.deliveriesPerSec),
		fmtRatio(a.serverCores / b.serverCores),
		fmtRatio(a.serverPeakRss / b.serverPeakRss)
	];
	const ratioRows: string[][] = [];
	for (const scenario of options.scenarios) {
		const k = byKey.get(`${scenario.key}/kartta`);
		if (!k) continue;
		for (const peer of servers.filter((s) => s !== 'kartta')) {
			const p = byKey.get(`${scenario.key}/${peer}`);
			if (p) ratioRows.push(ratioRow(`${scenario.label} · Kartta ÷ ${SHORT_NAME[peer]}`, k, p));
		}
	}
	// The two reference servers, which no change of ours moves, against each other: how far apart this
	// run puts two servers whose relation is fixed shows the run's noise.
	for (const scenario of options.scenarios) {
		const y = byKey.get(`${scenario.key}/y-websocket-server`);
		const h = byKey.get(`${scenario.key}/hocuspocus`);
		if (y && h) ratioRows.push(ratioRow(`${scenario.label} · ${SHORT_NAME['y-websocket-server']} ÷ ${SHORT_NAME.hocuspocus} (reference pair)`, y, h));
	}
	const ratios = table(['ratio', 'p50', 'p95', 'p99', 'median slice p95', 'first p50', 'first p95', 'deliveries/s', 'server CPU', 'peak RSS'], ratioRows);

	// The target scenario run by run: what the targets below take the median of.
	/** A run's median-slice p95 of `kind`: what the targets compare. */
	const p95Of = (results: Map<ServerKind, SyncResult>, kind: ServerKind) => median(results.get(kind)?.sliceP95s ?? []);
	const firstOf = (results: Map<ServerKind, SyncResult>, kind: ServerKind) => results.get(kind)?.firstP50 ?? NaN;
	const clearOf = (results: Map<ServerKind, SyncResult>, kind: ServerKind) => median(results.get(kind)?.untouchedSliceP95s ?? []);
	const runRows = targetRuns.map((results, i) => [
		`run ${i + 1}`,
		...(['kartta', 'y-websocket-server', 'hocuspocus'] as const).map((kind) => `${fmtMs(p95Of(results, kind))} / ${fmtMs(firstOf(results, kind))}`),
		fmtRatio(p95Of(results, 'kartta') / p95Of(results, 'y-websocket-server')),
		fmtRatio(p95Of(results, 'kartta') / p95Of(results, 'hocuspocus')),
		fmtRatio(p95Of(results, 'y-websocket-server') / p95Of(results, 'hocuspocus')),
		`${fmtRatio(clearOf(results, 'kartta') / clearOf(results, 'y-websocket-server'))} / ${fmtRatio(clearOf(results, 'kartta') / clearOf(results, 'hocuspocus'))}`
	]);
	const runsTable =
		targetRuns.length > 1
			? table(
					[
						`${TARGET_SCENARIO}, each run with fresh processes`,
						'Kartta p95 / first p50',
						'y-ws p95 / first p50',
						'Hocuspocus p95 / first p50',
						'Kartta ÷ y-ws',
						'Kartta ÷ Hocuspocus',
						'y-ws ÷ Hocuspocus',
						'Kartta ÷ y-ws / ÷ Hocuspocus, moves clear of load-gen GC'
					],
					runRows
				)
			: '';

	// The p95 targets compare the median of per-slice p95s (one slice can catch someone else's test
	// run on a shared machine), and take the median of that ratio over the runs.
	const checks: TargetCheck[] = [];
	const p95Check = (peer: ServerKind, limit: number, strict: boolean): TargetCheck | null => {
		const ratios = targetRuns.map((results) => p95Of(results, 'kartta') / p95Of(results, peer)).filter(Number.isFinite);
		if (ratios.length === 0) return null;
		const ratio = median(ratios);
		const k95 = median(targetRuns.map((results) => p95Of(results, 'kartta')));
		const p95 = median(targetRuns.map((results) => p95Of(results, peer)));
		const perRun = ratios.length > 1 ? `; runs ${ratios.map((r) => r.toFixed(2)).join(', ')}` : '';
		return {
			name: `propagation p95 (median slice), 50 editors on one map, vs ${SHORT_NAME[peer]}`,
			measured: `${fmtMs(k95)} ms vs ${fmtMs(p95)} ms (${fmtRatio(ratio)}${perRun})`,
			target: strict ? `< ${limit.toFixed(2)}×` : `≤ ${limit}×`,
			holds: strict ? ratio < limit : ratio <= limit,
			note: ratios.length > 1 ? `median of ${ratios.length} runs` : undefined
		};
	};
	for (const check of [p95Check('y-websocket-server', P95_TARGET_RATIO, false), p95Check('hocuspocus', 1, true)]) {
		if (check) checks.push(check);
	}
	const kAny = [...byKey.entries()].find(([key]) => key.endsWith('/kartta'))?.[1];
	if (kAny) {
		const frame = kAny.moveMessageBytes + CLIENT_FRAME_OVERHEAD;
		checks.push({
			name: 'one node move on the wire (client → server frame)',
			measured: `${frame.toFixed(0)} B (${kAny.moveMessageBytes.toFixed(0)} B message + ${CLIENT_FRAME_OVERHEAD} B frame header)`,
			target: `≤ ${MOVE_TARGET_BYTES} B`,
			holds: frame <= MOVE_TARGET_BYTES
		});
	}
	const text = [
		`Propagation latency = a move's commit on one editor to its observation by each other editor on the map`,
		`(real providers in the load-generator process, one clock). All servers of a scenario run at once and are`,
		`driven in turn, ${timing.slices} interleaved slices of ${timing.windowMs / 1000} s each; percentiles pool every slice's samples.`,
		`First p50/p95 take only each move's first receiver (sender → server → first socket), the server's own share before`,
		`the load generator's serial work on the move's other receivers.`,
		`CPU is the server process's share of one core while it is driven; peak RSS is VmHWM.`,
		'',
		main,
		'',
		ratios,
		...(runsTable ? ['', `The target scenario over ${targetRuns.length} runs (median-slice p95 and first p50, ms); the targets take the median ratio:`, '', runsTable] : [])
	].join('\n');
	return { text, checks };
}

