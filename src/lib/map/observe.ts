// Batches deep changes of a map document into one report per transaction: which ids changed, and whether the edit was local.
import type * as Y from 'yjs';
import type { MapParts } from './doc';

/** Ids added, updated or deleted in one transaction; `local` = made through this model (or its undo). */
export interface MapChange {
	actors: Set<string>;
	links: Set<string>;
	regions: Set<string>;
	/** Since schema version 2: the map's catalogues. */
	sectors: Set<string>;
	fields: Set<string>;
	views: Set<string>;
	meta: boolean;
	local: boolean;
}

type ElementMapName = 'actors' | 'links' | 'regions' | 'sectors' | 'fields' | 'views';
const ELEMENT_MAPS: readonly ElementMapName[] = ['actors', 'links', 'regions', 'sectors', 'fields', 'views'];

export function observeMapChanges(
	doc: Y.Doc,
	parts: MapParts,
	isLocal: (origin: unknown) => boolean,
	callback: (change: MapChange) => void
): () => void {
	// Filled by the deep observers of one transaction, flushed by its 'afterTransaction' (which Yjs emits after them).
	let pending: MapChange | null = null;
	const changeFor = (transaction: Y.Transaction): MapChange =>
		(pending ??= {
			actors: new Set(),
			links: new Set(),
			regions: new Set(),
			sectors: new Set(),
			fields: new Set(),
			views: new Set(),
			meta: false,
			local: isLocal(transaction.origin)
		});

	const unobservers = ELEMENT_MAPS.map((name) => {
		const map = parts[name];
		const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
			const ids = changeFor(transaction)[name];
			for (const event of events) {
				if (event.target === map) {
					for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(String(key));
				} else {
					// A field of a nested element (or of its `custom` map) changed: the first path step is the element's id.
					const id = event.path[0];
					if (typeof id === 'string') ids.add(id);
				}
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
