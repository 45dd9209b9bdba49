// The one batching mechanism behind MapModel.observe and DiscussionModel.observe: deep changes of
// a document's keyed top-level maps, reported once per transaction as the ids that changed.
import type * as Y from 'yjs';

/** Per keyed map, the ids changed in one transaction; `meta` if the meta map changed; `local` by origin. */
export type KeyedChange<K extends string> = Record<K, Set<string>> & { meta: boolean; local: boolean };

export interface KeyedObservation<K extends string> {
	doc: Y.Doc;
	/** The maps whose entries are elements keyed by id. */
	maps: Record<K, Y.Map<unknown>>;
	meta: Y.Map<unknown>;
	isLocal(origin: unknown): boolean;
	/** The id to report for a changed key (default: the key itself). */
	idOf?(map: K, key: string): string;
}

export function observeKeyedMaps<K extends string>(
	{ doc, maps, meta, isLocal, idOf = (_map, key) => key }: KeyedObservation<K>,
	callback: (change: KeyedChange<K>) => void
): () => void {
	const names = Object.keys(maps) as K[];
	// Filled by the deep observers of one transaction, flushed by its 'afterTransaction' (which Yjs emits after them).
	let pending: KeyedChange<K> | null = null;
	const changeFor = (transaction: Y.Transaction): KeyedChange<K> => {
		if (pending) return pending;
		const ids = Object.fromEntries(names.map((name) => [name, new Set<string>()])) as Record<K, Set<string>>;
		return (pending = Object.assign(ids, { meta: false, local: isLocal(transaction.origin) }));
	};

	const unobservers = names.map((name) => {
		const map = maps[name];
		const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
			const ids = changeFor(transaction)[name];
			for (const event of events) {
				if (event.target === map) {
					for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(idOf(name, String(key)));
				} else {
					// A field of a nested element (or deeper) changed: the first path step is the element's key.
					const key = event.path[0];
					if (typeof key === 'string') ids.add(idOf(name, key));
				}
			}
		};
		map.observeDeep(onChange);
		return () => map.unobserveDeep(onChange);
	});

	const onMeta = (_events: unknown, transaction: Y.Transaction) => {
		changeFor(transaction).meta = true;
	};
	meta.observeDeep(onMeta);

	const flush = () => {
		if (pending === null) return;
		const change = pending;
		pending = null;
		callback(change);
	};
	doc.on('afterTransaction', flush);

	return () => {
		for (const unobserve of unobservers) unobserve();
		meta.unobserveDeep(onMeta);
		doc.off('afterTransaction', flush);
	};
}
