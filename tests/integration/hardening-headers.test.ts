// Security headers on every page (CSP, framing, sniffing, referrer), on API answers and redirects,
// the session cookie's flags over HTTP and behind HTTPS, and — in real Chromium — that the CSP lets
// the app open its own WebSocket and nothing else. (A foreign Origin on the upgrade is refused:
// see sync-access.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SESSION } from '../../src/lib/server/limits';
import { createMap, createUser, startServer, TEST_PASSWORD, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';

/** Parses a CSP header into directive → sources. */
function parseCsp(header: string): Map<string, string[]> {
	return new Map(
		header
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...sources]) => [name!.toLowerCase(), sources])
	);
}

/** What every HTML page must carry, with the page named in each failure. */
function expectPageHeaders(page: string, response: Response): void {
	expect(response.headers.get('content-type'), `${page}: is an HTML page`).toMatch(/^text\/html/);
	const header = response.headers.get('content-security-policy');
	expect(header, `${page}: has a Content-Security-Policy`).toBeTruthy();
	const csp = parseCsp(header!);
	expect(csp.get('default-src'), `${page}: default-src`).toEqual(["'self'"]);
	// 'self' matches the page's own ws:/wss: origin in CSP Level 3 browsers: the sync socket is allowed.
	expect(csp.get('connect-src'), `${page}: connect-src allows only the app itself`).toEqual(["'self'"]);
	expect(csp.get('frame-ancestors'), `${page}: frame-ancestors`).toEqual(["'none'"]);
	expect(csp.get('object-src'), `${page}: object-src`).toEqual(["'none'"]);
	expect(csp.get('base-uri'), `${page}: base-uri`).toEqual(["'self'"]);
	expect(csp.get('form-action'), `${page}: form-action`).toEqual(["'self'"]);
	const scripts = csp.get('script-src') ?? [];
	expect(scripts, `${page}: script-src starts from 'self'`).toContain("'self'");
	expect(scripts.filter((s) => /unsafe-(inline|eval)|^\*$|^https?:$|^data:$/.test(s)), `${page}: script-src allows no inline code, eval or whole schemes`).toEqual([]);
	// SvelteKit's 'auto' mode: its own inline bootstrap runs by nonce or hash, nothing else inline.
	expect(scripts.some((s) => /^'(nonce|sha256)-/.test(s)), `${page}: script-src carries a nonce or hash for SvelteKit's bootstrap`).toBe(true);
	expectCommonHeaders(page, response);
}

/** What every answer must carry, pages, API answers and redirects alike. */
function expectCommonHeaders(what: string, response: Response): void {
	expect(response.headers.get('x-frame-options'), `${what}: X-Frame-Options`).toBe('DENY');
	expect(response.headers.get('x-content-type-options'), `${what}: X-Content-Type-Options`).toBe('nosniff');
	expect(response.headers.get('referrer-policy'), `${what}: Referrer-Policy`).toBe('same-origin');
	expect(response.headers.get('permissions-policy'), `${what}: Permissions-Policy`).toMatch(/camera=\(\)/);
}

describe('security headers', () => {
	let server: TestServer;
	let admin: LoggedIn;
	let mapId: string;
	let inviteToken: string;

	beforeAll(async () => {
		server = await startServer();
		admin = await createUser(server, 'ada', { admin: true });
		mapId = await createMap(admin, 'Headers');
		const invite = await admin.fetch('/admin?/invite', { method: 'POST', body: new URLSearchParams(), headers: { origin: server.url, accept: 'text/html' } });
		inviteToken = /\/invite\/([a-z2-7]+\.[a-z2-7]+)/.exec(await invite.text())![1]!;
	});
	afterAll(async () => server?.cleanup());

	const pages: Array<{ path: (ids: { mapId: string; invite: string }) => string; as: 'anonymous' | 'admin'; status: number }> = [
		{ path: () => '/login', as: 'anonymous', status: 200 },
		{ path: () => '/accessibility', as: 'anonymous', status: 200 },
		{ path: ({ invite }) => `/invite/${invite}`, as: 'anonymous', status: 200 },
		{ path: () => '/invite/not.valid', as: 'anonymous', status: 404 },
		{ path: () => '/maps', as: 'admin', status: 200 },
		{ path: ({ mapId }) => `/maps/${mapId}`, as: 'admin', status: 200 },
		{ path: ({ mapId }) => `/maps/${mapId}/members`, as: 'admin', status: 200 },
		{ path: () => '/maps/nosuchmap0000000', as: 'admin', status: 404 },
		{ path: () => '/account', as: 'admin', status: 200 },
		{ path: () => '/admin', as: 'admin', status: 200 },
		{ path: () => '/no/such/page', as: 'admin', status: 404 }
	];
	for (const page of pages) {
		const label = page.path({ mapId: ':id', invite: ':token' });
		it(`GET ${label} (${page.as}, ${page.status}) carries the CSP, framing, nosniff and referrer headers`, async () => {
			const path = page.path({ mapId, invite: inviteToken });
			const response = page.as === 'admin' ? await admin.fetch(path, { redirect: 'manual' }) : await fetch(server.url + path, { redirect: 'manual' });
			expect(response.status, `GET ${label}: status`).toBe(page.status);
			expectPageHeaders(`GET ${label}`, response);
		});
	}

	it('GET /setup (first run, before anyone exists) carries them too', async () => {
		const fresh = await startServer();
		try {
			const response = await fetch(`${fresh.url}/setup`);
			expect(response.status).toBe(200);
			expectPageHeaders('GET /setup (first run)', response);
		} finally {
			await fresh.cleanup();
		}
	});

	it('a form answered with an error page (a failed login) carries them too', async () => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { origin: server.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ username: 'ada', password: 'not the password' })
		});
		expect(response.status).toBe(401);
		expectPageHeaders('POST /login (failed)', response);
	});

	it('API answers (success and error) and redirects carry nosniff, DENY and the referrer policy', async () => {
		expectCommonHeaders('GET /api/v1/health', await fetch(`${server.url}/api/v1/health`));
		expectCommonHeaders('GET /api/v1/maps (401)', await fetch(`${server.url}/api/v1/maps`));
		expectCommonHeaders('GET /api/v1/maps/:id (200)', await admin.fetch(`/api/v1/maps/${mapId}`));
		expectCommonHeaders('GET / (303)', await fetch(`${server.url}/`, { redirect: 'manual' }));
	});
});

describe('the session cookie', () => {
	function cookieAttributes(setCookie: string): { name: string; attributes: Map<string, string> } {
		const [pair, ...rest] = setCookie.split(';').map((s) => s.trim());
		const attributes = new Map(rest.map((a) => {
			const [k, ...v] = a.split('=');
			return [k!.toLowerCase(), v.join('=')] as [string, string];
		}));
		return { name: pair!.split('=')[0]!, attributes };
	}

	it('over plain HTTP: kartta_session, HttpOnly, SameSite=Lax, Path=/, no Domain, expiring within the idle timeout', async () => {
		const server = await startServer();
		try {
			await createUser(server, 'ada', { admin: true });
			const response = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ada', password: TEST_PASSWORD }) });
			const { name, attributes } = cookieAttributes(response.headers.get('set-cookie') ?? '');
			expect(name).toBe('kartta_session');
			expect(attributes.has('httponly')).toBe(true);
			expect(attributes.get('samesite')?.toLowerCase()).toBe('lax');
			expect(attributes.get('path')).toBe('/');
			expect(attributes.has('domain')).toBe(false);
			const expires = Date.parse(attributes.get('expires') ?? '');
			expect(expires - Date.now()).toBeLessThanOrEqual(SESSION.idleTimeoutMs + 60_000);
		} finally {
			await server.cleanup();
		}
	});

	it('behind HTTPS (ORIGIN=https://…): __Host-kartta_session with Secure, from the API, the login form and at logout', async () => {
		const origin = 'https://kartta.example.fi';
		const server = await startServer({ env: { ORIGIN: origin } });
		try {
			await createUser(server, 'ada', { admin: true });
			const expectHostCookie = (what: string, setCookie: string | null) => {
				const { name, attributes } = cookieAttributes(setCookie ?? '');
				expect(name, `${what}: cookie name`).toBe('__Host-kartta_session');
				// The __Host- prefix is only honoured with Secure, Path=/ and no Domain.
				expect(attributes.has('secure'), `${what}: Secure`).toBe(true);
				expect(attributes.get('path'), `${what}: Path`).toBe('/');
				expect(attributes.has('domain'), `${what}: no Domain`).toBe(false);
				expect(attributes.has('httponly'), `${what}: HttpOnly`).toBe(true);
				expect(attributes.get('samesite')?.toLowerCase(), `${what}: SameSite`).toBe('lax');
				return setCookie!.split(';')[0]!;
			};
			const api = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ada', password: TEST_PASSWORD }) });
			expect(api.status).toBe(200);
			expectHostCookie('POST /api/v1/session', api.headers.get('set-cookie'));

			const form = await fetch(`${server.url}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ username: 'ada', password: TEST_PASSWORD })
			});
			expect(form.status, 'the login form redirects').toBe(303);
			const cookie = expectHostCookie('POST /login', form.headers.get('set-cookie'));

			const logout = await fetch(`${server.url}/logout`, { method: 'POST', redirect: 'manual', headers: { origin, cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
			expect(logout.status).toBe(303);
			const cleared = logout.headers.get('set-cookie') ?? '';
			expectHostCookie('POST /logout', cleared);
			expect(cleared, 'POST /logout: the cookie is expired').toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
		} finally {
			await server.cleanup();
		}
	});
});

