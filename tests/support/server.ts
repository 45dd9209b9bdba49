// Starts the real, built Kartta server (build/kartta-server.js) on a free port with its own
// temporary data folder, and helps tests log in and open maps. Nothing here is mocked.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Tests run the build in KARTTA_BUILD_DIR (default build/), so parallel builds do not collide. */
const BUILD_DIR = resolve(ROOT, process.env.KARTTA_BUILD_DIR ?? 'build');
const SERVER_ENTRY = join(BUILD_DIR, 'kartta-server.js');
export const CLI_ENTRY = join(BUILD_DIR, 'kartta-cli.js');
export const TEST_PASSWORD = 'correct-horse-battery-9';

export async function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

export interface TestServer {
	port: number;
	url: string;
	wsUrl: string;
	dataDir: string;
	process: ChildProcess;
	output: () => string;
	/** Ends the process: SIGTERM (clean shutdown) or SIGKILL (crash). */
	stop(signal?: NodeJS.Signals): Promise<number | null>;
	/** Starts a new process on the same port and data folder; `env` changes settings from now on. */
	restart(env?: Record<string, string>): Promise<void>;
	cli(args: string[], input?: string): string;
	cleanup(): Promise<void>;
}

export interface StartOptions {
	dataDir?: string;
	env?: Record<string, string>;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
	if (!existsSync(SERVER_ENTRY)) throw new Error('No build found: run `npm run build` first (npm test does).');
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kartta-test-'));
	const port = await freePort();
	let log = '';
	let child: ChildProcess;

	const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...options.env };
	// The runner's own ORIGIN must not leak in; a test may still ask for one (e.g. HTTPS cookies).
	if (options.env?.ORIGIN === undefined) delete env.ORIGIN;

	async function launch(): Promise<void> {
		child = spawn(process.execPath, [SERVER_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		child.stdout!.on('data', (d) => (log += d));
		child.stderr!.on('data', (d) => (log += d));
		const deadline = Date.now() + 20_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
			try {
				const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`server did not start within 20 s:\n${log}`);
	}

	await launch();

	const server: TestServer = {
		port,
		url: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}/sync`,
		dataDir,
		get process() {
			return child;
		},
		output: () => log,
		async stop(signal = 'SIGTERM') {
			if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
			const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
			child.kill(signal);
			return exited;
		},
		async restart(changes) {
			await server.stop();
			Object.assign(env, changes);
			await launch();
		},
		cli(args, input = '') {
			return execFileSync(process.execPath, [CLI_ENTRY, ...args], {
				env: { ...env, LOG_LEVEL: 'silent' },
				input,
				encoding: 'utf8'
			});
		},
		async cleanup() {
			await server.stop('SIGKILL');
			if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
		}
	};
	return server;
}

export interface LoggedIn {
	username: string;
	cookie: string;
	/** fetch against the server with this user's session cookie. */
	fetch(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/** Creates a user through the admin CLI (first one an admin) and logs in through the API. */
export async function createUser(server: TestServer, username: string, options: { admin?: boolean } = {}): Promise<LoggedIn> {
	server.cli(['user', 'add', username, ...(options.admin ? ['--admin'] : [])], TEST_PASSWORD + '\n');
	return logIn(server, username);
}

export async function logIn(server: TestServer, username: string, password = TEST_PASSWORD): Promise<LoggedIn> {
	const response = await fetch(`${server.url}/api/v1/session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password })
	});
	if (!response.ok) throw new Error(`login failed for ${username}: ${response.status} ${await response.text()}`);
	const setCookie = response.headers.get('set-cookie') ?? '';
	const cookie = setCookie.split(';')[0]!;
	return {
		username,
		cookie,
		fetch(path, init = {}) {
			const headers = new Headers(init.headers);
			headers.set('cookie', cookie);
			let body = init.body;
			if (init.json !== undefined) {
				headers.set('content-type', 'application/json');
				body = JSON.stringify(init.json);
			}
			return fetch(server.url + path, { ...init, headers, body });
		}
	};
}

export async function createMap(user: LoggedIn, title = 'Test map', demo = false): Promise<string> {
	const response = await user.fetch('/api/v1/maps', { method: 'POST', json: demo ? { demo: true } : { title } });
	if (response.status !== 201) throw new Error(`createMap: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { id: string }).id;
}

export async function shareMap(owner: LoggedIn, mapId: string, username: string, role: string): Promise<void> {
	const response = await owner.fetch(`/api/v1/maps/${mapId}/members/${username}`, { method: 'PUT', json: { role } });
	if (!response.ok) throw new Error(`shareMap: ${response.status} ${await response.text()}`);
}
