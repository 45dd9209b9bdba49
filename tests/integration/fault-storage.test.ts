// Storage faults against the real server: the database locked by another process, the disk full
// (an operator quota, and a real full file system where one can be mounted), and the disk turning
// read-only. For each: the edit that could not be stored is not acknowledged, sockets close with
// 4503, the server stays up, API writes answer a JSON 503, and once the fault clears the clients
// come back, re-send what was not stored, and nothing stored before is lost.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { MapModel } from '../../src/lib/map';
import { CLOSE } from '../../src/lib/server/limits';
import { ROOT, createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { SYNC_UPDATE, documentOnDisk, fullStateRequest, isSyncStep2, nextClose, openRaw, storedDocument, syncMessage, type CloseInfo } from './helpers';
import { rowCount, sleep } from './hardening-helpers';

/** An import of this many actors with long descriptions, in one transaction: about 600 KB. */
const IMPORTED_ACTORS = 120;
const DESCRIPTION = 'Yhteistyöverkosto. '.repeat(260).slice(0, 5_000);
/** Short, so a locked write fails fast in the test; the default is 5 s (docs/operations.md). */
const BUSY_TIMEOUT_MS = 300;
const PAGE_SIZE = 4096;

interface Fault {
	name: string;
	/** Why this fault cannot be staged on this machine, or null when it can. */
	unavailable(): string | null;
	env?: Record<string, string>;
	/** A data folder of its own (a mount), made before the server starts. */
	makeDataDir?(): string;
	/** After the users and the map exist, before any client connects. */
	prepare?(server: TestServer): Promise<void>;
	inject(server: TestServer): Promise<void>;
	clear(server: TestServer): Promise<void>;
	dispose?(): void;
	/** The error codes the server may report for it (socket close reason and API error code). */
	codes: string[];
}

// ---- staging the faults

function canMount(): string | null {
	if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'needs root on Linux to mount a file system';
	const probe = mkdtempSync(join(tmpdir(), 'kartta-mount-probe-'));
	try {
		const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
		if (mounted.status !== 0) return `mount is not permitted here: ${mounted.stderr.toString().trim()}`;
		spawnSync('umount', [probe]);
		return null;
	} finally {
		rmSync(probe, { recursive: true, force: true });
	}
}

/** Another process holding the database's write lock (BEGIN EXCLUSIVE) far longer than the busy timeout. */
function lockedByAnotherProcess(): Fault {
	let holder: ChildProcess | null = null;
	return {
		name: 'the database is locked by another process',
		unavailable: () => null,
		env: { SQLITE_BUSY_TIMEOUT_MS: String(BUSY_TIMEOUT_MS) },
		codes: ['storage_unavailable'],
		async inject(server) {
			const script = `
				const db = new (require('better-sqlite3'))(process.argv[1]);
				db.exec('BEGIN EXCLUSIVE');
				process.stdout.write('locked\\n');
				process.stdin.on('data', () => {});
				process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });`;
			const child = spawn(process.execPath, ['-e', script, join(server.dataDir, 'kartta.db')], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
			holder = child;
			await new Promise<void>((resolve, reject) => {
				child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
				child.on('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)));
			});
		},
		async clear() {
			const child = holder;
			holder = null;
			if (!child || child.exitCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.stdin!.end();
			await exited;
		},
		dispose() {
			holder?.kill('SIGKILL');
		}
	};
}

/**
 * The operator's quota (MAX_DATABASE_BYTES) set just above the database's size: the import does
 * not fit, exactly as on a full disk (SQLITE_FULL). The fault clears when the quota is raised.
 */
function quotaReached(): Fault {
	return {
		name: 'the database reaches its size quota (MAX_DATABASE_BYTES)',
		unavailable: () => null,
		codes: ['storage_full'],
		async prepare(server) {
			// A clean stop folds the WAL into the file, so its size is the database's size.
			await server.stop('SIGTERM');
			const bytes = statSync(join(server.dataDir, 'kartta.db')).size;
			// Room for a few small edits, not for the import nor a demo map (~33 KB).
			await server.restart({ MAX_DATABASE_BYTES: String(bytes + 4 * PAGE_SIZE) });
		},
		async inject() {},
		async clear(server) {
			await server.restart({ MAX_DATABASE_BYTES: String(256 * 1024 * 1024) });
		}
	};
}

/** A real file system that fills up: a small tmpfs as the data folder, filled with a file. */
function diskFull(): Fault {
	let mountPoint = '';
	let filler = '';
	return {
		name: 'the disk is full (a small tmpfs filled up)',
		unavailable: canMount,
		codes: ['storage_full', 'storage_failed'],
		makeDataDir() {
			mountPoint = mkdtempSync(join(tmpdir(), 'kartta-full-'));
			execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint]);
			return mountPoint;
		},
		async inject() {
			filler = join(mountPoint, 'filler');
			const { bavail, bsize } = statfsSync(mountPoint);
			// Leave two pages: small writes may still fit, the import and a new map do not.
			writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 2 * PAGE_SIZE)));
		},
		async clear() {
			unlinkSync(filler);
		},
		dispose() {
			if (mountPoint) spawnSync('umount', ['-l', mountPoint]);
			if (mountPoint) rmSync(mountPoint, { recursive: true, force: true });
		}
	};
}

