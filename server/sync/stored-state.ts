// A room's document as its stored bytes, before any Y.Doc is built from them: enough to answer
// clients' first syncs, since parsing a large map into a Y.Doc costs far more than diffing its bytes.
import * as Y from 'yjs';
import type { StoredDocument } from '../../src/lib/server/storage/types';

/** An update that holds nothing: what an empty document encodes to. */
const EMPTY_UPDATE: Uint8Array = Y.encodeStateAsUpdate(new Y.Doc());

export class StoredState {
	private constructor(
		/** Everything stored, as one update (snapshot and log merged). */
		readonly update: Uint8Array,
		/** The clock reached by each client in `update`. */
		private readonly clocks: Map<number, number>,
		/** The same, encoded for a sync step 1. */
		readonly stateVector: Uint8Array
	) {}

	/** Merges a snapshot and the log after it; throws if the stored bytes do not parse. */
	static from(stored: StoredDocument): StoredState {
		const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
		const update = parts.length === 0 ? EMPTY_UPDATE : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
		const stateVector = Y.encodeStateVectorFromUpdate(update);
		return new StoredState(update, Y.decodeStateVector(stateVector), stateVector);
	}

	/**
	 * Whether a client with this state vector holds any of the stored document. One that holds none
	 * (a fresh tab) lacks all of it: the stored bytes are its answer as they are, without parsing.
	 */
	sharesHistoryWith(clientStateVector: Uint8Array): boolean {
		for (const [client, clock] of Y.decodeStateVector(clientStateVector)) {
			if (clock > 0 && this.clocks.has(client)) return true;
		}
		return false;
	}

	/** What a client with this state vector lacks (Y.diffUpdate reads every struct: a fraction of a build). */
	missingFor(clientStateVector: Uint8Array): Uint8Array {
		return this.sharesHistoryWith(clientStateVector) ? Y.diffUpdate(this.update, clientStateVector) : this.update;
	}
}
