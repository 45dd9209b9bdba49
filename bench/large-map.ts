// Section 2 of `npm run bench`: large generated maps. Encoded size, the server's load of a map
// from SQLite in a fresh process (SqliteStorage + SyncRoom, as on a first connection), and a real
// client's initial sync against a freshly restarted Kartta server, cold and warm.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { SqliteStorage } from '../server/storage/sqlite';
import { connectClient, within } from './lib/clients';
import { PROFILE_DIR, ROOT, type KarttaSite } from './lib/servers';
import { fmtBytes, fmtMs, median, table, type TargetCheck } from './lib/stats';
import { generateMap } from './large-map/generate';
import { createOwner, storeMap } from './lib/store-map';
import { measureBrowser, type BrowserResult } from './large-map/browser';

export interface LargeMapSize {
	actors: number;
	links: number;
}

const SEED = 20_240_611;
const LOAD_ROOM_SCRIPT = join(ROOT, 'node_modules/.cache/kartta-bench/load-room.mjs');
const SYNC_TIMEOUT_MS = 120_000;
const SERVER_LOAD_TARGET_MS = 250;
const FIRST_RENDER_TARGET_MS = 2000;
const PAN_FPS_TARGET = 30;

interface LoadTimes {
	/** Construction until a fresh client's sync step 1 is answered (read + merge + state vector + answer). */
	roomMs: number;
	/** Then a returning client's sync step 1 answered (the state vector read from the stored bytes + a diff). */
	returningMs: number;
	/** Building the room's Y.Doc afterwards, as its first write does. */
	buildMs: number;
	/** The old, eager load's halves: reading the rows, applying them into a Y.Doc. */
	readMs: number;
	applyMs: number;
}

