// Page side of the overview: fetches it (the page preloads the same address), has the worker
// rasterise it, and puts the pixels on the overview canvas.
import { OVERVIEW_ELEMENTS_HEADER } from '$lib/map/overview';
import { markStage } from '$lib/shared/timing';
import type { OverviewReply, OverviewRequest } from './messages';

export interface OpenOverview {
	/** Resolves once the overview is on screen, or will not be (a small map, an error, closed). Never rejects. */
	readonly settled: Promise<void>;
	/** Stops waiting for the overview; the canvas keeps what it shows until the page removes it. */
	close(): void;
}

/**
 * The editor holds the live document back while the overview is on its way (applying a large map's
 * document takes the main thread for a second or more, and the picture would wait behind it), but
 * never longer than this from the start.
 */
export const SYNC_HOLD_MAX_MS = 1_500;

/** Settles when `overview` does, or after SYNC_HOLD_MAX_MS, whichever is first. */
export function overviewOrTimeout(overview: OpenOverview): Promise<void> {
	return Promise.race([overview.settled, new Promise<void>((resolve) => setTimeout(resolve, SYNC_HOLD_MAX_MS))]);
}

/** The overview's address; the map page preloads it (`<link rel="preload" as="fetch">`) so it is on its way before any script runs. */
export function overviewUrl(mapId: string): string {
	return `/api/v1/maps/${encodeURIComponent(mapId)}/overview`;
}

/**
 * Draws the map's overview on `canvas` for maps of at least `minElements` actors + links, and calls
 * `onDrawn` once it is on screen. Null where the browser has no workers: the editor then shows its
 * loading note until the graph is drawn. Any failure just leaves the canvas empty (the graph follows).
 */
export function openOverview(canvas: HTMLCanvasElement, mapId: string, minElements: number, onDrawn: () => void): OpenOverview | null {
	if (typeof Worker === 'undefined') return null;
	let open = true;
	let settle: () => void = () => undefined;
	const settled = new Promise<void>((resolve) => (settle = resolve));
	// Read when the request goes out, not now: the panels beside the canvas are still appearing.
	let width = 0;
	let height = 0;
	// Started at once, so its script loads while the overview is on its way.
	const worker = new Worker(new URL('./overview.worker.ts', import.meta.url), { type: 'module' });
	const stop = () => {
		worker.terminate();
		settle();
	};
	const show = (reply: OverviewReply) => {
		worker.terminate();
		// A canvas resized meanwhile would stretch the picture out of line with the graph: skip it.
		if (!open || reply.type !== 'drawn' || canvas.clientWidth !== width || canvas.clientHeight !== height) return settle();
		canvas.width = reply.width;
		canvas.height = reply.height;
		canvas.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(reply.pixels), reply.width, reply.height), 0, 0);
		// The frame that starts next is the one that shows it.
		requestAnimationFrame(() => {
			if (open) {
				markStage('overview');
				onDrawn();
			}
			settle();
		});
	};
	void fetch(overviewUrl(mapId), { headers: { accept: 'application/json' } })
		.then((response) => {
			const elements = Number(response.headers.get(OVERVIEW_ELEMENTS_HEADER));
			if (!response.ok || (Number.isFinite(elements) && elements < minElements)) {
				void response.body?.cancel();
				return null;
			}
			return response.arrayBuffer();
		})
		.then((body) => {
			width = canvas.clientWidth;
			height = canvas.clientHeight;
			if (body === null || !open || width === 0 || height === 0) return stop();
			worker.onmessage = (event: MessageEvent<OverviewReply>) => show(event.data);
			worker.onerror = stop;
			const request: OverviewRequest = { body, width, height, ratio: window.devicePixelRatio || 1, minElements };
			worker.postMessage(request, [body]);
		})
		.catch(stop);
	return {
		settled,
		close() {
			open = false;
			stop();
		}
	};
}
