// Typed access to the four top-level maps of a Kartta map document.
import type * as Y from 'yjs';
import { ACTORS_MAP, LINKS_MAP, META_MAP, REGIONS_MAP } from './schema';

/**
 * Values are `unknown` on purpose: any client can write anything into these maps, so every
 * read goes through the tolerant readers in read.ts.
 */
export interface MapParts {
	readonly actors: Y.Map<unknown>;
	readonly links: Y.Map<unknown>;
	readonly regions: Y.Map<unknown>;
	readonly meta: Y.Map<unknown>;
}

export function mapParts(doc: Y.Doc): MapParts {
	return {
		actors: doc.getMap<unknown>(ACTORS_MAP),
		links: doc.getMap<unknown>(LINKS_MAP),
		regions: doc.getMap<unknown>(REGIONS_MAP),
		meta: doc.getMap<unknown>(META_MAP)
	};
}
