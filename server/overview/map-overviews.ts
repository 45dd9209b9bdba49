// Maps' overviews for the route that serves them: from a room's live Doc once it has changed since
// it was stored, otherwise from the stored bytes in a worker thread (overview-builder.ts), each set of
// bytes computed once. Large maps' overviews start as soon as their room loads.
import type { DocumentStore } from '../../src/lib/server/storage/types';
import { SYNC } from '../../src/lib/server/limits';
import { log } from '../../src/lib/server/log';
import { overviewAnswer, type OverviewAnswer } from '../../src/lib/server/overview';
import type { SyncRoom } from '../sync/room';
import { StoredState } from '../sync/stored-state';
import { OverviewBuilder } from './overview-builder';

export class MapOverviews {
	/** Per stored bytes: a room keeps the same bytes object until it changes. */
	private readonly ofBytes = new WeakMap<Uint8Array, Promise<OverviewAnswer>>();

	constructor(
		private readonly storage: Pick<DocumentStore, 'loadDocument'>,
		private readonly builder: OverviewBuilder = new OverviewBuilder()
	) {}

	/** The overview of the graph document `docId`, whose room (if open) is `room`. */
	async read(docId: string, room: SyncRoom | undefined): Promise<OverviewAnswer> {
		if (room && room.state === 'ready') {
			const bytes = room.unchangedStoredBytes();
			if (bytes !== null) return this.fromBytes(bytes);
			const live = await room.readDocument();
			if (live !== null) return overviewAnswer(live);
		}
		return this.fromBytes(StoredState.from(await this.storage.loadDocument(docId)).update);
	}

	/** A large map's overview is on its way once its room has loaded, before anyone asks for it. */
	precompute(room: SyncRoom): void {
		if (room.kind !== 'graph') return;
		const bytes = room.unchangedStoredBytes();
		if (bytes === null || bytes.byteLength < SYNC.overviewPrecomputeBytes) return;
		this.fromBytes(bytes).catch((error: unknown) => log.warn('overview.precompute_failed', { docId: room.docId, error }));
	}

	close(): Promise<void> {
		return this.builder.close();
	}

	private fromBytes(bytes: Uint8Array): Promise<OverviewAnswer> {
		let answer = this.ofBytes.get(bytes);
		if (answer === undefined) {
			answer = this.builder.overviewOf(bytes);
			this.ofBytes.set(bytes, answer);
			// A failure is not kept: the next reader tries again.
			answer.catch(() => this.ofBytes.delete(bytes));
		}
		return answer;
	}
}
