// What changed between two states of a map: actors, links and regions added, removed or changed,
// for the history page's comparison (and its highlighting).
import type { MapSnapshot } from './schema';

export interface ElementChange<T> {
	id: string;
	before: T;
	after: T;
	/** The fields whose values differ. */
	fields: string[];
}

export interface CollectionDiff<T> {
	added: T[];
	removed: T[];
	changed: ElementChange<T>[];
}

export interface MapDiff {
	actors: CollectionDiff<MapSnapshot['actors'][number]>;
	links: CollectionDiff<MapSnapshot['links'][number]>;
	regions: CollectionDiff<MapSnapshot['regions'][number]>;
}

/** Fields that describe a read, not the element (validation notes, derived flags). */
const IGNORED_FIELDS: ReadonlySet<string> = new Set(['issues', 'dangling']);

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
	const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...keys].filter((key) => !IGNORED_FIELDS.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

function diffCollection<T extends { id: string }>(before: readonly T[], after: readonly T[]): CollectionDiff<T> {
	const old = new Map(before.map((item) => [item.id, item]));
	const now = new Map(after.map((item) => [item.id, item]));
	const diff: CollectionDiff<T> = { added: [], removed: [], changed: [] };
	for (const [id, item] of now) {
		const previous = old.get(id);
		if (!previous) diff.added.push(item);
		else {
			const fields = changedFields(previous as Record<string, unknown>, item as Record<string, unknown>);
			if (fields.length > 0) diff.changed.push({ id, before: previous, after: item, fields });
		}
	}
	for (const [id, item] of old) if (!now.has(id)) diff.removed.push(item);
	return diff;
}

export function compareSnapshots(before: MapSnapshot, after: MapSnapshot): MapDiff {
	return {
		actors: diffCollection(before.actors, after.actors),
		links: diffCollection(before.links, after.links),
		regions: diffCollection(before.regions, after.regions)
	};
}
