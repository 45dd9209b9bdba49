// A laptop drops off the network mid-meeting: both sides keep editing, and when it comes back the
// two copies merge; while offline the editor says how many changes are waiting.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PageOpener, actorNames, addActorNamed, waitForEditor } from '../support/pages';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { connectClient, waitFor } from '../support/sync-client';

const MERGE_TIMEOUT_MS = 15_000;

let server: TestServer;
let browser: Browser;
let alice: LoggedIn;
let bob: LoggedIn;
let pages: PageOpener;

async function openEditor(user: LoggedIn, mapId: string): Promise<{ page: Page; context: BrowserContext }> {
	return pages.openEditor(user, mapId);
}

describe('offline editing', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		pages = new PageOpener(browser, server);
		alice = await createUser(server, 'alice', { admin: true });
		bob = await createUser(server, 'bob');
	});
	afterAll(async () => {
		await pages?.closeAll();
		await browser?.close();
		await server?.cleanup();
	});

	it('edits made on both sides while one is offline merge when it comes back, and the waiting count shows meanwhile', async () => {
		const mapId = await createMap(alice, 'Offline');
		await shareMap(alice, mapId, 'bob', 'editor');
		const a = await openEditor(alice, mapId);
		const b = await openEditor(bob, mapId);

		// Chromium's offline emulation fires the browser's offline event but leaves open sockets alone;
		// the editor reacts to the event, as it does when a laptop's Wi-Fi drops.
		await a.context.setOffline(true);
		await addActorNamed(a.page, 'Made offline by Alice');
		await addActorNamed(b.page, 'Made online by Bob');
		await a.page.waitForSelector('[data-testid=connection-status][data-status=offline]', { timeout: MERGE_TIMEOUT_MS });
		const waiting = await a.page.textContent('[data-testid=unsynced-count]');
		expect(waiting).toMatch(/[1-9]\d* changes? waiting/);
		// Nothing crosses while Alice is offline.
		await b.page.waitForTimeout(500);
		expect((await actorNames(b.page)).some((n) => n.includes('Made offline by Alice'))).toBe(false);
		expect((await actorNames(a.page)).some((n) => n.includes('Made online by Bob'))).toBe(false);

		await a.context.setOffline(false);
		await waitFor(async () => (await actorNames(a.page)).some((n) => n.includes('Made online by Bob')), 'alice gets bob’s actor', MERGE_TIMEOUT_MS);
		await waitFor(async () => (await actorNames(b.page)).some((n) => n.includes('Made offline by Alice')), 'bob gets alice’s actor', MERGE_TIMEOUT_MS);

		const check = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		await check.synced;
		const names = new MapModel(check.doc).actors().map((actor) => actor.name);
		check.destroy();
		expect(names).toEqual(expect.arrayContaining(['Made offline by Alice', 'Made online by Bob']));
	});

	it('an edit made offline survives closing the tab and reaches the others when the map is opened again online', async () => {
		const mapId = await createMap(alice, 'Offline tab');
		await shareMap(alice, mapId, 'bob', 'editor');
		const a = await openEditor(alice, mapId);
		const b = await openEditor(bob, mapId);

		await a.context.setOffline(true);
		await a.page.waitForSelector('[data-testid=connection-status][data-status=offline]', { timeout: MERGE_TIMEOUT_MS });
		await addActorNamed(a.page, 'Kept in the browser');
		// IndexedDB writes are asynchronous: give the offline copy a moment before the tab goes.
		await a.page.waitForTimeout(500);
		await a.page.close();
		expect((await actorNames(b.page)).some((n) => n.includes('Kept in the browser'))).toBe(false);

		await a.context.setOffline(false);
		const reopened = await a.context.newPage();
		await reopened.goto(`${server.url}/maps/${mapId}`);
		await waitForEditor(reopened);
		await waitFor(async () => (await actorNames(b.page)).some((n) => n.includes('Kept in the browser')), 'bob gets the actor made offline', MERGE_TIMEOUT_MS);
	});

	it('logging out removes the offline copies from the browser', async () => {
		const mapId = await createMap(alice, 'Logout clears');
		const a = await openEditor(alice, mapId);
		const localCopies = () =>
			a.page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('kartta:')));
		await waitFor(async () => (await localCopies()).length > 0, 'the map has an offline copy');
		await Promise.all([a.page.waitForURL('**/login?loggedOut=1'), a.page.click('form[action="/logout"] button')]);
		await waitFor(async () => (await localCopies()).length === 0, 'the offline copies are gone after logout');
	});
});
