// The analysis runner: analyses large maps in a Web Worker and small ones in the calling thread; a newer request supersedes an older one.
import type { MapSnapshot } from '../map';
import { analyseMap } from './analyse';
import type { AnalysisRequest, AnalysisResponse } from './messages';
import type { Analysis, AnalysisOptions } from './types';

/** From this many actors on, analysis runs in a worker: below it, it takes well under a frame's worth of waiting to matter. */
export const WORKER_THRESHOLD_ACTORS = 300;

/** The rejection of a request that a newer one (or destroy()) replaced; callers ignore it. */
export class AnalysisSupersededError extends Error {
	constructor() {
		super('A newer analysis request replaced this one.');
		this.name = 'AnalysisSupersededError';
	}
}

export function isSuperseded(error: unknown): error is AnalysisSupersededError {
	return error instanceof AnalysisSupersededError;
}

export interface AnalysisRunner {
	/** Rejects with AnalysisSupersededError when a newer request comes before this one finishes. */
	analyse(snapshot: MapSnapshot, options?: AnalysisOptions): Promise<Analysis>;
	destroy(): void;
}

export interface AnalysisRunnerOptions {
	/** Default WORKER_THRESHOLD_ACTORS. */
	workerThreshold?: number;
}

interface Pending {
	id: number;
	snapshot: MapSnapshot;
	options: AnalysisOptions | undefined;
	resolve(analysis: Analysis): void;
	reject(error: unknown): void;
}

function startWorker(): Worker {
	return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}

export function createAnalysisRunner(runnerOptions: AnalysisRunnerOptions = {}): AnalysisRunner {
	const threshold = runnerOptions.workerThreshold ?? WORKER_THRESHOLD_ACTORS;
	let worker: Worker | null = null;
	/** The request the worker is working on, if any. */
	let inWorker: Pending | null = null;
	let latest = 0;

	function computeHere(request: Pending): void {
		// A task later, so that a request made in the same tick can still supersede this one.
		setTimeout(() => {
			if (request.id !== latest) return request.reject(new AnalysisSupersededError());
			try {
				request.resolve(analyseMap(request.snapshot, request.options));
			} catch (error) {
				request.reject(error);
			}
		}, 0);
	}

	function stopWorker(): void {
		worker?.terminate();
		worker = null;
	}

	function onResponse(event: MessageEvent<AnalysisResponse>): void {
		const request = inWorker;
		if (!request || event.data.id !== request.id) return;
		inWorker = null;
		if ('analysis' in event.data) request.resolve(event.data.analysis);
		else request.reject(new Error(event.data.error));
	}

	/** A worker that cannot start (no module-worker support, a blocked script) must not lose the result: compute here instead. */
	function onWorkerError(event: Event): void {
		event.preventDefault();
		const request = inWorker;
		inWorker = null;
		stopWorker();
		if (request) computeHere(request);
	}

	function runInWorker(request: Pending): void {
		if (!worker) {
			worker = startWorker();
			worker.addEventListener('message', onResponse);
			worker.addEventListener('error', onWorkerError);
		}
		inWorker = request;
		const message: AnalysisRequest = { id: request.id, snapshot: request.snapshot, ...(request.options && { options: request.options }) };
		worker.postMessage(message);
	}

	return {
		analyse(snapshot, options) {
			latest += 1;
			const id = latest;
			if (inWorker) {
				// A busy worker cannot be interrupted: end it, and start afresh for the new request.
				inWorker.reject(new AnalysisSupersededError());
				inWorker = null;
				stopWorker();
			}
			return new Promise<Analysis>((resolve, reject) => {
				const request: Pending = { id, snapshot, options, resolve, reject };
				if (typeof Worker !== 'undefined' && snapshot.actors.length >= threshold) runInWorker(request);
				else computeHere(request);
			});
		},
		destroy() {
			latest += 1;
			inWorker?.reject(new AnalysisSupersededError());
			inWorker = null;
			stopWorker();
		}
	};
}
