// The analysis panel in real Chromium against the real server, on the demo map: network figures and top actors, sizing the
// canvas by betweenness, metric columns in the table, accepting and dismissing gap suggestions (as owner and as a commenter),
// saving the Louvain clusters as a choice field in one undo step, the CSV download, and axe on the open panel.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { MapModel } from '../../src/lib/map';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { launchBrowser } from '../support/browser';
import { PageOpener, seriousViolations, waitForEditor, type OpenPage } from '../support/pages';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';

const VIEWPORT = { width: 1400, height: 900 };
const SYNC_MS = 5_000;

let server: TestServer;
let browser: Browser;
let owner: LoggedIn;
let consultant: LoggedIn;
let reader: LoggedIn;
let mapId: string;
let opener: PageOpener;
let observer: SyncClient;
let ownerPage: OpenPage;

interface StoredGap {
	title: string;
	status: string;
	suggestion?: string;
	anchor: { kind: string; id: string } | null;
}

async function storedGaps(): Promise<StoredGap[]> {
	const body = (await (await owner.fetch(`/api/v1/maps/${mapId}/discussion`)).json()) as { gaps: StoredGap[] };
	return body.gaps;
}

async function openPanel(page: Page): Promise<void> {
	if ((await page.getAttribute('[data-testid=analysis-toggle]', 'aria-expanded')) !== 'true') await page.click('[data-testid=analysis-toggle]');
	await page.waitForSelector('[data-testid=analysis-panel][data-ready=true]:not([hidden])');
}

/** Each drawn actor's size on the canvas, read from Cytoscape's element data (the look the view layer wrote). */
async function nodeSizes(page: Page): Promise<Map<string, number>> {
	const entries = await page.evaluate(() => {
		const container = document.querySelector('[data-testid=canvas]') as HTMLElement & { _cyreg?: { cy?: { nodes(): { id(): string; data(key: string): unknown }[] } } };
		const cy = container._cyreg?.cy;
		return cy ? cy.nodes().map((node) => [node.id(), Number(node.data('vSize'))] as [string, number]) : [];
	});
	return new Map(entries);
}

async function pendingKeys(page: Page): Promise<string[]> {
	return page.locator('[data-testid=gap-suggestion]').evaluateAll((items) => items.map((item) => item.getAttribute('data-key') ?? ''));
}

beforeAll(async () => {
	server = await startServer();
	owner = await createUser(server, 'olga', { admin: true });
	consultant = await createUser(server, 'kalle');
	mapId = await createMap(owner, 'Demo', true);
	await shareMap(owner, mapId, 'kalle', 'commenter');
	reader = await createUser(server, 'vilja');
	await shareMap(owner, mapId, 'vilja', 'viewer');
	observer = connectClient(server.wsUrl, mapId, { cookie: owner.cookie });
	await observer.synced;
	browser = await launchBrowser();
	opener = new PageOpener(browser, server);
	ownerPage = await opener.openEditor(owner, mapId, { viewport: VIEWPORT, forAxe: true });
});

afterAll(async () => {
	observer?.destroy();
	await opener?.closeAll();
	await browser?.close();
	await server?.cleanup();
});

