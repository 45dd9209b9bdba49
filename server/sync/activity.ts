// Who changed what: turns a client's Yjs transaction into activity entries (one per changed
// element of a top-level map), attributed to the connection's authenticated user.
import * as Y from 'yjs';

export type ActivityAction = 'created' | 'updated' | 'deleted';

export interface ActivityEntry {
	/** The top-level map the element lives in: actors, links, regions, sectors, gaps, threads, … */
	collection: string;
	elementId: string;
	action: ActivityAction;
}

/** The top-level map and key an (arbitrarily nested) type belongs to, or null for a top-level type. */
function elementOf(type: Y.AbstractType<unknown>, doc: Y.Doc): { collection: string; key: string } | null {
	let child: Y.AbstractType<unknown> = type;
	for (;;) {
		const item = child._item;
		if (!item) return null; // `child` is itself a top-level type
		const parent = item.parent as Y.AbstractType<unknown>;
		if (!parent._item) {
			const collection = topLevelName(parent, doc);
			const key = item.parentSub;
			return collection !== null && key !== null ? { collection, key } : null;
		}
		child = parent;
	}
}

function topLevelName(type: Y.AbstractType<unknown>, doc: Y.Doc): string | null {
	for (const [name, candidate] of doc.share) if (candidate === type) return name;
	return null;
}

/** Entries for one transaction, deduplicated by element (a create that also set fields is one create). */
export function activityOf(transaction: Y.Transaction): ActivityEntry[] {
	const doc = transaction.doc;
	const byElement = new Map<string, ActivityEntry>();
	const note = (collection: string, elementId: string, action: ActivityAction) => {
		const key = `${collection}\u0000${elementId}`;
		const existing = byElement.get(key);
		// created and deleted say more than updated; keep the strongest.
		if (!existing || existing.action === 'updated') byElement.set(key, { collection, elementId, action });
	};
	for (const [type, keys] of transaction.changed) {
		const element = elementOf(type as Y.AbstractType<unknown>, doc);
		if (element) {
			note(element.collection, element.key, 'updated');
			continue;
		}
		// A top-level map: its keys were added, replaced or removed.
		const collection = topLevelName(type as Y.AbstractType<unknown>, doc);
		if (collection === null || !(type instanceof Y.Map)) continue;
		for (const key of keys) {
			if (key === null) continue;
			note(collection, key, type.has(key) ? 'created' : 'deleted');
		}
	}
	return [...byElement.values()];
}
