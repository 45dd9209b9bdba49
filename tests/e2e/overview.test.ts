// A large map's overview, in real Chromium: while the live document is on its way the editor draws
// the server's overview (GET /api/v1/maps/<id>/overview) on a canvas, and removes it once the graph is
// drawn. Small maps get no overview. Blocking the sync WebSocket keeps the graph away, so the overview
// can be checked on its own without racing the graph.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { connectClient, type SyncClient } from '../support/sync-client';
import { READY_TIMEOUT_MS } from '../support/pages';
import { rawElement, rawId } from '../support/raw-elements';

/** 600 actors + 1,000 links: above WEBGL_ELEMENT_THRESHOLD (1,500), so the overview is drawn. */
const ACTORS = 600;
const LINKS = 1_000;
const SMALL_ACTORS = 5;
const KINDS = ['company', 'education', 'rdi', 'public', 'development', 'funding', 'association', 'other'];
/** The overview is fetched and rasterised in a worker; generous for a shared two-core machine. */
const DRAWN_MS = 30_000;
/** How long a small map's overview is given to (wrongly) appear after its response arrived. */
const SMALL_WAIT_MS = 3_000;

let server: TestServer;
let browser: Browser;
let alice: LoggedIn;
let largeId: string;
let smallId: string;
const clients: SyncClient[] = [];
const contexts: BrowserContext[] = [];
const errors: string[] = [];


/** Fills a new map through a real sync client, as view-large does. */
async function fillMap(title: string, actors: number, links: number): Promise<string> {
	const mapId = await createMap(alice, title);
	const client = connectClient(server.wsUrl, mapId, { cookie: alice.cookie });
	clients.push(client);
	await client.synced;
	const doc = client.doc;
	doc.transact(() => {
		for (let i = 0; i < actors; i++) {
			const pos = { x: (i % 30) * 60, y: Math.floor(i / 30) * 60 };
			doc.getMap('actors').set(rawId('a', i), rawElement({ name: `Toimija ${i}`, kind: KINDS[i % KINDS.length], pos, createdAt: 1 }));
		}
		// A ring, then rings of longer chords: every link joins a different pair.
		for (let i = 0; i < links; i++) {
			const source = i % actors;
			const target = (source + 1 + Math.floor(i / actors) * 6) % actors;
			doc.getMap('links').set(rawId('l', i), rawElement({ source: rawId('a', source), target: rawId('a', target), kind: 'informal' }));
		}
	});
	// The overview is read from the server's document: wait until it holds every element.
	const deadline = Date.now() + 20_000;
	while (Date.now() < deadline) {
		const response = await alice.fetch(`/api/v1/maps/${mapId}/overview`);
		const body = (await response.json()) as { actorKinds?: unknown[]; linkKinds?: unknown[] };
		if (body.actorKinds?.length === actors && body.linkKinds?.length === links) return mapId;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`the server did not get all of ${title}`);
}

interface Opened {
	page: Page;
	/** The overview's response, however it was fetched (the page preloads it). */
	overview: Promise<Response>;
}

/** Opens the editor on `mapId`; with `blockSync` the sync WebSocket never reaches the server, so the graph never arrives. */
async function openMap(mapId: string, blockSync: boolean): Promise<Opened> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	contexts.push(context);
	await context.addCookies([
		{ name: 'kartta_session', value: alice.cookie.split('=')[1]!, url: server.url },
		{ name: 'kartta_locale', value: 'en', url: server.url }
	]);
	const page = await context.newPage();
	page.on('pageerror', (error) => errors.push(error.message));
	// A handler that never connects to the server: the socket opens but no sync message ever comes.
	if (blockSync) await page.routeWebSocket(/\/sync/, () => {});
	else page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
	const overview = page.waitForResponse((response) => response.url().endsWith(`/api/v1/maps/${mapId}/overview`), { timeout: DRAWN_MS });
	await page.goto(`${server.url}/maps/${mapId}`);
	return { page, overview };
}

