// Roles on the live socket: read-only roles cannot change the map, and role changes, removals and
// logout take effect on sockets that are already open.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapModel } from '../../src/lib/map';
import { CLOSE } from '../../src/lib/server/limits';
import { createMap, createUser, logIn, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, upgradeStatus, waitFor, type SyncClient } from '../support/sync-client';
import { documentOnDisk, nextClose, storedDocument } from './helpers';

describe('roles on live sockets', () => {
	let server: TestServer;
	let alice: LoggedIn; // owner
	let bob: LoggedIn; // editor whose role changes
	let carol: LoggedIn; // editor who watches
	let victor: LoggedIn; // viewer or commenter
	const clients: SyncClient[] = [];

	const connect = (user: LoggedIn, mapId: string) => {
		const client = connectClient(server.wsUrl, mapId, { cookie: user.cookie });
		clients.push(client);
		return client;
	};
	const hasActorNamed = (doc: Y.Doc, name: string) => new MapModel(doc).actors().some((a) => a.name === name);

	/**
	 * Proves the server has handled everything `sender` sent so far, and broadcast whatever it
	 * accepted to `watcher`: the server handles a socket's messages in order and stores and
	 * broadcasts accepted updates in order, so once `watcher` sees a fence edit made after
	 * `maker` saw `sender`'s latest presence, any accepted update from `sender` came before it.
	 */
	let fenceCount = 0;
	async function fence(sender: SyncClient, maker: SyncClient, watcher: SyncClient): Promise<void> {
		const n = ++fenceCount;
		sender.provider.awareness.setLocalStateField('fence', n);
		const senderId = sender.doc.clientID;
		await waitFor(() => maker.provider.awareness.getStates().get(senderId)?.fence === n, `fence ${n}: presence reached the maker`);
		new MapModel(maker.doc).addActor({ name: `fence-${n}`, kind: 'other' });
		await waitFor(() => hasActorNamed(watcher.doc, `fence-${n}`), `fence ${n}: the watcher saw the fence edit`);
	}

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
		bob = await createUser(server, 'bob');
		carol = await createUser(server, 'carol');
		victor = await createUser(server, 'victor');
	});
	afterEach(() => {
		for (const client of clients.splice(0)) client.destroy();
	});
	afterAll(async () => server?.cleanup());

	for (const role of ['viewer', 'commenter'] as const) {
		it(`a ${role}'s document update reaches neither other clients nor storage`, async () => {
			const mapId = await createMap(alice, `${role} map`);
			await shareMap(alice, mapId, 'carol', 'editor');
			await shareMap(alice, mapId, 'victor', role);
			const owner = connect(alice, mapId);
			const watcher = connect(carol, mapId);
			const readOnly = connect(victor, mapId);
			await Promise.all([owner.synced, watcher.synced, readOnly.synced]);

			new MapModel(readOnly.doc).addActor({ name: `${role}-edit`, kind: 'company' });
			await fence(readOnly, owner, watcher);

			expect(hasActorNamed(owner.doc, `${role}-edit`)).toBe(false);
			expect(hasActorNamed(watcher.doc, `${role}-edit`)).toBe(false);
			expect((await storedDocument(alice, mapId)).actors.map((a) => a.name)).not.toContain(`${role}-edit`);
			expect(hasActorNamed(documentOnDisk(server, mapId), `${role}-edit`)).toBe(false);
			const fresh = connect(carol, mapId);
			await fresh.synced;
			expect(hasActorNamed(fresh.doc, `${role}-edit`)).toBe(false);
			// The read-only client still receives everyone else's edits.
			expect(hasActorNamed(readOnly.doc, 'fence-' + fenceCount)).toBe(true);
		});
	}

	it('an editor downgraded to viewer through the API has later edits refused on the same socket', async () => {
		const mapId = await createMap(alice, 'Downgrade');
		await shareMap(alice, mapId, 'bob', 'editor');
		await shareMap(alice, mapId, 'carol', 'editor');
		const owner = connect(alice, mapId);
		const watcher = connect(carol, mapId);
		const editor = connect(bob, mapId);
		await Promise.all([owner.synced, watcher.synced, editor.synced]);

		new MapModel(editor.doc).addActor({ name: 'while editor', kind: 'company' });
		await waitFor(() => hasActorNamed(watcher.doc, 'while editor'), 'the editor edit arrives');

		const response = await alice.fetch(`/api/v1/maps/${mapId}/members/bob`, { method: 'PUT', json: { role: 'viewer' } });
		expect(response.status).toBe(200);
		new MapModel(editor.doc).addActor({ name: 'after downgrade', kind: 'company' });
		await fence(editor, owner, watcher);

		expect(hasActorNamed(watcher.doc, 'after downgrade')).toBe(false);
		expect(hasActorNamed(owner.doc, 'after downgrade')).toBe(false);
		expect(hasActorNamed(documentOnDisk(server, mapId), 'after downgrade')).toBe(false);
		expect(hasActorNamed(documentOnDisk(server, mapId), 'while editor')).toBe(true);
	});

	it('a viewer promoted to editor through the API can edit at once on the same socket', async () => {
		const mapId = await createMap(alice, 'Promote');
		await shareMap(alice, mapId, 'bob', 'viewer');
		const owner = connect(alice, mapId);
		const promoted = connect(bob, mapId);
		await Promise.all([owner.synced, promoted.synced]);
		await shareMap(alice, mapId, 'bob', 'editor');
		new MapModel(promoted.doc).addActor({ name: 'after promotion', kind: 'rdi' });
		await waitFor(() => hasActorNamed(owner.doc, 'after promotion'), 'the promoted member edit arrives');
	});

	it('a removed member has their open socket closed (4403) and cannot reconnect', async () => {
		const mapId = await createMap(alice, 'Removal');
		await shareMap(alice, mapId, 'bob', 'editor');
		const owner = connect(alice, mapId);
		const removed = connect(bob, mapId);
		await Promise.all([owner.synced, removed.synced]);

		const closed = nextClose(removed.provider);
		const response = await alice.fetch(`/api/v1/maps/${mapId}/members/bob`, { method: 'DELETE' });
		expect(response.status).toBe(204);
		const close = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
		expect(close?.code).toBe(CLOSE.forbidden);
		expect(await upgradeStatus(`${server.wsUrl}/${mapId}`, { cookie: bob.cookie })).toBe(403);
		// The owner's socket is untouched.
		expect(owner.provider.wsconnected).toBe(true);
	});

	it('deleting an API token closes the sockets opened with it (4401) and the token no longer opens the map', async () => {
		const mapId = await createMap(alice, 'Token revoked');
		const created = await alice.fetch('/api/v1/tokens', { method: 'POST', json: { label: 'script' } });
		const { id, token } = (await created.json()) as { id: string; token: string };
		const script = connectClient(server.wsUrl, mapId, { token });
		clients.push(script);
		await script.synced;

		const closed = nextClose(script.provider);
		expect((await alice.fetch(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
		const close = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
		expect(close?.code).toBe(CLOSE.unauthorized);
		expect(await upgradeStatus(`${server.wsUrl}/${mapId}`, { authorization: `Bearer ${token}` })).toBe(401);
	});

	it('logout closes that session’s sockets (4401) and leaves the same user’s other sessions open', async () => {
		const mapId = await createMap(alice, 'Logout');
		await shareMap(alice, mapId, 'bob', 'editor');
		const laptop = await logIn(server, 'bob');
		const phone = await logIn(server, 'bob');
		const owner = connect(alice, mapId);
		const onLaptop = connect(laptop, mapId);
		const onPhone = connect(phone, mapId);
		await Promise.all([owner.synced, onLaptop.synced, onPhone.synced]);

		const closed = nextClose(onLaptop.provider);
		expect((await laptop.fetch('/api/v1/session', { method: 'DELETE' })).status).toBe(204);
		const close = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
		expect(close?.code).toBe(CLOSE.unauthorized);
		expect(await upgradeStatus(`${server.wsUrl}/${mapId}`, { cookie: laptop.cookie })).toBe(401);

		new MapModel(onPhone.doc).addActor({ name: 'from the phone', kind: 'public' });
		await waitFor(() => hasActorNamed(owner.doc, 'from the phone'), 'the other session still edits');
	});
});
