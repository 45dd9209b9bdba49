// How actors and links look: each kind's shape or line pattern and colour, the Cytoscape stylesheet built from them, and the legend's data.
import type cytoscape from 'cytoscape';
// From the schema module itself, not the $lib/map barrel: the overview worker draws with these looks and must not load Yjs.
import { ACTOR_KINDS, LINK_KINDS, type ActorKind, type LinkKind } from '$lib/map/schema';
import { cytoscapePolygon, type LegendShape } from './shapes';

/** Node look: shape AND colour, so a kind is never told by colour alone (WCAG 1.4.1). Shapes are drawn from shapes.ts. */
export interface ActorLook {
	shape: LegendShape;
	colour: string;
}

export type LinkArrow = 'triangle' | 'vee' | 'square' | 'diamond' | 'circle' | 'chevron' | 'tee' | 'none';
export type LinkLineStyle = 'solid' | 'dashed' | 'dotted';

/** Link look: line pattern and arrowhead as well as colour. */
export interface LinkLook {
	colour: string;
	line: LinkLineStyle;
	arrow: LinkArrow;
}

// Every colour has at least 3:1 contrast with the white canvas (tests/unit/editor/style.test.ts).
export const ACTOR_LOOKS: Readonly<Record<ActorKind, ActorLook>> = {
	company: { shape: 'ellipse', colour: '#1565c0' },
	education: { shape: 'triangle', colour: '#6a1b9a' },
	rdi: { shape: 'diamond', colour: '#00695c' },
	public: { shape: 'rectangle', colour: '#455a64' },
	development: { shape: 'hexagon', colour: '#c62828' },
	funding: { shape: 'star', colour: '#8a6500' },
	association: { shape: 'vee', colour: '#ad1457' },
	other: { shape: 'rhomboid', colour: '#5d4037' }
};

/** A kind this version does not know (from a newer client) is drawn plainly and marked invalid. */
export const UNKNOWN_ACTOR_LOOK: ActorLook = { shape: 'ellipse', colour: '#616161' };

export const LINK_LOOKS: Readonly<Record<LinkKind, LinkLook>> = {
	rdi_project: { colour: '#1565c0', line: 'solid', arrow: 'triangle' },
	education: { colour: '#6a1b9a', line: 'dashed', arrow: 'vee' },
	customer_supplier: { colour: '#37474f', line: 'solid', arrow: 'square' },
	funding: { colour: '#8a6500', line: 'solid', arrow: 'diamond' },
	pilot_environment: { colour: '#00695c', line: 'dashed', arrow: 'circle' },
	mobility: { colour: '#c62828', line: 'dotted', arrow: 'chevron' },
	membership: { colour: '#ad1457', line: 'dotted', arrow: 'tee' },
	informal: { colour: '#5d6b78', line: 'dotted', arrow: 'none' }
};

export const UNKNOWN_LINK_LOOK: LinkLook = { colour: '#616161', line: 'dashed', arrow: 'none' };

// Sizes in model units (they scale with zoom).
export const NODE_SIZE = 30;
export const NODE_RING_WIDTH = 2;
const SELECTED_BORDER_WIDTH = 5;
const LABEL_FONT_SIZE = 12;
const LABEL_MAX_WIDTH = 150;
/** Below this on-screen size labels are skipped: unreadable anyway, and costly on big maps. */
const MIN_ZOOMED_LABEL_PX = 7;
export const LINK_WIDTH = 2;
const SELECTED_LINK_WIDTH = 4;
const LINK_LABEL_FONT_SIZE = 10;
/** Link labels only show once zoomed in enough for them to read well. */
const MIN_ZOOMED_LINK_LABEL_PX = 12;
const PEER_UNDERLAY_OPACITY = 0.45;
const PEER_UNDERLAY_PADDING = 9;

export const INK = '#1b1f24';
const PAPER = '#ffffff';
const INVALID = '#b3261e';

/** Element data fields the stylesheet reads (set by elements.ts, peers.ts and view-layer.ts). */
export const DATA = {
	label: 'label',
	kind: 'kind',
	/** The colour of a collaborator who has this element selected. */
	peerColour: 'peerColour',
	// The active view style's look (view-layer.ts); until it is set, the kind's look applies.
	colour: 'vColour',
	shape: 'vShape',
	size: 'vSize',
	viewLabel: 'vLabel',
	line: 'vLine',
	width: 'vWidth',
	sourceArrow: 'vSourceArrow',
	targetArrow: 'vTargetArrow'
} as const;
export const INVALID_CLASS = 'invalid';
/** Elements the active filter hides: still in the graph (and the document), not drawn. */
export const HIDDEN_CLASS = 'filtered-out';

const SHAPES: readonly LegendShape[] = ['ellipse', 'triangle', 'diamond', 'rectangle', 'hexagon', 'star', 'vee', 'rhomboid'];
const ARROWS: readonly LinkArrow[] = ['triangle', 'vee', 'square', 'diamond', 'circle', 'chevron', 'tee', 'none'];
const LINES: readonly LinkLineStyle[] = ['solid', 'dashed', 'dotted'];

