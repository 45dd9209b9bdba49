// Starts each server under test in its own child process on a free loopback port: Kartta's built
// server (auth + SQLite on, set up as tests/support/server.ts does), @y/websocket-server's own
// binary, and @hocuspocus/server through a small wrapper. Every one is measured through /proc.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sampleProcess, type ProcessSample } from './proc';

/** bench/run.mjs runs everything from the project root. */
export const ROOT = process.cwd();
export const HOST = '127.0.0.1';
/** bench/run.mjs copies build/ here, inside the project so that its packages resolve. */
const KARTTA_APP = join(ROOT, 'node_modules/.cache/kartta-bench/app');
const KARTTA_ENTRY = join(KARTTA_APP, 'kartta-server.js');
const KARTTA_CLI = join(KARTTA_APP, 'kartta-cli.js');
const Y_WEBSOCKET_SERVER_WRAPPER = join(ROOT, 'bench/servers/y-websocket-server.mjs');
const HOCUSPOCUS_WRAPPER = join(ROOT, 'bench/servers/hocuspocus.mjs');
export const PROFILE_DIR = join(ROOT, 'bench/results/profiles');

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
const BENCH_PASSWORD = 'bench-password-not-secret-42';

export type ServerKind = 'kartta' | 'y-websocket-server' | 'hocuspocus';
export const SERVER_KINDS: readonly ServerKind[] = ['kartta', 'y-websocket-server', 'hocuspocus'];
export const SHORT_NAME: Record<ServerKind, string> = {
	kartta: 'Kartta',
	'y-websocket-server': '@y/websocket-server',
	hocuspocus: 'Hocuspocus'
};

export interface RunningServer {
	kind: ServerKind;
	pid: number;
	port: number;
	sample(): ProcessSample;
	output(): string;
	/** SIGTERM and wait (Kartta stores and compacts on the way out). */
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, HOST, () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every server still running; none outlives the benchmark, however it ends. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
	for (const child of children) child.kill('SIGKILL');
});

async function launch(
	kind: ServerKind,
	nodeArgs: string[],
	env: Record<string, string>,
	readyPath: string
): Promise<RunningServer> {
	const port = await freePort();
	let log = '';
	const childEnv: Record<string, string | undefined> = { ...process.env, ...env, PORT: String(port), HOST };
	// Kartta derives its origin from Host when ORIGIN is unset (plain http on loopback).
	delete childEnv.ORIGIN;
	const child: ChildProcess = spawn(process.execPath, nodeArgs, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
	children.add(child);
	child.once('exit', () => children.delete(child));
	child.stdout!.on('data', (d) => (log = (log + d).slice(-20_000)));
	child.stderr!.on('data', (d) => (log = (log + d).slice(-20_000)));
	const deadline = Date.now() + START_TIMEOUT_MS;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${kind} exited early:\n${log}`);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`${kind} did not start within ${START_TIMEOUT_MS} ms:\n${log}`);
		}
		try {
			const response = await fetch(`http://${HOST}:${port}${readyPath}`);
			await response.arrayBuffer();
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	return {
		kind,
		pid: child.pid!,
		port,
		sample: () => sampleProcess(child.pid!),
		output: () => log,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise<void>((r) => child.once('exit', () => r()));
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
			await exited;
			clearTimeout(timer);
		}
	};
}

