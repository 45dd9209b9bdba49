// The meeting document is the server's alone: no client, not even the map's owner, can write it. A
// client's update to `<mapId>/meeting` never reaches the others nor storage; the server's own changes do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMeetingState } from '$lib/collab/meeting-doc';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { documentOnDisk, openDatabase } from './helpers';

describe('the meeting document beside each map', () => {
	let server: TestServer;
	let owner: LoggedIn;
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
		viewer = await createUser(server, 'vera');
		mapId = await createMap(owner, 'Kokous');
		await shareMap(owner, mapId, 'vera', 'viewer');
	});
	afterAll(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await server?.cleanup();
	});

	it("drops the owner's own update to the meeting document: it reaches neither the others nor storage", async () => {
		const forger = open(owner, `${mapId}/meeting`);
		const watcher = open(viewer, `${mapId}/meeting`);
		await Promise.all([forger.synced, watcher.synced]);
		forger.doc.transact(() => {
			const map = forger.doc.getMap('meeting');
			map.set('id', 'forged');
			map.set('title', 'Forged meeting');
			map.set('presenter', { id: 'x', name: 'Mallory' });
			map.set('startedAt', 1);
		});

		// A change the server makes itself is the fence: once it reaches the watcher, the forgery had its chance.
		const started = await owner.fetch(`/api/v1/maps/${mapId}/meetings`, { method: 'POST', json: { title: 'Oikea kokous' } });
		expect(started.status).toBe(201);
		const { id } = (await started.json()) as { id: string };
		await waitFor(() => readMeetingState(watcher.doc)?.id === id, "the server's change reaches the watcher");
		expect(readMeetingState(watcher.doc)!.title).toBe('Oikea kokous');
		expect(watcher.doc.getMap('meeting').get('startedAt')).not.toBe(1);

		const stored = documentOnDisk(server, `${mapId}/meeting`);
		expect(readMeetingState(stored)).toMatchObject({ id, title: 'Oikea kokous' });
		expect(JSON.stringify(stored.getMap('meeting').toJSON())).not.toContain('Forged');

		// A fresh reader gets the server's state, not the forgery.
		const late = open(viewer, `${mapId}/meeting`);
		await late.synced;
		expect(readMeetingState(late.doc)?.title).toBe('Oikea kokous');
	});

	it('records no activity for the meeting document', () => {
		const db = openDatabase(server);
		try {
			const row = db.prepare("SELECT count(*) AS n FROM activity WHERE map_id = ? AND document = 'meeting'").get(mapId) as { n: number };
			expect(row.n).toBe(0);
		} finally {
			db.close();
		}
	});
});
