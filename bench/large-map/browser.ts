// Browser half of the large-map benchmark, in headless Chromium (Debian's, driven by
// playwright-core as tests/support/browser.ts does): time from navigation to the first complete
// render of the editor, and frames per second while the view pans.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { HOST } from '../lib/servers';

export interface BrowserResult {
	firstRenderMs: number | null;
	panFps: number | null;
	/** Why a number is missing. */
	reason?: string;
	summary: string;
}

const CHROMIUM_PATHS = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
/** The editor marks itself ready once the document is drawn (the e2e tests wait for the same). */
const READY_SELECTOR = '[data-testid=editor][data-ready=true]';
const EDITOR_SELECTOR = '[data-testid=editor]';
const PAGE_TIMEOUT_MS = 30_000;
const READY_TIMEOUT_MS = 120_000;
const PAN_MS = 3_000;

function notMeasured(reason: string): BrowserResult {
	return { firstRenderMs: null, panFps: null, reason, summary: `not measured: ${reason}` };
}

export async function measureBrowser(options: { port: number; mapId: string; cookie: string; actors: number }): Promise<BrowserResult> {
	const executablePath = CHROMIUM_PATHS.find((p) => existsSync(p));
	if (!executablePath) return notMeasured('Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
	let browser: Browser | null = null;
	try {
		// SwiftShader gives headless Chromium a software WebGL 2, so the editor can choose WebGL.
		browser = await chromium.launch({
			executablePath,
			args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync']
		});
		const origin = `http://${HOST}:${options.port}`;
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const [name, value] = options.cookie.split('=') as [string, string];
		await context.addCookies([
			{ name, value, url: origin },
			{ name: 'kartta_locale', value: 'en', url: origin }
		]);
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		page.on('pageerror', (error) => errors.push(error.message));
		const withErrors = (reason: string) => (errors.length > 0 ? `${reason}; page errors: ${errors.slice(0, 3).join(' | ')}` : reason);
		await page.goto(`${origin}/maps/${options.mapId}`, { waitUntil: 'commit', timeout: PAGE_TIMEOUT_MS });
		if (!(await page.waitForSelector(EDITOR_SELECTOR, { timeout: PAGE_TIMEOUT_MS }).catch(() => null))) {
			return notMeasured(withErrors(`the map page (${new URL(page.url()).pathname}) shows no editor ([data-testid=editor])`));
		}
		if (!(await page.waitForSelector(READY_SELECTOR, { timeout: READY_TIMEOUT_MS }).catch(() => null))) {
			return notMeasured(withErrors(`the editor did not become ready within ${READY_TIMEOUT_MS / 1000} s`));
		}
		// Ready means the elements are in Cytoscape; the frame after next has them on screen.
		// performance.now() in the page counts from the start of the navigation.
		const readyMs = await page.evaluate(() => performance.now());
		const firstRenderMs = await page.evaluate(
			() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))
		);
		const shown = Number(await page.getAttribute('[data-testid=canvas]', 'data-actors'));
		// Cytoscape keeps its instance on its container; panning it each frame is what a drag does.
		const pan = await page.evaluate(async (ms) => {
			const container = document.querySelector('[data-testid=canvas]') as (HTMLElement & { _cyreg?: { cy?: CyLike } }) | null;
			const cy = container?._cyreg?.cy;
			if (!cy) return null;
			let frames = 0;
			const start = performance.now();
			await new Promise<void>((resolve) => {
				const step = (now: number) => {
					frames++;
					cy.panBy({ x: 6, y: 3 });
					if (now - start < ms) requestAnimationFrame(step);
					else resolve();
				};
				requestAnimationFrame(step);
			});
			return { fps: frames / ((performance.now() - start) / 1000), webgl: Boolean(cy.renderer().webgl) };
		}, PAN_MS);
		if (!pan) {
			return { firstRenderMs, panFps: null, reason: 'no Cytoscape instance found on the canvas', summary: `first render ${firstRenderMs.toFixed(0)} ms; panning not measured` };
		}
		const mode = pan.webgl ? 'WebGL renderer' : 'canvas renderer (the editor did not switch to WebGL for this map)';
		const fps = pan.fps < 10 ? pan.fps.toFixed(1) : pan.fps.toFixed(0);
		return {
			firstRenderMs,
			panFps: pan.webgl ? pan.fps : null,
			reason: pan.webgl ? undefined : `the editor drew this map with the canvas renderer, not WebGL (${fps} fps)`,
			summary:
				`first render ${firstRenderMs.toFixed(0)} ms after navigation (editor ready at ${readyMs.toFixed(0)} ms, ` +
				`${shown} actors shown), panning ${fps} fps with the ${mode}`
		};
	} catch (error) {
		return notMeasured(`browser run failed: ${(error as Error).message.split('\n')[0]}`);
	} finally {
		await browser?.close();
	}
}

/** The slice of Cytoscape's core the page script uses (the bench does not import cytoscape). */
interface CyLike {
	panBy(offset: { x: number; y: number }): void;
	renderer(): { webgl?: boolean };
}
