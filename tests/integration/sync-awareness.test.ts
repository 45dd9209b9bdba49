// Presence is stamped by the server: others see the session's user whatever a client claims, and
// no client can remove or overwrite another client's presence.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { awarenessMessage, openRaw, userId, type RawSocket } from './helpers';

interface Presence {
	user?: { id?: string; name?: string; username?: string; color?: string; role?: string };
	cursor?: { x: number; y: number };
	marker?: number;
}

describe('awareness (presence) is bound to the session', () => {
	let server: TestServer;
	let alice: LoggedIn;
	let bob: LoggedIn;
	let mallory: LoggedIn;
	let mapId: string;
	const clients: SyncClient[] = [];
	const sockets: RawSocket[] = [];

	const connect = (user: LoggedIn) => {
		const client = connectClient(server.wsUrl, mapId, { cookie: user.cookie });
		clients.push(client);
		return client;
	};
	const stateOf = (viewer: SyncClient, clientID: number) => viewer.provider.awareness.getStates().get(clientID) as Presence | undefined;

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
		bob = await createUser(server, 'bob');
		mallory = await createUser(server, 'mallory');
		mapId = await createMap(alice, 'Presence');
		await shareMap(alice, mapId, 'bob', 'editor');
		await shareMap(alice, mapId, 'mallory', 'viewer');
	});
	afterEach(() => {
		for (const client of clients.splice(0)) client.destroy();
		for (const raw of sockets.splice(0)) raw.socket.terminate();
	});
	afterAll(async () => server?.cleanup());

	it('others see the session user in the `user` field even when the client claims to be someone else', async () => {
		const liar = connect(mallory);
		const observer = connect(bob);
		await Promise.all([liar.synced, observer.synced]);
		const aliceId = await userId(alice);
		const malloryId = await userId(mallory);
		liar.provider.awareness.setLocalState({
			user: { id: aliceId, name: 'alice', username: 'alice', color: '#000000', role: 'owner' },
			cursor: { x: 10, y: 20 }
		});

		await waitFor(() => stateOf(observer, liar.doc.clientID)?.cursor?.x === 10, 'the observer sees the cursor');
		const seen = stateOf(observer, liar.doc.clientID)!;
		expect(seen.user).toMatchObject({ id: malloryId, username: 'mallory', name: 'mallory', role: 'viewer' });
		expect(seen.user?.color).not.toBe('#000000');
		// Everything else the client published is passed through.
		expect(seen.cursor).toEqual({ x: 10, y: 20 });
	});

	it('a client cannot remove another client’s presence', async () => {
		const victim = connect(alice);
		const observer = connect(bob);
		await Promise.all([victim.synced, observer.synced]);
		victim.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 });
		await waitFor(() => stateOf(observer, victim.doc.clientID)?.cursor?.x === 1, 'the observer sees the victim');
		const victimClock = victim.provider.awareness.meta.get(victim.doc.clientID)!.clock;

		// y-protocols heals a removed local state by re-announcing it, so watch for the removal itself.
		const removals: number[] = [];
		observer.provider.awareness.on('update', ({ removed }: { removed: number[] }) => removals.push(...removed));

		const attacker = await openRaw(server, mapId, { cookie: mallory.cookie });
		sockets.push(attacker);
		// "Client <victim> left", with a clock far ahead so a naive server would accept it.
		attacker.send(awarenessMessage([{ clientID: victim.doc.clientID, clock: victimClock + 100, state: null }]));
		// Then the attacker's own presence: once the observer sees it, the removal was handled.
		const attackerId = 0x7fff_0001;
		attacker.send(awarenessMessage([{ clientID: attackerId, clock: 1, state: { marker: 1 } }]));
		await waitFor(() => stateOf(observer, attackerId)?.marker === 1, 'the attacker presence arrived');

		expect(attacker.isClosed()).toBe(false);
		expect(removals).not.toContain(victim.doc.clientID);
		expect(stateOf(observer, victim.doc.clientID)?.cursor).toEqual({ x: 1, y: 1 });
		expect(stateOf(observer, victim.doc.clientID)?.user?.username).toBe('alice');
		// A client joining now is told about the victim too.
		const late = connect(bob);
		await waitFor(() => stateOf(late, victim.doc.clientID)?.user?.username === 'alice', 'a late joiner sees the victim');
	});

	it('a client cannot overwrite another client’s presence by reusing its client id', async () => {
		const victim = connect(alice);
		const observer = connect(bob);
		await Promise.all([victim.synced, observer.synced]);
		victim.provider.awareness.setLocalStateField('cursor', { x: 5, y: 5 });
		await waitFor(() => stateOf(observer, victim.doc.clientID)?.cursor?.x === 5, 'the observer sees the victim');
		const victimClock = victim.provider.awareness.meta.get(victim.doc.clientID)!.clock;

		const seenCursors: unknown[] = [];
		observer.provider.awareness.on('change', () => seenCursors.push(stateOf(observer, victim.doc.clientID)?.cursor));

		const attacker = await openRaw(server, mapId, { cookie: mallory.cookie });
		sockets.push(attacker);
		attacker.send(awarenessMessage([{ clientID: victim.doc.clientID, clock: victimClock + 100, state: { cursor: { x: 666, y: 666 } } }]));
		const attackerId = 0x7fff_0002;
		attacker.send(awarenessMessage([{ clientID: attackerId, clock: 1, state: { marker: 2 } }]));
		await waitFor(() => stateOf(observer, attackerId)?.marker === 2, 'the attacker presence arrived');

		expect(seenCursors).not.toContainEqual({ x: 666, y: 666 });
		expect(stateOf(observer, victim.doc.clientID)).toMatchObject({ cursor: { x: 5, y: 5 }, user: { username: 'alice' } });
		// And the attacker's own entry carries the attacker's identity.
		expect(stateOf(observer, attackerId)?.user?.username).toBe('mallory');
	});

	it('a client’s presence disappears for others when its socket closes', async () => {
		const leaving = connect(alice);
		const observer = connect(bob);
		await Promise.all([leaving.synced, observer.synced]);
		leaving.provider.awareness.setLocalStateField('cursor', { x: 3, y: 3 });
		await waitFor(() => stateOf(observer, leaving.doc.clientID)?.cursor?.x === 3, 'the observer sees the presence');
		// Cut the connection without the provider saying goodbye itself.
		(leaving.provider.ws as unknown as { terminate(): void }).terminate();
		leaving.provider.shouldConnect = false;
		await waitFor(() => stateOf(observer, leaving.doc.clientID) === undefined, 'the presence is removed');
	});
});
