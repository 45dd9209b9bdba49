// A 10,000-actor map in the table view, in real Chromium: only the rows in view are in the DOM, the keyboard reaches the
// last row at once, sorting and filtering stay quick, and another user's edit does not take the focus away.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ACTOR_KINDS, MapModel } from '../../src/lib/map';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { cellText, focusedCell, openEditor, screenshot, type OpenPage } from './table-support';

const ACTORS = 10_000;
/** Each batch is one update; the server caps a message at about 1 MiB. */
const BATCH = 500;
/** Generous bounds for a shared two-core machine; a table that re-rendered every row would miss them by far. */
const INTERACTION_MS = 2_000;
/** Rows drawn at once: the visible ones plus the overscan margin, never thousands. */
const MAX_DRAWN_ROWS = 80;

let server: TestServer;
let browser: Browser;
let alice: LoggedIn;
let mapId: string;
let observer: SyncClient;
let model: MapModel;
let opened: OpenPage;
let page: Page;
const names = (index: number) => `Toimija ${String(index).padStart(5, '0')}`;

async function drawnRows(): Promise<number> {
	return page.locator('[data-testid=actors-grid] tbody tr[data-row-id]').count();
}

async function timed(action: () => Promise<void>): Promise<number> {
	const started = Date.now();
	await action();
	return Date.now() - started;
}

beforeAll(async () => {
	server = await startServer();
	alice = await createUser(server, 'alice', { admin: true });
	mapId = await createMap(alice, 'Suuri kartta');
	observer = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
	await observer.synced;
	model = new MapModel(observer.doc);
	for (let start = 0; start < ACTORS; start += BATCH) {
		model.transact(() => {
			for (let i = start; i < Math.min(ACTORS, start + BATCH); i++) {
				model.addActor({ name: names(i), kind: ACTOR_KINDS[i % ACTOR_KINDS.length]!, pos: { x: (i % 100) * 80, y: Math.floor(i / 100) * 80 } });
			}
		});
	}
	browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
	await opened?.context.close().catch(() => {});
	await browser?.close();
	observer?.destroy();
	await server?.cleanup();
});

describe('a 10,000-actor table', () => {
	it('draws only the rows in view', { timeout: 150_000 }, async () => {
		opened = await openEditor(server, browser, alice, mapId, { view: 'table', readyTimeout: 90_000 });
		page = opened.page;
		await page.waitForSelector(`[data-testid=actors-grid][data-rows="${ACTORS}"]`, { timeout: 60_000 });
		expect(await page.getAttribute('[data-testid=actors-grid]', 'aria-rowcount')).toBe(String(ACTORS + 1));
		expect(await drawnRows()).toBeLessThanOrEqual(MAX_DRAWN_ROWS);
		// The scroll area is as tall as all rows, so the scrollbar tells where one is.
		const height = await page.$eval('[data-testid=actors-grid-scroller]', (element) => element.scrollHeight);
		expect(height).toBeGreaterThan(ACTORS * 30);
	});

	it('goes to the last row with Ctrl+End and pages with Page Down, keeping the DOM small', async () => {
		await page.focus('[data-testid=actors-grid] [tabindex="0"]');
		await page.keyboard.press('ArrowDown');
		const elapsed = await timed(async () => {
			await page.keyboard.press('Control+End');
			await page.keyboard.press('Home');
			await waitFor(async () => (await focusedCell(page)).col === 'name', 'focus on the last row', INTERACTION_MS);
		});
		expect(elapsed).toBeLessThan(INTERACTION_MS);
		const last = await focusedCell(page);
		expect(await cellText(page, 'actors-grid', last.row!, 'name')).toBe(names(ACTORS - 1));
		expect(await page.$eval('[data-testid=actors-grid] :focus', (element) => element.closest('tr')?.getAttribute('aria-rowindex'))).toBe(String(ACTORS + 1));
		expect(await drawnRows()).toBeLessThanOrEqual(MAX_DRAWN_ROWS);

		await page.keyboard.press('Control+Home');
		await page.keyboard.press('PageDown');
		const paged = await focusedCell(page);
		expect(Number(await page.$eval('[data-testid=actors-grid] :focus', (element) => element.closest('tr')?.getAttribute('aria-rowindex')))).toBeGreaterThan(5);
		expect(paged.col).toBe('name');
	});

	it('sorts and filters all rows quickly', async () => {
		let elapsed = await timed(async () => {
			await page.click('[data-testid=actors-grid] [data-head=kind]');
			await waitFor(async () => (await page.getAttribute('[data-testid=actors-grid] th:has([data-head=kind])', 'aria-sort')) === 'ascending', 'sorted by kind', INTERACTION_MS);
		});
		expect(elapsed).toBeLessThan(INTERACTION_MS);
		const firstKind = (await page.locator('[data-testid=actors-grid] tbody [data-col=kind]').first().textContent())?.trim();
		expect(firstKind).toBe('Association');

		elapsed = await timed(async () => {
			await page.fill('[data-testid=actors-filter]', '09999');
			await waitFor(async () => (await page.getAttribute('[data-testid=actors-grid]', 'data-rows')) === '1', 'one row left', INTERACTION_MS);
		});
		expect(elapsed).toBeLessThan(INTERACTION_MS);
		await page.fill('[data-testid=actors-filter]', '');
		await page.click('[data-testid=actors-grid] [data-head=name]');
	});

	it("keeps the user's focused row and focus while another user edits the map", async () => {
		await page.focus('[data-testid=actors-grid] [tabindex="0"]');
		await page.keyboard.press('Control+Home');
		for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
		const before = await focusedCell(page);
		const target = model.actors().find((actor) => actor.name === names(2))!;
		// Someone renames a row above ours so that it sorts to the very end: our row moves up by one.
		model.updateActor(target.id, { name: 'Zeta Oy' });
		await waitFor(async () => (await cellText(page, 'actors-grid', target.id, 'name')) !== names(2), 'the rename arrives', 5_000);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(await focusedCell(page)).toMatchObject({ row: before.row, col: 'name' });
		// It is now one row higher in the list, and still drawn where it was (the view scrolled with it).
		expect(await page.$eval('[data-testid=actors-grid] :focus', (element) => element.closest('tr')?.getAttribute('aria-rowindex'))).toBe('6');
		await screenshot(page, 'table-large');
	});

	it('logged no console errors', () => {
		expect(opened.errors).toEqual([]);
	});
});