/**
 * The disk turns read-only under the running server, as ext4 does after an error with
 * errors=remount-ro (the default on many distributions): an ext4 image on a loop device, and the
 * kernel's own trigger for a file-system error. Clearing it is what an operator does: stop the
 * server, check the file system, mount it again, start the server.
 *
 * SQLITE_SYNCHRONOUS=FULL: with NORMAL, commits not yet written back when the file system stops
 * writing are gone (seen here: everything since the last checkpoint). See docs/operations.md.
 */
function diskTurnsReadOnly(): Fault {
	let image = '';
	let mountPoint = '';
	const mount = () => execFileSync('mount', ['-o', 'loop,errors=remount-ro', image, mountPoint]);
	return {
		name: 'the disk turns read-only (ext4 remounted read-only after an error)',
		unavailable: () =>
			canMount() ??
			(['mkfs.ext4', 'e2fsck', 'findmnt', 'losetup'].find((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
				? 'mkfs.ext4, e2fsck, findmnt and losetup are needed'
				: spawnSync('losetup', ['-f']).status !== 0
					? 'no free loop device'
					: !existsSync('/sys/fs/ext4/features') || readdirSync('/sys/fs/ext4').every((d) => !existsSync(`/sys/fs/ext4/${d}/trigger_fs_error`))
						? "this kernel's ext4 has no trigger_fs_error"
						: null),
		env: { SQLITE_SYNCHRONOUS: 'FULL' },
		codes: ['storage_read_only', 'storage_failed'],
		makeDataDir() {
			const folder = mkdtempSync(join(tmpdir(), 'kartta-ro-'));
			image = join(folder, 'disk.img');
			mountPoint = join(folder, 'data');
			execFileSync('truncate', ['-s', '64M', image]);
			execFileSync('mkfs.ext4', ['-q', '-F', image]);
			execFileSync('mkdir', ['-p', mountPoint]);
			mount();
			return mountPoint;
		},
		async inject() {
			const device = basename(execFileSync('findmnt', ['-n', '-o', 'SOURCE', mountPoint]).toString().trim());
			writeFileSync(`/sys/fs/ext4/${device}/trigger_fs_error`, '1');
			const options = execFileSync('findmnt', ['-n', '-o', 'OPTIONS', mountPoint]).toString();
			if (!/emergency_ro|(^|,)ro(,|$)/.test(options)) throw new Error(`the file system did not turn read-only: ${options}`);
		},
		async clear(server) {
			await server.stop('SIGTERM');
			execFileSync('umount', [mountPoint]);
			// 1 = errors were corrected: the forced error is recorded in the superblock.
			const fsck = spawnSync('e2fsck', ['-fy', image]);
			if (fsck.status !== 0 && fsck.status !== 1) throw new Error(`e2fsck failed (${fsck.status}): ${fsck.stdout}`);
			mount();
			await server.restart();
		},
		dispose() {
			if (mountPoint) spawnSync('umount', ['-l', mountPoint]);
			if (image) rmSync(join(image, '..'), { recursive: true, force: true });
		}
	};
}

// ---- the same promises for every fault

const faults: Fault[] = [lockedByAnotherProcess(), quotaReached(), diskFull(), diskTurnsReadOnly()];

for (const fault of faults) {
	const skipReason = fault.unavailable();
	describe.skipIf(skipReason !== null)(`storage fault: ${fault.name}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
		let server: TestServer;
		let owner: LoggedIn;
		let editor: LoggedIn;
		let mapId: string;
		let writer: SyncClient;
		let watcher: SyncClient;
		const watcherSaw: string[] = [];
		const importedNames = Array.from({ length: IMPORTED_ACTORS }, (_, i) => `import-${i}`);
		const step = (what: string) => `${fault.name}: ${what}`;

		beforeAll(async () => {
			server = await startServer({ dataDir: fault.makeDataDir?.(), env: fault.env });
			owner = await createUser(server, 'owner', { admin: true });
			editor = await createUser(server, 'editor');
			mapId = await createMap(owner, 'Storage fault');
			await shareMap(owner, mapId, 'editor', 'editor');
			await fault.prepare?.(server);
		}, 90_000);
		afterAll(async () => {
			writer?.destroy();
			watcher?.destroy();
			await fault.clear(server).catch(() => {});
			fault.dispose?.();
			await server?.cleanup();
			// A data folder on a mount was made by the fault; the server leaves it.
			if (fault.makeDataDir) rmSync(server.dataDir, { recursive: true, force: true });
		}, 60_000);

		it('while it lasts: the edit is not acknowledged, sockets close with 4503, the server answers, API writes get a JSON 503', async () => {
			writer = connectClient(server.wsUrl, mapId, { cookie: owner.cookie });
			watcher = connectClient(server.wsUrl, mapId, { cookie: editor.cookie });
			await Promise.all([writer.synced, watcher.synced]);
			watcher.doc.on('afterTransaction', (transaction: Y.Transaction) => {
				if (transaction.local) return;
				for (const actor of new MapModel(watcher.doc).actors()) if (actor.name.startsWith('import-')) watcherSaw.push(actor.name);
			});

			// Acknowledged before the fault: the other client has it, and it is stored.
			const before = new MapModel(writer.doc).addActor({ name: 'stored before the fault', kind: 'public' });
			await waitFor(() => new MapModel(watcher.doc).actor(before) !== undefined, step('the first edit reached the watcher'));
			await waitFor(async () => (await storedDocument(owner, mapId)).actors.some((a) => a.id === before), step('the first edit is stored'));
			const mapsBefore = rowCount(server, 'maps');

			await fault.inject(server);
			const writerClosed = nextClose(writer.provider);
			const watcherClosed = nextClose(watcher.provider);
			const model = new MapModel(writer.doc);
			writer.doc.transact(() => {
				for (const name of importedNames) model.addActor({ name, kind: 'company', description: DESCRIPTION });
			});

			const timeout = new Promise<CloseInfo>((resolve) => setTimeout(() => resolve({ code: -1, reason: 'no close within 15 s' }), 15_000));
			const [writerClose, watcherClose] = await Promise.all([Promise.race([writerClosed, timeout]), Promise.race([watcherClosed, timeout])]);
			expect(writerClose.code, step(`the writer's socket closed with 4503 (${writerClose.reason})`)).toBe(CLOSE.storageFailed);
			expect(watcherClose.code, step(`the watcher's socket closed with 4503 (${watcherClose.reason})`)).toBe(CLOSE.storageFailed);
			expect(fault.codes, step('the close reason names the storage problem')).toContain(writerClose.reason);

			const health = await fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(10_000) });
			expect([200, 503], step('health answers')).toContain(health.status);
			expect(await health.json(), step('health answers JSON')).toMatchObject({ status: expect.any(String) });
			expect(server.process.exitCode, step('the server process is still running')).toBeNull();
			expect(server.output(), step('the log names the failed store')).toContain('"event":"room.store_failed"');

			const create = await owner.fetch('/api/v1/maps', { method: 'POST', json: { demo: true } });
			expect(create.status, step('an API write answers 503')).toBe(503);
			expect(create.headers.get('content-type'), step('the 503 is JSON')).toMatch(/^application\/json/);
			const body = (await create.json()) as { error: { code: string; message: string } };
			expect(fault.codes, step(`the API error code (${body.error.code})`)).toContain(body.error.code);
			expect(body.error.message, step('the API error says nothing was changed')).toMatch(/Nothing was changed/);
			expect(rowCount(server, 'maps'), step('no map was half-created')).toBe(mapsBefore);

			// The clients keep reconnecting while the fault lasts; the import still reaches no one.
			await sleep(1_500);
			expect(watcherSaw, step('the watcher never received the unstored import')).toEqual([]);
			expect(new MapModel(watcher.doc).actor(before), step('the watcher keeps what was stored')).toBeDefined();
		}, 60_000);

		it('once it clears: the clients reconnect, the unstored edit is re-sent and stored, and nothing stored before is lost', async () => {
			await fault.clear(server);
			await waitFor(
				() => importedNames.every((name) => new MapModel(watcher.doc).actors().some((a) => a.name === name)),
				step('the watcher received the whole import after the fault cleared'),
				30_000
			);
			const stored = await storedDocument(owner, mapId);
			const names = new Set(stored.actors.map((a) => a.name));
			expect(names.has('stored before the fault'), step('the edit stored before the fault is still there')).toBe(true);
			expect(importedNames.filter((name) => !names.has(name)), step('imported actors missing from the stored document')).toEqual([]);
			const onDisk = new Set(new MapModel(documentOnDisk(server, mapId)).actors().map((a) => a.name));
			expect(importedNames.filter((name) => !onDisk.has(name)), step('imported actors missing on disk')).toEqual([]);
			expect((await owner.fetch('/api/v1/maps', { method: 'POST', json: { title: 'After the fault' } })).status, step('API writes work again')).toBe(201);
		}, 60_000);
	});
}

