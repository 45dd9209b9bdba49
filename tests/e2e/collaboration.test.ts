// Two people on one map in real Chromium against the real server: edits made through the UI reach the other
// browser quickly and survive a reload, a viewer cannot edit, and the pages pass axe's serious checks.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { PageOpener, READY_TIMEOUT_MS, actorNames, addActorNamed, seriousViolations, waitForEditor, type OpenPage } from '../support/pages';

/** The promise: a collaborator sees an edit within one second. */
const PROPAGATION_MS = 1_000;

let server: TestServer;
let browser: Browser;
let alice: LoggedIn;
let bob: LoggedIn;
let carol: LoggedIn;
let mapId: string;
let observer: SyncClient;
/** Every page opened, so the last test can check none of them logged an error. */
const pages: OpenPage[] = [];
let opener: PageOpener;

async function openAs(user: LoggedIn, path: string, forAxe = false): Promise<OpenPage> {
	const opened = await opener.open(user, path, { forAxe });
	pages.push(opened);
	return opened;
}

async function openEditor(user: LoggedIn, forAxe = false): Promise<OpenPage> {
	const opened = await openAs(user, `/maps/${mapId}`, forAxe);
	await waitForEditor(opened.page);
	return opened;
}

async function canvasCount(page: Page, what: 'actors' | 'links'): Promise<number> {
	return Number(await page.getAttribute('[data-testid=canvas]', `data-${what}`));
}
function observedActors(): { name: unknown; pos: unknown }[] {
	return [...observer.doc.getMap('actors').values()].map((actor) => {
		const map = actor as Y.Map<unknown>;
		return { name: map.get('name'), pos: map.get('pos') };
	});
}

beforeAll(async () => {
	server = await startServer();
	alice = await createUser(server, 'alice', { admin: true });
	bob = await createUser(server, 'bob');
	carol = await createUser(server, 'carol');
	mapId = await createMap(alice, 'Yhteistyökartta');
	await shareMap(alice, mapId, 'bob', 'editor');
	await shareMap(alice, mapId, 'carol', 'viewer');
	observer = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
	await observer.synced;
	browser = await launchBrowser();
	opener = new PageOpener(browser, server);
});

afterAll(async () => {
	await opener?.closeAll().catch(() => {});
	await browser?.close();
	observer?.destroy();
	await server?.cleanup();
});

