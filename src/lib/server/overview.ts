// A map's overview (src/lib/map/overview.ts) as the JSON the editor fetches, kept per live document
// until its next change: a steering group opening a large map together reads it once, not per person.
import type * as Y from 'yjs';
import { MapModel, mapOverview } from '../map';

export interface OverviewAnswer {
	json: string;
	/** Actors + links drawn: the page decides from this alone whether to draw. */
	elements: number;
}

const cache = new WeakMap<Y.Doc, OverviewAnswer>();

/** The overview of `doc` as JSON; computed once per state of a document that stays in memory (a loaded room's). */
export function overviewAnswer(doc: Y.Doc): OverviewAnswer {
	const cached = cache.get(doc);
	if (cached !== undefined) return cached;
	const overview = mapOverview(new MapModel(doc));
	const answer = { json: JSON.stringify(overview), elements: overview.actorKinds.length + overview.linkKinds.length };
	cache.set(doc, answer);
	doc.once('update', () => cache.delete(doc));
	return answer;
}
