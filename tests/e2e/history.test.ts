// A steering-group member restores an earlier version from the Versions page; a colleague with the
// map open sees the restored map at once, and the pages pass axe's serious checks.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PageOpener, actorNames, seriousViolations, waitForEditor } from '../support/pages';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { connectClient, waitFor } from '../support/sync-client';

let server: TestServer;
let browser: Browser;
let alice: LoggedIn;
let bob: LoggedIn;
let pages: PageOpener;

async function open(user: LoggedIn, path: string, forAxe = false): Promise<Page> {
	return (await pages.open(user, path, { forAxe })).page;
}

describe('versions in the browser', () => {
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

	it('a restore made on the Versions page reaches a colleague who has the map open', async () => {
		const mapId = await createMap(alice, 'Restore in the browser');
		await shareMap(alice, mapId, 'bob', 'editor');
		const script = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		await script.synced;
		const model = new MapModel(script.doc);
		model.addActor({ name: 'Raahen Satama Oy', kind: 'company' });
		await waitFor(async () => ((await (await alice.fetch(`/api/v1/maps/${mapId}/document`)).json()) as { actors: unknown[] }).actors.length === 1, 'stored');

		const history = await open(alice, `/maps/${mapId}/history`);
		await history.fill('input[name=name]', 'Before the workshop');
		await Promise.all([history.waitForSelector('[data-testid=versions]'), history.click('form[action="?/save"] button')]);

		model.addActor({ name: 'Added in the workshop', kind: 'rdi' });
		const editor = await open(bob, `/maps/${mapId}`);
		await waitForEditor(editor);
		await waitFor(async () => (await actorNames(editor)).some((n) => n.includes('Added in the workshop')), 'bob sees the later actor');

		// The version compared with the current map: the later actor is marked added, on the map and in the list.
		await history.reload();
		const row = history.locator('[data-testid=versions] tr', { hasText: 'Before the workshop' });
		await Promise.all([history.waitForSelector('[data-testid=diff-map]'), row.locator('a').click()]);
		expect(await history.locator('[data-testid=diff-map] [data-status=added]').count()).toBe(1);
		expect(await history.textContent('[data-testid=diff]')).toContain('Added in the workshop');
		await history.screenshot({ path: process.env.KARTTA_SCREENSHOTS ? `${process.env.KARTTA_SCREENSHOTS}/version-diff.png` : '/dev/null' }).catch(() => {});
		await history.goBack();
		await Promise.all([history.waitForSelector('[data-testid=restored-note]'), row.locator('button').click()]);
		await waitFor(async () => !(await actorNames(editor)).some((n) => n.includes('Added in the workshop')), 'bob’s open editor shows the restored map');
		expect((await actorNames(editor)).some((n) => n.includes('Raahen Satama Oy'))).toBe(true);
		script.destroy();

		// The activity log names who did what: the restore is Alice's.
		const activity = await open(bob, `/maps/${mapId}/activity?user=alice`);
		const rows = await activity.locator('[data-testid=activity] tbody tr').allTextContents();
		expect(rows.some((row) => row.includes('Removed') && row.includes('alice'))).toBe(true);
		expect(rows.every((row) => row.includes('alice'))).toBe(true);
	});

	it('the Versions page and a version’s page have no serious accessibility problems', async () => {
		const mapId = await createMap(alice, 'Accessible history');
		await alice.fetch(`/api/v1/maps/${mapId}/versions`, { method: 'POST', json: { name: 'First' } });
		const page = await open(alice, `/maps/${mapId}/history`, true);
		for (const step of ['list', 'version']) {
			if (step === 'version') await Promise.all([page.waitForSelector('[data-testid=diff]'), page.click('[data-testid=versions] a')]);
			expect(await seriousViolations(page), step).toEqual([]);
		}
	});
});
