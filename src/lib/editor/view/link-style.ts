// How links look: colour by kind, status or strength, dashes for planned and gap links, width by strength, arrowheads by kind and direction (pure).
import { DEFAULT_LINK_STATUS, LINK_STATUSES, MAX_LINK_STRENGTH, MIN_LINK_STRENGTH, type LinkView } from '$lib/map';
import { linkLook } from '../style';
import { DEFAULT_LINK_WIDTH, GAP_COLOUR, NEUTRAL_COLOUR, PLAIN_LINK_COLOUR, RAMP_COLOURS, STATUS_COLOURS, STATUS_LINES, STRENGTH_WIDTHS } from './palette';
import type { LinkVisual, MapData, StyleLegend, StyleNames } from './style-types';
import type { ViewStyle } from './view-state';

function strengthWidth(strength: number | undefined): number {
	if (strength === undefined) return DEFAULT_LINK_WIDTH;
	const index = Math.max(MIN_LINK_STRENGTH, Math.min(MAX_LINK_STRENGTH, Math.round(strength))) - MIN_LINK_STRENGTH;
	return STRENGTH_WIDTHS[index]!;
}

export interface StyleOptions {
	/**
	 * False where the renderer draws every line solid with plain arrowheads (Cytoscape's WebGL mode):
	 * planned and gap links then say their status in the label, so it is not told by colour alone.
	 */
	patterns: boolean;
}

/** Link kinds are told by arrowhead (and label) as well as colour; direction decides which ends get one. */
export function linkVisual(link: LinkView, style: ViewStyle, names: StyleNames, options: StyleOptions): LinkVisual {
	const kindLook = linkLook(link.kind);
	const status = link.status ?? DEFAULT_LINK_STATUS;
	let colour: string;
	if (style.linkColourBy === 'kind') colour = kindLook.colour;
	else if (style.linkColourBy === 'status') colour = STATUS_COLOURS[status] ?? PLAIN_LINK_COLOUR;
	else if (style.linkColourBy === 'strength') colour = link.strength === undefined ? NEUTRAL_COLOUR : RAMP_COLOURS[link.strength - MIN_LINK_STRENGTH] ?? NEUTRAL_COLOUR;
	else colour = PLAIN_LINK_COLOUR;
	if (status === 'gap') colour = GAP_COLOUR;
	const arrow = kindLook.arrow;
	const direction = link.direction ?? 'directed';
	const labels = style.linkLabel === 'kind' ? [names.linkKind(link.kind)] : [];
	if (!options.patterns && status !== DEFAULT_LINK_STATUS) labels.push(names.status(status));
	return {
		colour,
		line: STATUS_LINES[status] ?? 'solid',
		targetArrow: direction === 'undirected' ? 'none' : arrow,
		sourceArrow: direction === 'mutual' ? arrow : 'none',
		width: style.linkWidthBy === 'strength' ? strengthWidth(link.strength) : DEFAULT_LINK_WIDTH,
		label: labels.join(' · ')
	};
}

export function linkLegend(data: MapData, style: ViewStyle, names: StyleNames): Pick<StyleLegend, 'linkColour' | 'linkStatus' | 'linkWidth'> {
	const links = data.links.filter((link) => !link.dangling);
	const present = <T extends string>(values: Iterable<T>) => new Set(values);
	const kinds = present(links.map((link) => link.kind));
	const statuses = present(links.map((link) => link.status ?? DEFAULT_LINK_STATUS));
	const plain = { line: 'solid' as const, arrow: 'none' as const, width: DEFAULT_LINK_WIDTH };
	let linkColour: StyleLegend['linkColour'] = null;
	if (style.linkColourBy === 'kind') {
		const ordered = [...kinds].sort();
		linkColour = {
			attribute: 'kind',
			entries: ordered.map((kind) => ({ key: kind, label: names.linkKind(kind), ...plain, colour: linkLook(kind).colour, arrow: linkLook(kind).arrow }))
		};
	} else if (style.linkColourBy === 'strength') {
		linkColour = {
			attribute: 'strength',
			entries: RAMP_COLOURS.map((colour, index) => ({ key: String(index + 1), label: String(index + 1), ...plain, colour }))
		};
	}
	const linkStatus = LINK_STATUSES.filter((status) => statuses.has(status) || status === 'gap' || status === 'planned').map((status) => ({
		key: status,
		label: names.status(status),
		colour: status === 'gap' || style.linkColourBy === 'status' ? STATUS_COLOURS[status]! : PLAIN_LINK_COLOUR,
		line: STATUS_LINES[status]!,
		arrow: 'none' as const,
		width: DEFAULT_LINK_WIDTH
	}));
	const linkWidth =
		style.linkWidthBy === 'strength'
			? STRENGTH_WIDTHS.map((width, index) => ({ key: String(index + 1), label: String(index + 1), ...plain, colour: PLAIN_LINK_COLOUR, width }))
			: [];
	return { linkColour, linkStatus, linkWidth };
}
