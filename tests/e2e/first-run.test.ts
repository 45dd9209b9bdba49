// A newcomer's first minutes, as the README promises: a fresh server leads to setup, the first
// account is an administrator, the demo map opens in one click, a colleague joins through an
// invitation link, the map is shared with them, and they change their password.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { seriousViolations, waitForEditor } from '../support/pages';


let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(locale: string): Promise<Page> {
	// bypassCSP only so axe can be injected; the app's own pages do not need it.
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale, bypassCSP: true });
	contexts.push(context);
	const page = await context.newPage();
	page.on('pageerror', (error) => {
		throw error;
	});
	return page;
}

describe('first run', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
	});
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
		await server?.cleanup();
	});

	it('goes from an empty server to two people on the demo map', async () => {
		// Finnish by default from the browser's language.
		const admin = await newPage('fi-FI');
		await admin.goto(server.url + '/');
		expect(admin.url()).toContain('/setup');
		expect(await admin.textContent('h1')).toBe('Kartan käyttöönotto');
		expect(await seriousViolations(admin)).toEqual([]);
		await admin.fill('input[name=username]', 'anna');
		await admin.fill('input[name=displayName]', 'Anna Virtanen');
		await admin.fill('input[name=password]', 'kahvi-ja-pulla-77');
		await admin.fill('input[name=passwordAgain]', 'kahvi-ja-pulla-77');
		await Promise.all([admin.waitForURL('**/maps?welcome=1'), admin.click('button[type=submit]')]);

		// Setup is closed once someone exists.
		const late = await fetch(server.url + '/setup', { redirect: 'manual' });
		expect(late.status).toBe(303);

		await Promise.all([admin.waitForURL(/\/maps\/[a-z0-9]+$/), admin.click('[data-testid=create-demo]')]);
		await waitForEditor(admin);
		expect(Number(await admin.getAttribute('[data-testid=canvas]', 'data-actors'))).toBeGreaterThanOrEqual(40);
		const mapUrl = admin.url();

		// An invitation link for a colleague, from the administration page.
		await admin.goto(server.url + '/admin');
		await admin.click('form[action="?/invite"] button');
		const inviteUrl = (await admin.textContent('[data-testid=invite-url]'))!.trim();

		const colleague = await newPage('sv-SE');
		await colleague.goto(inviteUrl);
		expect(await colleague.textContent('h1')).toBe('Välkommen till Kartta');
		await colleague.fill('input[name=username]', 'bjorn');
		await colleague.fill('input[name=displayName]', 'Björn Lind');
		await colleague.fill('input[name=password]', 'hamnen-i-kristinestad');
		await colleague.fill('input[name=passwordAgain]', 'hamnen-i-kristinestad');
		await Promise.all([colleague.waitForURL('**/maps?welcome=1'), colleague.click('button[type=submit]')]);
		// The link works once.
		expect((await fetch(inviteUrl)).status).toBe(404);

		// The owner shares the demo map on its Members page.
		await admin.goto(`${mapUrl}/members`);
		await admin.fill('form[action="?/set"].stack input[name=username]', 'bjorn');
		await admin.selectOption('form[action="?/set"].stack select[name=role]', 'editor');
		await admin.click('form[action="?/set"].stack button');
		await admin.waitForSelector('[data-testid=members] >> text=bjorn');

		await colleague.goto(mapUrl);
		await waitForEditor(colleague);
		await colleague.waitForSelector('[data-testid=add-actor]');

		// Björn changes his password; the old one stops working.
		await colleague.goto(server.url + '/account');
		await colleague.fill('input[name=current]', 'hamnen-i-kristinestad');
		await colleague.fill('form[action="?/password"] input[name=password]', 'nytt-losenord-2026');
		await colleague.fill('form[action="?/password"] input[name=passwordAgain]', 'nytt-losenord-2026');
		await colleague.click('form[action="?/password"] button');
		await colleague.waitForSelector('[role=status] >> text=Lösenordet har bytts');
		const old = await fetch(server.url + '/api/v1/session', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username: 'bjorn', password: 'hamnen-i-kristinestad' })
		});
		expect(old.status).toBe(401);
		const fresh = await fetch(server.url + '/api/v1/session', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username: 'bjorn', password: 'nytt-losenord-2026' })
		});
		expect(fresh.status).toBe(200);
	});
});