// ---- the narrow window: an update applied in memory, its write still to come

/** The document in a SyncStep2 message, or null for any other message. */
function documentInStep2(message: Uint8Array): Y.Doc | null {
	if (!isSyncStep2(message)) return null;
	const decoder = decoding.createDecoder(message);
	decoding.readVarUint(decoder);
	decoding.readVarUint(decoder);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
	return doc;
}

describe('storage fault: a client asking for the document while an update is being written', () => {
	const fault = lockedByAnotherProcess();
	let server: TestServer;
	let owner: LoggedIn;
	let editor: LoggedIn;

	beforeAll(async () => {
		server = await startServer({ env: fault.env });
		owner = await createUser(server, 'owner', { admin: true });
		editor = await createUser(server, 'editor');
	});
	afterAll(async () => {
		await fault.clear(server);
		fault.dispose?.();
		await server?.cleanup();
	});

	it('is answered only from stored state: an update whose write fails never reaches it', async () => {
		const blocker = await createMap(owner, 'Blocker');
		const mapId = await createMap(owner, 'Watched');
		await shareMap(owner, mapId, 'editor', 'editor');
		const blockerSocket = await openRaw(server, blocker, { cookie: owner.cookie });
		const writer = await openRaw(server, mapId, { cookie: owner.cookie });
		const reader = await openRaw(server, mapId, { cookie: editor.cookie });
		for (const socket of [blockerSocket, writer, reader]) expect(await socket.roundTrip(), 'the socket is served').not.toBeNull();

		const edit = (name: string) => {
			const doc = new Y.Doc();
			doc.getMap('actors').set(name, new Y.Map([['name', name]]));
			return syncMessage(SYNC_UPDATE, Y.encodeStateAsUpdate(doc));
		};
		// A kept-alive HTTP connection, so the API read below arrives in the same moment as the socket messages.
		expect((await editor.fetch(`/api/v1/maps/${mapId}`)).status).toBe(200);
		await fault.inject(server);
		// The blocker's write waits out the busy timeout, holding up the server's event loop; the
		// writer's update and the reader's request arrive meanwhile and are handled back to back.
		blockerSocket.send(edit('blocking'));
		await sleep(50);
		writer.send(edit('never stored'));
		await sleep(20);
		const answersBefore = reader.messages.length;
		reader.send(fullStateRequest());
		// An API reader at the same moment: it too may only see what is stored.
		const apiRead = editor.fetch(`/api/v1/maps/${mapId}/document`);

		const closed = await Promise.race([reader.closed, sleep(10_000).then(() => null)]);
		expect(closed?.code, 'the reader was closed with 4503 when the write failed').toBe(CLOSE.storageFailed);
		const leaked = reader.messages
			.slice(answersBefore)
			.map(documentInStep2)
			.filter((doc) => doc?.getMap('actors').has('never stored'));
		expect(leaked, 'answers to the reader that carried the unstored update').toEqual([]);
		const apiAnswer = await apiRead;
		expect(apiAnswer.status, 'the API reader is answered').toBe(200);
		expect(((await apiAnswer.json()) as { actors: unknown[] }).actors, 'the API reader saw no unstored actor').toEqual([]);
		await fault.clear(server);
		expect(documentOnDisk(server, mapId).getMap('actors').has('never stored'), 'the failed update is not on disk').toBe(false);
	}, 30_000);
});

