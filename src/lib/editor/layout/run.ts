// Runs a layout where it fits: inline for small maps, in a web worker for large ones (fcose on 2,000 actors takes seconds).
import type { Position } from '$lib/map';
import { computeLayout, type LayoutInput } from './compute';
import type { LayoutReply } from './layout.worker';

/** Above this many actors the layout runs in a worker. */
export const LAYOUT_WORKER_THRESHOLD = 500;

let nextRequest = 1;

function inWorker(input: LayoutInput): Promise<Record<string, Position>> {
	// Vite bundles the worker and its imports (Cytoscape, fcose) from this exact pattern.
	const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
	const id = nextRequest++;
	return new Promise<Record<string, Position>>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<LayoutReply>) => {
			if (event.data.id !== id) return;
			if ('error' in event.data) reject(new Error(event.data.error));
			else resolve(event.data.positions);
		};
		worker.onerror = (event) => reject(new Error(event.message || 'layout worker failed'));
		worker.postMessage({ id, input });
	}).finally(() => worker.terminate());
}

export interface LayoutRun {
	positions: Record<string, Position>;
	/** Where it ran, for tests and diagnostics. */
	where: 'main' | 'worker';
}

export async function runLayout(input: LayoutInput, threshold = LAYOUT_WORKER_THRESHOLD): Promise<LayoutRun> {
	if (input.actors.length <= threshold || typeof Worker === 'undefined') return { positions: computeLayout(input), where: 'main' };
	return { positions: await inWorker(input), where: 'worker' };
}
