// Computes maps' overviews off the main thread: a worker builds a throwaway Doc from a map's stored
// bytes, so opening a large map does not stall every other request while its Doc is built. Where
// the worker's script is not there (the dev server and unit tests run the TypeScript sources), the
// same code runs in this thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { log } from '../../src/lib/server/log';
import type { OverviewAnswer } from '../../src/lib/server/overview';
import { computeOverview, type OverviewResult } from './compute';

/** The bundled worker, next to the bundled server (scripts/build-server.mjs). */
const WORKER_URL = new URL('./overview-worker.js', import.meta.url);

interface Pending {
	resolve: (answer: OverviewAnswer) => void;
	reject: (error: Error) => void;
}

export class OverviewBuilder {
	private worker: Worker | null = null;
	private pending = new Map<number, Pending>();
	private nextId = 1;

	constructor(private readonly workerUrl: URL | null = existsSync(fileURLToPath(WORKER_URL)) ? WORKER_URL : null) {}

	/** The overview of a document given as one update. Rejects if the bytes do not parse. */
	overviewOf(update: Uint8Array): Promise<OverviewAnswer> {
		const worker = this.workerUrl === null ? null : this.startedWorker(this.workerUrl);
		if (worker === null) {
			try {
				return Promise.resolve(computeOverview(update));
			} catch (error) {
				return Promise.reject(error);
			}
		}
		const id = this.nextId++;
		return new Promise<OverviewAnswer>((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			// A copy goes over: the room keeps answering clients from its own bytes meanwhile.
			worker.postMessage({ id, update });
			// Only while it has work: an idle worker must not keep a stopping process alive.
			worker.ref();
		});
	}

	/** Stops the worker; waiting callers are told. */
	async close(): Promise<void> {
		const worker = this.worker;
		this.worker = null;
		this.failAll(new Error('the server is shutting down'));
		await worker?.terminate();
	}

	private startedWorker(url: URL): Worker {
		if (this.worker !== null) return this.worker;
		const worker = new Worker(url);
		worker.unref();
		worker.on('message', (result: OverviewResult) => {
			const waiting = this.pending.get(result.id);
			this.pending.delete(result.id);
			if (this.pending.size === 0) worker.unref();
			if (!waiting) return;
			if (result.ok) waiting.resolve(result.answer);
			else waiting.reject(new Error(result.message));
		});
		// A crashed worker fails what it held; the next request starts a new one.
		const lost = (error: Error) => {
			if (this.worker !== worker) return;
			log.error('overview.worker_failed', { error });
			this.worker = null;
			this.failAll(error);
		};
		worker.on('error', lost);
		worker.on('exit', (code) => lost(new Error(`the overview worker stopped (exit code ${code})`)));
		this.worker = worker;
		return worker;
	}

	private failAll(error: Error): void {
		const pending = [...this.pending.values()];
		this.pending.clear();
		for (const { reject } of pending) reject(error);
	}
}
