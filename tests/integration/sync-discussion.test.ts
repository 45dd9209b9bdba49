// The discussion document: commenters write annotations and comments there, never the graph.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { openDatabase } from './helpers';

describe('the discussion document beside each map', () => {
	let server: TestServer;
	let owner: LoggedIn;
	let commenter: LoggedIn;
	let viewer: LoggedIn;
	let mapId: string;
	const clients: SyncClient[] = [];
	const open = (user: LoggedIn, room: string) => {
		const client = connectClient(server.wsUrl, room, { cookie: user.cookie });
		clients.push(client);
		return client;
	};

	beforeAll(async () => {
		server = await startServer();
		owner = await createUser(server, 'olga', { admin: true });
		commenter = await createUser(server, 'cecilia');
		viewer = await createUser(server, 'viktor');
		mapId = await createMap(owner, 'Discussed');
		await shareMap(owner, mapId, 'cecilia', 'commenter');
		await shareMap(owner, mapId, 'viktor', 'viewer');
	});
	afterEach(() => {
		for (const client of clients.splice(0)) client.destroy();
	});
	afterAll(async () => server?.cleanup());

	it("a commenter's comment reaches the owner live and is stored under the discussion's own id", async () => {
		const mine = open(commenter, `${mapId}/discussion`);
		const theirs = open(owner, `${mapId}/discussion`);
		await Promise.all([mine.synced, theirs.synced]);
		mine.doc.getMap('threads').set('t1', 'a comment from the commenter');
		await waitFor(() => theirs.doc.getMap('threads').get('t1') === 'a comment from the commenter', 'owner sees the comment');

		await waitFor(() => {
			const db = openDatabase(server);
			try {
				const row = db.prepare('SELECT count(*) AS n FROM doc_updates WHERE doc_id = ?').get(`${mapId}/discussion`) as { n: number };
				return row.n > 0;
			} finally {
				db.close();
			}
		}, 'the discussion update is stored');
	});

	it("the discussion does not leak into the graph: the graph stays without the commenter's key", async () => {
		const graph = open(owner, mapId);
		await graph.synced;
		expect(graph.doc.getMap('threads').size).toBe(0);
	});

	it("a viewer's discussion edits reach nobody", async () => {
		const viewerSide = open(viewer, `${mapId}/discussion`);
		const ownerSide = open(owner, `${mapId}/discussion`);
		await Promise.all([viewerSide.synced, ownerSide.synced]);
		viewerSide.doc.getMap('threads').set('v1', 'from the viewer');
		ownerSide.doc.getMap('threads').set('fence', 'after');
		await waitFor(() => viewerSide.doc.getMap('threads').get('fence') === 'after', 'the fence reaches the viewer');
		expect(ownerSide.doc.getMap('threads').has('v1')).toBe(false);
	});
});
