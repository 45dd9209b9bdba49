// Browser half of the large-map benchmark, in headless Chromium (Debian's, driven by
// playwright-core as tests/support/browser.ts does): time from navigation to the first complete
// render of the editor, and frames per second while the view pans.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { HOST, PROFILE_DIR } from '../lib/servers';

export interface BrowserResult {
	/** The whole map first on screen: the overview if the editor drew one, else the graph. */
	firstRenderMs: number | null;
	/** The interactive graph (Cytoscape) drawn. */
	graphMs: number | null;
	panFps: number | null;
	/** Why a number is missing. */
	reason?: string;
	summary: string;
}

const CHROMIUM_PATHS = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
/** The editor marks itself ready once the document is drawn (the e2e tests wait for the same). */
const READY_SELECTOR = '[data-testid=editor][data-ready=true]';
const EDITOR_SELECTOR = '[data-testid=editor]';
/** Cytoscape's WebGL layer (its canvas renderer has no such canvas). */
const WEBGL_CANVAS_SELECTOR = '[data-testid=canvas] canvas[data-id$="-webgl"]';
const PAGE_TIMEOUT_MS = 30_000;
const READY_TIMEOUT_MS = 120_000;
const PAN_MS = 3_000;
/**
 * Before panning, the page is idle once this many frames in a row come this quickly: the first
 * frame's drawing (with software WebGL, seconds of work after the page thinks it is done) must not
 * be counted as panning. Waits at most SETTLE_TIMEOUT_MS.
 */
const SETTLED_FRAMES = 5;
const SETTLED_FRAME_MS = 100;
const SETTLE_TIMEOUT_MS = 60_000;
/** The editor redraws the map this long after the view stops moving (VIEW_REST_MS in the editor) plus a margin. */
const AFTER_PAN_REST_MS = 300;

function notMeasured(reason: string): BrowserResult {
	return { firstRenderMs: null, graphMs: null, panFps: null, reason, summary: `not measured: ${reason}` };
}

export async function measureBrowser(options: {
	port: number;
	mapId: string;
	cookie: string;
	actors: number;
	/** Write a V8 CPU profile of the page, navigation to first render, to bench/results/profiles/. */
	cpuProfile?: boolean;
}): Promise<BrowserResult> {
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
		const profiler = options.cpuProfile ? await startProfiler(page) : null;
		await page.goto(`${origin}/maps/${options.mapId}`, { waitUntil: 'commit', timeout: PAGE_TIMEOUT_MS });
		if (!(await page.waitForSelector(EDITOR_SELECTOR, { timeout: PAGE_TIMEOUT_MS }).catch(() => null))) {
			return notMeasured(withErrors(`the map page (${new URL(page.url()).pathname}) shows no editor ([data-testid=editor])`));
		}
		if (!(await page.waitForSelector(READY_SELECTOR, { timeout: READY_TIMEOUT_MS }).catch(() => null))) {
			return notMeasured(withErrors(`the editor did not become ready within ${READY_TIMEOUT_MS / 1000} s`));
		}
		// Ready means the elements are in Cytoscape; the frame after next has them on screen as far as
		// the page can tell, and a one-pixel read of the WebGL layer waits until it is really drawn.
		// performance.now() in the page counts from the start of the navigation.
		const readyMs = await page.evaluate(() => performance.now());
		const graphMs = await page.evaluate(
			(selector) =>
				new Promise<number>((resolve) =>
					requestAnimationFrame(() =>
						requestAnimationFrame(() => {
							const gl = document.querySelector<HTMLCanvasElement>(selector)?.getContext('webgl2');
							gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
							resolve(performance.now());
						})
					)
				),
			WEBGL_CANVAS_SELECTOR
		);
		if (profiler) await saveProfile(profiler, `browser-${options.mapId}`);
		const stages = await editorStages(page);
		// The editor draws large maps' overview in a worker first, and marks when it was finished.
		const overviewMs = await page.evaluate(() => performance.getEntriesByName('kartta:overview')[0]?.startTime ?? null);
		const firstRenderMs = overviewMs === null ? graphMs : Math.min(overviewMs, graphMs);
		const first =
			overviewMs === null
				? `first render ${graphMs.toFixed(0)} ms after navigation (no overview drawn; the graph`
				: `first render ${firstRenderMs.toFixed(0)} ms after navigation (the overview; the interactive graph drawn at ${graphMs.toFixed(0)} ms`;
		const shown = Number(await page.getAttribute('[data-testid=canvas]', 'data-actors'));
		const settleMs = await settle(page);
		const pan = await panFor(page, PAN_MS);
		if (!pan) {
			return { firstRenderMs, graphMs, panFps: null, reason: 'no Cytoscape instance found on the canvas', summary: `${first}); panning not measured` };
		}
		const redrawMs = await fullFrameAfterPan(page);
		const mode = pan.webgl ? 'WebGL renderer' : 'canvas renderer (the editor did not switch to WebGL for this map)';
		const fps = pan.fps < 10 ? pan.fps.toFixed(1) : pan.fps.toFixed(0);
		const how = pan.snapshot ? 'the editor moved the last frame while panning' : 'every frame drawn in full';
		return {
			firstRenderMs,
			graphMs,
			panFps: pan.webgl ? pan.fps : null,
			reason: pan.webgl ? undefined : `the editor drew this map with the canvas renderer, not WebGL (${fps} fps)`,
			summary:
				`${first}, editor ready at ${readyMs.toFixed(0)} ms, ` +
				`${shown} actors shown; idle ${settleMs.toFixed(0)} ms later; ${stages}), panning ${fps} fps with the ${mode} ` +
				`(median frame ${pan.medianFrameMs.toFixed(0)} ms, ${how}); the full redraw once the view rests took ${redrawMs.toFixed(0)} ms`
		};
	} catch (error) {
		return notMeasured(`browser run failed: ${(error as Error).message.split('\n')[0]}`);
	} finally {
		await browser?.close();
	}
}

