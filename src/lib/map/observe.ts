// Batches deep changes of a map document into one report per transaction: which ids changed, and whether the edit was local.
import type * as Y from 'yjs';
import type { MapParts } from './doc';
import { observeKeyedMaps } from './observe-keys';

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

/** Reports each transaction's changed element ids across the map's element maps and meta. */
export function observeMapChanges(
	doc: Y.Doc,
	parts: MapParts,
	isLocal: (origin: unknown) => boolean,
	callback: (change: MapChange) => void
): () => void {
	const { actors, links, regions, sectors, fields, views, meta } = parts;
	return observeKeyedMaps({ doc, maps: { actors, links, regions, sectors, fields, views }, meta, isLocal }, callback);
}
