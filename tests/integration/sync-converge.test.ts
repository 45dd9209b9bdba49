import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor } from '../support/sync-client';

describe('live sync between two clients', () => {
	let server: TestServer;
	let alice: LoggedIn;
	let bob: LoggedIn;
	let mapId: string;

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
		bob = await createUser(server, 'bob');
		mapId = await createMap(alice, 'Converge');
		await shareMap(alice, mapId, 'bob', 'editor');
	});
	afterAll(async () => server?.cleanup());

	it('an actor added by one editor appears for the other and in the stored document', async () => {
		const a = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		const b = connectClient(server.wsUrl, mapId, { cookie: bob.cookie });
		await Promise.all([a.synced, b.synced]);
		const id = new MapModel(a.doc).addActor({ name: 'Iisalmen Puutekniikka Oy', kind: 'company' });
		await waitFor(() => new MapModel(b.doc).actor(id)?.name === 'Iisalmen Puutekniikka Oy', 'bob sees the actor');
		new MapModel(b.doc).updateActor(id, { name: 'Renamed' });
		await waitFor(() => new MapModel(a.doc).actor(id)?.name === 'Renamed', 'alice sees the rename');
		a.destroy();
		b.destroy();
		const response = await alice.fetch(`/api/v1/maps/${mapId}/document`);
		const document = (await response.json()) as { actors: { id: string; name: string }[] };
		expect(document.actors.find((x) => x.id === id)?.name).toBe('Renamed');
	});
});
