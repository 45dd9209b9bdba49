// Seeing the network in real Chromium against the real server: filters and styles with a self-updating legend, saved views shared
// live between two people, a layout as one undo step, box select and duplicate, the shortcut help dialog, and axe on the panels.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { PageOpener, seriousViolations, type OpenPage } from '../support/pages';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';

const VIEWPORT = { width: 1400, height: 900 };
const SYNC_MS = 5_000;
/** Set KARTTA_SHOTS=<folder> to keep screenshots of each step. */
const SHOTS = process.env.KARTTA_SHOTS;

let server: TestServer;
let browser: Browser;
let alice: LoggedIn;
let bob: LoggedIn;
let carol: LoggedIn;
let demoMap: string;
let opener: PageOpener;
const pages: OpenPage[] = [];

async function openEditor(user: LoggedIn, mapId: string, forAxe = false, permissions: string[] = []): Promise<OpenPage> {
	const opened = await opener.openEditor(user, mapId, { forAxe, permissions, viewport: VIEWPORT });
	await opened.page.waitForSelector('[data-testid=visible-count]');
	pages.push(opened);
	return opened;
}

async function shot(page: Page, name: string): Promise<void> {
	if (!SHOTS) return;
	mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function visibleActors(page: Page): Promise<number> {
	return Number(await page.getAttribute('[data-testid=visible-count]', 'data-visible-actors'));
}

async function totalActors(page: Page): Promise<number> {
	return Number(await page.getAttribute('[data-testid=visible-count]', 'data-total-actors'));
}

function positions(client: SyncClient): Map<string, { x: number; y: number }> {
	const result = new Map<string, { x: number; y: number }>();
	client.doc.getMap('actors').forEach((actor, id) => result.set(id, (actor as Y.Map<unknown>).get('pos') as { x: number; y: number }));
	return result;
}

beforeAll(async () => {
	server = await startServer();
	alice = await createUser(server, 'alice', { admin: true });
	bob = await createUser(server, 'bob');
	carol = await createUser(server, 'carol');
	demoMap = await createMap(alice, 'Demo', true);
	await shareMap(alice, demoMap, 'bob', 'editor');
	await shareMap(alice, demoMap, 'carol', 'viewer');
	browser = await launchBrowser();
	opener = new PageOpener(browser, server);
});

afterAll(async () => {
	await opener?.closeAll();
	await browser?.close();
	await server?.cleanup();
});

describe('seeing the network', () => {
	let a: OpenPage;
	let b: OpenPage;

	it('filters by kind and colours by region; the legend shows the regions', async () => {
		a = await openEditor(alice, demoMap);
		const page = a.page;
		const total = await totalActors(page);
		expect(total).toBeGreaterThan(20);
		await shot(page, '01-demo');

		await page.click('[data-testid=toggle-filter]');
		await page.check('[data-testid=filter-kinds] input[value=company]');
		await expect.poll(() => visibleActors(page)).toBeLessThan(total);
		const companies = await visibleActors(page);
		expect(companies).toBeGreaterThan(0);
		await shot(page, '02-filter-companies');

		await page.click('[data-testid=toggle-style]');
		await page.selectOption('[data-testid=style-colour-by]', 'region');
		await expect.poll(() => page.locator('[data-testid=legend-colour] li').count()).toBeGreaterThan(3);
		const legend = await page.locator('[data-testid=legend-colour] li').allTextContents();
		const regions = await page.locator('[data-testid=new-actor-region] option').allTextContents();
		// Every region of the demo map is a category in the legend (the first option is "no region").
		for (const region of regions.slice(1)) expect(legend.some((entry) => entry.includes(region)), region).toBe(true);
		expect(await page.textContent('[data-testid=legend]')).toContain('Colour: Region');
		await shot(page, '03-colour-by-region');

		await page.selectOption('[data-testid=style-size-by]', 'degree');
		await page.selectOption('[data-testid=style-label]', 'kind');
		await expect.poll(() => page.textContent('[data-testid=legend]')).toContain('Size: Number of links');
		await shot(page, '04-size-by-degree');
	});

	it('shares a saved view live: Bob sees it in his list and applying it changes what he sees', async () => {
		const page = a.page;
		await page.click('[data-testid=toggle-views]');
		await page.fill('[data-testid=view-name]', 'Companies');
		await page.click('[data-testid=view-save]');
		await expect.poll(() => page.locator('[data-testid=saved-view]').count()).toBe(1);
		await shot(page, '05-saved-view');

		b = await openEditor(bob, demoMap);
		const total = await totalActors(b.page);
		expect(await visibleActors(b.page)).toBe(total);
		await b.page.click('[data-testid=toggle-views]');
		await waitFor(async () => (await b.page.locator('[data-testid=saved-view]').count()) === 1, 'Bob sees the view', SYNC_MS);
		expect(await b.page.textContent('[data-testid=saved-view]')).toContain('Companies');
		await b.page.click('[data-testid=view-apply]');
		await expect.poll(() => visibleActors(b.page)).toBe(await visibleActors(page));
		expect(await visibleActors(b.page)).toBeLessThan(total);
		// The style came with it.
		await expect.poll(() => b.page.textContent('[data-testid=legend]')).toContain('Colour: Region');
		await shot(b.page, '06-bob-applied-view');

		// A viewer can apply views but not save them.
		const c = await openEditor(carol, demoMap);
		await c.page.click('[data-testid=toggle-views]');
		await waitFor(async () => (await c.page.locator('[data-testid=view-apply]').count()) === 1, 'Carol sees the view', SYNC_MS);
		expect(await c.page.locator('[data-testid=view-save], [data-testid=view-delete]').count()).toBe(0);
		await c.page.click('[data-testid=view-apply]');
		await expect.poll(() => visibleActors(c.page)).toBe(await visibleActors(page));

		// Back to everything for the next tests.
		await page.click('[data-testid=toggle-filter]');
		await page.click('[data-testid=filter-clear]');
		await expect.poll(() => visibleActors(page)).toBe(total);
	});

	it('arranges a view’s layout on screen only, and an editor can keep it as one change', async () => {
		const observer = connectClient(server.wsUrl, demoMap, { cookie: alice.cookie });
		try {
			await observer.synced;
			observer.doc.transact(() => {
				const view = new Y.Map<unknown>();
				observer.doc.getMap('views').set('viewRingsaaaaaaa', view);
				view.set('name', 'Rings');
				view.set('filter', {});
				view.set('style', { sizeBy: 'degree' });
				view.set('layout', 'concentric');
			});
			const page = b.page;
			await waitFor(async () => (await page.locator('[data-testid=view-apply]').count()) === 2, 'Bob sees the new view', SYNC_MS);
			let updates = 0;
			const count = () => updates++;
			observer.doc.on('update', count);
			await page.locator('[data-testid=saved-view]', { hasText: 'Rings' }).locator('[data-testid=view-apply]').click();
			await page.waitForSelector('[data-testid=arranged-note]');
			await new Promise((resolve) => setTimeout(resolve, 500));
			expect(updates).toBe(0);
			await shot(page, '06b-arranged');
			await page.click('[data-testid=keep-arrangement]');
			await waitFor(() => updates > 0, 'kept positions reach the server', SYNC_MS);
			await new Promise((resolve) => setTimeout(resolve, 300));
			expect(updates).toBe(1);
			observer.doc.off('update', count);
			expect(await page.locator('[data-testid=arranged-note]').count()).toBe(0);
			// Bob's undo takes the kept positions back.
			await page.locator('[data-testid=canvas]').click({ position: { x: 5, y: 5 } });
			await page.keyboard.press('Control+z');
		} finally {
			observer.destroy();
		}
	});

	it('applies a layout as one change that one undo takes back', async () => {
		const observer = connectClient(server.wsUrl, demoMap, { cookie: alice.cookie });
		try {
			await observer.synced;
			const before = positions(observer);
			let transactions = 0;
			const count = () => transactions++;
			observer.doc.on('update', count);
			await a.page.selectOption('[data-testid=layout-name]', 'grid');
			await a.page.click('[data-testid=apply-layout]');
			await waitFor(() => transactions > 0, 'the layout reaches the server', SYNC_MS);
			await new Promise((resolve) => setTimeout(resolve, 500));
			observer.doc.off('update', count);
			expect(transactions).toBe(1);
			const moved = [...positions(observer)].filter(([id, pos]) => before.get(id)!.x !== pos.x || before.get(id)!.y !== pos.y);
			expect(moved.length).toBeGreaterThan(before.size / 2);
			expect(await a.page.getAttribute('[data-testid=view-message]', 'data-layout-where')).toBe('main');
			await new Promise((resolve) => setTimeout(resolve, 600));
			await shot(a.page, '07-grid-layout');

			await a.page.locator('[data-testid=canvas]').click({ position: { x: 5, y: 5 } });
			await a.page.keyboard.press('Control+z');
			await waitFor(() => [...positions(observer)].every(([id, pos]) => before.get(id)!.x === pos.x && before.get(id)!.y === pos.y), 'one undo restores every position', SYNC_MS);
		} finally {
			observer.destroy();
		}
	});

	it('opens the shortcut help with ? and closes it with Escape', async () => {
		const page = a.page;
		await page.locator('[data-testid=canvas]').click({ position: { x: 5, y: 5 } });
		await page.keyboard.press('Shift+Slash');
		await page.waitForSelector('[data-testid=shortcut-help][open]');
		expect(await page.evaluate(() => document.querySelector('[data-testid=shortcut-help]')!.contains(document.activeElement))).toBe(true);
		expect(await page.locator('[data-testid=shortcut-row]').count()).toBeGreaterThanOrEqual(15);
		await shot(page, '08-shortcut-help');
		// Tab stays in the dialog.
		for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.querySelector('[data-testid=shortcut-help]')!.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('[data-testid=shortcut-help][open]').count()).toBe(0);
	});

	it('finds an actor by typing and Enter selects it', async () => {
		const page = a.page;
		const name = (await page.locator('[data-testid=actor-list] option').first().textContent())!.split(' – ')[0]!;
		await page.click('[data-testid=search]');
		await page.keyboard.type(name.slice(0, 5));
		await page.waitForSelector('[data-testid=search-results] [role=option]');
		await shot(page, '09-search');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.inputValue('[data-testid=actor-name]').catch(() => '')).toBe(name);
	});

	it('passes axe with the filter, style and views panels open', async () => {
		const audited = await openEditor(alice, demoMap, true);
		for (const panel of ['filter', 'style', 'views']) {
			await audited.page.click(`[data-testid=toggle-${panel}]`);
			await audited.page.waitForSelector(`[data-testid=${panel}-panel]`);
			expect(await seriousViolations(audited.page), panel).toEqual([]);
		}
	});
});

