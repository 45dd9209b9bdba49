// Where to draw each actor and link of a comparison, and how it changed: a pure function the
// DiffMap component renders as SVG (added, removed, changed or unchanged).
import type { MapDiff, MapSnapshot } from '$lib/map';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'same';

export interface DiffNode {
	id: string;
	name: string;
	x: number;
	y: number;
	status: DiffStatus;
}

export interface DiffEdge {
	id: string;
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	status: DiffStatus;
}

export interface DiffPicture {
	nodes: DiffNode[];
	edges: DiffEdge[];
	viewBox: string;
}

/** Room around the outermost actors, in model units, so markers and labels are not cut off. */
const MARGIN = 80;
/** A small map is not blown up: the picture spans at least this much (model units). */
const MIN_SPAN = 900;

function statusOf(id: string, diff: { added: { id: string }[]; removed: { id: string }[]; changed: { id: string }[] }): DiffStatus {
	if (diff.added.some((x) => x.id === id)) return 'added';
	if (diff.removed.some((x) => x.id === id)) return 'removed';
	if (diff.changed.some((x) => x.id === id)) return 'changed';
	return 'same';
}

/** Both states drawn over each other: positions from the later one where an actor is in both. */
export function diffPicture(before: MapSnapshot, after: MapSnapshot, diff: MapDiff): DiffPicture {
	const actors = new Map<string, MapSnapshot['actors'][number]>();
	for (const actor of before.actors) actors.set(actor.id, actor);
	for (const actor of after.actors) actors.set(actor.id, actor);
	const nodes: DiffNode[] = [...actors.values()].map((actor) => ({
		id: actor.id,
		name: actor.name,
		x: actor.pos.x,
		y: actor.pos.y,
		status: statusOf(actor.id, diff.actors)
	}));
	const byId = new Map(nodes.map((node) => [node.id, node]));
	const links = new Map<string, MapSnapshot['links'][number]>();
	for (const link of before.links) links.set(link.id, link);
	for (const link of after.links) links.set(link.id, link);
	const edges: DiffEdge[] = [];
	for (const link of links.values()) {
		const from = byId.get(link.source);
		const to = byId.get(link.target);
		if (!from || !to) continue;
		edges.push({ id: link.id, x1: from.x, y1: from.y, x2: to.x, y2: to.y, status: statusOf(link.id, diff.links) });
	}
	if (nodes.length === 0) return { nodes, edges, viewBox: '0 0 100 100' };
	const xs = nodes.map((n) => n.x);
	const ys = nodes.map((n) => n.y);
	const width = Math.max(Math.max(...xs) - Math.min(...xs) + 2 * MARGIN, MIN_SPAN);
	const height = Math.max(Math.max(...ys) - Math.min(...ys) + 2 * MARGIN, MIN_SPAN / 2);
	const centreX = (Math.max(...xs) + Math.min(...xs)) / 2;
	const centreY = (Math.max(...ys) + Math.min(...ys)) / 2;
	return { nodes, edges, viewBox: `${centreX - width / 2} ${centreY - height / 2} ${width} ${height}` };
}