/** Starts V8's sampling profiler in the page before navigation (the CDP session follows the page). */
async function startProfiler(page: Page): Promise<CDPSession> {
	const session = await page.context().newCDPSession(page);
	await session.send('Profiler.enable');
	await session.send('Profiler.setSamplingInterval', { interval: 200 });
	await session.send('Profiler.start');
	return session;
}

async function saveProfile(session: CDPSession, name: string): Promise<void> {
	const { profile } = await session.send('Profiler.stop');
	mkdirSync(PROFILE_DIR, { recursive: true });
	writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
}

/**
 * The editor's own User Timing marks (`kartta:` prefix, see src/lib/shared/timing.ts), as
 * "name at ms" from navigation: where the time to first render goes.
 */
async function editorStages(page: Page): Promise<string> {
	const marks = await page.evaluate(() =>
		performance
			.getEntriesByType('mark')
			.filter((mark) => mark.name.startsWith('kartta:'))
			.map((mark) => [mark.name.slice('kartta:'.length), mark.startTime] as const)
	);
	return marks.length === 0 ? 'no stage marks' : `stages: ${marks.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')} ms`;
}

/** Waits until frames come quickly (the page has finished drawing); returns how long that took. */
function settle(page: Page): Promise<number> {
	return page.evaluate(
		({ frames, frameMs, timeoutMs }) =>
			new Promise<number>((resolve) => {
				const start = performance.now();
				let last = start;
				let quick = 0;
				const step = (now: number) => {
					quick = now - last < frameMs ? quick + 1 : 0;
					last = now;
					if (quick >= frames || now - start > timeoutMs) resolve(now - start);
					else requestAnimationFrame(step);
				};
				requestAnimationFrame(step);
			}),
		{ frames: SETTLED_FRAMES, frameMs: SETTLED_FRAME_MS, timeoutMs: SETTLE_TIMEOUT_MS }
	);
}

/** Pans a few pixels every frame for `ms`, as a drag does; counts frames and notes whether the editor moved a snapshot. */
function panFor(page: Page, ms: number): Promise<{ fps: number; medianFrameMs: number; webgl: boolean; snapshot: boolean } | null> {
	// Cytoscape keeps its instance on its container; panning it each frame is what a drag does.
	return page.evaluate(
		async ({ ms, selector }) => {
			const container = document.querySelector('[data-testid=canvas]') as (HTMLElement & { _cyreg?: { cy?: CyLike } }) | null;
			const cy = container?._cyreg?.cy;
			if (!cy) return null;
			const layer = document.querySelector<HTMLCanvasElement>(selector);
			const gaps: number[] = [];
			let snapshot = false;
			const start = performance.now();
			let last = start;
			await new Promise<void>((resolve) => {
				const step = (now: number) => {
					gaps.push(now - last);
					last = now;
					cy.panBy({ x: 6, y: 3 });
					if (layer && layer.style.transform !== '') snapshot = true;
					if (now - start < ms) requestAnimationFrame(step);
					else resolve();
				};
				requestAnimationFrame(step);
			});
			gaps.shift();
			gaps.sort((a, b) => a - b);
			return {
				fps: (gaps.length + 1) / ((performance.now() - start) / 1000),
				medianFrameMs: gaps[Math.floor(gaps.length / 2)] ?? performance.now() - start,
				webgl: Boolean(cy.renderer().webgl),
				snapshot
			};
		},
		{ ms, selector: WEBGL_CANVAS_SELECTOR }
	);
}

/** Once the view rests the editor draws the map in full: the time until that frame is drawn (a one-pixel read waits for it). */
function fullFrameAfterPan(page: Page): Promise<number> {
	return page.evaluate(
		({ restMs, selector }) =>
			new Promise<number>((resolve) => {
				setTimeout(() => {
					const start = performance.now();
					requestAnimationFrame(() =>
						requestAnimationFrame(() => {
							const gl = document.querySelector<HTMLCanvasElement>(selector)?.getContext('webgl2');
							gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
							resolve(performance.now() - start);
						})
					);
				}, restMs);
			}),
		{ restMs: AFTER_PAN_REST_MS, selector: WEBGL_CANVAS_SELECTOR }
	);
}

/** The slice of Cytoscape's core the page script uses (the bench does not import cytoscape). */
interface CyLike {
	panBy(offset: { x: number; y: number }): void;
	renderer(): { webgl?: boolean };
}