describe('selecting and copying', () => {
	let mapId: string;
	let observer: SyncClient;

	beforeAll(async () => {
		mapId = await createMap(alice, 'Copy test');
		observer = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
		await observer.synced;
		// Two linked actors on the left, one far to the right.
		const actors = observer.doc.getMap('actors');
		const links = observer.doc.getMap('links');
		observer.doc.transact(() => {
			for (const [id, name, x] of [['actorAaaaaaaaaaa', 'Alfa Oy', -300], ['actorBbbbbbbbbbb', 'Beta Oy', -200], ['actorCccccccccccc', 'Gamma Oy', 300]] as const) {
				const actor = new Y.Map<unknown>();
				actors.set(id, actor);
				actor.set('name', name);
				actor.set('kind', 'company');
				actor.set('pos', { x, y: 0 });
				actor.set('createdAt', Date.now());
				actor.set('custom', new Y.Map());
			}
			const link = new Y.Map<unknown>();
			links.set('linkAbaaaaaaaaaaa', link);
			link.set('source', 'actorAaaaaaaaaaa');
			link.set('target', 'actorBbbbbbbbbbb');
			link.set('kind', 'rdi_project');
			link.set('custom', new Y.Map());
		});
	});

	afterAll(() => observer?.destroy());

	it('box-selects two linked actors and duplicates them with their link', async () => {
		const { page } = await openEditor(alice, mapId);
		const box = (await page.locator('[data-testid=canvas]').boundingBox())!;
		const middleY = box.y + box.height / 2;
		// Fit puts Alfa at the left edge and Gamma at the right: a box over the left half holds Alfa and Beta.
		await page.click('[data-testid=box-select]');
		await page.mouse.move(box.x + 5, middleY - 80);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width / 2, middleY + 80, { steps: 8 });
		await page.mouse.up();
		await expect.poll(() => page.textContent('[data-testid=side-panel]')).toMatch(/3 selected|2 selected/);
		await shot(page, '10-box-selected');
		await page.keyboard.press('Control+d');
		await waitFor(() => observer.doc.getMap('actors').size === 5, 'the copies reach the server', SYNC_MS);
		const byName = new Map<string, string[]>();
		observer.doc.getMap('actors').forEach((actor, id) => {
			const name = (actor as Y.Map<unknown>).get('name') as string;
			byName.set(name, [...(byName.get(name) ?? []), id]);
		});
		expect(byName.get('Alfa Oy')).toHaveLength(2);
		expect(byName.get('Beta Oy')).toHaveLength(2);
		expect(byName.get('Gamma Oy')).toHaveLength(1);
		const newLinks = [...observer.doc.getMap('links').values()].map((link) => link as Y.Map<unknown>).filter((link) => link.get('source') !== 'actorAaaaaaaaaaa');
		expect(newLinks).toHaveLength(1);
		expect(byName.get('Alfa Oy')).toContain(newLinks[0]!.get('source'));
		expect(byName.get('Beta Oy')).toContain(newLinks[0]!.get('target'));
		await shot(page, '11-duplicated');
		// One undo removes the whole duplicate.
		await page.keyboard.press('Control+z');
		await waitFor(() => observer.doc.getMap('actors').size === 3 && observer.doc.getMap('links').size === 1, 'undo removes the copies', SYNC_MS);
	});

	it('copies actors to the system clipboard as JSON and pastes them back as new actors', async () => {
		const { page } = await openEditor(alice, mapId, false, ['clipboard-read', 'clipboard-write']);
		const gamma = await page.locator('[data-testid=actor-list] option', { hasText: 'Gamma Oy' }).getAttribute('value');
		await page.selectOption('[data-testid=actor-list]', gamma!);
		// Out of the list box: in a form control Ctrl+C copies text, not actors.
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		await page.keyboard.press('Control+c');
		await expect.poll(() => page.textContent('[data-testid=view-message]')).toContain('Actors copied: 1');
		const text = await page.evaluate(() => navigator.clipboard.readText());
		expect(JSON.parse(text)).toMatchObject({ format: 'kartta/actors@1', actors: [{ fields: { name: 'Gamma Oy' } }] });
		await page.keyboard.press('Control+v');
		await waitFor(() => observer.doc.getMap('actors').size === 4, 'the pasted actor reaches the server', SYNC_MS);
		await page.keyboard.press('Control+z');
		await waitFor(() => observer.doc.getMap('actors').size === 3, 'undo removes it', SYNC_MS);
	});

	it('adds to the selection with shift+click and moves the whole selection as one change', async () => {
		const { page } = await openEditor(alice, mapId);
		const box = (await page.locator('[data-testid=canvas]').boundingBox())!;
		// Fit centres the actors' box (x −315…315 with the node size) with 40 px padding, at most zoom 4.
		const zoom = Math.min((box.width - 80) / 630, (box.height - 80) / 30, 4);
		const at = (x: number) => ({ x: box.x + box.width / 2 + x * zoom, y: box.y + box.height / 2 });
		await page.mouse.click(at(-300).x, at(-300).y);
		await page.keyboard.down('Shift');
		await page.mouse.click(at(300).x, at(300).y);
		await page.keyboard.up('Shift');
		await expect.poll(() => page.textContent('[data-testid=side-panel]')).toContain('2 selected');
		const before = positions(observer);
		let updates = 0;
		const count = () => updates++;
		observer.doc.on('update', count);
		await page.mouse.move(at(300).x, at(300).y);
		await page.mouse.down();
		for (let step = 1; step <= 6; step++) await page.mouse.move(at(300).x, at(300).y + step * 15, { steps: 2 });
		await page.mouse.up();
		await waitFor(() => updates > 0, 'the move reaches the server', SYNC_MS);
		await new Promise((resolve) => setTimeout(resolve, 300));
		observer.doc.off('update', count);
		expect(updates).toBe(1);
		const after = positions(observer);
		const dy = (id: string) => after.get(id)!.y - before.get(id)!.y;
		expect(dy('actorAaaaaaaaaaa')).toBeGreaterThan(20);
		expect(dy('actorCccccccccccc')).toBe(dy('actorAaaaaaaaaaa'));
		expect(dy('actorBbbbbbbbbbb')).toBe(0);
	});
});

describe('console', () => {
	it('logged no errors on any page', () => {
		for (const { errors } of pages) expect(errors).toEqual([]);
	});
});
