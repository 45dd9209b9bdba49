// Restoring an earlier version as a forward change: the live document is edited, key by key, until
// it reads like the version. It is never rebuilt from JSON, which would duplicate everything when an
// offline copy that still holds the old items merges back.
import * as Y from 'yjs';
import { ACTORS_MAP, FIELDS_MAP, LINKS_MAP, META_MAP, REGIONS_MAP, SECTORS_MAP, VIEWS_MAP } from './schema';

/** The graph document's top-level maps that a restore brings back. */
export const RESTORED_MAPS = [ACTORS_MAP, LINKS_MAP, REGIONS_MAP, SECTORS_MAP, FIELDS_MAP, VIEWS_MAP, META_MAP] as const;

/** Keys a restore leaves as they are: the schema version belongs to the document, not to a version. */
const KEPT_KEYS: ReadonlySet<string> = new Set(['schemaVersion']);

function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	return JSON.stringify(a) === JSON.stringify(b);
}

/** A fresh Y.Map holding a deep copy of `source` (nested Y.Maps copied as Y.Maps). */
function copyOf(source: Y.Map<unknown>): Y.Map<unknown> {
	const copy = new Y.Map<unknown>();
	for (const [key, value] of source) copy.set(key, value instanceof Y.Map ? copyOf(value) : value);
	return copy;
}

/** Makes `target` read like `source`, touching only the keys that differ. */
function reconcile(target: Y.Map<unknown>, source: Y.Map<unknown>, topLevel: boolean): void {
	for (const key of [...target.keys()]) {
		if (!source.has(key) && !(topLevel && KEPT_KEYS.has(key))) target.delete(key);
	}
	for (const [key, wanted] of source) {
		if (topLevel && KEPT_KEYS.has(key)) continue;
		const current = target.get(key);
		if (wanted instanceof Y.Map) {
			if (current instanceof Y.Map) reconcile(current, wanted, false);
			else target.set(key, copyOf(wanted));
		} else if (!sameValue(current, wanted)) {
			target.set(key, wanted);
		}
	}
}

/**
 * Edits `live` until its graph reads like `version`'s. Call it inside one transaction (or let it
 * open one) so the restore is one change for everyone, and one undo step for whoever did it.
 */
export function restoreGraphTo(live: Y.Doc, version: Y.Doc, origin: unknown = null): void {
	live.transact(() => {
		for (const name of RESTORED_MAPS) {
			reconcile(live.getMap(name), version.getMap(name), name === META_MAP);
		}
	}, origin);
}
