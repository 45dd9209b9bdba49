// Stores the updates (and who made them) of every room that received some in one event-loop turn in
// one transaction, so that twenty busy maps cost one commit a turn instead of forty; each room
// broadcasts its own updates only once that commit is done, and hears of a failed one instead.
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

	/** Stores `document`'s updates with everyone else's at the end of this turn. */
	schedule(document: QueuedDocument): void {
		this.waiting.add(document);
		if (this.scheduled) return;
		this.scheduled = true;
		// setImmediate runs after the turn's socket reads: every update that came in this turn, from
		// any map, shares the commit.
		setImmediate(() => {
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
