// Computes a layout's positions for a set of actors with headless Cytoscape: the same code runs on the main thread and in the layout worker.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { MAX_COORDINATE, type Position } from '$lib/map';

import type { LayoutName } from './names';

export { LAYOUT_NAMES, PRESET_LAYOUT, isLayoutName, type LayoutName } from './names';

export interface LayoutActor {
	id: string;
	/** Region id, or null: the "grouped by region" layout clusters on it. */
	group: string | null;
	pos: Position;
}

export interface LayoutInput {
	name: LayoutName;
	actors: LayoutActor[];
	links: { source: string; target: string }[];
}

/** Room each actor takes (model units): node size plus space for its label. */
const NODE_SPACING = 70;
const IDEAL_EDGE_LENGTH = 90;
const NODE_REPULSION = 6_000;
const NODE_DIAMETER = 30;
/** A grid cell leaves room for a label (up to 150 px wide) under a large node. */
const GRID_CELL_WIDTH = 170;
const GRID_CELL_HEIGHT = 110;
/** Rings of the concentric layout keep labels apart too. */
const RING_SPACING = 60;

let registered = false;

function register(): void {
	if (registered) return;
	cytoscape.use(fcose);
	registered = true;
}

function layoutOptions(input: LayoutInput, degree: (id: string) => number): cytoscape.LayoutOptions {
	const common = { animate: false, fit: false } as const;
	switch (input.name) {
		case 'fcose':
		case 'regions':
			// 'regions' runs fcose once per region (groupedLayout).
			return {
				name: 'fcose',
				...common,
				quality: 'default',
				randomize: true,
				nodeDimensionsIncludeLabels: false,
				idealEdgeLength: () => IDEAL_EDGE_LENGTH,
				nodeRepulsion: () => NODE_REPULSION,
				nodeSeparation: NODE_SPACING,
				packComponents: true,
				tile: true
			} as unknown as cytoscape.LayoutOptions;
		case 'concentric':
			return {
				name: 'concentric',
				...common,
				// Most connected in the middle; one ring per degree level.
				concentric: (node: cytoscape.NodeSingular) => degree(node.id()),
				levelWidth: () => 1,
				minNodeSpacing: RING_SPACING,
				startAngle: -Math.PI / 2
			} as unknown as cytoscape.LayoutOptions;
		case 'grid': {
			// Wider than tall, like a screen.
			const cols = Math.max(1, Math.ceil(Math.sqrt(input.actors.length * 1.6)));
			const rows = Math.max(1, Math.ceil(input.actors.length / cols));
			return {
				name: 'grid',
				...common,
				avoidOverlap: true,
				cols,
				rows,
				// Stable order: by group, then as given (callers pass actors sorted by kind and name).
				sort: (a: cytoscape.NodeSingular, b: cytoscape.NodeSingular) => (a.data('order') as number) - (b.data('order') as number),
				boundingBox: { x1: 0, y1: 0, w: cols * GRID_CELL_WIDTH, h: rows * GRID_CELL_HEIGHT }
			} as unknown as cytoscape.LayoutOptions;
		}
	}
}

function centreOf(positions: Iterable<Position>): Position {
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const { x, y } of positions) {
		minX = Math.min(minX, x);
		minY = Math.min(minY, y);
		maxX = Math.max(maxX, x);
		maxY = Math.max(maxY, y);
	}
	return minX === Infinity ? { x: 0, y: 0 } : { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
}

const clamp = (value: number) => Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, Math.round(value)));

/** Positions from one Cytoscape layout run, before centring; `actors` in the order the grid uses. */
function runOnce(input: LayoutInput): Map<string, Position> {
	const cy = cytoscape({ headless: true, styleEnabled: true });
	try {
		const ids = new Set(input.actors.map((actor) => actor.id));
		const elements: cytoscape.ElementDefinition[] = input.actors.map((actor, order) => ({
			group: 'nodes',
			data: { id: actor.id, order },
			position: { ...actor.pos }
		}));
		const degree = new Map<string, number>();
		input.links.forEach((link, index) => {
			if (!ids.has(link.source) || !ids.has(link.target) || link.source === link.target) return;
			degree.set(link.source, (degree.get(link.source) ?? 0) + 1);
			degree.set(link.target, (degree.get(link.target) ?? 0) + 1);
			elements.push({ group: 'edges', data: { id: `e${index}`, source: link.source, target: link.target } });
		});
		cy.add(elements);
		cy.nodes().style({ width: NODE_DIAMETER, height: NODE_DIAMETER });
		cy.layout(layoutOptions(input, (id) => degree.get(id) ?? 0)).run();
		return new Map(input.actors.map((actor) => [actor.id, { ...cy.getElementById(actor.id).position() }]));
	} finally {
		cy.destroy();
	}
}

/** Space between two regions' clusters, so each reads as a group. */
const GROUP_GAP = 160;

/**
 * Grouped by region: each region is laid out on its own (force-directed, its internal links only),
 * then the clusters are packed in rows, biggest first. Links between regions do not pull clusters
 * into each other, which is the point of the view.
 */
function groupedLayout(input: LayoutInput): Map<string, Position> {
	const groups = new Map<string, LayoutActor[]>();
	for (const actor of input.actors) {
		const key = actor.group ?? '';
		let members = groups.get(key);
		if (!members) groups.set(key, (members = []));
		members.push(actor);
	}
	const clusters = [...groups.values()]
		.map((members) => {
			const ids = new Set(members.map((actor) => actor.id));
			const links = input.links.filter((link) => ids.has(link.source) && ids.has(link.target));
			const positions = members.length === 1 ? new Map([[members[0]!.id, { x: 0, y: 0 }]]) : runOnce({ name: 'fcose', actors: members, links });
			const xs = [...positions.values()].map((p) => p.x);
			const ys = [...positions.values()].map((p) => p.y);
			const box = { x1: Math.min(...xs), y1: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
			return { positions, box, size: members.length };
		})
		.sort((a, b) => b.size - a.size);
	const area = clusters.reduce((sum, cluster) => sum + (cluster.box.w + GROUP_GAP) * (cluster.box.h + GROUP_GAP), 0);
	const rowWidth = Math.max(Math.sqrt(area) * 1.3, ...clusters.map((cluster) => cluster.box.w));
	const result = new Map<string, Position>();
	let [x, y, rowHeight] = [0, 0, 0];
	for (const cluster of clusters) {
		if (x > 0 && x + cluster.box.w > rowWidth) {
			[x, y, rowHeight] = [0, y + rowHeight + GROUP_GAP, 0];
		}
		for (const [id, pos] of cluster.positions) result.set(id, { x: pos.x - cluster.box.x1 + x, y: pos.y - cluster.box.y1 + y });
		x += cluster.box.w + GROUP_GAP;
		rowHeight = Math.max(rowHeight, cluster.box.h);
	}
	return result;
}

/**
 * New positions for `input.actors`, centred where they were (the map does not jump away), whole
 * numbers within the schema's bounds. Links to actors outside the set are ignored.
 */
export function computeLayout(input: LayoutInput): Record<string, Position> {
	if (input.actors.length === 0) return {};
	register();
	const raw = input.name === 'regions' ? groupedLayout(input) : runOnce(input);
	const before = centreOf(input.actors.map((actor) => actor.pos));
	const after = centreOf(raw.values());
	const positions: Record<string, Position> = {};
	for (const [id, pos] of raw) positions[id] = { x: clamp(pos.x - after.x + before.x), y: clamp(pos.y - after.y + before.y) };
	return positions;
}
