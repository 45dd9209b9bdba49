// Which actors and links a filter leaves visible: pure functions over the model's views (hidden elements stay in the document).
import { DEFAULT_LINK_STATUS, type ActorView, type LinkView } from '$lib/map';
import type { FocusDirection, ViewFilter } from './view-state';

export interface VisibleSet {
	actors: Set<string>;
	links: Set<string>;
}

/** The parts of a link a filter or a walk needs. */
export type LinkEnds = Pick<LinkView, 'id' | 'source' | 'target' | 'direction'>;

const lower = (text: string) => text.toLocaleLowerCase();

function actorPasses(actor: ActorView, filter: ViewFilter, tags: Set<string>): boolean {
	if (filter.kinds.length > 0 && !filter.kinds.includes(actor.kind)) return false;
	if (filter.regions.length > 0 && !filter.regions.includes(actor.region ?? '')) return false;
	if (filter.sectors.length > 0 && !(actor.sectors ?? []).some((sector) => filter.sectors.includes(sector))) return false;
	if (tags.size > 0 && !(actor.tags ?? []).some((tag) => tags.has(lower(tag)))) return false;
	return true;
}

/** A link without a recorded strength fails a minimum: "strong links only" must not show unknown ones. */
function linkPasses(link: LinkView, filter: ViewFilter): boolean {
	if (filter.linkKinds.length > 0 && !filter.linkKinds.includes(link.kind)) return false;
	if (filter.statuses.length > 0 && !filter.statuses.includes(link.status ?? DEFAULT_LINK_STATUS)) return false;
	if (filter.minStrength !== null && (link.strength === undefined || link.strength < filter.minStrength)) return false;
	return true;
}

/** Links one can follow from `from`, in the walk's direction; undirected and mutual links go both ways. */
function follows(link: LinkEnds, from: string, direction: FocusDirection): string | null {
	const twoWay = link.direction === 'undirected' || link.direction === 'mutual';
	if (link.source === from && (direction !== 'in' || twoWay)) return link.target;
	if (link.target === from && (direction !== 'out' || twoWay)) return link.source;
	return null;
}

/**
 * Actors within `depth` steps of `start` along `links` (the start included). `out` follows links
 * from source to target, `in` against it, `all` both ways.
 */
export function neighbourhood(links: readonly LinkEnds[], start: string, depth: number, direction: FocusDirection): Set<string> {
	const byActor = new Map<string, LinkEnds[]>();
	for (const link of links) {
		for (const end of [link.source, link.target]) {
			let list = byActor.get(end);
			if (!list) byActor.set(end, (list = []));
			list.push(link);
		}
	}
	const reached = new Set([start]);
	let frontier = [start];
	for (let step = 0; step < depth && frontier.length > 0; step++) {
		const next: string[] = [];
		for (const actor of frontier) {
			for (const link of byActor.get(actor) ?? []) {
				const other = follows(link, actor, direction);
				if (other !== null && !reached.has(other)) {
					reached.add(other);
					next.push(other);
				}
			}
		}
		frontier = next;
	}
	return reached;
}

/**
 * Order: actor fields, then link fields (a link shows only between two shown actors), then the
 * focus walk over the links still shown, then "hide unconnected" over what is left.
 */
export function visibleElements(actors: readonly ActorView[], links: readonly LinkView[], filter: ViewFilter): VisibleSet {
	const tags = new Set(filter.tags.map(lower));
	const visibleActors = new Set(actors.filter((actor) => actorPasses(actor, filter, tags)).map((actor) => actor.id));
	let visibleLinks = links.filter(
		(link) => !link.dangling && visibleActors.has(link.source) && visibleActors.has(link.target) && linkPasses(link, filter)
	);

	// A focus on an actor deleted since (a saved view's, say) is ignored rather than hiding everything.
	if (filter.focus !== null && actors.some((actor) => actor.id === filter.focus!.actor)) {
		const around = visibleActors.has(filter.focus.actor)
			? neighbourhood(visibleLinks, filter.focus.actor, filter.focus.depth, filter.focus.direction)
			: new Set<string>();
		for (const id of visibleActors) if (!around.has(id)) visibleActors.delete(id);
		visibleLinks = visibleLinks.filter((link) => around.has(link.source) && around.has(link.target));
	}

	if (filter.hideUnconnected) {
		const connected = new Set<string>();
		for (const link of visibleLinks) connected.add(link.source).add(link.target);
		for (const id of visibleActors) if (!connected.has(id)) visibleActors.delete(id);
	}
	return { actors: visibleActors, links: new Set(visibleLinks.map((link) => link.id)) };
}

/** Folds case and accents, so "aanekoski" finds "Äänekoski". */
export function searchKey(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export const MAX_SEARCH_RESULTS = 8;

/**
 * Type-ahead matches: names starting with the query first, then names containing it, then
 * Business IDs and tags; ties in name order. Hidden actors are found too (jumping to one shows it).
 */
export function searchActors<T extends Pick<ActorView, 'id' | 'name' | 'businessId' | 'tags'>>(
	actors: readonly T[],
	query: string,
	limit = MAX_SEARCH_RESULTS
): T[] {
	const needle = searchKey(query.trim());
	if (needle === '') return [];
	const scored: { actor: T; rank: number; key: string }[] = [];
	for (const actor of actors) {
		const key = searchKey(actor.name);
		let rank = -1;
		if (key.startsWith(needle)) rank = 0;
		else if (key.split(/[\s\-–(/]+/).some((word) => word.startsWith(needle))) rank = 1;
		else if (key.includes(needle)) rank = 2;
		else if (actor.businessId?.startsWith(query.trim())) rank = 3;
		else if ((actor.tags ?? []).some((tag) => searchKey(tag).startsWith(needle))) rank = 4;
		if (rank >= 0) scored.push({ actor, rank, key });
	}
	scored.sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return scored.slice(0, limit).map((entry) => entry.actor);
}
