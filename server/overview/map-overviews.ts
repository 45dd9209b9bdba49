// Maps' overviews for the route that serves them: from a room's live Doc once it has changed since
// it was stored, otherwise from the stored bytes in a worker thread (overview-builder.ts), each stored
// state computed once. Large maps' overviews start as soon as their room loads.
import type { DocumentStore } from '../../src/lib/server/storage/types';
import { SYNC } from '../../src/lib/server/limits';
import { log } from '../../src/lib/server/log';
import { overviewAnswer, type OverviewAnswer } from '../../src/lib/server/overview';
import type { SyncRoom } from '../sync/room';
import { StoredState } from '../sync/stored-state';
import { OverviewBuilder } from './overview-builder';

/** Overviews of this many maps are kept (a 10,000-actor map's is about 0.5 MB of JSON). */
const OVERVIEWS_KEPT = 16;

export class MapOverviews {
	/**
	 * The latest overview computed from storage, per document, with the sequence number of the last
	 * update it includes: the same stored state read by a page before the map's room loaded and by
	 * the room itself is computed once. Most recently used last; the oldest go beyond the limit.
	 */
	private readonly fromStorage = new Map<string, { storedSeq: number; answer: Promise<OverviewAnswer> }>();

	constructor(
		private readonly storage: Pick<DocumentStore, 'loadDocument'>,
		private readonly builder: OverviewBuilder = new OverviewBuilder()
	) {}

	/** The overview of the graph document `docId`, whose room (if open) is `room`. */
	async read(docId: string, room: SyncRoom | undefined): Promise<OverviewAnswer> {
		if (room && room.state === 'ready') {
			const bytes = room.unchangedStoredBytes();
			if (bytes !== null) return this.fromStored(docId, room.storedSeq, () => bytes);
			const live = await room.readDocument();
			if (live !== null) return overviewAnswer(live);
		}
		const stored = await this.storage.loadDocument(docId);
		return this.fromStored(docId, stored.lastSeq, () => StoredState.from(stored).update);
	}

	/** A large map's overview is on its way once its room has loaded, before anyone asks for it. */
	precompute(room: SyncRoom): void {
		if (room.kind !== 'graph') return;
		const bytes = room.unchangedStoredBytes();
		if (bytes === null || bytes.byteLength < SYNC.overviewPrecomputeBytes) return;
		this.fromStored(room.docId, room.storedSeq, () => bytes).catch((error: unknown) =>
			log.warn('overview.precompute_failed', { docId: room.docId, error })
		);
	}

	close(): Promise<void> {
		return this.builder.close();
	}

	private fromStored(docId: string, storedSeq: number, bytes: () => Uint8Array): Promise<OverviewAnswer> {
		const known = this.fromStorage.get(docId);
		this.fromStorage.delete(docId);
		if (known !== undefined && known.storedSeq === storedSeq) {
			this.fromStorage.set(docId, known);
			return known.answer;
		}
		const answer = this.builder.overviewOf(bytes());
		const entry = { storedSeq, answer };
		this.fromStorage.set(docId, entry);
		// A failure is not kept: the next reader tries again.
		answer.catch(() => {
			if (this.fromStorage.get(docId) === entry) this.fromStorage.delete(docId);
		});
		for (const oldest of this.fromStorage.keys()) {
			if (this.fromStorage.size <= OVERVIEWS_KEPT) break;
			this.fromStorage.delete(oldest);
		}
		return answer;
	}
}
