// Helpers the integration tests share beyond tests/support: raw WebSocket clients that speak bytes
// instead of the y-websocket provider, read-only looks into the SQLite file, an asynchronous CLI
// runner (so clients keep editing while it runs) and the stored document through the API.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { CLI_ENTRY, type LoggedIn, type TestServer } from '../support/server';
import { waitFor } from '../support/sync-client';

// ---- the wire format, written by hand so the tests do not trust the server's own encoder

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export function syncMessage(syncType: number, payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, syncType);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

/** SyncStep1 with an empty state vector: the server answers with its whole document (SyncStep2). */
export function fullStateRequest(): Uint8Array {
	return syncMessage(SYNC_STEP1, Y.encodeStateVector(new Y.Doc()));
}

export interface AwarenessEntry {
	clientID: number;
	clock: number;
	state: Record<string, unknown> | null;
}

export function awarenessMessage(entries: AwarenessEntry[]): Uint8Array {
	const inner = encoding.createEncoder();
	encoding.writeVarUint(inner, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(inner, entry.clientID);
		encoding.writeVarUint(inner, entry.clock);
		encoding.writeVarString(inner, JSON.stringify(entry.state));
	}
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
	return encoding.toUint8Array(encoder);
}

export function isSyncStep2(message: Uint8Array): boolean {
	return message[0] === MESSAGE_SYNC && message[1] === SYNC_STEP2;
}

// ---- raw sockets

export interface CloseInfo {
	code: number;
	reason: string;
}

export interface RawSocket {
	socket: WebSocket;
	/** Every binary message the server sent, in order. */
	messages: Uint8Array[];
	/** Resolves when the socket closes, with the server's close code and reason. */
	closed: Promise<CloseInfo>;
	isClosed(): boolean;
	send(data: Uint8Array | string, options?: { binary?: boolean }): void;
	/**
	 * Asks for the whole document and waits for the answer, or for the socket to close.
	 * The server handles a socket's messages in order, so an answer proves that everything
	 * sent before it was handled; returns null when the socket was closed instead.
	 */
	roundTrip(timeoutMs?: number): Promise<Uint8Array | null>;
}

/** Opens a WebSocket on /sync/<mapId> with the given headers; rejects if the upgrade is refused. */
export function openRaw(server: TestServer, mapId: string, headers: Record<string, string>): Promise<RawSocket> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(`${server.wsUrl}/${mapId}`, { headers });
		const messages: Uint8Array[] = [];
		let closedInfo: CloseInfo | null = null;
		let onClose: (info: CloseInfo) => void = () => {};
		const closed = new Promise<CloseInfo>((r) => (onClose = r));
		const listeners = new Set<() => void>();
		socket.binaryType = 'nodebuffer';
		socket.on('message', (data: Buffer) => {
			messages.push(new Uint8Array(data));
			for (const listener of listeners) listener();
		});
		socket.on('close', (code, reason) => {
			// Closed before it opened (e.g. the server is gone): fail instead of waiting forever.
			reject(new Error(`socket closed before opening (${code})`));
			closedInfo = { code, reason: reason.toString() };
			onClose(closedInfo);
			for (const listener of listeners) listener();
		});
		// Errors also end in 'close'; an unhandled 'error' would crash the test process.
		socket.on('error', () => {});
		socket.on('unexpected-response', (_req, res) => {
			res.resume();
			reject(new Error(`upgrade refused with ${res.statusCode}`));
		});
		socket.on('open', () =>
			resolve({
				socket,
				messages,
				closed,
				isClosed: () => closedInfo !== null,
				send(data, options) {
					if (socket.readyState === socket.OPEN) socket.send(data, { binary: options?.binary ?? typeof data !== 'string' });
				},
				roundTrip(timeoutMs = 5_000) {
					const step2Before = messages.filter(isSyncStep2).length;
					return new Promise((done, fail) => {
						const check = () => {
							const step2 = messages.filter(isSyncStep2);
							if (step2.length > step2Before) finish(step2[step2.length - 1]!);
							else if (closedInfo) finish(null);
						};
						const timer = setTimeout(() => {
							listeners.delete(check);
							fail(new Error('timed out: the server neither answered nor closed the socket'));
						}, timeoutMs);
						const finish = (value: Uint8Array | null) => {
							clearTimeout(timer);
							listeners.delete(check);
							done(value);
						};
						listeners.add(check);
						if (socket.readyState === socket.OPEN) socket.send(fullStateRequest(), { binary: true });
						check();
					});
				}
			})
		);
	});
}

