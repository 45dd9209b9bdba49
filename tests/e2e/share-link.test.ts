// An owner creates a view-only link on the Members page; a steering-group member without an
// account opens it and follows the map live, read-only.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { connectClient, waitFor } from '../support/sync-client';

const READY_TIMEOUT_MS = 15_000;

let server: TestServer;
let browser: Browser;
let owner: LoggedIn;
const contexts: BrowserContext[] = [];

describe('view-only share links in the browser', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		owner = await createUser(server, 'owner', { admin: true });
	});
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await browser?.close();
		await server?.cleanup();
	});

	it('a guest opens the link, sees the map update live, and gets no editing tools', async () => {
		const mapId = await createMap(owner, 'Steering group map');
		const ownerContext = await browser.newContext();
		contexts.push(ownerContext);
		await ownerContext.addCookies([
			{ name: 'kartta_session', value: owner.cookie.split('=')[1]!, url: server.url },
			{ name: 'kartta_locale', value: 'en', url: server.url }
		]);
		const members = await ownerContext.newPage();
		await members.goto(`${server.url}/maps/${mapId}/members`);
		await members.fill('form[action="?/share"] input[name=label]', 'Steering group');
		await members.click('form[action="?/share"] button');
		const shareUrl = (await members.textContent('[data-testid=share-url]', { timeout: READY_TIMEOUT_MS }))!.trim();
		expect(shareUrl).toContain('/share/');

		const guestContext = await browser.newContext();
		contexts.push(guestContext);
		await guestContext.addCookies([{ name: 'kartta_locale', value: 'en', url: server.url }]);
		const guest = await guestContext.newPage();
		await guest.goto(shareUrl);
		await guest.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: READY_TIMEOUT_MS });
		await guest.waitForSelector('[data-testid=read-only-note]');
		expect(await guest.locator('[data-testid=add-actor]').count()).toBe(0);

		const author = connectClient(server.wsUrl, mapId, { cookie: owner.cookie });
		await author.synced;
		new MapModel(author.doc).addActor({ name: 'Kauhajoen Konepaja Oy', kind: 'company' });
		await waitFor(async () => ((await guest.locator('[data-testid=actor-list] option').allTextContents()).some((n) => n.includes('Kauhajoen Konepaja Oy'))), 'the guest sees the new actor', 5_000);
		author.destroy();
	});
});
