// The editor holds the live document back while its overview is on the way (src/lib/collab/hold-sync.ts):
// a real provider on a real server receives the map but applies none of it, nor answers the server's
// sync, until the promise settles; then it syncs both ways as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapModel } from '../../src/lib/map';
import { holdSyncMessages } from '../../src/lib/collab/hold-sync';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { documentOnDisk } from './helpers';

describe('holding the server’s sync messages', () => {
	let server: TestServer;
	let alice: LoggedIn;
	let mapId: string;
	const clients: SyncClient[] = [];
	const connect = (options: { connect?: boolean } = {}) => {
		const client = connectClient(server.wsUrl, mapId, { cookie: alice.cookie }, options);
		clients.push(client);
		return client;
	};

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
		mapId = await createMap(alice, 'Held sync');
		const author = connect();
		await author.synced;
		new MapModel(author.doc).addActor({ name: 'Savonia', kind: 'education' });
		await waitFor(() => new MapModel(documentOnDisk(server, mapId)).actors().length === 1, 'the actor is stored');
	});
	afterAll(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await server?.cleanup();
	});

	it('applies nothing until released, keeps its own edit unsent meanwhile, then syncs both ways', async () => {
		const held = connect({ connect: false });
		let release!: () => void;
		holdSyncMessages(held.provider, new Promise<void>((resolve) => (release = resolve)));
		const offline = new MapModel(held.doc).addActor({ name: 'Raahen Porvari', kind: 'company' });
		held.provider.connect();
		await waitFor(() => held.provider.wsLastMessageReceived > 0, 'the server’s sync messages arrive');
		// Long enough for the rest of the server's greeting and answer to arrive and be held too.
		await new Promise((resolve) => setTimeout(resolve, 200));

		expect(held.provider.synced, 'not synced while held').toBe(false);
		expect(new MapModel(held.doc).actors().map((a) => a.name), 'nothing of the server’s map applied').toEqual(['Raahen Porvari']);
		expect(new MapModel(documentOnDisk(server, mapId)).actor(offline), 'its own edit waits for the exchange').toBeUndefined();

		release();
		await held.synced;
		await waitFor(() => new MapModel(held.doc).actors().length === 2, 'the held map is applied');
		await waitFor(() => new MapModel(documentOnDisk(server, mapId)).actor(offline) !== undefined, 'its own edit reaches the server');
	});
});
