// The town comparison and the printable report in real Chromium against the real server, for the demo map in Finnish,
// Swedish and English: they render with no console or page errors, the charts are drawn, the tables and heatmaps are
// there with numbers in every cell, axe finds nothing serious, and headless Chromium prints the report to a real PDF.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MapModel } from '../../src/lib/map';
import { DiscussionModel } from '../../src/lib/map/discussion';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor } from '../support/sync-client';
import { launchBrowser } from '../support/browser';
import { PageOpener, READY_TIMEOUT_MS, seriousViolations } from '../support/pages';

const VIEWPORT = { width: 1400, height: 900 };
const LOCALES = ['fi', 'sv', 'en'] as const;
/** A PDF of the report with its map picture and charts is far larger than an empty page's few kilobytes. */
const MIN_PDF_BYTES = 30_000;
/** Words each language's report heading starts with. */
const REPORT_WORD = { fi: 'Raportti', sv: 'Rapport', en: 'Report' } as const;

let server: TestServer;
let browser: Browser;
let owner: LoggedIn;
let mapId: string;
let opener: PageOpener;
/** The first town of the demo map, with a gap and a development target about it in the discussion. */
let town: { id: string; name: string };
const GAP_TITLE = 'Ei yhteyttä ammattikorkeakouluun';
const TARGET_TITLE = 'Yhteinen pilottiympäristö';

/** A gap about the town and a target about one of its actors, written by the owner through a real client of the discussion. */
async function seedDiscussion(): Promise<void> {
	const graph = connectClient(server.wsUrl, mapId, { cookie: owner.cookie });
	const talk = connectClient(server.wsUrl, `${mapId}/discussion`, { cookie: owner.cookie });
	await Promise.all([graph.synced, talk.synced]);
	const map = new MapModel(graph.doc);
	const region = map.regions().sort((a, b) => a.name.localeCompare(b.name))[0]!;
	town = { id: region.id, name: region.name };
	const actor = map.actors().find((entry) => entry.region === region.id)!;
	const { user } = (await (await owner.fetch('/api/v1/session')).json()) as { user: { id: string } };
	const discussion = new DiscussionModel(talk.doc);
	discussion.addGap({ type: 'missing_link', title: GAP_TITLE, anchor: { kind: 'region', id: region.id }, createdBy: user.id });
	discussion.addTarget({ title: TARGET_TITLE, actors: [actor.id], status: 'agreed', createdBy: user.id });
	await waitFor(async () => {
		const body = (await (await owner.fetch(`/api/v1/maps/${mapId}/discussion`)).json()) as { gaps: unknown[]; targets: unknown[] };
		return body.gaps.length === 1 && body.targets.length === 1;
	}, 'discussion stored');
	graph.destroy();
	talk.destroy();
}

/** True when some canvas under the selector has a pixel that is not fully transparent (Chart.js or Cytoscape drew something). */
async function canvasDrawn(page: Page, selector: string): Promise<boolean> {
	return page.$$eval(selector, (canvases) =>
		canvases.some((canvas) => {
			const element = canvas as HTMLCanvasElement;
			if (element.width === 0 || element.height === 0) return false;
			const data = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data;
			if (!data) return false;
			for (let index = 3; index < data.length; index += 4) if (data[index]! > 0) return true;
			return false;
		})
	);
}

async function waitReady(page: Page, testid: string): Promise<void> {
	await page.waitForSelector(`[data-testid=${testid}][data-ready=true]`, { timeout: READY_TIMEOUT_MS });
}

beforeAll(async () => {
	server = await startServer();
	owner = await createUser(server, 'raili', { admin: true });
	mapId = await createMap(owner, 'Demo', true);
	await seedDiscussion();
	browser = await launchBrowser();
	opener = new PageOpener(browser, server);
});

afterAll(async () => {
	await opener?.closeAll();
	await browser?.close();
	await server?.cleanup();
});