/** Waits for the provider's next socket close and reports its code and reason. */
export function nextClose(provider: WebsocketProvider): Promise<CloseInfo> {
	return new Promise((resolve) => {
		const handler = (event: { code: number; reason: string } | null) => {
			provider.off('connection-close', handler);
			resolve({ code: event?.code ?? -1, reason: event?.reason ?? '' });
		};
		provider.on('connection-close', handler);
	});
}

// ---- storage and API views

/** Opens the server's SQLite file read-only (safe while the server runs: WAL). */
export function openDatabase(server: TestServer): Database.Database {
	return new Database(join(server.dataDir, 'kartta.db'), { readonly: true, fileMustExist: true });
}

export function storedLog(server: TestServer, mapId: string): { updates: number; snapshot: boolean; snapshotUptoSeq: number } {
	const db = openDatabase(server);
	try {
		const updates = (db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(mapId) as { n: number }).n;
		const snap = db.prepare('SELECT upto_seq FROM doc_snapshots WHERE doc_id = ?').get(mapId) as { upto_seq: number } | undefined;
		return { updates, snapshot: snap !== undefined, snapshotUptoSeq: snap?.upto_seq ?? -1 };
	} finally {
		db.close();
	}
}

/** The map's document exactly as stored in SQLite (snapshot + update log), bypassing the server. */
export function documentOnDisk(server: TestServer, mapId: string): Y.Doc {
	const db = openDatabase(server);
	try {
		const doc = new Y.Doc();
		const snap = db.prepare('SELECT snapshot FROM doc_snapshots WHERE doc_id = ?').get(mapId) as { snapshot: Buffer } | undefined;
		if (snap) Y.applyUpdate(doc, new Uint8Array(snap.snapshot));
		const rows = db.prepare('SELECT update_data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(mapId) as { update_data: Buffer }[];
		for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update_data));
		return doc;
	} finally {
		db.close();
	}
}

export interface DocumentJson {
	id: string;
	schemaVersion: number | null;
	title: string | null;
	actors: Array<{ id: string; name: string; kind: string; pos: { x: number; y: number }; region?: string; description?: string; createdAt: number }>;
	links: Array<{ id: string; source: string; target: string; kind: string }>;
	regions: Array<{ id: string; name: string }>;
}

export async function storedDocument(user: LoggedIn, mapId: string): Promise<DocumentJson> {
	const response = await user.fetch(`/api/v1/maps/${mapId}/document`);
	if (response.status !== 200) throw new Error(`document: ${response.status} ${await response.text()}`);
	return (await response.json()) as DocumentJson;
}

export async function healthStatus(server: TestServer): Promise<number> {
	return (await fetch(`${server.url}/api/v1/health`)).status;
}

export async function userId(user: LoggedIn): Promise<string> {
	const response = await user.fetch('/api/v1/session');
	return ((await response.json()) as { user: { id: string } }).user.id;
}

// ---- the admin CLI, asynchronously

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs build/kartta-cli.js against the server's data folder without blocking the event loop. */
export function runCli(server: TestServer, args: string[], input = ''): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
			env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'silent' },
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
		child.stdin.end(input);
	});
}

/** Starts the server again if a test stopped it and failed before restarting it. */
export async function ensureRunning(server: TestServer | undefined): Promise<void> {
	if (!server) return;
	if (server.process.exitCode !== null || server.process.signalCode !== null) await server.restart();
}

export { waitFor };
