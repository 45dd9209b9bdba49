// Read-only share links: a steering-group member without an account opens one map as a viewer,
// nothing else, and loses it the moment the owner revokes the link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapModel } from '../../src/lib/map';
import { CLOSE } from '../../src/lib/server/limits';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, upgradeStatus, waitFor } from '../support/sync-client';
import { nextClose } from './helpers';

describe('read-only share links', () => {
	let server: TestServer;
	let owner: LoggedIn;
	let mapId: string;
	let otherMapId: string;

	/** Posts a form action the way the browser does (same Origin), and returns the page data text. */
	async function action(path: string, fields: Record<string, string>): Promise<string> {
		const response = await owner.fetch(path, {
			method: 'POST',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true' },
			body: new URLSearchParams(fields).toString()
		});
		expect(response.status).toBe(200);
		return response.text();
	}

	async function createLink(label: string): Promise<{ token: string; id: string }> {
		const text = await action(`/maps/${mapId}/members?/share`, { label, days: '7' });
		const token = /\/share\/([a-z2-7]+\.[a-z2-7]+)/.exec(text)?.[1];
		if (!token) throw new Error(`no share URL in ${text}`);
		return { token, id: token.split('.')[0]! };
	}

	async function openLink(token: string): Promise<string> {
		const response = await fetch(`${server.url}/share/${token}`, { redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/maps/${mapId}`);
		const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
		expect(cookie).toMatch(/^kartta_share=/);
		expect(response.headers.get('set-cookie')).toMatch(/HttpOnly/i);
		return cookie;
	}

	beforeAll(async () => {
		server = await startServer();
		owner = await createUser(server, 'olli', { admin: true });
		mapId = await createMap(owner, 'Shared');
		otherMapId = await createMap(owner, 'Not shared');
	});
	afterAll(async () => server?.cleanup());

	it('lets a guest open that one map as a viewer: live updates arrive, the guest’s own edits do not', async () => {
		const { token } = await createLink('Steering group');
		const cookie = await openLink(token);
		const page = await fetch(`${server.url}/maps/${mapId}`, { headers: { cookie } });
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Shared');

		const guest = connectClient(server.wsUrl, mapId, { cookie });
		const author = connectClient(server.wsUrl, mapId, { cookie: owner.cookie });
		await Promise.all([guest.synced, author.synced]);
		const id = new MapModel(author.doc).addActor({ name: 'Seen by the guest', kind: 'company' });
		await waitFor(() => new MapModel(guest.doc).actor(id) !== undefined, 'the guest sees the owner’s edit');
		new MapModel(guest.doc).addActor({ name: 'Guest tries to add', kind: 'other' });
		new MapModel(author.doc).updateActor(id, { name: 'Fence' });
		await waitFor(() => new MapModel(guest.doc).actor(id)?.name === 'Fence', 'the fence arrives');
		expect(new MapModel(author.doc).actors().map((a) => a.name)).toEqual(['Fence']);
		guest.destroy();
		author.destroy();
	});

	it('opens nothing else: not another map, not the map list, not the API', async () => {
		const { token } = await createLink('Narrow');
		const cookie = await openLink(token);
		expect(await upgradeStatus(`${server.wsUrl}/${otherMapId}`, { cookie })).toBe(401);
		expect((await fetch(`${server.url}/maps/${otherMapId}`, { headers: { cookie }, redirect: 'manual' })).status).toBe(303);
		expect((await fetch(`${server.url}/maps`, { headers: { cookie }, redirect: 'manual' })).status).toBe(303);
		expect((await fetch(`${server.url}/api/v1/maps/${mapId}/document`, { headers: { cookie } })).status).toBe(401);
	});

	it('revoking the link closes the guest’s open socket and the link stops working', async () => {
		const { token, id } = await createLink('Revoke me');
		const cookie = await openLink(token);
		const guest = connectClient(server.wsUrl, mapId, { cookie });
		await guest.synced;
		const closed = nextClose(guest.provider);
		await action(`/maps/${mapId}/members?/revokeShare`, { id });
		const close = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
		expect(close?.code).toBe(CLOSE.unauthorized);
		guest.destroy();
		expect(await upgradeStatus(`${server.wsUrl}/${mapId}`, { cookie })).toBe(401);
		expect((await fetch(`${server.url}/share/${token}`, { redirect: 'manual' })).status).toBe(404);
	});

	it('refuses a made-up or tampered link', async () => {
		const { token } = await createLink('Real');
		const [linkId] = token.split('.');
		expect((await fetch(`${server.url}/share/${linkId}.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`, { redirect: 'manual' })).status).toBe(404);
		expect((await fetch(`${server.url}/share/garbage`, { redirect: 'manual' })).status).toBe(404);
	});
});
