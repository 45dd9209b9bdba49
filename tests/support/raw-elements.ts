// Builds map elements straight into a Y.Doc, as a client of another version might: large test maps
// are written in one transaction this way, far faster than through MapModel's validated writes.
import * as Y from 'yjs';

/** One stored element (actor, link, region) with the given fields and an empty custom-value map. */
export function rawElement(fields: Record<string, unknown>): Y.Map<unknown> {
	const map = new Y.Map<unknown>();
	for (const [key, value] of Object.entries(fields)) map.set(key, value);
	map.set('custom', new Y.Map());
	return map;
}

/** A 16-character element id made of a prefix and a zero-padded number, as the schema's ids are long. */
export const rawId = (prefix: string, n: number) => `${prefix}${String(n).padStart(15 - prefix.length + 1, '0')}`;
