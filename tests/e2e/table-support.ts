// Helpers shared by the table and fields browser tests: pages per user and language, axe, the focused cell, and a seeded map.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MapModel } from '../../src/lib/map';
import type { LoggedIn, TestServer } from '../support/server';

export const READY_TIMEOUT_MS = 15_000;
/** The promise: a collaborator sees an edit within one second. */
export const PROPAGATION_MS = 1_000;
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface OpenPage {
	page: Page;
	context: BrowserContext;
	/** Console errors and uncaught exceptions seen on the page. */
	errors: string[];
}

export interface PageOptions {
	locale?: 'fi' | 'sv' | 'en';
	/** axe-core is injected as an inline script, which the app's CSP rightly refuses; only such pages bypass it. */
	forAxe?: boolean;
	/** The editor's view remembered in this browser: 'table' opens the table at once. */
	view?: 'map' | 'table';
	/** A big map takes longer to load and draw on a busy machine. */
	readyTimeout?: number;
}

export async function openEditor(server: TestServer, browser: Browser, user: LoggedIn, mapId: string, options: PageOptions = {}): Promise<OpenPage> {
	const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: options.forAxe ?? false });
	await context.addCookies([
		{ name: 'kartta_session', value: user.cookie.split('=')[1]!, url: server.url },
		{ name: 'kartta_locale', value: options.locale ?? 'en', url: server.url }
	]);
	if (options.view) {
		await context.addInitScript((view) => localStorage.setItem('kartta.editor-view', view), options.view);
	}
	const page = await context.newPage();
	const opened = { page, context, errors: [] as string[] };
	page.on('console', (message) => {
		if (message.type() === 'error') opened.errors.push(message.text());
	});
	page.on('pageerror', (error) => opened.errors.push(error.message));
	await page.goto(`${server.url}/maps/${mapId}`);
	await page.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: options.readyTimeout ?? READY_TIMEOUT_MS });
	return opened;
}

/** Runs axe-core in the page and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
	await page.addScriptTag({ path: AXE_PATH });
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
		const result = await axe.run();
		return result.violations
			.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
			.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
	});
}

/** Which grid cell has focus: its row id and column key (or what else has focus). */
export async function focusedCell(page: Page): Promise<{ row: string | null; col: string | null; tag: string; testid: string | null }> {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		const cell = element?.closest<HTMLElement>('[data-col], [data-head]');
		return {
			row: cell?.dataset.row ?? null,
			col: cell?.dataset.col ?? cell?.dataset.head ?? null,
			tag: element?.tagName.toLowerCase() ?? '',
			testid: element?.getAttribute('data-testid') ?? null
		};
	});
}

/** The text of one cell in a grid, by row id and column key ('' when the row is not drawn). */
export async function cellText(page: Page, grid: string, row: string, col: string): Promise<string> {
	const cell = page.locator(`[data-testid=${grid}] [data-row="${row}"][data-col="${col}"]`);
	// One read that does not wait: a windowed row can leave the page between a count and a read.
	const texts = await cell.evaluateAll((cells) => cells.map((element) => element.textContent ?? ''));
	return (texts[0] ?? '').trim();
}

/** Screenshots go to KARTTA_SCREENSHOTS (a folder) when it is set, so a person can look at what the tests saw. */
export async function screenshot(page: Page, name: string): Promise<void> {
	const folder = process.env.KARTTA_SCREENSHOTS;
	if (!folder) return;
	mkdirSync(folder, { recursive: true });
	await page.screenshot({ path: join(folder, `${name}.png`) });
}

/** Writes through the model of a script client (as a y-websocket script would), returning what it made. */
export function seed(model: MapModel): { region: string; sector: string; alfa: string; beta: string; gamma: string; link: string } {
	const region = model.addRegion({ name: 'Raahe' });
	const sector = model.addSector({ name: 'Metalliteollisuus', growth: true });
	const alfa = model.addActor({ name: 'Alfa Oy', kind: 'company', region, pos: { x: 0, y: 0 }, sectors: [sector] });
	const beta = model.addActor({ name: 'Beta Oy', kind: 'company', pos: { x: 120, y: 0 } });
	const gamma = model.addActor({ name: 'Gamma ry', kind: 'association', region, pos: { x: 0, y: 120 } });
	const link = model.addLink({ source: alfa, target: beta, kind: 'customer_supplier', strength: 3 });
	return { region, sector, alfa, beta, gamma, link };
}