/** Pixels of the overview canvas that are not the white background, copied through a fresh 2D canvas. */
function inkedPixels(page: Page): Promise<{ width: number; height: number; inked: number }> {
	return page.$eval('[data-testid=overview]', (source) => {
		const canvas = source as HTMLCanvasElement;
		const copy = document.createElement('canvas');
		copy.width = canvas.width;
		copy.height = canvas.height;
		const context = copy.getContext('2d')!;
		context.drawImage(canvas, 0, 0);
		const data = context.getImageData(0, 0, copy.width, copy.height).data;
		let inked = 0;
		for (let i = 0; i < data.length; i += 4) {
			// Transparent (nothing drawn) counts as blank too, not as ink.
			if (data[i + 3]! > 0 && (data[i]! < 250 || data[i + 1]! < 250 || data[i + 2]! < 250)) inked++;
		}
		return { width: copy.width, height: copy.height, inked };
	});
}

const marks = (page: Page, name: string) => page.evaluate((mark) => performance.getEntriesByName(mark).map((entry) => entry.startTime), name);

beforeAll(async () => {
	server = await startServer();
	alice = await createUser(server, 'alice', { admin: true });
	largeId = await fillMap('Iso kartta', ACTORS, LINKS);
	smallId = await fillMap('Pieni kartta', SMALL_ACTORS, 2);
	browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
	for (const context of contexts) await context.close().catch(() => {});
	await browser?.close();
	for (const client of clients) client.destroy();
	await server?.cleanup();
});

describe('a large map', () => {
	it('draws the overview while the live document is on its way', async () => {
		const { page, overview } = await openMap(largeId, true);
		expect((await overview).status()).toBe(200);
		await page.waitForSelector('[data-testid=overview][data-drawn=true]', { timeout: DRAWN_MS });
		// The graph never came, so what is on screen is the overview alone.
		expect(await page.getAttribute('[data-testid=editor]', 'data-ready')).toBe('false');
		expect(await marks(page, 'kartta:overview')).toHaveLength(1);
		const pixels = await inkedPixels(page);
		expect(pixels.width).toBeGreaterThan(0);
		expect(pixels.height).toBeGreaterThan(0);
		// 600 actors and 1,000 links leave far more than a few non-white pixels.
		expect(pixels.inked).toBeGreaterThan(1_000);
	});

	it('shows the overview before the graph and removes it once the graph is drawn', async () => {
		const { page } = await openMap(largeId, false);
		await page.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: DRAWN_MS });
		const readyAt = await page.evaluate(() => performance.now());
		const [ready] = await marks(page, 'kartta:ready');
		expect(ready).toBeDefined();
		expect(ready!).toBeLessThanOrEqual(readyAt);
		const overview = await marks(page, 'kartta:overview');
		// On a fast machine the graph may win the race, and then no overview is drawn: that is allowed.
		if (overview.length > 0) expect(overview[0]!).toBeLessThan(ready!);
		await page.waitForSelector('[data-testid=overview]', { state: 'detached', timeout: 2_000 });
	});
});

describe('a small map', () => {
	it('draws no overview', async () => {
		const { page, overview } = await openMap(smallId, true);
		expect((await overview).status()).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, SMALL_WAIT_MS));
		// Still in the DOM (the graph never came), so the attribute is really read, and never set.
		expect(await page.getAttribute('[data-testid=overview]', 'data-drawn')).toBe('false');
		expect(await marks(page, 'kartta:overview')).toEqual([]);
	});

	it('removes the empty overview canvas once the graph is drawn', async () => {
		const { page } = await openMap(smallId, false);
		await page.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: READY_TIMEOUT_MS });
		await page.waitForSelector('[data-testid=overview]', { state: 'detached', timeout: 2_000 });
		expect(await marks(page, 'kartta:overview')).toEqual([]);
	});
});

describe('all pages', () => {
	it('logged no errors', () => {
		expect(errors).toEqual([]);
	});
});
