// Who may open a map's socket: decided at the HTTP upgrade, before any WebSocket exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import { upgradeStatus } from '../support/sync-client';

describe('access at the WebSocket upgrade', () => {
	let server: TestServer;
	let alice: LoggedIn;
	let mallory: LoggedIn;
	let mapId: string;
	let url: string;

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
		mallory = await createUser(server, 'mallory');
		mapId = await createMap(alice, 'Private map');
		url = `${server.wsUrl}/${mapId}`;
	});
	afterAll(async () => server?.cleanup());

	it('refuses a request without a cookie with 401', async () => {
		expect(await upgradeStatus(url, {})).toBe(401);
	});

	it('refuses a garbage or forged session cookie with 401', async () => {
		expect(await upgradeStatus(url, { cookie: 'kartta_session=garbage' })).toBe(401);
		// Well-formed but unknown: the right shape must not be enough.
		const forged = `kartta_session=${'a'.repeat(24)}.${'b'.repeat(32)}`;
		expect(await upgradeStatus(url, { cookie: forged })).toBe(401);
		// A real session id with a wrong secret.
		const [name, token] = alice.cookie.split('=') as [string, string];
		const [id] = token.split('.');
		expect(await upgradeStatus(url, { cookie: `${name}=${id}.${'c'.repeat(32)}` })).toBe(401);
	});

	it('lets the owner in (101)', async () => {
		expect(await upgradeStatus(url, { cookie: alice.cookie })).toBe(101);
	});

	it('refuses a logged-in non-member with 403', async () => {
		expect(await upgradeStatus(url, { cookie: mallory.cookie })).toBe(403);
	});

	it('answers an unknown map exactly as a map one is not a member of, so existence is not revealed', async () => {
		const unknown = await upgradeStatus(`${server.wsUrl}/doesnotexist0000`, { cookie: mallory.cookie });
		const notMember = await upgradeStatus(url, { cookie: mallory.cookie });
		expect(unknown).toBe(notMember);
		// Even the map's own owner cannot tell an unknown id from a foreign one.
		expect(await upgradeStatus(`${server.wsUrl}/doesnotexist0000`, { cookie: alice.cookie })).toBe(notMember);
	});

	it('refuses a foreign Origin with 403 even with a valid cookie (cross-site WebSocket hijacking)', async () => {
		expect(await upgradeStatus(url, { cookie: alice.cookie, origin: 'https://evil.example' })).toBe(403);
		// Same host name on another port or scheme-less tricks are foreign too.
		expect(await upgradeStatus(url, { cookie: alice.cookie, origin: `http://127.0.0.1:${server.port + 1}` })).toBe(403);
		expect(await upgradeStatus(url, { cookie: alice.cookie, origin: 'null' })).toBe(403);
	});

	it('accepts the same-host Origin a browser on the app sends (101)', async () => {
		expect(await upgradeStatus(url, { cookie: alice.cookie, origin: `http://127.0.0.1:${server.port}` })).toBe(101);
	});

	it('accepts a Bearer API token created through the API (101), refuses it once revoked (401)', async () => {
		const created = await alice.fetch('/api/v1/tokens', { method: 'POST', json: { label: 'script' } });
		expect(created.status).toBe(201);
		const { id, token } = (await created.json()) as { id: string; token: string };
		expect(await upgradeStatus(url, { authorization: `Bearer ${token}` })).toBe(101);

		expect((await alice.fetch(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
		expect(await upgradeStatus(url, { authorization: `Bearer ${token}` })).toBe(401);
	});

	it('accepts a token made with the CLI, but only for maps its user is a member of', async () => {
		const aliceToken = server.cli(['token', 'create', 'alice', 'cli script']).trim();
		const malloryToken = server.cli(['token', 'create', 'mallory', 'cli script']).trim();
		expect(await upgradeStatus(url, { authorization: `Bearer ${aliceToken}` })).toBe(101);
		expect(await upgradeStatus(url, { authorization: `Bearer ${malloryToken}` })).toBe(403);
		// A bad bearer is not rescued by a good cookie: an explicit credential that fails is a failure.
		expect(await upgradeStatus(url, { authorization: 'Bearer kartta_nonsense', cookie: alice.cookie })).toBe(401);
	});

	it('answers a malformed map path with 404 without looking at credentials', async () => {
		expect(await upgradeStatus(`${server.wsUrl}/NOT..valid`, { cookie: alice.cookie })).toBe(404);
		expect(await upgradeStatus(`${server.wsUrl}/`, {})).toBe(404);
	});
});
