// Browser-test plumbing shared by tests/e2e: contexts logged in as a user (by session cookie) in a
// chosen language, page errors collected, the editor awaited, and axe-core's serious findings.
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LoggedIn, TestServer } from './server';

export const READY_TIMEOUT_MS = 15_000;
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface OpenPage {
	page: Page;
	context: BrowserContext;
	/** Console errors and uncaught exceptions seen on the page. */
	errors: string[];
}

export interface OpenOptions {
	/** axe-core is injected as an inline script, which the app's CSP rightly refuses; only such pages bypass it. */
	forAxe?: boolean;
	/** The UI language, as the kartta_locale cookie (default en). */
	locale?: string;
	viewport?: { width: number; height: number };
	/** Browser permissions granted for the server's origin (e.g. clipboard-read). */
	permissions?: string[];
}

/** Opens pages for several people in one browser; `closeAll` ends every context it made. */
export class PageOpener {
	private contexts: BrowserContext[] = [];

	constructor(
		private browser: Browser,
		private server: TestServer
	) {}

	async open(user: LoggedIn | null, path: string, options: OpenOptions = {}): Promise<OpenPage> {
		const context = await this.browser.newContext({
			viewport: options.viewport ?? { width: 1280, height: 800 },
			bypassCSP: options.forAxe ?? false
		});
		this.contexts.push(context);
		if (options.permissions?.length) await context.grantPermissions(options.permissions, { origin: this.server.url });
		const cookies = [{ name: 'kartta_locale', value: options.locale ?? 'en', url: this.server.url }];
		if (user) cookies.push({ name: 'kartta_session', value: user.cookie.split('=')[1]!, url: this.server.url });
		await context.addCookies(cookies);
		const page = await context.newPage();
		const opened: OpenPage = { page, context, errors: [] };
		page.on('console', (message) => {
			if (message.type() === 'error') opened.errors.push(message.text());
		});
		page.on('pageerror', (error) => opened.errors.push(error.message));
		await page.goto(this.server.url + path);
		return opened;
	}

	/** The map editor, once it has synced and drawn the map. */
	async openEditor(user: LoggedIn | null, mapId: string, options: OpenOptions = {}): Promise<OpenPage> {
		const opened = await this.open(user, `/maps/${mapId}`, options);
		await waitForEditor(opened.page);
		return opened;
	}

	async closeAll(): Promise<void> {
		for (const context of this.contexts.splice(0)) await context.close();
	}
}

export async function waitForEditor(page: Page): Promise<void> {
	await page.waitForSelector('[data-testid=editor][data-ready=true]', { timeout: READY_TIMEOUT_MS });
}

/** The names in the editor's keyboard-accessible actor list. */
export async function actorNames(page: Page): Promise<string[]> {
	return page.locator('[data-testid=actor-list] option').evaluateAll((options) => options.map((option) => option.textContent ?? ''));
}

/** Adds an actor through the toolbar and names it, as a user does with the keyboard. */
export async function addActorNamed(page: Page, name: string): Promise<void> {
	await page.click('[data-testid=add-actor]');
	// Adding selects the new actor and moves focus to its name.
	await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'actor-name');
	await page.keyboard.type(name);
	await page.keyboard.press('Enter');
}

/**
 * Runs axe-core in the page (opened with `forAxe`), on the whole page or only inside `include` (a
 * CSS selector), and returns its serious and critical violations.
 */
export async function seriousViolations(page: Page, include?: string): Promise<{ id: string; impact: string; nodes: string[] }[]> {
	await page.addScriptTag({ path: AXE_PATH });
	return page.evaluate(async (selector) => {
		const axe = (window as unknown as { axe: { run(context?: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
		const result = await (selector === null ? axe.run() : axe.run({ include: [selector] }));
		return result.violations
			.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
			.map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
	}, include ?? null);
}