describe('the analysis panel', () => {
	it('shows the whole network and a town, and ranks the actors; choosing one selects it on the map', async () => {
		const { page } = ownerPage;
		await openPanel(page);
		const actors = Number(await page.getAttribute('[data-testid=canvas]', 'data-actors'));
		expect(await page.textContent('[data-testid=analysis-figures-whole-actors]')).toBe(String(actors));
		expect(Number(await page.textContent('[data-testid=analysis-figures-whole-components]'))).toBeGreaterThanOrEqual(1);
		// A town is chosen by default, and its figures sit beside the whole network's.
		expect(await page.locator('[data-testid=analysis-town] option').count()).toBeGreaterThan(3);
		expect(Number(await page.textContent('[data-testid=analysis-figures-town-actors]'))).toBeLessThan(actors);

		const rows = page.locator('[data-testid=analysis-top-row]');
		expect(await rows.count()).toBe(10);
		const topName = (await rows.first().locator('[data-testid=analysis-top-actor]').textContent())!.trim();
		// Keyboard: Enter on the name selects the actor, and the side panel shows it.
		await rows.first().locator('[data-testid=analysis-top-actor]').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.inputValue('[data-testid=actor-name]').catch(() => '')).toBe(topName);
	});

	it('sizes actors by betweenness: the biggest broker is drawn biggest', async () => {
		const { page } = ownerPage;
		const before = await nodeSizes(page);
		expect(new Set(before.values()).size).toBe(1);
		const topId = (await page.getAttribute('[data-testid=analysis-top-row] >> nth=0', 'data-id'))!;

		await page.click('[data-testid=toggle-style]');
		await page.selectOption('[data-testid=style-size-by]', 'metric:betweenness');
		await expect.poll(async () => new Set((await nodeSizes(page)).values()).size).toBeGreaterThan(2);
		const after = await nodeSizes(page);
		expect(after.get(topId)).toBe(Math.max(...after.values()));
		expect(await page.textContent('[data-testid=legend]')).toContain('Betweenness');
		await page.selectOption('[data-testid=style-size-by]', 'none');
		await page.click('[data-testid=toggle-style]');
	});

	it('adds sortable metric columns to the actors table', async () => {
		const { page } = ownerPage;
		await page.click('[data-testid=view-table]');
		const headers = page.locator('[data-testid=actors-grid] thead th');
		await expect.poll(async () => (await headers.allTextContents()).join('|')).toContain('Betweenness');
		expect((await headers.allTextContents()).join('|')).toContain('PageRank');
		// Sorted by betweenness, highest first, the table starts with the panel's top broker.
		const topId = await page.getAttribute('[data-testid=analysis-top-row] >> nth=0', 'data-id');
		const head = page.locator('[data-testid=actors-grid] [data-head="metric.betweenness"]');
		await head.click();
		await head.click();
		await expect.poll(() => page.getAttribute('[data-testid=actors-grid] th:has([data-head="metric.betweenness"])', 'aria-sort')).toBe('descending');
		expect(await page.getAttribute('[data-testid=actors-grid] tbody tr[data-row-id] >> nth=0', 'data-row-id')).toBe(topId);
		await page.click('[data-testid=view-map]');
	});

	it('accepts a suggestion as a gap in the discussion and dismisses another; both leave the list', async () => {
		const { page } = ownerPage;
		await page.waitForSelector('[data-testid=gap-suggestion]');
		const keys = await pendingKeys(page);
		expect(keys.length).toBeGreaterThan(1);
		const first = page.locator('[data-testid=gap-suggestion]').first();
		const reason = (await first.locator('.reason').textContent())!.trim();
		expect(reason).not.toContain('{');

		await first.locator('[data-testid=gap-suggestion-accept]').click();
		await expect.poll(() => pendingKeys(page)).not.toContain(keys[0]);
		// The keyboard moves on to the next suggestion.
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('gap-suggestion-accept');
		await waitFor(async () => (await storedGaps()).some((gap) => gap.suggestion === keys[0] && gap.status === 'open'), 'accepted gap stored', SYNC_MS);
		const accepted = (await storedGaps()).find((gap) => gap.suggestion === keys[0])!;
		expect(accepted.title).toBe(reason);
		expect(accepted.anchor).not.toBeNull();

		await page.click('[data-testid=discussion-toggle]');
		await page.waitForSelector('[data-testid=discussion-panel][data-ready=true]:not([hidden])');
		await expect.poll(() => page.locator('[data-testid=annotation-title]').allTextContents()).toContain(reason);
		await page.click('[data-testid=discussion-close]');

		const second = keys.find((key) => key !== keys[0])!;
		await page.locator(`[data-testid=gap-suggestion][data-key="${second}"] [data-testid=gap-suggestion-dismiss]`).click();
		await expect.poll(() => pendingKeys(page)).not.toContain(second);
		await waitFor(async () => (await storedGaps()).some((gap) => gap.suggestion === second && gap.status === 'dismissed'), 'dismissed gap stored', SYNC_MS);
	});

	it('lets a commenter accept suggestions, but not save clusters into the graph', async () => {
		const opened = await opener.openEditor(consultant, mapId, { viewport: VIEWPORT });
		const { page } = opened;
		await openPanel(page);
		await page.waitForSelector('[data-testid=gap-suggestion-accept]');
		expect(await page.locator('[data-testid=analysis-save-clusters]').count()).toBe(0);
		// What the owner handled is gone for everyone.
		const handled = new Set((await storedGaps()).flatMap((gap) => (gap.suggestion ? [gap.suggestion] : [])));
		expect((await pendingKeys(page)).some((key) => handled.has(key))).toBe(false);
		const key = (await pendingKeys(page))[0]!;
		await page.locator('[data-testid=gap-suggestion-accept]').first().click();
		await waitFor(async () => (await storedGaps()).some((gap) => gap.suggestion === key), 'commenter gap stored', SYNC_MS);
		expect(opened.errors).toEqual([]);
	});

	it('shows a viewer the figures and suggestions, with nothing to accept, dismiss or save', async () => {
		const opened = await opener.openEditor(reader, mapId, { viewport: VIEWPORT });
		const { page } = opened;
		await openPanel(page);
		await page.waitForSelector('[data-testid=gap-suggestion]');
		expect(await page.locator('[data-testid=analysis-top-row]').count()).toBe(10);
		expect(await page.locator('[data-testid=gap-suggestion-accept], [data-testid=gap-suggestion-dismiss], [data-testid=analysis-save-clusters]').count()).toBe(0);
		expect(opened.errors).toEqual([]);
	});

	it('saves the clusters as a choice field in one undo step', async () => {
		const { page } = ownerPage;
		// "6 clusters, modularity 0.52": the panel lists only the largest, the field gets them all.
		const communities = Number((await page.textContent('[data-testid=analysis-modularity]'))!.match(/\d+/)![0]);
		expect(communities).toBeGreaterThan(1);
		expect(await page.locator('[data-testid=analysis-community]').count()).toBe(Math.min(communities, 12));
		await page.click('[data-testid=analysis-save-clusters]');
		await expect.poll(() => page.textContent('[data-testid=analysis-clusters-status]')).toContain('Cluster');
		const model = new MapModel(observer.doc);
		await waitFor(() => model.fields().some((field) => field.name === 'Cluster'), 'cluster field synced', SYNC_MS);
		const field = model.fields().find((entry) => entry.name === 'Cluster')!;
		expect(field.type).toBe('choice');
		expect(field.options).toEqual(Array.from({ length: Math.min(communities, 100) }, (_, index) => `Cluster ${index + 1}`));
		await waitFor(() => model.actors().every((actor) => typeof actor.custom?.[field.id] === 'string'), 'every actor has a cluster', SYNC_MS);

		await page.click('[data-testid=undo]');
		await waitFor(() => !model.fields().some((entry) => entry.name === 'Cluster'), 'one undo removes the field', SYNC_MS);
		expect(model.actors().some((actor) => actor.custom?.[field.id] !== undefined)).toBe(false);
	});

	it('downloads every actor with every metric as CSV', async () => {
		const { page } = ownerPage;
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=analysis-export-csv]')]);
		const text = await readFile((await download.path())!, 'utf8');
		const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('id,name,town,degree,inDegree,outDegree,weightedDegree,betweenness,closeness,eigenvector,pagerank,community');
		expect(lines.length - 1).toBe(new MapModel(observer.doc).actors().length);
	});

	it("re-analyses after someone else's edit while the panel is open", async () => {
		const { page } = ownerPage;
		const before = Number(await page.textContent('[data-testid=analysis-figures-whole-actors]'));
		new MapModel(observer.doc).addActor({ name: 'Uusi Analyysi Oy', kind: 'company' });
		await expect.poll(() => page.textContent('[data-testid=analysis-figures-whole-actors]')).toBe(String(before + 1));
		// A new actor with no links is a component of its own.
		expect(Number(await page.textContent('[data-testid=analysis-figures-whole-components]'))).toBeGreaterThanOrEqual(2);
	});

	it('passes axe with the panel open, and the page logged no errors', async () => {
		const { page, errors } = ownerPage;
		expect(await seriousViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
	});
});
