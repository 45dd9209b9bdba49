// The admin CLI (build/kartta-cli.js) against a running server's data folder: accounts, listings,
// backup while people edit, and restore.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, logIn, shareMap, startServer, TEST_PASSWORD, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { ensureRunning, nextClose, runCli, storedDocument } from './helpers';
import { CLOSE } from '../../src/lib/server/limits';

describe('admin CLI', () => {
	let server: TestServer;
	let alice: LoggedIn;
	const clients: SyncClient[] = [];
	const names = (doc: Y.Doc) => new MapModel(doc).actors().map((a) => a.name);

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
	});
	afterEach(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await ensureRunning(server);
	});
	afterAll(async () => server?.cleanup());

	it('user add reads the password from stdin, and the new user can log in', async () => {
		const result = await runCli(server, ['user', 'add', 'hanna', '--name', 'Hanna Virtanen'], 'Lumi-sade-2024-kevät\n');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/Created user hanna/);
		const hanna = await logIn(server, 'hanna', 'Lumi-sade-2024-kevät');
		expect(await (await hanna.fetch('/api/v1/session')).json()).toMatchObject({ user: { username: 'hanna', displayName: 'Hanna Virtanen', isAdmin: false } });
	});

	it('user add refuses a taken username (any letter case) with a non-zero exit and a clear message', async () => {
		for (const name of ['alice', 'ALICE']) {
			const result = await runCli(server, ['user', 'add', name], 'another-good-password-7\n');
			expect(result.code, name).not.toBe(0);
			expect(result.stderr).toMatch(/username is taken/i);
		}
		// The original password still works: nothing was overwritten.
		await logIn(server, 'alice');
	});

	it('user add refuses weak passwords with a non-zero exit and creates nobody', async () => {
		for (const [password, reason] of [
			['short1', /too short/i],
			['salasana123', /too common/i],
			['weakling-weakling-1', /username/i]
		] as const) {
			const result = await runCli(server, ['user', 'add', 'weakling'], password + '\n');
			expect(result.code, password).not.toBe(0);
			expect(result.stderr).toMatch(reason);
		}
		const noPassword = await runCli(server, ['user', 'add', 'weakling'], '');
		expect(noPassword.code).not.toBe(0);
		expect((await runCli(server, ['user', 'list'])).stdout).not.toMatch(/weakling/);
	});

	it('user list shows every user with the admin flag', async () => {
		expect((await runCli(server, ['user', 'add', 'listed'], 'kuusi-kuusta-42\n')).code).toBe(0);
		const { code, stdout } = await runCli(server, ['user', 'list']);
		expect(code).toBe(0);
		const lines = stdout.trim().split('\n');
		expect(lines.find((l) => l.startsWith('alice\t'))).toMatch(/admin/);
		expect(lines.find((l) => l.startsWith('listed\t'))).not.toMatch(/admin/);
	});

	it('map list shows every map with its owners', async () => {
		await createUser(server, 'maija');
		const maija = await logIn(server, 'maija');
		const id = await createMap(maija, 'Maijan kartta');
		await shareMap(maija, id, 'alice', 'owner');
		const { code, stdout } = await runCli(server, ['map', 'list']);
		expect(code).toBe(0);
		const line = stdout.split('\n').find((l) => l.startsWith(id));
		expect(line).toContain('Maijan kartta');
		expect(line).toMatch(/owners: .*alice/);
		expect(line).toMatch(/owners: .*maija/);
	});

	it('user passwd sets the new password and ends every session of that user', async () => {
		await createUser(server, 'pekka');
		const first = await logIn(server, 'pekka');
		const second = await logIn(server, 'pekka');
		const result = await runCli(server, ['user', 'passwd', 'pekka'], 'brand-new-password-99\n');
		expect(result.code).toBe(0);
		for (const session of [first, second]) expect((await session.fetch('/api/v1/session')).status).toBe(401);
		await expect(logIn(server, 'pekka')).rejects.toThrow(/401/);
		await logIn(server, 'pekka', 'brand-new-password-99');
		// A weak new password is refused and the working one kept.
		expect((await runCli(server, ['user', 'passwd', 'pekka'], 'short\n')).code).not.toBe(0);
		await logIn(server, 'pekka', 'brand-new-password-99');
	});

	it('user disable ends the sessions and blocks login; enable lets the user back in', async () => {
		await createUser(server, 'ville');
		const session = await logIn(server, 'ville');
		expect((await runCli(server, ['user', 'disable', 'ville'])).code).toBe(0);
		expect((await session.fetch('/api/v1/session')).status).toBe(401);
		await expect(logIn(server, 'ville')).rejects.toThrow(/401/);
		expect((await runCli(server, ['user', 'enable', 'ville'])).code).toBe(0);
		await logIn(server, 'ville');
	});

	it('an unknown command exits 2 with the usage text', async () => {
		for (const args of [['frobnicate'], ['user', 'explode'], []]) {
			const result = await runCli(server, args);
			expect(result.code, args.join(' ')).toBe(2);
			expect(result.stderr).toMatch(/Usage:/);
		}
		const unknownUser = await runCli(server, ['user', 'passwd', 'nobody'], 'whatever-password-1\n');
		expect(unknownUser.code).toBe(1);
		expect(unknownUser.stderr).toMatch(/no user "nobody"/);
	});

	it('backup taken while a client edits restores to exactly what was acknowledged before it', async () => {
		const mapId = await createMap(alice, 'Backup');
		const editor = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		const watcher = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		clients.push(editor, watcher);
		await Promise.all([editor.synced, watcher.synced]);

		// A steady stream of edits (20 a second, within the rate limit) while the backup runs.
		let n = 0;
		const timer = setInterval(() => new MapModel(editor.doc).addActor({ name: `live-${n++}`, kind: 'company' }), 50);
		let backup;
		let acknowledgedBefore: string[];
		const file = join(server.dataDir, 'backup.db');
		try {
			await waitFor(() => names(watcher.doc).length >= 10, 'some edits were acknowledged', 10_000);
			acknowledgedBefore = names(watcher.doc);
			backup = await runCli(server, ['backup', file]);
			await waitFor(() => n >= acknowledgedBefore.length + 5, 'editing went on during and after the backup', 10_000);
		} finally {
			clearInterval(timer);
		}
		expect(backup.code, backup.stderr).toBe(0);
		new MapModel(editor.doc).addActor({ name: 'after-backup', kind: 'other' });
		await waitFor(() => names(watcher.doc).includes('after-backup'), 'the post-backup edit arrived');

		expect(await server.stop('SIGTERM')).toBe(0);
		for (const client of clients.splice(0)) client.destroy();
		const restore = await runCli(server, ['restore', file]);
		expect(restore.code, restore.stderr).toBe(0);
		await server.restart();

		const fresh = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		clients.push(fresh);
		await fresh.synced;
		const restored = names(fresh.doc);
		expect(restored).toEqual(expect.arrayContaining(acknowledgedBefore));
		expect(restored).not.toContain('after-backup');
		expect(restored.every((name) => /^live-\d+$/.test(name))).toBe(true);
	});

	it('restore refuses a file that is not a Kartta database and leaves the data alone', async () => {
		const bogus = join(server.dataDir, 'not-a-backup.db');
		writeFileSync(bogus, 'this is not sqlite');
		await server.stop('SIGTERM');
		const result = await runCli(server, ['restore', bogus]);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/not a Kartta backup/);
		expect((await runCli(server, ['restore', join(server.dataDir, 'missing.db')])).code).toBe(1);
		await server.restart();
		await logIn(server, 'alice');
	});

	it('restore after a crash keeps the previous database complete beside the restored one', async () => {
		const file = join(server.dataDir, 'early-backup.db');
		expect((await runCli(server, ['backup', file])).code).toBe(0);
		const mapId = await createMap(alice, 'After the backup');
		// Killed: the last commits live only in the WAL file next to the database.
		await server.stop('SIGKILL');
		const result = await runCli(server, ['restore', file]);
		expect(result.code, result.stderr).toBe(0);

		// The newest copy kept aside (an earlier test restored once already).
		const aside = readdirSync(server.dataDir)
			.filter((f) => /^kartta\.db\.before-restore-\d+$/.test(f))
			.sort((a, b) => Number(a.split('-').pop()) - Number(b.split('-').pop()))
			.pop();
		expect(aside).toBeDefined();
		const db = new Database(join(server.dataDir, aside!), { readonly: true });
		try {
			// The map created after the backup must survive in the copy kept aside.
			expect(db.prepare('SELECT title FROM maps WHERE id = ?').get(mapId)).toEqual({ title: 'After the backup' });
		} finally {
			db.close();
		}
		await server.restart();
		expect((await alice.fetch(`/api/v1/maps/${mapId}`)).status).toBe(404);
	});
});

