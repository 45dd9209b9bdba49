// Typed access to the top-level maps of a Kartta map document.
import type * as Y from 'yjs';
import { ACTORS_MAP, FIELDS_MAP, LINKS_MAP, META_MAP, REGIONS_MAP, SECTORS_MAP, VIEWS_MAP } from './schema';

/**
 * Values are `unknown` on purpose: any client can write anything into these maps, so every
 * read goes through the tolerant readers in read.ts and read-catalog.ts.
 */
export interface MapParts {
	readonly actors: Y.Map<unknown>;
	readonly links: Y.Map<unknown>;
	readonly regions: Y.Map<unknown>;
	readonly meta: Y.Map<unknown>;
	/** Since schema version 2. */
	readonly sectors: Y.Map<unknown>;
	readonly fields: Y.Map<unknown>;
	readonly views: Y.Map<unknown>;
}

export function mapParts(doc: Y.Doc): MapParts {
	return {
		actors: doc.getMap<unknown>(ACTORS_MAP),
		links: doc.getMap<unknown>(LINKS_MAP),
		regions: doc.getMap<unknown>(REGIONS_MAP),
		meta: doc.getMap<unknown>(META_MAP),
		sectors: doc.getMap<unknown>(SECTORS_MAP),
		fields: doc.getMap<unknown>(FIELDS_MAP),
		views: doc.getMap<unknown>(VIEWS_MAP)
	};
}

/**
 * The maps a user's Y.UndoManager should track: everything users edit, so that one undo step
 * restores e.g. a deleted sector together with the actors' references to it. Not `meta`
 * (migrations write there), matching what the editor tracks today.
 */
export function undoScope(parts: MapParts): Y.Map<unknown>[] {
	return [parts.actors, parts.links, parts.regions, parts.sectors, parts.fields, parts.views];
}
