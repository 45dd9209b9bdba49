// Typed access to the top-level maps of a map's discussion document, and how its changes are reported.
import type * as Y from 'yjs';
import { observeKeyedMaps } from '../observe-keys';
import { DISCUSSION_META_MAP, GAPS_MAP, GROWTH_SECTORS_MAP, READ_KEY_SEPARATOR, READS_MAP, TARGETS_MAP, THREADS_MAP } from './schema';

export interface DiscussionParts {
	readonly gaps: Y.Map<unknown>;
	readonly targets: Y.Map<unknown>;
	readonly growthSectors: Y.Map<unknown>;
	readonly threads: Y.Map<unknown>;
	/** `${userId}/${threadId}` -> read marker (see READS_MAP). */
	readonly reads: Y.Map<unknown>;
	readonly meta: Y.Map<unknown>;
}

export function discussionParts(doc: Y.Doc): DiscussionParts {
	return {
		gaps: doc.getMap<unknown>(GAPS_MAP),
		targets: doc.getMap<unknown>(TARGETS_MAP),
		growthSectors: doc.getMap<unknown>(GROWTH_SECTORS_MAP),
		threads: doc.getMap<unknown>(THREADS_MAP),
		reads: doc.getMap<unknown>(READS_MAP),
		meta: doc.getMap<unknown>(DISCUSSION_META_MAP)
	};
}

/** Ids added, changed or deleted in one transaction (a comment counts as a change of its thread; `reads` lists user ids). */
export interface DiscussionChange {
	gaps: Set<string>;
	targets: Set<string>;
	growthSectors: Set<string>;
	threads: Set<string>;
	reads: Set<string>;
	meta: boolean;
	local: boolean;
}

/** One report per transaction, like MapModel.observe; returns the unsubscribe function. */
export function observeDiscussion(
	doc: Y.Doc,
	parts: DiscussionParts,
	isLocal: (origin: unknown) => boolean,
	callback: (change: DiscussionChange) => void
): () => void {
	const { gaps, targets, growthSectors, threads, reads, meta } = parts;
	return observeKeyedMaps(
		{
			doc,
			maps: { gaps, targets, growthSectors, threads, reads },
			meta,
			isLocal,
			// A read marker's key starts with the user id; report the user.
			idOf: (map, key) => (map === 'reads' ? key.split(READ_KEY_SEPARATOR)[0]! : key)
		},
		callback
	);
}
