// The benchmark run behind `npm run bench`: sync load against Kartta and two reference servers,
// a large map, storage compaction and idle connections; prints tables and which targets hold.
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { KarttaSite, SERVER_KINDS, type ServerKind } from './lib/servers';
import { targetTable, type TargetCheck } from './lib/stats';
import { runSyncSection } from './sync-section';
import type { SyncScenario } from './sync-load';
import { runLargeMapSection } from './large-map';
import { runStorageSection } from './storage';
import { runConnectionsSection } from './connections';

const SECTIONS = ['sync', 'large', 'storage', 'connections'] as const;
type Section = (typeof SECTIONS)[number];

const { values: args } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		only: { type: 'string' },
		servers: { type: 'string' },
		scenarios: { type: 'string' },
		slices: { type: 'string' },
		runs: { type: 'string' },
		seconds: { type: 'string' },
		'cpu-prof': { type: 'boolean', default: false },
		'no-browser': { type: 'boolean', default: false },
		'cold-room': { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});

if (args.help) {
	console.log(`npm run bench -- [options]
  --quick              a smoke run: 3 s windows, one run, small sizes
  --only=LIST          sections: ${SECTIONS.join(',')}
  --servers=LIST       ${SERVER_KINDS.join(',')}
  --scenarios=LIST     sync scenarios by key (one-10, one-50, one-200, spread-200)
  --slices=N           interleaved measured slices per server and sync scenario (default 5)
  --runs=N             runs of the 50-editor target scenario, each with fresh servers (default 3)
  --seconds=N          length of one measured slice (default 3)
  --cpu-prof           write V8 CPU profiles of every server to bench/results/profiles/
  --no-browser         skip the browser part of the large-map section
  --cold-room          the browser opens each large map before any client has loaded it
                       (skips the initial-sync figures; by default two clients sync first)`);
	process.exit(0);
}

const quick = args.quick;
const list = (raw: string | undefined) => raw?.split(',').map((s) => s.trim()).filter(Boolean);
const sections = new Set<Section>((list(args.only) as Section[] | undefined) ?? SECTIONS);
const servers = (list(args.servers) as ServerKind[] | undefined) ?? SERVER_KINDS;
for (const s of servers) if (!SERVER_KINDS.includes(s)) throw new Error(`unknown server ${s}`);

/** Steady committed moves per editor per second (live drags travel over awareness, not as moves). */
const MOVES_PER_SECOND = 2;
const ALL_SCENARIOS: SyncScenario[] = [
	{ key: 'one-10', label: '10 editors, 1 map', editors: 10, maps: 1, movesPerSecond: MOVES_PER_SECOND },
	{ key: 'one-50', label: '50 editors, 1 map', editors: 50, maps: 1, movesPerSecond: MOVES_PER_SECOND },
	// 200 editors on one map fan every move out to 199 others, and each delivery costs the receiving
	// client O(clients in the doc) in Yjs (state vector per transaction). One load-generator process
	// holding all 200 replicas saturates long before the server does (at 0.2 moves/s each its event
	// loop stalled for 0.5 s), so this scenario runs at 0.05 moves/s each (10 moves/s on the map).
	{ key: 'one-200', label: '200 editors, 1 map, 0.05 moves/s each', editors: 200, maps: 1, movesPerSecond: 0.05 },
	{ key: 'spread-200', label: '200 editors, 20 maps', editors: 200, maps: 20, movesPerSecond: MOVES_PER_SECOND }
];
const scenarioKeys = list(args.scenarios);
const scenarios = scenarioKeys ? ALL_SCENARIOS.filter((s) => scenarioKeys.includes(s.key)) : ALL_SCENARIOS;
/** Users behind the editors: every map is shared with all of them; editor i logs in as user i % USERS. */
const USERS = 20;

// y-websocket adds a process 'exit' listener per provider; hundreds of clients are intended here.
process.setMaxListeners(0);

const log = (line: string) => process.stderr.write(line + '\n');

async function main(): Promise<void> {
	const started = Date.now();
	const out: string[] = [];
	const checks: TargetCheck[] = [];
	out.push(
		`Kartta benchmark — ${new Date().toISOString()}`,
		`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}${quick ? ' — QUICK SMOKE RUN' : ''}`,
		''
	);
	const site = new KarttaSite(USERS);
	const stopping = () => {
		site.cleanup();
		process.exit(130);
	};
	process.on('SIGINT', stopping);
	process.on('SIGTERM', stopping);
	try {
		log('setting up Kartta users…');
		await site.createUsers();
		if (sections.has('sync')) {
			log('sync load…');
			const section = await runSyncSection({
				site,
				scenarios,
				servers,
				timing: {
					slices: Number(args.slices ?? (quick ? 1 : 5)),
					warmupMs: 500,
					windowMs: Number(args.seconds ?? (quick ? 2 : 3)) * 1000,
					maxDrainMs: 3000
				},
				targetRuns: Number(args.runs ?? (quick ? 1 : 3)),
				cpuProfile: args['cpu-prof'],
				log
			});
			out.push('## 1. Sync load', '', section.text, '');
			checks.push(...section.checks);
		}
		if (sections.has('large')) {
			log('large maps…');
			const section = await runLargeMapSection({
				site,
				sizes: quick ? [{ actors: 1000, links: 2000 }] : [{ actors: 1000, links: 2000 }, { actors: 10_000, links: 20_000 }],
				loadRuns: quick ? 1 : 3,
				browser: !args['no-browser'],
				coldRoom: args['cold-room'],
				cpuProfile: args['cpu-prof'],
				log
			});
			out.push('## 2. Large map', '', section.text, '');
			checks.push(...section.checks);
		}
		if (sections.has('storage')) {
			log('storage…');
			const section = await runStorageSection({ edits: quick ? 2000 : 10_000, log });
			out.push('## 3. Storage', '', section.text, '');
			checks.push(...section.checks);
		}
		if (sections.has('connections')) {
			log('connections…');
			const section = await runConnectionsSection({ site, servers, sockets: quick ? 300 : 2000, log });
			out.push('## 4. Connections', '', section.text, '');
			checks.push(...section.checks);
		}
		out.push('## Targets', '', targetTable(checks), '');
		out.push(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
		console.log(out.join('\n'));
	} finally {
		site.cleanup();
	}
}

await main();
