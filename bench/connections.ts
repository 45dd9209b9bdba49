// Section 4 of `npm run bench`: how many idle, authenticated sockets one server process holds, and
// the memory each costs. Real providers (no presence, so they stay silent) open in batches, spread
// over several maps; every server gets a fresh process.
import { connectClient, within, type SyncClient } from './lib/clients';
import { SHORT_NAME, startHocuspocus, startYWebsocketServer, type KarttaSite, type RunningServer, type ServerKind } from './lib/servers';
import { fmtBytes, fmtMs, table, type TargetCheck } from './lib/stats';

const MAPS = 20;
const BATCH = 100;
const BATCH_TIMEOUT_MS = 30_000;
/** Stop opening when a batch loses more than this share: the process has reached its limit. */
const MAX_FAILED_SHARE = 0.05;
const SETTLE_MS = 1500;
const SOCKETS_TARGET = 1000;
/** Sessions behind the sockets: several sockets share one, like tabs of one browser. */
const MAX_SESSIONS = 200;

interface ConnectionResult {
	kind: ServerKind;
	open: number;
	openMs: number;
	baselineRss: number;
	rss: number;
	peakRss: number;
	stoppedBecause: string;
}

async function measure(kind: ServerKind, server: RunningServer, docNames: string[], target: number, cookieFor?: (i: number) => string): Promise<ConnectionResult> {
	const clients: SyncClient[] = [];
	try {
		// One client per map first, so the rooms (documents) are loaded before the baseline.
		for (let m = 0; m < docNames.length; m++) {
			const client = connectClient(kind, server.port, docNames[m]!, { cookie: cookieFor?.(m) });
			clients.push(client);
		}
		await within(Promise.all(clients.map((c) => c.synced)), BATCH_TIMEOUT_MS, `${kind}: first client per map`);
		await new Promise((r) => setTimeout(r, SETTLE_MS));
		const baselineRss = server.sample().rssBytes;
		const start = performance.now();
		let open = clients.length;
		let stoppedBecause = `reached ${target}`;
		while (open < target) {
			const batch: SyncClient[] = [];
			for (let i = 0; i < BATCH && open + i < target; i++) {
				const n = open + i;
				batch.push(connectClient(kind, server.port, docNames[n % docNames.length]!, { cookie: cookieFor?.(n) }));
			}
			clients.push(...batch);
			const settled = await Promise.allSettled(batch.map((c) => within(c.synced, BATCH_TIMEOUT_MS, 'sync')));
			const failed = settled.filter((s) => s.status === 'rejected').length;
			open += batch.length - failed;
			if (failed > MAX_FAILED_SHARE * batch.length) {
				stoppedBecause = `${failed} of a batch of ${batch.length} did not sync`;
				break;
			}
		}
		const openMs = performance.now() - start;
		await new Promise((r) => setTimeout(r, SETTLE_MS));
		const sample = server.sample();
		return { kind, open, openMs, baselineRss, rss: sample.rssBytes, peakRss: sample.peakRssBytes, stoppedBecause };
	} finally {
		for (const client of clients) client.destroy();
	}
}

export async function runConnectionsSection(options: {
	site: KarttaSite;
	servers: readonly ServerKind[];
	sockets: number;
	log: (line: string) => void;
}): Promise<{ text: string; checks: TargetCheck[] }> {
	const { site, log } = options;
	const results: ConnectionResult[] = [];
	for (const kind of options.servers) {
		let docNames = Array.from({ length: MAPS }, (_, m) => `idle-${m}`);
		let cookieFor: ((i: number) => string) | undefined;
		if (kind === 'kartta') {
			// Logins (argon2id, 19 MiB each) and map creation run in a process of their own: memory
			// they leave behind would otherwise be reused by the sockets and hide their cost.
			const setup = await site.start();
			try {
				await site.ensureSessions(setup, Math.min(options.sockets, MAX_SESSIONS));
				docNames = await site.createMaps(setup, MAPS, 'Idle');
			} finally {
				await setup.stop();
			}
			cookieFor = (i) => site.cookieFor(i);
		}
		const server = kind === 'kartta' ? await site.start() : kind === 'y-websocket-server' ? await startYWebsocketServer() : await startHocuspocus();
		try {
			const result = await measure(kind, server, docNames, options.sockets, cookieFor);
			log(`  ${SHORT_NAME[kind]}: ${result.open} sockets open (${result.stoppedBecause}), RSS ${fmtBytes(result.rss)}`);
			results.push(result);
		} finally {
			await server.stop();
		}
	}
	const perSocket = (r: ConnectionResult) => (r.rss - r.baselineRss) / Math.max(1, r.open - MAPS);
	const rows = results.map((r) => [
		SHORT_NAME[r.kind],
		String(r.open),
		fmtMs(r.openMs),
		fmtBytes(r.baselineRss),
		fmtBytes(r.rss),
		fmtBytes(perSocket(r)),
		r.stoppedBecause
	]);
	const kartta = results.find((r) => r.kind === 'kartta');
	const checks: TargetCheck[] = kartta
		? [
				{
					name: 'open sockets held by one Kartta process',
					measured: `${kartta.open} (tried ${options.sockets})`,
					target: `≥ ${SOCKETS_TARGET}`,
					holds: kartta.open >= SOCKETS_TARGET
				}
			]
		: [];
	const text = [
		`Idle authenticated sockets (Kartta: session cookie, member of the map) over ${MAPS} maps, opened ${BATCH} at a time`,
		`by real providers that publish no presence. Memory per socket = (RSS with all open − RSS with one per map) ÷ sockets.`,
		'',
		table(['server', 'open sockets', 'open time ms', 'RSS, one per map', 'RSS, all open', 'per socket', 'stopped because'], rows)
	].join('\n');
	return { text, checks };
}
