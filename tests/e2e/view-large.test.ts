// A large map stays usable: above the threshold Cytoscape draws through WebGL (when the browser has WebGL 2), filters and styles
// still apply there, and a layout of 700 actors runs in the web worker and still arrives as one change.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { rawElement, rawId } from '../support/raw-elements';

const ACTORS = 700;
const REGIONS = 7;
const LAYOUT_MS = 60_000;
const SHOTS = process.env.KARTTA_SHOTS;
const KINDS = ['company', 'education', 'rdi', 'public', 'development', 'funding', 'association', 'other'];

let server: TestServer;
let browser: Browser;
let alice: LoggedIn;
let mapId: string;
let observer: SyncClient;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];


beforeAll(async () => {
	server = await startServer();
	alice = await createUser(server, 'alice', { admin: true });
	mapId = await createMap(alice, 'Iso kartta');
	observer = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
	await observer.synced;
	const doc = observer.doc;
	doc.transact(() => {
		for (let r = 0; r < REGIONS; r++) doc.getMap('regions').set(rawId('r', r), rawElement({ name: `Kunta ${r + 1}` }));
		for (let i = 0; i < ACTORS; i++) {
			const pos = { x: (i % 30) * 60, y: Math.floor(i / 30) * 60 };
			doc.getMap('actors').set(rawId('a', i), rawElement({ name: `Toimija ${i}`, kind: KINDS[i % KINDS.length], region: rawId('r', i % REGIONS), pos, createdAt: 1 }));
		}
		// A ring plus chords: about 1,000 links, so actors + links pass the WebGL threshold.
		for (let i = 0; i < ACTORS; i++) {
			doc.getMap('links').set(rawId('l', i), rawElement({ source: rawId('a', i), target: rawId('a', (i + 1) % ACTORS), kind: 'informal' }));
			if (i % 2 === 0) doc.getMap('links').set(rawId('m', i), rawElement({ source: rawId('a', i), target: rawId('a', (i * 7 + 3) % ACTORS), kind: 'rdi_project', status: i % 10 === 0 ? 'gap' : 'existing' }));
		}
	});
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
	await context.addCookies([
		{ name: 'kartta_session', value: alice.cookie.split('=')[1]!, url: server.url },
		{ name: 'kartta_locale', value: 'en', url: server.url }
	]);
	page = await context.newPage();
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${server.url}/maps/${mapId}`);
	await page.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: 30_000 });
	await page.waitForSelector('[data-testid=visible-count]');
});

afterAll(async () => {
	await context?.close().catch(() => {});
	await browser?.close();
	observer?.destroy();
	await server?.cleanup();
});

const visible = async () => Number(await page.getAttribute('[data-testid=visible-count]', 'data-visible-actors'));

describe('a large map', () => {
	it('draws through WebGL when the browser has it', async () => {
		const hasWebgl2 = await page.evaluate(() => document.createElement('canvas').getContext('webgl2') !== null);
		const webglLayers = await page.locator('[data-testid=canvas] canvas[data-id$="-webgl"]').count();
		expect(webglLayers > 0).toBe(hasWebgl2);
		console.info(`WebGL 2 in this browser: ${hasWebgl2}`);
	});

	it('filters and styles there', async () => {
		expect(await visible()).toBe(ACTORS);
		await page.click('[data-testid=toggle-filter]');
		await page.check('[data-testid=filter-kinds] input[value=company]');
		await expect.poll(visible).toBe(Math.ceil(ACTORS / KINDS.length));
		await page.click('[data-testid=toggle-style]');
		await page.selectOption('[data-testid=style-colour-by]', 'region');
		await expect.poll(() => page.locator('[data-testid=legend-colour] li').count()).toBe(REGIONS);
		if (SHOTS) {
			mkdirSync(SHOTS, { recursive: true });
			await page.screenshot({ path: `${SHOTS}/20-large-filtered.png` });
		}
		await page.click('[data-testid=toggle-filter]');
		await page.click('[data-testid=filter-clear]');
		await expect.poll(visible).toBe(ACTORS);
	});

	it('lays out 700 actors in the worker and writes them as one change', async () => {
		let updates = 0;
		const count = () => updates++;
		observer.doc.on('update', count);
		await page.selectOption('[data-testid=layout-name]', 'fcose');
		await page.click('[data-testid=apply-layout]');
		await waitFor(() => updates > 0, 'the layout reaches the server', LAYOUT_MS);
		await new Promise((resolve) => setTimeout(resolve, 500));
		observer.doc.off('update', count);
		expect(updates).toBe(1);
		expect(await page.getAttribute('[data-testid=view-message]', 'data-layout-where')).toBe('worker');
		if (SHOTS) await page.screenshot({ path: `${SHOTS}/21-large-fcose.png` });
	});

	it('logged no errors', () => {
		expect(errors).toEqual([]);
	});
});