describe('CLI account changes reach open sockets', () => {
	// A short access re-check through the documented override (SYNC_RECHECK_ACCESS_MS): the CLI
	// writes to the database directly, so the running server only learns of it by re-reading.
	let server: TestServer;
	let alice: LoggedIn;
	let mapId: string;
	const clients: SyncClient[] = [];

	beforeAll(async () => {
		server = await startServer({ env: { SYNC_RECHECK_ACCESS_MS: '200' } });
		alice = await createUser(server, 'alice', { admin: true });
		mapId = await createMap(alice, 'CLI and sockets');
	});
	afterEach(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await ensureRunning(server);
	});
	afterAll(async () => server?.cleanup());

	for (const [command, stdin] of [
		['disable', ''],
		['passwd', 'a-fresh-password-77\n']
	] as const) {
		it(`user ${command} closes that user's open sockets (4401) and leaves others open`, async () => {
			const username = `sock-${command}`;
			const user = await createUser(server, username);
			await shareMap(alice, mapId, username, 'editor');
			const theirs = connectClient(server.wsUrl, mapId, { cookie: user.cookie });
			const owners = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
			clients.push(theirs, owners);
			await Promise.all([theirs.synced, owners.synced]);

			const closed = nextClose(theirs.provider);
			expect((await runCli(server, ['user', command, username], stdin)).code).toBe(0);
			const close = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
			expect(close?.code).toBe(CLOSE.unauthorized);
			expect(owners.provider.wsconnected).toBe(true);
			new MapModel(owners.doc).addActor({ name: `still editing after ${command}`, kind: 'other' });
			await waitFor(async () => (await storedDocument(alice, mapId)).actors.some((a) => a.name === `still editing after ${command}`), 'the owner still edits');
		});
	}
});
