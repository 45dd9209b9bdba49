// An owner changes a member's access while that member has the map open: the open page follows at
// once (controls appear or disappear), and a removed member is told their edits no longer count.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { PageOpener, READY_TIMEOUT_MS, waitForEditor } from '../support/pages';

const FOLLOW_TIMEOUT_MS = 5_000;

let server: TestServer;
let browser: Browser;
let pages: PageOpener;
let owner: LoggedIn;
let member: LoggedIn;

async function openEditor(user: LoggedIn, mapId: string): Promise<Page> {
	return (await pages.openEditor(user, mapId)).page;
}

describe('live role changes reach the open editor', () => {
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser();
		pages = new PageOpener(browser, server);
		owner = await createUser(server, 'owner', { admin: true });
		member = await createUser(server, 'member');
	});
	afterAll(async () => {
		await pages?.closeAll();
		await browser?.close();
		await server?.cleanup();
	});

	it('an editor demoted to viewer loses the editing tools without reloading, and a viewer promoted to editor gains them', async () => {
		const mapId = await createMap(owner, 'Demote me');
		await shareMap(owner, mapId, 'member', 'editor');
		const page = await openEditor(member, mapId);
		await page.waitForSelector('[data-testid=add-actor]');

		await shareMap(owner, mapId, 'member', 'viewer');
		await page.waitForSelector('[data-testid=read-only-note]', { timeout: FOLLOW_TIMEOUT_MS });
		await waitForEditor(page);
		expect(await page.locator('[data-testid=add-actor]').count()).toBe(0);

		await shareMap(owner, mapId, 'member', 'editor');
		await page.waitForSelector('[data-testid=add-actor]', { timeout: FOLLOW_TIMEOUT_MS + READY_TIMEOUT_MS });
		expect(await page.locator('[data-testid=read-only-note]').count()).toBe(0);
	});

	it('a member removed while the map is open is told their access ended and loses the editing tools', async () => {
		const mapId = await createMap(owner, 'Remove me');
		await shareMap(owner, mapId, 'member', 'editor');
		const page = await openEditor(member, mapId);
		await page.waitForSelector('[data-testid=add-actor]');

		const removed = await owner.fetch(`/api/v1/maps/${mapId}/members/member`, { method: 'DELETE' });
		expect(removed.status).toBe(204);
		const note = await page.waitForSelector('[data-testid=refused-note]', { timeout: FOLLOW_TIMEOUT_MS });
		expect(await note.textContent()).toContain('access to this map was removed');
		expect(await page.locator('[data-testid=add-actor]').count()).toBe(0);
	});
});