/** Rules that draw the active view style from element data; they follow the kind rules, so they win once set. */
function viewStyleRules(): cytoscape.StylesheetJson {
	return [
		{ selector: `node[${DATA.colour}]`, style: { 'background-color': `data(${DATA.colour})` } },
		{ selector: `node[${DATA.size}]`, style: { width: `data(${DATA.size})`, height: `data(${DATA.size})` } },
		{ selector: `node[${DATA.viewLabel}]`, style: { label: `data(${DATA.viewLabel})` } },
		...SHAPES.map((shape) => ({ selector: `node[${DATA.shape} = "${shape}"]`, style: nodeShape(shape) })),
		{
			selector: `edge[${DATA.colour}]`,
			style: { 'line-color': `data(${DATA.colour})`, 'target-arrow-color': `data(${DATA.colour})`, 'source-arrow-color': `data(${DATA.colour})` }
		},
		{ selector: `edge[${DATA.width}]`, style: { width: `data(${DATA.width})` } },
		{ selector: `edge[${DATA.viewLabel}]`, style: { label: `data(${DATA.viewLabel})` } },
		...LINES.map((line) => ({ selector: `edge[${DATA.line} = "${line}"]`, style: { 'line-style': line } })),
		...ARROWS.map((arrow) => ({ selector: `edge[${DATA.targetArrow} = "${arrow}"]`, style: { 'target-arrow-shape': arrow } })),
		...ARROWS.map((arrow) => ({ selector: `edge[${DATA.sourceArrow} = "${arrow}"]`, style: { 'source-arrow-shape': arrow } })),
		{ selector: `.${HIDDEN_CLASS}`, style: { display: 'none' } }
	] as cytoscape.StylesheetJson;
}

export function actorLook(kind: string): ActorLook {
	return (ACTOR_LOOKS as Record<string, ActorLook>)[kind] ?? UNKNOWN_ACTOR_LOOK;
}

export function linkLook(kind: string): LinkLook {
	return (LINK_LOOKS as Record<string, LinkLook>)[kind] ?? UNKNOWN_LINK_LOOK;
}

/** Polygons come from shapes.ts (the legend's geometry too), not Cytoscape's built-in names. */
function nodeShape(shape: LegendShape): { shape: 'ellipse' } | { shape: 'polygon'; 'shape-polygon-points': string } {
	const points = cytoscapePolygon(shape);
	return points === null ? { shape: 'ellipse' } : { shape: 'polygon', 'shape-polygon-points': points };
}

export function stylesheet(): cytoscape.StylesheetJson {
	const sheet: cytoscape.StylesheetJson = [
		{
			selector: 'node',
			style: {
				width: NODE_SIZE,
				height: NODE_SIZE,
				...nodeShape(UNKNOWN_ACTOR_LOOK.shape),
				'background-color': UNKNOWN_ACTOR_LOOK.colour,
				// A white ring keeps overlapping nodes apart.
				'border-width': NODE_RING_WIDTH,
				'border-color': PAPER,
				label: `data(${DATA.label})`,
				'font-size': LABEL_FONT_SIZE,
				color: INK,
				'text-valign': 'bottom',
				'text-margin-y': 4,
				'text-wrap': 'ellipsis',
				'text-max-width': `${LABEL_MAX_WIDTH}px`,
				'text-outline-color': PAPER,
				'text-outline-width': 2,
				'min-zoomed-font-size': MIN_ZOOMED_LABEL_PX
			}
		},
		...ACTOR_KINDS.map((kind) => ({
			selector: `node[${DATA.kind} = "${kind}"]`,
			style: { ...nodeShape(ACTOR_LOOKS[kind].shape), 'background-color': ACTOR_LOOKS[kind].colour }
		})),
		{
			selector: `node.${INVALID_CLASS}`,
			style: { 'border-style': 'dashed', 'border-color': INVALID, 'border-width': 3 }
		},
		{
			selector: 'edge',
			style: {
				width: LINK_WIDTH,
				'curve-style': 'bezier',
				'line-color': UNKNOWN_LINK_LOOK.colour,
				'line-style': UNKNOWN_LINK_LOOK.line,
				'target-arrow-shape': UNKNOWN_LINK_LOOK.arrow,
				'target-arrow-color': UNKNOWN_LINK_LOOK.colour,
				'arrow-scale': 1.2,
				label: `data(${DATA.label})`,
				'font-size': LINK_LABEL_FONT_SIZE,
				color: INK,
				'text-rotation': 'autorotate',
				'text-outline-color': PAPER,
				'text-outline-width': 2,
				'min-zoomed-font-size': MIN_ZOOMED_LINK_LABEL_PX
			}
		},
		...LINK_KINDS.map((kind) => {
			const look = LINK_LOOKS[kind];
			return {
				selector: `edge[${DATA.kind} = "${kind}"]`,
				style: {
					'line-color': look.colour,
					'line-style': look.line,
					'target-arrow-shape': look.arrow,
					'target-arrow-color': look.colour
				}
			};
		}),
		...(viewStyleRules() as object[]),
		// Peers' selections sit under the element in their colour; our own selection is a thick dark outline.
		{
			selector: `node[${DATA.peerColour}], edge[${DATA.peerColour}]`,
			style: {
				'underlay-color': `data(${DATA.peerColour})`,
				'underlay-opacity': PEER_UNDERLAY_OPACITY,
				'underlay-padding': PEER_UNDERLAY_PADDING,
				'underlay-shape': 'ellipse'
			}
		},
		{
			selector: 'node:selected',
			style: { 'border-width': SELECTED_BORDER_WIDTH, 'border-color': INK, 'border-style': 'solid' }
		},
		{
			selector: 'edge:selected',
			style: { width: SELECTED_LINK_WIDTH, 'min-zoomed-font-size': 0 }
		}
	] as cytoscape.StylesheetJson;
	return sheet;
}

export interface ActorLegendEntry extends ActorLook {
	kind: ActorKind;
}
export interface LinkLegendEntry extends LinkLook {
	kind: LinkKind;
}

/** What the legend shows, in schema order; the component adds the translated names. */
export function legendEntries(): { actors: ActorLegendEntry[]; links: LinkLegendEntry[] } {
	return {
		actors: ACTOR_KINDS.map((kind) => ({ kind, ...ACTOR_LOOKS[kind] })),
		links: LINK_KINDS.map((kind) => ({ kind, ...LINK_LOOKS[kind] }))
	};
}
