// Housekeeping after concurrent edits: removes references to deleted elements. Idempotent, and no user's undo step.
import type * as Y from 'yjs';
import type { MapParts } from './doc';
import { readLink } from './read';
import { elementMaps } from './write';

/** Origin of housekeeping transactions, so no user's undo manager tracks them. */
export const MAINTENANCE_ORIGIN: unknown = Object.freeze({ kartta: 'maintenance' });

/**
 * Deletes links whose endpoint no longer exists (a concurrent actor delete and link add leave
 * them). Every replica may run it: deleting an already deleted key is a no-op after merge.
 */
export function deleteDanglingLinks(doc: Y.Doc, parts: MapParts): number {
	const context = { hasActor: (id: string) => parts.actors.has(id), hasRegion: () => true };
	const dangling: string[] = [];
	parts.links.forEach((value, id) => {
		if (readLink(id, value, context).dangling) dangling.push(id);
	});
	if (dangling.length > 0) {
		doc.transact(() => dangling.forEach((id) => parts.links.delete(id)), MAINTENANCE_ORIGIN);
	}
	return dangling.length;
}

/** Clears actors' region when that region was deleted concurrently with the assignment. */
export function clearDanglingRegions(doc: Y.Doc, parts: MapParts): number {
	const stale = elementMaps(parts.actors).filter((actor) => {
		const region = actor.get('region');
		return typeof region === 'string' && !parts.regions.has(region);
	});
	if (stale.length > 0) {
		doc.transact(() => stale.forEach((actor) => actor.delete('region')), MAINTENANCE_ORIGIN);
	}
	return stale.length;
}