async function loadInFreshProcess(file: string, mapId: string, cpuProfile: string | null): Promise<LoadTimes> {
	const profile = cpuProfile === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${cpuProfile}.cpuprofile`];
	if (cpuProfile !== null) mkdirSync(PROFILE_DIR, { recursive: true });
	const { stdout } = await promisify(execFile)(process.execPath, [...profile, LOAD_ROOM_SCRIPT, file, mapId]);
	return JSON.parse(stdout) as LoadTimes;
}

export async function runLargeMapSection(options: {
	site: KarttaSite;
	sizes: LargeMapSize[];
	loadRuns: number;
	browser: boolean;
	/**
	 * The browser is the first to open the map after the server starts: no client has loaded its room
	 * (so there are no initial-sync figures). By default two clients sync first, as when others have
	 * the map open already, and the browser finds its room loaded.
	 */
	coldRoom?: boolean;
	/** Write a V8 CPU profile of the first load of each size to bench/results/profiles/. */
	cpuProfile: boolean;
	log: (line: string) => void;
}): Promise<{ text: string; checks: TargetCheck[] }> {
	const { site, log } = options;
	const rows: string[][] = [];
	const checks: TargetCheck[] = [];
	const scratch = mkdtempSync(join(tmpdir(), 'kartta-bench-large-'));
	const browserResults: string[] = [];
	try {
		for (const size of options.sizes) {
			const label = `${size.actors / 1000}k actors / ${size.links / 1000}k links`;
			const generateStart = performance.now();
			const { doc } = generateMap(SEED, size.actors, size.links);
			const generateMs = performance.now() - generateStart;
			const encodedBytes = Y.encodeStateAsUpdate(doc).byteLength;
			const mapId = `large${size.actors}`;

			// Server load, in a fresh process each time, from a database of its own.
			const file = join(scratch, `${mapId}.db`);
			const scratchStorage = new SqliteStorage({ file });
			await storeMap(scratchStorage, mapId, await createOwner(scratchStorage), doc);
			await scratchStorage.close();
			const loads: LoadTimes[] = [];
			for (let run = 0; run < options.loadRuns; run++) {
				loads.push(await loadInFreshProcess(file, mapId, options.cpuProfile && run === 0 ? `kartta-load-${mapId}` : null));
			}
			const roomMs = median(loads.map((l) => l.roomMs));
			log(
				`  ${label}: ${fmtBytes(encodedBytes)}, server load ${loads.map((l) => fmtMs(l.roomMs)).join(', ')} ms, ` +
					`returning client ${loads.map((l) => fmtMs(l.returningMs)).join(', ')} ms, doc built in ${loads.map((l) => fmtMs(l.buildMs)).join(', ')} ms`
			);

			// The real server: the map goes into its database while it is stopped, then a client's first
			// sync (which loads the map) and a second client's (map already in memory).
			const siteStorage = new SqliteStorage({ file: join(site.dataDir, 'kartta.db') });
			const owner = await siteStorage.getUserByUsername(site.usernames[0]!);
			await storeMap(siteStorage, mapId, owner!.id, doc);
			await siteStorage.close();
			// With --cpu-prof, a profile of the server the browser opens the map from, as well.
			const server = await site.start({ cpuProfile: options.cpuProfile ? `kartta-site-${mapId}` : undefined });
			let coldMs = NaN;
			let warmMs = NaN;
			try {
				await site.ensureSessions(server, 1);
				for (const which of options.coldRoom ? [] : (['cold', 'warm'] as const)) {
					const start = performance.now();
					const client = connectClient('kartta', server.port, mapId, { cookie: site.cookieFor(0) });
					try {
						await within(client.synced, SYNC_TIMEOUT_MS, `initial sync of ${label}`);
						const ms = performance.now() - start;
						if (client.doc.getMap('actors').size !== size.actors) throw new Error(`${label}: the client got ${client.doc.getMap('actors').size} actors`);
						if (which === 'cold') coldMs = ms;
						else warmMs = ms;
					} finally {
						client.destroy();
					}
				}
				if (options.browser) {
					const result: BrowserResult = await measureBrowser({ port: server.port, mapId, cookie: site.cookieFor(0), actors: size.actors, cpuProfile: options.cpuProfile });
					browserResults.push(`${label}${options.coldRoom ? " (cold room: the browser loads it)" : ""}: ${result.summary}`);
					if (size.actors >= 10_000) {
						checks.push(
							{
								name: `first render, ${label}`,
								measured: result.firstRenderMs === null ? '–' : `${fmtMs(result.firstRenderMs)} ms`,
								target: `≤ ${FIRST_RENDER_TARGET_MS} ms`,
								holds: result.firstRenderMs === null ? null : result.firstRenderMs <= FIRST_RENDER_TARGET_MS,
								note: result.firstRenderMs === null ? result.reason : undefined
							},

							{
								name: `panning fps (WebGL), ${label}`,
								measured: result.panFps === null ? '–' : result.panFps.toFixed(1),
								target: `≥ ${PAN_FPS_TARGET}`,
								holds: result.panFps === null ? null : result.panFps >= PAN_FPS_TARGET,
								note: result.panFps === null ? result.reason : undefined
							}
						);
					}
				}
			} finally {
				await server.stop();
			}
			log(`  ${label}: initial sync cold ${fmtMs(coldMs)} ms, warm ${fmtMs(warmMs)} ms`);
			rows.push([
				label,
				fmtBytes(encodedBytes),
				fmtMs(generateMs),
				fmtMs(roomMs),
				fmtMs(median(loads.map((l) => l.returningMs))),
				fmtMs(median(loads.map((l) => l.buildMs))),
				`${fmtMs(median(loads.map((l) => l.readMs)))} + ${fmtMs(median(loads.map((l) => l.applyMs)))}`,
				fmtMs(coldMs),
				fmtMs(warmMs)
			]);
			if (size.actors >= 10_000) {
				checks.push({
					name: `server load from SQLite, ${label}`,
					measured: `${fmtMs(roomMs)} ms (${fmtBytes(encodedBytes)})`,
					target: `≤ ${SERVER_LOAD_TARGET_MS} ms`,
					holds: roomMs <= SERVER_LOAD_TARGET_MS
				});
			}
			doc.destroy();
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	const text = [
		`Generated with seed ${SEED} through MapModel (names, kinds, positions, 60% in a region, 30% of actors and`,
		`20% of links described). Server load = SqliteStorage + SyncRoom in a fresh process, from construction until`,
		`the room has answered a new client's sync step 1 (stored bytes read and merged, the answer encoded; median of`,
		`${options.loadRuns}). "returning client" = then answering a client that has an older copy (the state vector read`,
		`from the stored bytes, Y.diffUpdate). The room builds its Y.Doc only when something needs it (a write, a server`,
		`change, an API read): "doc built" is what that first write pays once. "eager load" is`,
		`what the server did before: read the rows + apply them into a Y.Doc before answering anyone. Initial sync = a`,
		`y-websocket client's connect to first sync against a freshly restarted server: cold (the server loads the`,
		`map) and warm (already loaded).`,
		'',
		table(['map', 'encoded', 'generate ms', 'server load ms', 'returning client ms', 'doc built ms', 'eager load: read + apply ms', 'initial sync cold ms', 'initial sync warm ms'], rows),
		'',
		'Browser: headless Chromium at 1280×800; this machine has no GPU, so WebGL runs on SwiftShader (software,',
		'on the same two cores). First render = navigation to the whole map on screen: the overview the editor draws',
		'in a worker while the live document arrives (its finishing time, marked by the page), or, without one, the',
		'frame after the editor sets data-ready; "graph drawn" = that frame, the interactive Cytoscape graph. Panning =',
		'frames per second while the view pans a few pixels every frame.',
		...(browserResults.length > 0 ? browserResults.map((r) => `- ${r}`) : ['- not run (--no-browser)'])
	].join('\n');
	return { text, checks };
}