/** Node flags that write a V8 CPU profile of the process to bench/results/profiles/<name>.cpuprofile. */
function profileFlags(name: string | undefined): string[] {
	if (!name) return [];
	mkdirSync(PROFILE_DIR, { recursive: true });
	return ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${name}.cpuprofile`];
}

export interface StartOptions {
	/** Write a CPU profile under this name when the server stops. */
	cpuProfile?: string;
}

export function startYWebsocketServer(options: StartOptions = {}): Promise<RunningServer> {
	// The package's own binary: in-memory documents (no YPERSISTENCE), as it ships.
	return launch('y-websocket-server', [...profileFlags(options.cpuProfile), Y_WEBSOCKET_SERVER_WRAPPER], {}, '/');
}

export function startHocuspocus(options: StartOptions = {}): Promise<RunningServer> {
	return launch('hocuspocus', [...profileFlags(options.cpuProfile), HOCUSPOCUS_WRAPPER], {}, '/');
}

/**
 * One Kartta installation for the whole run: a temporary data folder with users made through the
 * admin CLI and sessions made through POST /api/v1/session. Each scenario starts a fresh server
 * process on it (so peak RSS is the scenario's own) and works on freshly created maps.
 */
export class KarttaSite {
	readonly dataDir = mkdtempSync(join(tmpdir(), 'kartta-bench-'));
	readonly usernames: string[] = [];
	/** Session cookies, one per editor; editor i is user i % users. */
	readonly cookies: string[] = [];
	private cliEnv = { ...process.env, DATA_DIR: this.dataDir, LOG_LEVEL: 'silent' };

	constructor(readonly userCount: number) {}

	async createUsers(): Promise<void> {
		const run = promisify(execFile);
		const add = async (i: number) => {
			const name = `editor${String(i).padStart(3, '0')}`;
			const child = run(process.execPath, [KARTTA_CLI, 'user', 'add', name, ...(i === 0 ? ['--admin'] : [])], {
				env: this.cliEnv
			});
			child.child.stdin!.end(BENCH_PASSWORD + '\n');
			await child;
			return name;
		};
		// The first user (admin) must exist before others; then two at a time (two cores).
		this.usernames.push(await add(0));
		for (let i = 1; i < this.userCount; i += 2) {
			const batch = [i, i + 1].filter((n) => n < this.userCount);
			this.usernames.push(...(await Promise.all(batch.map(add))));
		}
	}

	start(options: StartOptions = {}): Promise<RunningServer> {
		return launch('kartta', [...profileFlags(options.cpuProfile), KARTTA_ENTRY], { DATA_DIR: this.dataDir, LOG_LEVEL: 'warn' }, '/api/v1/health');
	}

	/** Logs in until there are `count` sessions (argon2id per login, so done once per run). */
	async ensureSessions(server: RunningServer, count: number): Promise<void> {
		while (this.cookies.length < count) {
			const username = this.usernames[this.cookies.length % this.usernames.length]!;
			const response = await fetch(`http://${HOST}:${server.port}/api/v1/session`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ username, password: BENCH_PASSWORD })
			});
			if (!response.ok) throw new Error(`login failed for ${username}: ${response.status} ${await response.text()}`);
			this.cookies.push((response.headers.get('set-cookie') ?? '').split(';')[0]!);
		}
	}

	cookieFor(editor: number): string {
		return this.cookies[editor % this.cookies.length]!;
	}

	private async api(server: RunningServer, path: string, init: { method: string; json?: unknown }): Promise<Response> {
		return fetch(`http://${HOST}:${server.port}${path}`, {
			method: init.method,
			headers: { cookie: this.cookies[0]!, 'content-type': 'application/json' },
			body: init.json === undefined ? undefined : JSON.stringify(init.json)
		});
	}

	/** Creates maps owned by the first user and shares each with every other user as editor. */
	async createMaps(server: RunningServer, count: number, title: string): Promise<string[]> {
		const ids: string[] = [];
		for (let m = 0; m < count; m++) {
			const response = await this.api(server, '/api/v1/maps', { method: 'POST', json: { title: `${title} ${m + 1}` } });
			if (response.status !== 201) throw new Error(`create map: ${response.status} ${await response.text()}`);
			const { id } = (await response.json()) as { id: string };
			for (const username of this.usernames.slice(1)) {
				const shared = await this.api(server, `/api/v1/maps/${id}/members/${username}`, {
					method: 'PUT',
					json: { role: 'editor' }
				});
				if (!shared.ok) throw new Error(`share map: ${shared.status} ${await shared.text()}`);
				await shared.arrayBuffer();
			}
			ids.push(id);
		}
		return ids;
	}

	cleanup(): void {
		rmSync(this.dataDir, { recursive: true, force: true });
	}
}
