// An owner creates a view-only link on the Members page; a steering-group member without an
// account opens it and follows the map live, read-only.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { PageOpener, actorNames, waitForEditor } from '../support/pages';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { connectClient, waitFor } from '../support/sync-client';

let server: TestServer;
let browser: Browser;
let owner: LoggedIn;
let pages: PageOpener;

describe('view-only share links in the browser', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		pages = new PageOpener(browser, server);
		owner = await createUser(server, 'owner', { admin: true });
	});
	afterAll(async () => {
		await pages?.closeAll();
		await browser?.close();
		await server?.cleanup();
	});

	it('a guest opens the link, sees the map update live, and gets no editing tools', async () => {
		const mapId = await createMap(owner, 'Steering group map');
		const { page: members } = await pages.open(owner, `/maps/${mapId}/members`);
		await members.fill('form[action="?/share"] input[name=label]', 'Steering group');
		await members.click('form[action="?/share"] button');
		const shareUrl = (await members.textContent('[data-testid=share-url]'))!.trim();
		expect(shareUrl).toContain('/share/');

		const { page: guest } = await pages.open(null, new URL(shareUrl).pathname);
		await waitForEditor(guest);
		await guest.waitForSelector('[data-testid=read-only-note]');
		expect(await guest.locator('[data-testid=add-actor]').count()).toBe(0);

		const author = connectClient(server.wsUrl, mapId, { cookie: owner.cookie });
		await author.synced;
		new MapModel(author.doc).addActor({ name: 'Kauhajoen Konepaja Oy', kind: 'company' });
		await waitFor(async () => (await actorNames(guest)).some((n) => n.includes('Kauhajoen Konepaja Oy')), 'the guest sees the new actor', 5_000);
		author.destroy();
	});
});
