// A room's document as its stored bytes, before any Y.Doc is built from them: enough to answer
// clients' first syncs, since parsing a large map into a Y.Doc costs far more than passing its bytes
// on (a new client) or diffing them (a returning one).
import * as Y from 'yjs';
import type { StoredDocument } from '../../src/lib/server/storage/types';

/** An update that holds nothing: what an empty document encodes to. */
const EMPTY_UPDATE: Uint8Array = Y.encodeStateAsUpdate(new Y.Doc());

export class StoredState {
	/** The state vector of `update`, read from it only when a client needs it (it parses every struct). */
	private vector: { encoded: Uint8Array; clocks: Map<number, number> } | null = null;

	private constructor(
		/** Everything stored, as one update (snapshot and log merged). */
		readonly update: Uint8Array
	) {}

	/** Merges a snapshot and the log after it. */
	static from(stored: StoredDocument): StoredState {
		const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
		return new StoredState(parts.length === 0 ? EMPTY_UPDATE : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
	}

	/** The server's state vector, for its sync step 1; throws if the stored bytes do not parse. */
	get stateVector(): Uint8Array {
		return this.clocks().encoded;
	}

	private clocks(): { encoded: Uint8Array; clocks: Map<number, number> } {
		if (this.vector === null) {
			const encoded = Y.encodeStateVectorFromUpdate(this.update);
			this.vector = { encoded, clocks: Y.decodeStateVector(encoded) };
		}
		return this.vector;
	}

	/**
	 * Whether a client with this state vector holds any of the stored document. One that holds none
	 * (a fresh tab) lacks all of it: the stored bytes are its answer as they are, without parsing.
	 */
	sharesHistoryWith(clientStateVector: Uint8Array): boolean {
		const theirs = [...Y.decodeStateVector(clientStateVector)].filter(([, clock]) => clock > 0);
		if (theirs.length === 0) return false;
		const ours = this.clocks().clocks;
		return theirs.some(([client]) => ours.has(client));
	}

	/** What a client with this state vector lacks (Y.diffUpdate reads every struct: a fraction of a build). */
	missingFor(clientStateVector: Uint8Array): Uint8Array {
		return this.sharesHistoryWith(clientStateVector) ? Y.diffUpdate(this.update, clientStateVector) : this.update;
	}
}

/** Whether a client with this state vector has any content at all (an empty one has nothing to send us). */
export function holdsAnything(clientStateVector: Uint8Array): boolean {
	for (const clock of Y.decodeStateVector(clientStateVector).values()) if (clock > 0) return true;
	return false;
}
