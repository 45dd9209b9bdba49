// Turns a map snapshot into the graphs the metrics run on: which links count, which way they point, how much they weigh.
import Graph from 'graphology';
import type { ActorView, LinkStatus, LinkView, MapSnapshot } from '../map';
import { DEFAULT_LINK_DIRECTION, DEFAULT_LINK_STATUS } from '../map';

/** A link's weight when it has no `strength`. */
export const DEFAULT_LINK_WEIGHT = 1;

/** Edge attributes on both graphs: the summed strengths of the links merged into the edge. */
export interface EdgeWeight {
	weight: number;
}

/** A counted link reduced to what the metrics need. */
export interface CountedLink {
	id: string;
	source: string;
	target: string;
	/** True for 'directed' (and absent or unknown) direction: an arc source -> target only. */
	directed: boolean;
	weight: number;
}

export interface AnalysisGraphs {
	/** Actor ids in id order: node insertion order, so results never depend on the snapshot's order. */
	actorIds: string[];
	links: CountedLink[];
	/** Simple undirected graph: parallel links merged, weights summed. */
	undirected: Graph<Record<string, never>, EdgeWeight>;
	/** Simple directed graph: 'undirected' and 'mutual' links give arcs both ways. */
	directed: Graph<Record<string, never>, EdgeWeight>;
	/** Arcs that come from 'directed' links (pairs, deduplicated): reciprocity is measured over these. */
	directedArcs: [string, string][];
	/** Sum of counted link weights per actor. */
	weightedDegree: Map<string, number>;
}

function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Status absent = existing (as the schema says); an unknown status never matches. */
function statusOf(link: LinkView): string {
	return link.status ?? DEFAULT_LINK_STATUS;
}

/**
 * The links analysis counts among `actorIds`: wanted status, both ends present, no self-links
 * (the schema forbids them, but another client may still have stored one).
 */
export function countedLinks(links: readonly LinkView[], actorIds: ReadonlySet<string>, statuses: readonly LinkStatus[]): CountedLink[] {
	const wanted = new Set<string>(statuses);
	const counted: CountedLink[] = [];
	for (const link of links) {
		if (!wanted.has(statusOf(link))) continue;
		if (link.source === link.target || !actorIds.has(link.source) || !actorIds.has(link.target)) continue;
		const direction = link.direction ?? DEFAULT_LINK_DIRECTION;
		counted.push({
			id: link.id,
			source: link.source,
			target: link.target,
			// An unknown direction (a newer client's) is read as the default, like an absent one.
			directed: direction !== 'undirected' && direction !== 'mutual',
			weight: typeof link.strength === 'number' ? link.strength : DEFAULT_LINK_WEIGHT
		});
	}
	return counted.sort((a, b) => compareIds(a.id, b.id));
}

function addWeight(graph: Graph<Record<string, never>, EdgeWeight>, source: string, target: string, weight: number): void {
	const edge = graph.edge(source, target);
	if (edge === undefined) graph.addEdge(source, target, { weight });
	else graph.updateEdgeAttribute(edge, 'weight', (old) => (old ?? 0) + weight);
}

/** Builds the graphs of the actors (all of them, or a town's) and the counted links among them. */
export function buildGraphs(actors: readonly Pick<ActorView, 'id'>[], links: readonly LinkView[], statuses: readonly LinkStatus[]): AnalysisGraphs {
	const actorIds = actors.map((actor) => actor.id).sort(compareIds);
	const present = new Set(actorIds);
	const counted = countedLinks(links, present, statuses);
	const undirected = new Graph<Record<string, never>, EdgeWeight>({ type: 'undirected', multi: false, allowSelfLoops: false });
	const directed = new Graph<Record<string, never>, EdgeWeight>({ type: 'directed', multi: false, allowSelfLoops: false });
	const weightedDegree = new Map<string, number>();
	for (const id of actorIds) {
		undirected.addNode(id);
		directed.addNode(id);
		weightedDegree.set(id, 0);
	}
	const arcKeys = new Set<string>();
	const directedArcs: [string, string][] = [];
	for (const link of counted) {
		addWeight(undirected, link.source, link.target, link.weight);
		addWeight(directed, link.source, link.target, link.weight);
		if (!link.directed) addWeight(directed, link.target, link.source, link.weight);
		else {
			const key = JSON.stringify([link.source, link.target]);
			if (!arcKeys.has(key)) {
				arcKeys.add(key);
				directedArcs.push([link.source, link.target]);
			}
		}
		weightedDegree.set(link.source, weightedDegree.get(link.source)! + link.weight);
		weightedDegree.set(link.target, weightedDegree.get(link.target)! + link.weight);
	}
	return { actorIds, links: counted, undirected, directed, directedArcs, weightedDegree };
}

/** The snapshot's actors grouped by region id (actors without a region are in no group). */
export function actorsByRegion(snapshot: MapSnapshot): Map<string, ActorView[]> {
	const groups = new Map<string, ActorView[]>();
	for (const actor of snapshot.actors) {
		if (actor.region === undefined) continue;
		const group = groups.get(actor.region);
		if (group) group.push(actor);
		else groups.set(actor.region, [actor]);
	}
	return groups;
}
