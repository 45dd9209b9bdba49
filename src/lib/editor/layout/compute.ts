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
				// Clusters keep some room between them, so regions read as groups.
				nestingFactor: 0.4,
				gravityCompound: 1.5,
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

/**
 * New positions for `input.actors`, centred where they were (the map does not jump away), whole
 * numbers within the schema's bounds. Links to actors outside the set are ignored.
 */
export function computeLayout(input: LayoutInput): Record<string, Position> {
	if (input.actors.length === 0) return {};
	register();
	const cy = cytoscape({ headless: true, styleEnabled: true });
	try {
		const ids = new Set(input.actors.map((actor) => actor.id));
		const elements: cytoscape.ElementDefinition[] = [];
		const grouped = input.name === 'regions';
		const groups = new Set<string>();
		input.actors.forEach((actor, order) => {
			const parent = grouped ? `group:${actor.group ?? ''}` : undefined;
			if (parent) groups.add(parent);
			elements.push({ group: 'nodes', data: { id: actor.id, order, ...(parent ? { parent } : {}) }, position: { ...actor.pos } });
		});
		for (const parent of groups) elements.unshift({ group: 'nodes', data: { id: parent } });
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

		const before = centreOf(input.actors.map((actor) => actor.pos));
		const raw = input.actors.map((actor) => [actor.id, cy.getElementById(actor.id).position()] as const);
		const after = centreOf(raw.map(([, pos]) => pos));
		const positions: Record<string, Position> = {};
		for (const [id, pos] of raw) positions[id] = { x: clamp(pos.x - after.x + before.x), y: clamp(pos.y - after.y + before.y) };
		return positions;
	} finally {
		cy.destroy();
	}
}
