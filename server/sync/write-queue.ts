// Stores the updates (and who made them) that rooms applied together (one socket read's frames, or
// one run of server code) in one transaction with their activity records; each room broadcasts its
// own updates only once that commit is done, and hears of a failed one instead.
import type { DocumentAppend, DocumentStore } from '../../src/lib/server/storage/types';
import { log } from '../../src/lib/server/log';

/** The storage the queue writes to. */
export type BatchStorage = Pick<DocumentStore, 'appendUpdateBatches'>;

/** A room with updates to store. */
export interface QueuedDocument {
	readonly docId: string;
	/** Hands over every update applied but not yet stored, with its activity (none if the room has closed). */
	takeUpdates(): Omit<DocumentAppend, 'docId'>;
	/** Those updates are committed; `lastSeq` is the last one's sequence number in the log. */
	updatesStored(lastSeq: number): void;
	/** Those updates were not stored (the whole transaction was rolled back). */
	updatesFailed(error: unknown): void;
}

export class DocumentWriteQueue {
	private waiting = new Set<QueuedDocument>();
	private scheduled = false;
	/** Commits happen one after another, in the order they were taken. */
	private chain: Promise<void> = Promise.resolve();

	constructor(private readonly storage: BatchStorage) {}

	/** Stores `document`'s updates with those applied in the same run of code, once that run is done. */
	schedule(document: QueuedDocument): void {
		this.waiting.add(document);
		if (this.scheduled) return;
		this.scheduled = true;
		// A microtask runs once the code that applied this update is done (for one socket read, every
		// frame it carried), before the next socket's read: updates applied together share the commit,
		// and no update waits for other sockets' reads to be broadcast. (At the end of the whole turn,
		// with setImmediate, p95 latency at 50 editors on one map was 1.3x the reference server's.)
		queueMicrotask(() => {
			this.scheduled = false;
			this.chain = this.chain.then(() => this.flush());
		});
	}

	private async flush(): Promise<void> {
		const documents = [...this.waiting];
		this.waiting.clear();
		const batch = documents
			.map((document) => ({ document, append: { docId: document.docId, ...document.takeUpdates() } }))
			.filter(({ append }) => append.updates.length > 0);
		if (batch.length === 0) return;
		let lastSeqs: number[];
		try {
			lastSeqs = await this.storage.appendUpdateBatches(batch.map(({ append }) => append));
		} catch (error) {
			// One transaction: nothing of the batch is stored, so no room may broadcast any of it.
			for (const { document } of batch) notify(document, () => document.updatesFailed(error));
			return;
		}
		batch.forEach(({ document }, i) => notify(document, () => document.updatesStored(lastSeqs[i]!)));
	}
}

/** One room's trouble after the commit must not keep the others from hearing of it. */
function notify(document: QueuedDocument, callback: () => void): void {
	try {
		callback();
	} catch (error) {
		log.error('sync.write_notify_failed', { docId: document.docId, error });
	}
}
