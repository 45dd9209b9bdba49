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

export async function runSyncSection(options: SyncSectionOptions): Promise<{ text: string; checks: TargetCheck[] }> {
	const { site, servers, timing, log } = options;
	const byKey = new Map<string, SyncResult>();
	for (const scenario of options.scenarios) {
		// Fresh processes per scenario: peak RSS is the scenario's own.
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
						karttaMaps = await site.createMaps(setup, scenario.maps, `Bench ${scenario.key}`);
					} finally {
						await setup.stop();
					}
				}
				const server = await startServer(kind, site, options.cpuProfile ? `${kind}-${scenario.key}` : undefined);
				running.push(server);
				if (kind === 'kartta') {
					targets.push({ kind, port: server.port, docNames: karttaMaps, cookieFor: (e) => site.cookieFor(e), sample: server.sample });
				} else {
					const docNames = Array.from({ length: scenario.maps }, (_, m) => `bench-${scenario.key}-${m}`);
					targets.push({ kind, port: server.port, docNames, sample: server.sample });
				}
			}
			for (const result of await runSyncScenario(targets, scenario, timing)) {
				log(
					`  ${scenario.label}, ${SHORT_NAME[result.kind]}: p50 ${fmtMs(result.p50)} ms, p95 ${fmtMs(result.p95)} ms ` +
						`(slices: ${result.sliceP95s.map(fmtMs).join(', ')}), p99 ${fmtMs(result.p99)} ms, first p50 ${fmtMs(result.firstP50)} ms, ` +
						`${(result.delivered * 100).toFixed(1)}% delivered, server ${(result.serverCores * 100).toFixed(0)}% CPU, ` +
						`load generator ${(result.generatorCores * 100).toFixed(0)}% CPU, loop delay p99 ${fmtMs(result.generatorLagP99)} ms, max ${fmtMs(result.generatorLagMax)} ms`
				);
				byKey.set(`${scenario.key}/${result.kind}`, result);
			}
		} finally {
			for (const server of running) await server.stop();
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
				`${m.moveMessageBytes.toFixed(0)} B`
			]);
		}
	}
	const main = table(
		['scenario · server', 'p50 ms', 'p95 ms', 'p99 ms', 'median slice p95', 'first p50', 'first p95', 'moves/s', 'deliveries/s', 'delivered', 'server CPU', 'peak RSS', 'load-gen CPU / loop p99 ms', 'move msg'],
		rows
	);

	const ratioRows: string[][] = [];
	for (const scenario of options.scenarios) {
		const k = byKey.get(`${scenario.key}/kartta`);
		if (!k) continue;
		for (const peer of servers.filter((s) => s !== 'kartta')) {
			const p = byKey.get(`${scenario.key}/${peer}`);
			if (!p) continue;
			ratioRows.push([
				`${scenario.label} · Kartta ÷ ${SHORT_NAME[peer]}`,
				fmtRatio(k.p50 / p.p50),
				fmtRatio(k.p95 / p.p95),
				fmtRatio(k.p99 / p.p99),
				fmtRatio(median(k.sliceP95s) / median(p.sliceP95s)),
				fmtRatio(k.firstP50 / p.firstP50),
				fmtRatio(k.firstP95 / p.firstP95),
				fmtRatio(k.deliveriesPerSec / p.deliveriesPerSec),
				fmtRatio(k.serverCores / p.serverCores),
				fmtRatio(k.serverPeakRss / p.serverPeakRss)
			]);
		}
	}
	const ratios = table(['ratio', 'p50', 'p95', 'p99', 'median slice p95', 'first p50', 'first p95', 'deliveries/s', 'server CPU', 'peak RSS'], ratioRows);

	// The p95 targets compare the median of per-slice p95s: on a shared machine one slice can catch
	// someone else's test run, and the pooled p95 would then measure that rather than the server.
	const checks: TargetCheck[] = [];
	const p95Of = (kind: ServerKind) => {
		const result = byKey.get(`${TARGET_SCENARIO}/${kind}`);
		return result ? median(result.sliceP95s) : NaN;
	};
	const k95 = p95Of('kartta');
	const y95 = p95Of('y-websocket-server');
	const h95 = p95Of('hocuspocus');
	if (Number.isFinite(k95) && Number.isFinite(y95)) {
		checks.push({
			name: 'propagation p95 (median slice), 50 editors on one map, vs @y/websocket-server',
			measured: `${fmtMs(k95)} ms vs ${fmtMs(y95)} ms (${fmtRatio(k95 / y95)})`,
			target: `≤ ${P95_TARGET_RATIO}×`,
			holds: k95 <= P95_TARGET_RATIO * y95
		});
	}
	if (Number.isFinite(k95) && Number.isFinite(h95)) {
		checks.push({
			name: 'propagation p95 (median slice), 50 editors on one map, vs Hocuspocus',
			measured: `${fmtMs(k95)} ms vs ${fmtMs(h95)} ms (${fmtRatio(k95 / h95)})`,
			target: '< 1.00×',
			holds: k95 < h95
		});
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
		ratios
	].join('\n');
	return { text, checks };
}

