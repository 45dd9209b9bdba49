// Housekeeping after concurrent edits: removes references to deleted elements. Idempotent, and no user's undo step.
import * as Y from 'yjs';
import type { MapParts } from './doc';
import { readLink } from './read';
import { CUSTOM_KEY } from './schema';
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

/** An actor's sector list without the given ids; null when nothing is left (the key is then removed). */
export function sectorsWithout(stored: unknown, gone: (id: unknown) => boolean): unknown[] | null {
	const kept = (stored as unknown[]).filter((id) => !gone(id));
	return kept.length === 0 ? null : kept;
}

/**
 * Removes sector ids that no longer exist from actors' `sectors` (a sector deleted while someone
 * assigned it). Returns how many actors changed. Lists that are not arrays are left to the readers.
 */
export function clearDanglingSectors(doc: Y.Doc, parts: MapParts): number {
	const gone = (id: unknown) => typeof id === 'string' && !parts.sectors.has(id);
	const stale = elementMaps(parts.actors).filter((actor) => {
		const sectors = actor.get('sectors');
		return Array.isArray(sectors) && sectors.some(gone);
	});
	if (stale.length > 0) {
		doc.transact(() => {
			for (const actor of stale) {
				const kept = sectorsWithout(actor.get('sectors'), gone);
				if (kept === null) actor.delete('sectors');
				else actor.set('sectors', kept);
			}
		}, MAINTENANCE_ORIGIN);
	}
	return stale.length;
}

/** Deletes custom values whose field definition no longer exists (deleted while someone set a value). Returns how many. */
export function deleteOrphanCustomValues(doc: Y.Doc, parts: MapParts): number {
	const orphans: [Y.Map<unknown>, string][] = [];
	for (const element of [...elementMaps(parts.actors), ...elementMaps(parts.links)]) {
		const custom = element.get(CUSTOM_KEY);
		if (!(custom instanceof Y.Map)) continue;
		for (const fieldId of custom.keys()) if (!parts.fields.has(fieldId)) orphans.push([custom, fieldId]);
	}
	if (orphans.length > 0) {
		doc.transact(() => orphans.forEach(([custom, fieldId]) => custom.delete(fieldId)), MAINTENANCE_ORIGIN);
	}
	return orphans.length;
}
