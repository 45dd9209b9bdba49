// Low-level writes into element Y.Maps, shared by the model, migrations and housekeeping.
import * as Y from 'yjs';
import { isPlainObject } from './checks';
import { CUSTOM_KEY } from './schema';

/** Compares a stored value with a new one; plain objects (positions) and arrays (lists) shallowly. */
function sameValue(stored: unknown, next: unknown): boolean {
	if (stored === next) return true;
	if (Array.isArray(stored) && Array.isArray(next)) {
		return stored.length === next.length && stored.every((item, i) => item === next[i]);
	}
	if (!isPlainObject(stored) || !isPlainObject(next)) return false;
	const keys = Object.keys(next);
	return keys.length === Object.keys(stored).length && keys.every((k) => stored[k] === next[k]);
}

/** Writes a patch (null = delete the key), skipping unchanged values so they cost no update and no undo step. */
export function writeFields(element: Y.Map<unknown>, patch: object): void {
	for (const [key, value] of Object.entries(patch)) {
		if (value === undefined) continue;
		if (value === null) {
			if (element.has(key)) element.delete(key);
		} else if (!sameValue(element.get(key), value)) {
			element.set(key, value);
		}
	}
}

/** A new element map; undefined fields are left out rather than stored. */
export function newElement(fields: object): Y.Map<unknown> {
	return new Y.Map<unknown>(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * A new actor or link, created with its (empty) `custom` map. Creating that map later, on first
 * use, would race: two people setting their first custom values at once would each create one,
 * and Yjs keeps only one of the two maps with its values.
 */
export function newCustomizableElement(fields: object, custom: Record<string, unknown> = {}): Y.Map<unknown> {
	const element = newElement(fields);
	element.set(CUSTOM_KEY, new Y.Map<unknown>(Object.entries(custom)));
	return element;
}

/** The element's `custom` map, created if missing (elements made by scripts or before migration 2). */
export function customMapOf(element: Y.Map<unknown>): Y.Map<unknown> {
	const custom = element.get(CUSTOM_KEY);
	if (custom instanceof Y.Map) return custom;
	// A plain object from a script keeps its values in the new map; any other garbage was unreadable anyway.
	const fresh = new Y.Map<unknown>(isPlainObject(custom) ? Object.entries(custom) : []);
	element.set(CUSTOM_KEY, fresh);
	return fresh;
}

/** Raw endpoint ids of a stored link, whatever shape it was stored in. */
export function endpointsOf(link: unknown): [unknown, unknown] {
	if (link instanceof Y.Map) return [link.get('source'), link.get('target')];
	if (isPlainObject(link)) return [link.source, link.target];
	return [undefined, undefined];
}

/** The elements of a top-level map that are proper Y.Maps (the only ones that can be edited). */
export function elementMaps(map: Y.Map<unknown>): Y.Map<unknown>[] {
	const elements: Y.Map<unknown>[] = [];
	map.forEach((value) => {
		if (value instanceof Y.Map) elements.push(value);
	});
	return elements;
}
