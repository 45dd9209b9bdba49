// How much of a room's document is in its stored update log, and folding that log into one
// snapshot (compaction): every SYNC.compactAfterUpdates updates and when the room unloads.
import type { DocumentStore, StoredDocument } from '../../src/lib/server/storage/types';
import { SYNC } from '../../src/lib/server/limits';
import { log } from '../../src/lib/server/log';

export class StoredLog {
	/** Sequence number of the last stored update. */
	private lastSeq = 0;
	private updatesSinceSnapshot = 0;
	/** Snapshot + log + what is being stored: what the map's size limit counts. */
	bytes = 0;
	private compaction: Promise<void> = Promise.resolve();

	constructor(
		private readonly docId: string,
		private readonly storage: Pick<DocumentStore, 'compact'>
	) {}

	loaded(stored: StoredDocument): void {
		this.lastSeq = stored.lastSeq;
		this.updatesSinceSnapshot = stored.updates.length;
		this.bytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, u) => sum + u.byteLength, 0);
	}

	appended(count: number, lastSeq: number): void {
		this.lastSeq = lastSeq;
		this.updatesSinceSnapshot += count;
	}

	/** The sequence number of the last stored update: with the document's id, names what is stored. */
	get storedSeq(): number {
		return this.lastSeq;
	}

	get compactionDue(): boolean {
		return this.updatesSinceSnapshot >= SYNC.compactAfterUpdates;
	}

	get hasUpdates(): boolean {
		return this.updatesSinceSnapshot > 0;
	}

	/**
	 * Writes `snapshot()` (the whole document, of stored updates only, or null to skip) and drops the
	 * log it replaces; one compaction at a time.
	 */
	compact(snapshot: () => Uint8Array | null): Promise<void> {
		this.compaction = this.compaction.then(() => this.compactNow(snapshot));
		return this.compaction;
	}

	/** Resolves once every compaction asked for so far is done. */
	settled(): Promise<void> {
		return this.compaction;
	}

	private async compactNow(encode: () => Uint8Array | null): Promise<void> {
		if (!this.hasUpdates) return;
		const snapshot = encode();
		if (snapshot === null) return;
		const uptoSeq = this.lastSeq;
		const updatesAtSnapshot = this.updatesSinceSnapshot;
		const bytesAtSnapshot = this.bytes;
		try {
			await this.storage.compact(this.docId, snapshot, uptoSeq);
			// Updates stored while the snapshot was written stay in the log and in the counts.
			this.updatesSinceSnapshot -= updatesAtSnapshot;
			this.bytes = snapshot.byteLength + (this.bytes - bytesAtSnapshot);
		} catch (error) {
			// A failed compaction loses nothing: the log is still there.
			log.warn('room.compact_failed', { docId: this.docId, error });
		}
	}
}
