// The activity log: every change is recorded on the server with the identity of the socket that
// sent it, and can be filtered by person, element and time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor } from '../support/sync-client';

interface Entry {
	at: string;
	user: { username: string };
	collection: string;
	elementId: string;
	action: string;
}

describe('activity log', () => {
	let server: TestServer;
	let alice: LoggedIn;
	let bob: LoggedIn;
	let vera: LoggedIn;
	let mapId: string;
	let aliceActor: string;
	let bobActor: string;

	const activity = async (user: LoggedIn, query = ''): Promise<Entry[]> => {
		const response = await user.fetch(`/api/v1/maps/${mapId}/activity${query}`);
		expect(response.status).toBe(200);
		return ((await response.json()) as { activity: Entry[] }).activity;
	};

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
		bob = await createUser(server, 'bob');
		vera = await createUser(server, 'vera');
		mapId = await createMap(alice, 'Logged');
		await shareMap(alice, mapId, 'bob', 'editor');
		await shareMap(alice, mapId, 'vera', 'viewer');

		const a = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		const b = connectClient(server.wsUrl, mapId, { cookie: bob.cookie });
		const v = connectClient(server.wsUrl, mapId, { cookie: vera.cookie });
		await Promise.all([a.synced, b.synced, v.synced]);
		aliceActor = new MapModel(a.doc).addActor({ name: 'Alice’s actor', kind: 'company' });
		await waitFor(() => new MapModel(b.doc).actor(aliceActor) !== undefined, 'bob sees alice’s actor');
		bobActor = new MapModel(b.doc).addActor({ name: 'Bob’s actor', kind: 'rdi' });
		new MapModel(b.doc).updateActor(aliceActor, { name: 'Renamed by Bob' });
		new MapModel(v.doc).addActor({ name: 'Refused viewer actor', kind: 'other' });
		await waitFor(() => new MapModel(a.doc).actor(bobActor)?.name === 'Bob’s actor', 'alice sees bob’s actor');
		await waitFor(async () => (await activity(alice)).length >= 3, 'three changes are logged');
		a.destroy();
		b.destroy();
		v.destroy();
	});
	afterAll(async () => server?.cleanup());

	it('records each change with the user whose socket sent it, newest first', async () => {
		const entries = await activity(alice);
		// Bob's two changes may share a millisecond, so their order between them is not asserted.
		expect(entries.map((e) => [e.user.username, e.action, e.elementId])).toEqual(
			expect.arrayContaining([
				['bob', 'updated', aliceActor],
				['bob', 'created', bobActor],
				['alice', 'created', aliceActor]
			])
		);
		expect(entries).toHaveLength(3);
		expect(entries.at(-1)!.user.username).toBe('alice');
		const times = entries.map((e) => Date.parse(e.at));
		expect([...times].sort((x, y) => y - x)).toEqual(times);
	});

	it('does not record a viewer’s refused edit', async () => {
		const entries = await activity(alice, '?user=vera');
		expect(entries).toEqual([]);
	});

	it('filters by person and by element', async () => {
		expect((await activity(alice, '?user=alice')).map((e) => e.elementId)).toEqual([aliceActor]);
		const onAlicesActor = await activity(alice, `?element=${aliceActor}`);
		expect(onAlicesActor.map((e) => `${e.user.username}:${e.action}`)).toEqual(['bob:updated', 'alice:created']);
	});

	it('filters by time: nothing before yesterday, everything since', async () => {
		const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
		expect(await activity(alice, `?until=${yesterday}`)).toEqual([]);
		expect(await activity(alice, `?since=${yesterday}`)).toHaveLength(3);
	});

	it('is readable by a viewer but not by a non-member, and rejects a malformed filter with a clear 400', async () => {
		expect((await vera.fetch(`/api/v1/maps/${mapId}/activity`)).status).toBe(200);
		const outsider = await createUser(server, 'outsider');
		expect((await outsider.fetch(`/api/v1/maps/${mapId}/activity`)).status).toBe(404);
		const bad = await alice.fetch(`/api/v1/maps/${mapId}/activity?since=last-tuesday`);
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_filter');
	});
});