describe('storage fault: a lock held far longer than the busy timeout', () => {
	// A realistic busy timeout: each write that waits it out holds up the whole server (SQLite is synchronous here).
	const busyTimeoutMs = 2_000;
	const lockHeldMs = 9_000;
	const fault = lockedByAnotherProcess();
	let server: TestServer;
	let owner: LoggedIn;
	let client: SyncClient | undefined;

	beforeAll(async () => {
		server = await startServer({ env: { SQLITE_BUSY_TIMEOUT_MS: String(busyTimeoutMs) } });
		owner = await createUser(server, 'owner', { admin: true });
	});
	afterAll(async () => {
		client?.destroy();
		await fault.clear(server);
		fault.dispose?.();
		await server?.cleanup();
	});

	it('does not freeze the server while a client keeps re-sending an edit it cannot store', async () => {
		const mapId = await createMap(owner, 'Long lock');
		client = connectClient(server.wsUrl, mapId, { cookie: owner.cookie });
		await client.synced;
		await fault.inject(server);
		new MapModel(client.doc).addActor({ name: 'waits for the lock', kind: 'public' });

		// Health every 250 ms while the client reconnects and re-sends again and again.
		const latencies: number[] = [];
		const until = Date.now() + lockHeldMs;
		while (Date.now() < until) {
			const started = Date.now();
			const response = await fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(busyTimeoutMs * 3) });
			latencies.push(Date.now() - started);
			expect(response.status, 'health answers during the lock').toBe(200);
			await sleep(250);
		}
		const slow = latencies.filter((ms) => ms > busyTimeoutMs / 2);
		// The first write waits out the busy timeout; later ones must not, or one client freezes everyone.
		expect(slow.length, `health probes slower than ${busyTimeoutMs / 2} ms, of ${latencies.length}: ${latencies.join(', ')}`).toBeLessThanOrEqual(2);

		await fault.clear(server);
		await waitFor(async () => (await storedDocument(owner, mapId)).actors.some((a) => a.name === 'waits for the lock'), 'the edit is stored once the lock is gone', 15_000);
	}, 40_000);
});
