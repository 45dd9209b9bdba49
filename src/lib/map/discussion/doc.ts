// Typed access to the top-level maps of a map's discussion document, and how its changes are reported.
import type * as Y from 'yjs';
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

type KeyedPart = 'gaps' | 'targets' | 'growthSectors' | 'threads' | 'reads';
const KEYED_PARTS: readonly KeyedPart[] = ['gaps', 'targets', 'growthSectors', 'threads', 'reads'];

/** One report per transaction, like MapModel.observe; returns the unsubscribe function. */
export function observeDiscussion(
	doc: Y.Doc,
	parts: DiscussionParts,
	isLocal: (origin: unknown) => boolean,
	callback: (change: DiscussionChange) => void
): () => void {
	let pending: DiscussionChange | null = null;
	const changeFor = (transaction: Y.Transaction): DiscussionChange =>
		(pending ??= {
			gaps: new Set(),
			targets: new Set(),
			growthSectors: new Set(),
			threads: new Set(),
			reads: new Set(),
			meta: false,
			local: isLocal(transaction.origin)
		});
	const unobservers = KEYED_PARTS.map((name) => {
		const map = parts[name];
		const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
			const ids = changeFor(transaction)[name];
			// A read marker's key starts with the user id; report the user.
			const idOf = (key: string) => (name === 'reads' ? key.split(READ_KEY_SEPARATOR)[0]! : key);
			for (const event of events) {
				if (event.target === map) for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(idOf(String(key)));
				else if (typeof event.path[0] === 'string') ids.add(idOf(event.path[0]));
			}
		};
		map.observeDeep(onChange);
		return () => map.unobserveDeep(onChange);
	});
	const onMeta = (_events: unknown, transaction: Y.Transaction) => {
		changeFor(transaction).meta = true;
	};
	parts.meta.observeDeep(onMeta);
	const flush = () => {
		if (pending === null) return;
		const change = pending;
		pending = null;
		callback(change);
	};
	doc.on('afterTransaction', flush);
	return () => {
		for (const unobserve of unobservers) unobserve();
		parts.meta.unobserveDeep(onMeta);
		doc.off('afterTransaction', flush);
	};
}