describe('town comparison', () => {
	for (const locale of LOCALES) {
		it(`renders the dashboard, both heatmaps and two towns side by side (${locale})`, async () => {
			const { page, errors } = await opener.open(owner, `/maps/${mapId}/compare`, { locale, viewport: VIEWPORT, forAxe: true });
			await waitReady(page, 'compare-page');
			expect(await page.getAttribute('html', 'lang')).toBe(locale);

			// One column per town; the demo map has eight towns and a region with actors.
			const towns = await page.locator('[data-testid=town-table] thead th').count();
			expect(towns).toBeGreaterThanOrEqual(8);
			// Heatmaps are square tables with a number in every cell.
			const townCells = page.locator('[data-testid=town-matrix] tbody td');
			expect(await townCells.count()).toBe(towns * towns);
			for (const text of await townCells.allTextContents()) expect(text).toMatch(/^\d+/);
			// Empty cells say "gap" in the page's language, not by colour alone.
			const gap = page.locator('[data-testid=town-matrix] [data-testid=matrix-gap]').first();
			if ((await gap.count()) > 0) expect((await gap.textContent())!.length).toBeGreaterThan(2);
			expect(await page.locator('[data-testid=kind-matrix] tbody tr').count()).toBe(8);

			await page.waitForSelector('[data-testid=side-map][data-drawn=true] >> nth=1');
			expect(await page.locator('[data-testid=side-map]').count()).toBe(2);
			// Cytoscape paints on its next animation frame, into one of its canvas layers.
			await expect.poll(() => canvasDrawn(page, '[data-testid=side-map] >> nth=0 >> canvas')).toBe(true);
			await expect.poll(() => canvasDrawn(page, '[data-testid=side-map] >> nth=1 >> canvas')).toBe(true);
			expect(await seriousViolations(page)).toEqual([]);
			expect(errors).toEqual([]);
		});
	}
});

describe('report', () => {
	for (const locale of LOCALES) {
		it(`renders the whole-map report with its charts and tables (${locale})`, async () => {
			const { page, errors } = await opener.open(owner, `/maps/${mapId}/report`, { locale, viewport: VIEWPORT, forAxe: true });
			await waitReady(page, 'report-page');
			expect((await page.textContent('h1'))!.startsWith(REPORT_WORD[locale])).toBe(true);
			await page.waitForSelector('[data-testid=report-map][data-drawn=true] img');
			for (const chart of ['chart-kinds', 'chart-degrees', 'chart-brokers']) {
				await page.waitForSelector(`[data-testid=${chart}][data-drawn=true]`);
				expect(await canvasDrawn(page, `[data-testid=${chart}] canvas`), chart).toBe(true);
				// Every chart has its numbers as a table too.
				expect(await page.locator(`[data-testid=${chart}] table tbody tr`).count(), chart).toBeGreaterThan(0);
			}
			expect(await page.locator('[data-testid=report-figures] tbody tr').count()).toBe(8);
			expect(await page.locator('[data-testid=town-table]').count()).toBe(1);
			expect(await page.locator('[data-testid=town-matrix]').count()).toBe(1);
			expect(await page.locator('[data-testid=report-sectors] tbody tr').count()).toBeGreaterThan(0);
			expect(await page.locator('[data-testid=report-gaps] tbody').textContent()).toContain(GAP_TITLE);
			expect(await page.locator('[data-testid=report-targets] tbody').textContent()).toContain(TARGET_TITLE);
			expect(await seriousViolations(page)).toEqual([]);
			expect(errors).toEqual([]);
		});
	}

	it("reports one town with its own gaps and targets, and prints to a PDF in headless Chromium", async () => {
		const { page, errors } = await opener.open(owner, `/maps/${mapId}/report`, { viewport: VIEWPORT });
		await waitReady(page, 'report-page');
		// Choosing the town is an ordinary form: it works from the keyboard and without scripts.
		await page.selectOption('[data-testid=report-town]', town.id);
		await page.focus('[data-testid=report-show]');
		await Promise.all([page.waitForURL(`**/report?town=${town.id}`), page.keyboard.press('Enter')]);
		await waitReady(page, 'report-page');
		expect(await page.textContent('h1')).toContain(town.name);
		// The key figures put the town beside the whole network.
		expect(await page.locator('[data-testid=report-figures] thead th').allTextContents()).toContain(town.name);
		expect(await page.locator('[data-testid=report-gaps] tbody').textContent()).toContain(GAP_TITLE);
		expect(await page.locator('[data-testid=report-targets] tbody').textContent()).toContain(TARGET_TITLE);

		// Another town's report leaves them out.
		const values = await page.locator('[data-testid=report-town] option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
		const otherTown = values.find((value) => value !== '' && value !== town.id)!;
		const other = await opener.open(owner, `/maps/${mapId}/report?town=${otherTown}`, { viewport: VIEWPORT });
		await waitReady(other.page, 'report-page');
		expect(await other.page.locator('[data-testid=report-gaps]').count()).toBe(0);
		expect(await other.page.locator('[data-testid=report-targets]').count()).toBe(0);
		await page.waitForSelector('[data-testid=report-map][data-drawn=true] img');
		await page.waitForSelector('[data-testid=chart-degrees][data-drawn=true]');

		await page.emulateMedia({ media: 'print' });
		expect(await page.isVisible('.site-header')).toBe(false);
		expect(await page.isVisible('[data-testid=report-print]')).toBe(false);
		// As the browser's print dialog does: the comparison's named page is landscape.
		const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pdf.length).toBeGreaterThan(MIN_PDF_BYTES);
		// More than one page: sections start on pages of their own.
		expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
		expect(errors).toEqual([]);
	});
});