describe('the CSP in a real browser', () => {
	let server: TestServer;
	let browser: Browser | null = null;
	let admin: LoggedIn;
	let mapId: string;
	let launchProblem: string | null = null;

	beforeAll(async () => {
		server = await startServer();
		admin = await createUser(server, 'ada', { admin: true });
		mapId = await createMap(admin, 'CSP');
		try {
			browser = await launchBrowser();
		} catch (error) {
			launchProblem = (error as Error).message;
		}
	}, 60_000);
	afterAll(async () => {
		await browser?.close();
		await server?.cleanup();
	});

	it('lets a page open the app\'s own sync socket and blocks a socket to any other origin', async (context) => {
		if (!browser) return context.skip(`Chromium is not available: ${launchProblem}`);
		const page = await (await browser.newContext()).newPage();
		await page.context().addCookies([{ name: 'kartta_session', value: admin.cookie.split('=')[1]!, url: server.url }]);
		await page.goto(`${server.url}/accessibility`);
		const result = await page.evaluate(async ({ mapId, port }) => {
			const violations: string[] = [];
			document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
			const attempt = (url: string) =>
				new Promise<string>((resolve) => {
					try {
						const socket = new WebSocket(url);
						socket.binaryType = 'arraybuffer';
						socket.onmessage = () => {
							socket.close();
							resolve('message');
						};
						socket.onerror = () => resolve('error');
						setTimeout(() => resolve('timeout'), 5_000);
					} catch (error) {
						resolve(`thrown: ${(error as Error).name}`);
					}
				});
			const own = await attempt(`ws://${location.host}/sync/${mapId}`);
			// Same port, another host name: a different origin, so CSP must refuse it.
			const foreign = await attempt(`ws://localhost:${port}/sync/${mapId}`);
			await new Promise((r) => setTimeout(r, 200));
			return { own, foreign, violations };
		}, { mapId, port: server.port });
		expect(result.own, 'the own sync socket opened and the server spoke').toBe('message');
		expect(result.foreign, 'the socket to another origin did not open').not.toBe('message');
		expect(result.violations.some((v) => v.startsWith('connect-src') && v.includes('localhost')), `the CSP reported the blocked socket: ${JSON.stringify(result.violations)}`).toBe(true);
	}, 30_000);
});
