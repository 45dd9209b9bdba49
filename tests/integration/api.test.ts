// The JSON API under /api/v1 against the real server: sessions, maps, members, the document and
// errors, which are always JSON {"error": {code, message}}.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapModel, SCHEMA_VERSION } from '../../src/lib/map';
import { LOGIN_THROTTLE, MAP_TITLE_MAX_LENGTH, MAX_JSON_BODY_BYTES } from '../../src/lib/server/limits';
import { createMap, createUser, logIn, shareMap, startServer, TEST_PASSWORD, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor } from '../support/sync-client';
import { storedDocument } from './helpers';

interface ErrorBody {
	error: { code: string; message: string };
}

async function expectError(response: Response, status: number, code?: string): Promise<ErrorBody> {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toMatch(/^application\/json/);
	const body = (await response.json()) as ErrorBody;
	expect(typeof body.error.message).toBe('string');
	if (code) expect(body.error.code).toBe(code);
	else expect(typeof body.error.code).toBe('string');
	return body;
}

describe('HTTP API', () => {
	let server: TestServer;
	let alice: LoggedIn;
	let bob: LoggedIn;
	let mallory: LoggedIn;

	const post = (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
		fetch(server.url + path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
		bob = await createUser(server, 'bob');
		mallory = await createUser(server, 'mallory');
	});
	afterAll(async () => server?.cleanup());

	describe('POST /api/v1/session', () => {
		it('logs in with good credentials: 200, the user, and an HttpOnly SameSite=Lax session cookie', async () => {
			const response = await post('/api/v1/session', { username: 'alice', password: TEST_PASSWORD });
			expect(response.status).toBe(200);
			const body = (await response.json()) as { user: { username: string; isAdmin: boolean }; expiresAt: string };
			expect(body.user).toMatchObject({ username: 'alice', isAdmin: true });
			expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
			const cookie = response.headers.get('set-cookie') ?? '';
			expect(cookie).toMatch(/^kartta_session=[a-z2-7]+\.[a-z2-7]+;/);
			expect(cookie).toMatch(/HttpOnly/i);
			expect(cookie).toMatch(/SameSite=Lax/i);
			expect(cookie).toMatch(/Path=\//i);
		});

		it('hands out a new token at every login', async () => {
			const first = await logIn(server, 'bob');
			const second = await logIn(server, 'bob');
			expect(first.cookie).not.toBe(second.cookie);
		});

		it('answers an unknown user and a wrong password identically (401, same body, no cookie)', async () => {
			const wrongPassword = await post('/api/v1/session', { username: 'alice', password: 'not-the-password-1' });
			const unknownUser = await post('/api/v1/session', { username: 'nobody-here', password: 'not-the-password-1' });
			expect(wrongPassword.status).toBe(401);
			expect(unknownUser.status).toBe(401);
			expect(wrongPassword.headers.get('set-cookie')).toBeNull();
			expect(unknownUser.headers.get('set-cookie')).toBeNull();
			const a = await wrongPassword.text();
			const b = await unknownUser.text();
			expect(a).toBe(b);
			expect(JSON.parse(a)).toMatchObject({ error: { code: 'invalid_credentials' } });
		});

		it('throttles password guessing: after the free failures even the right password waits (429 + Retry-After)', async () => {
			await createUser(server, 'throttled');
			for (let i = 0; i < LOGIN_THROTTLE.freeAttemptsPerAccount; i++) {
				expect((await post('/api/v1/session', { username: 'throttled', password: `guess-number-${i}` })).status).toBe(401);
			}
			const refused = await post('/api/v1/session', { username: 'throttled', password: TEST_PASSWORD });
			await expectError(refused, 429, 'too_many_attempts');
			expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(refused.headers.get('set-cookie')).toBeNull();
			// Once the wait is over the right password works again (the first wait is short).
			await waitFor(async () => (await post('/api/v1/session', { username: 'throttled', password: TEST_PASSWORD })).status === 200, 'login allowed after the wait', LOGIN_THROTTLE.baseDelayMs * 4);
		});

		it('refuses a malformed login body with a JSON 400', async () => {
			await expectError(await post('/api/v1/session', { username: 'alice' }), 400, 'invalid_body');
			await expectError(await post('/api/v1/session', 'username=alice'), 400, 'invalid_json');
		});

		it('GET shows who is logged in; DELETE logs out so the cookie stops working', async () => {
			const session = await logIn(server, 'bob');
			const me = await session.fetch('/api/v1/session');
			expect(me.status).toBe(200);
			expect(await me.json()).toMatchObject({ user: { username: 'bob' }, via: 'session' });
			expect((await session.fetch('/api/v1/session', { method: 'DELETE' })).status).toBe(204);
			await expectError(await session.fetch('/api/v1/session'), 401, 'unauthorized');
		});
	});

	describe('maps', () => {
		it('GET /api/v1/maps lists only the maps the caller is a member of, with their role', async () => {
			const mine = await createMap(alice, 'Alice only');
			const shared = await createMap(alice, 'Shared with bob');
			await shareMap(alice, shared, 'bob', 'commenter');
			const bobs = await createMap(bob, 'Bob only');

			const list = async (user: LoggedIn) => ((await (await user.fetch('/api/v1/maps')).json()) as { maps: { id: string; role: string }[] }).maps;
			const forBob = await list(bob);
			expect(forBob.map((m) => m.id).sort()).toEqual([shared, bobs].sort());
			expect(forBob.find((m) => m.id === shared)?.role).toBe('commenter');
			const forAlice = (await list(alice)).map((m) => m.id);
			expect(forAlice).toContain(mine);
			expect(forAlice).not.toContain(bobs);
			expect(await list(mallory)).toEqual([]);
		});

		it('refuses anonymous callers with a JSON 401', async () => {
			await expectError(await fetch(`${server.url}/api/v1/maps`), 401, 'unauthorized');
			await expectError(await post('/api/v1/maps', { title: 'x' }), 401, 'unauthorized');
		});

		it('POST /api/v1/maps creates a map owned by the caller', async () => {
			const response = await alice.fetch('/api/v1/maps', { method: 'POST', json: { title: '  Seutukaupungit  ' } });
			expect(response.status).toBe(201);
			const body = (await response.json()) as { id: string; title: string; role: string };
			expect(body).toMatchObject({ title: 'Seutukaupungit', role: 'owner' });
			expect((await storedDocument(alice, body.id)).title).toBe('Seutukaupungit');
		});

		it('POST /api/v1/maps validates the body: missing, blank, too long or mistyped title -> 400 with a code', async () => {
			const create = (json: unknown) => alice.fetch('/api/v1/maps', { method: 'POST', json });
			await expectError(await create({}), 400, 'invalid_title');
			await expectError(await create({ title: '   ' }), 400, 'invalid_title');
			await expectError(await create({ title: 'x'.repeat(MAP_TITLE_MAX_LENGTH + 1) }), 400);
			await expectError(await create({ title: 'x'.repeat(5_000) }), 400);
			await expectError(await create({ title: 5 }), 400, 'invalid_body');
			await expectError(await create({ title: ['a'] }), 400, 'invalid_body');
			await expectError(await create({ demo: 'yes' }), 400, 'invalid_body');
			await expectError(await create([]), 400, 'invalid_body');
			await expectError(await create(null), 400, 'invalid_body');
			expect((await create({ title: 'x'.repeat(MAP_TITLE_MAX_LENGTH) })).status).toBe(201);
		});

		it('POST /api/v1/maps refuses non-JSON bodies: wrong content type 415, unparsable 400', async () => {
			await expectError(await alice.fetch('/api/v1/maps', { method: 'POST', body: '<map/>', headers: { 'content-type': 'application/xml' } }), 415, 'unsupported_media_type');
			// Form-like types without our Origin are stopped earlier by SvelteKit's CSRF check (403);
			// from our own origin they reach the API and get its JSON 415.
			const sameOrigin = { 'content-type': 'text/plain', origin: server.url };
			await expectError(await alice.fetch('/api/v1/maps', { method: 'POST', body: 'title=hello', headers: sameOrigin }), 415, 'unsupported_media_type');
			expect((await alice.fetch('/api/v1/maps', { method: 'POST', body: 'title=x', headers: { 'content-type': 'text/plain', origin: 'https://evil.example' } })).status).toBe(403);
			await expectError(await alice.fetch('/api/v1/maps', { method: 'POST', body: '{"title": ', headers: { 'content-type': 'application/json' } }), 400, 'invalid_json');
		});

		it('POST /api/v1/maps refuses a huge body with a JSON 413, whether its length is declared or streamed', async () => {
			const big = JSON.stringify({ title: 'x'.repeat(MAX_JSON_BODY_BYTES) });
			await expectError(await alice.fetch('/api/v1/maps', { method: 'POST', body: big, headers: { 'content-type': 'application/json' } }), 413, 'body_too_large');
			// Far past the adapter's own limit too: still our JSON error, not a bare text answer.
			const huge = JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) });
			await expectError(await alice.fetch('/api/v1/maps', { method: 'POST', body: huge, headers: { 'content-type': 'application/json' } }), 413, 'body_too_large');
			// Without content-length (chunked): the server counts while reading.
			const chunks = new ReadableStream<Uint8Array>({
				start(controller) {
					const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
					controller.enqueue(new TextEncoder().encode('{"title":"'));
					for (let i = 0; i < 8; i++) controller.enqueue(chunk);
					controller.enqueue(new TextEncoder().encode('"}'));
					controller.close();
				}
			});
			const streamed = await alice.fetch('/api/v1/maps', {
				method: 'POST',
				body: chunks,
				headers: { 'content-type': 'application/json' },
				duplex: 'half'
			} as RequestInit);
			await expectError(streamed, 413, 'body_too_large');
			// The refused upload must not leave a half-read connection behind for the next requests.
			for (let i = 0; i < 3; i++) expect((await alice.fetch('/api/v1/maps')).status).toBe(200);
		});

		it('POST /api/v1/maps {demo: true} creates the demo map with its nine regions', async () => {
			const id = await createMap(alice, '', true);
			const document = await storedDocument(alice, id);
			expect(document.regions).toHaveLength(9);
			expect(document.regions.map((r) => r.name)).toContain('Iisalmi');
			expect(document.actors.length).toBeGreaterThan(9);
			expect(document.links.length).toBeGreaterThan(0);
			// Every demo actor sits in one of the regions.
			const regionIds = new Set(document.regions.map((r) => r.id));
			expect(document.actors.every((a) => a.region !== undefined && regionIds.has(a.region))).toBe(true);
		});

		it('GET /api/v1/maps/:id answers 404 for a non-member, the same as for an unknown map', async () => {
			const id = await createMap(alice, 'Secret');
			const ok = await alice.fetch(`/api/v1/maps/${id}`);
			expect(ok.status).toBe(200);
			expect(await ok.json()).toMatchObject({ id, title: 'Secret', role: 'owner', members: [{ username: 'alice', role: 'owner' }] });
			const foreign = await mallory.fetch(`/api/v1/maps/${id}`);
			const unknown = await mallory.fetch('/api/v1/maps/nosuchmap0000000');
			const foreignBody = await expectError(foreign, 404);
			const unknownBody = await expectError(unknown, 404);
			expect(foreignBody).toEqual(unknownBody);
			await expectError(await mallory.fetch(`/api/v1/maps/${id}/document`), 404);
			await expectError(await mallory.fetch(`/api/v1/maps/${id}/members`), 404);
		});

		it('GET /api/v1/maps/:id/document returns actors, links and regions with the schema field names', async () => {
			const id = await createMap(alice, 'Document');
			const client = connectClient(server.wsUrl, id, { cookie: alice.cookie });
			try {
				await client.synced;
				const model = new MapModel(client.doc);
				const region = model.addRegion({ name: 'Savonlinna' });
				const a = model.addActor({ name: 'Olavinlinna', kind: 'public', region, pos: { x: 1, y: 2 }, description: 'Linna' });
				const b = model.addActor({ name: 'XAMK', kind: 'education' });
				const link = model.addLink({ source: a, target: b, kind: 'education', description: 'Harjoittelu' });
				await waitFor(async () => (await storedDocument(alice, id)).links.length === 1, 'the edits are stored');
				const document = await storedDocument(alice, id);
				expect(document).toMatchObject({ id, title: 'Document', schemaVersion: SCHEMA_VERSION });
				expect(document.regions).toEqual([expect.objectContaining({ id: region, name: 'Savonlinna' })]);
				expect(document.actors.find((x) => x.id === a)).toMatchObject({
					id: a,
					name: 'Olavinlinna',
					kind: 'public',
					region,
					pos: { x: 1, y: 2 },
					description: 'Linna',
					createdAt: expect.any(Number)
				});
				expect(document.links).toEqual([expect.objectContaining({ id: link, source: a, target: b, kind: 'education', description: 'Harjoittelu' })]);
			} finally {
				client.destroy();
			}
		});
	});

	describe('members', () => {
		let mapId: string;
		beforeAll(async () => {
			mapId = await createMap(alice, 'Members');
			await shareMap(alice, mapId, 'bob', 'editor');
		});

		it('only owners may change or remove members: an editor gets 403', async () => {
			await expectError(await bob.fetch(`/api/v1/maps/${mapId}/members/mallory`, { method: 'PUT', json: { role: 'editor' } }), 403, 'forbidden');
			await expectError(await bob.fetch(`/api/v1/maps/${mapId}/members/alice`, { method: 'DELETE' }), 403, 'forbidden');
			await expectError(await bob.fetch(`/api/v1/maps/${mapId}/members/bob`, { method: 'PUT', json: { role: 'owner' } }), 403, 'forbidden');
			// A non-member learns nothing: 404 as for any foreign map.
			await expectError(await mallory.fetch(`/api/v1/maps/${mapId}/members/mallory`, { method: 'PUT', json: { role: 'owner' } }), 404);
			const members = (await (await alice.fetch(`/api/v1/maps/${mapId}/members`)).json()) as { members: { username: string; role: string }[] };
			expect(members.members).toEqual([
				{ username: 'alice', displayName: 'alice', role: 'owner' },
				{ username: 'bob', displayName: 'bob', role: 'editor' }
			]);
		});

		it('the last owner can be neither downgraded nor removed (409 last_owner)', async () => {
			await expectError(await alice.fetch(`/api/v1/maps/${mapId}/members/alice`, { method: 'PUT', json: { role: 'editor' } }), 409, 'last_owner');
			await expectError(await alice.fetch(`/api/v1/maps/${mapId}/members/alice`, { method: 'DELETE' }), 409, 'last_owner');
			expect((await (await alice.fetch(`/api/v1/maps/${mapId}`)).json()) as { role: string }).toMatchObject({ role: 'owner' });
		});

		it('with a second owner, an owner may step down', async () => {
			const id = await createMap(alice, 'Two owners');
			await shareMap(alice, id, 'bob', 'owner');
			expect((await alice.fetch(`/api/v1/maps/${id}/members/alice`, { method: 'PUT', json: { role: 'editor' } })).status).toBe(200);
			// Now bob is the last owner.
			await expectError(await bob.fetch(`/api/v1/maps/${id}/members/bob`, { method: 'DELETE' }), 409, 'last_owner');
		});

		it('refuses an unknown role (400) and an unknown user (404)', async () => {
			await expectError(await alice.fetch(`/api/v1/maps/${mapId}/members/bob`, { method: 'PUT', json: { role: 'admin' } }), 400, 'invalid_role');
			await expectError(await alice.fetch(`/api/v1/maps/${mapId}/members/ghost`, { method: 'PUT', json: { role: 'viewer' } }), 404);
			await expectError(await alice.fetch(`/api/v1/maps/${mapId}/members/mallory`, { method: 'DELETE' }), 404);
		});
	});

	describe('tokens', () => {
		it('a token authenticates API calls but cannot mint further tokens', async () => {
			const created = await alice.fetch('/api/v1/tokens', { method: 'POST', json: { label: 'export script' } });
			expect(created.status).toBe(201);
			const { token } = (await created.json()) as { token: string };
			expect(token).toMatch(/^kartta_[a-z2-7]+\.[a-z2-7]+$/);
			const auth = { authorization: `Bearer ${token}` };
			expect(await (await fetch(`${server.url}/api/v1/session`, { headers: auth })).json()).toMatchObject({ user: { username: 'alice' }, via: 'api_token' });
			const mint = await fetch(`${server.url}/api/v1/tokens`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ label: 'more' }) });
			await expectError(mint, 403, 'forbidden');
		});
	});

	it('GET /api/v1/health reports ok with storage and live counts', async () => {
		const response = await fetch(`${server.url}/api/v1/health`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ status: 'ok', storage: 'sqlite', database: 'ok', rooms: expect.any(Number), connections: expect.any(Number) });
	});

	it('an unknown /api/v1 route answers a JSON 404 for every method', async () => {
		for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
			await expectError(await alice.fetch('/api/v1/no/such/route', { method }), 404, 'not_found');
		}
		await expectError(await fetch(`${server.url}/api/v1/nothing`), 404, 'not_found');
	});
});