describe('collaborative editing in the browser', () => {
	let alicePage: OpenPage;
	let bobPage: OpenPage;

	it('shows an actor and a link added by one user to the other within a second', async () => {
		alicePage = await openEditor(alice);
		bobPage = await openEditor(bob);
		const a = alicePage.page;
		const b = bobPage.page;

		await addActorNamed(a, 'Alfa Oy');
		let started = Date.now();
		await waitFor(async () => (await actorNames(b)).some((name) => name.startsWith('Alfa Oy')), 'Bob sees Alfa Oy', PROPAGATION_MS);
		expect(Date.now() - started).toBeLessThanOrEqual(PROPAGATION_MS);

		await addActorNamed(a, 'Beta Oy');
		// Beta Oy is selected: link it to Alfa Oy through the side panel (the keyboard path).
		await a.selectOption('[data-testid=link-target]', { label: 'Alfa Oy' });
		await a.selectOption('[data-testid=link-kind]', 'funding');
		await a.click('[data-testid=add-link]');
		started = Date.now();
		await waitFor(async () => (await canvasCount(b, 'links')) === 1, 'Bob sees the link', PROPAGATION_MS);
		expect(Date.now() - started).toBeLessThanOrEqual(PROPAGATION_MS);
		expect(await canvasCount(b, 'actors')).toBe(2);

		// Bob finds the link from the actor list, without the canvas.
		const alfa = await b.locator('[data-testid=actor-list] option', { hasText: 'Alfa Oy' }).getAttribute('value');
		await b.selectOption('[data-testid=actor-list]', alfa!);
		await expect.poll(() => b.textContent('[data-testid=actor-links]')).toContain('Beta Oy → Alfa Oy');

		// Bob's screen reader hears about it too (reports are throttled, so allow for the interval).
		await waitFor(async () => ((await b.textContent('[data-testid=live-region]')) ?? '').includes('alice'), 'live region names Alice', 5_000);
	});

	it('keeps everything after a reload', async () => {
		const b = bobPage.page;
		await b.reload();
		await b.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: READY_TIMEOUT_MS });
		expect((await actorNames(b)).map((name) => name.split(' – ')[0])).toEqual(['Alfa Oy', 'Beta Oy']);
		expect(await canvasCount(b, 'links')).toBe(1);
	});

	it('commits a drag as one move, and undo puts it back', async () => {
		const a = alicePage.page;
		// Alice's view is untouched since the map opened empty: zoom 1, model origin at the canvas
		// centre, where "Add actor" put Alfa Oy (the first actor goes exactly to the middle).
		const box = (await a.locator('[data-testid=canvas]').boundingBox())!;
		const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		const positionOf = (name: string) => observedActors().find((actor) => actor.name === name)!.pos as { x: number; y: number };
		const before = positionOf('Alfa Oy');
		let updates = 0;
		const count = () => updates++;
		observer.doc.on('update', count);

		await a.mouse.move(centre.x, centre.y);
		await a.mouse.down();
		for (let step = 1; step <= 8; step++) await a.mouse.move(centre.x + step * 10, centre.y + step * 6, { steps: 2 });
		await a.mouse.up();

		await waitFor(() => updates > 0, 'the move reaches the server', 5_000);
		// Live positions travel over awareness; the document gets the drop only.
		await new Promise((resolve) => setTimeout(resolve, 300));
		observer.doc.off('update', count);
		expect(updates).toBe(1);
		const after = positionOf('Alfa Oy');
		expect(after.x - before.x).toBeGreaterThan(60);
		expect(after.y - before.y).toBeGreaterThan(30);

		await a.keyboard.press('Control+z');
		await waitFor(() => {
			const pos = positionOf('Alfa Oy');
			return pos.x === before.x && pos.y === before.y;
		}, 'undo restores the position', 5_000);
	});

	it('shows a viewer no editing controls, and the document stays unchanged', async () => {
		const carolPage = await openEditor(carol);
		const c = carolPage.page;
		expect(await c.locator('[data-testid=toolbar]').count()).toBe(0);
		expect(await c.locator('[data-testid=add-actor], [data-testid=delete-actor], [data-testid=add-link], [data-testid=actor-name]').count()).toBe(0);
		await expect.poll(() => c.isVisible('[data-testid=read-only-note]')).toBe(true);

		const before = Y.encodeStateVector(observer.doc);
		const alfa = await c.locator('[data-testid=actor-list] option', { hasText: 'Alfa Oy' }).getAttribute('value');
		await c.selectOption('[data-testid=actor-list]', alfa!);
		await c.keyboard.press('Delete');
		await c.keyboard.press('Control+z');
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(Y.encodeStateVector(observer.doc)).toEqual(before);
		expect(await canvasCount(c, 'actors')).toBe(2);
	});

	it('passes axe without serious or critical violations on the editor and the map list', async () => {
		const editor = await openEditor(alice, true);
		// With an actor selected, the side panel shows its form too.
		const alfa = await editor.page.locator('[data-testid=actor-list] option', { hasText: 'Alfa Oy' }).getAttribute('value');
		await editor.page.selectOption('[data-testid=actor-list]', alfa!);
		await editor.page.waitForSelector('[data-testid=actor-name]');
		expect(await seriousViolations(editor.page)).toEqual([]);
		const list = await openAs(alice, '/maps', true);
		expect(await seriousViolations(list.page)).toEqual([]);
	});

	it('logged no console errors on any page', () => {
		for (const { errors } of pages) expect(errors).toEqual([]);
	});
});
