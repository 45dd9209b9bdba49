// What a user looks at: the filter and style of the canvas, their defaults, and tolerant conversion to and from a saved view's JSON.
import type { JsonObject } from '$lib/map';

/** Actor attributes the style can map; `custom:<fieldId>` names a numeric or choice custom field. */
export const ACTOR_ATTRIBUTES = ['none', 'kind', 'region', 'sector', 'growth', 'role', 'sizeClass', 'degree'] as const;
export type BuiltInAttribute = (typeof ACTOR_ATTRIBUTES)[number];
export type CustomAttribute = `custom:${string}`;
/** `metric:<name>`: an actor's figure from the latest network analysis (betweenness, PageRank, community...). */
export type MetricAttribute = `metric:${string}`;
export type ActorAttribute = BuiltInAttribute | CustomAttribute | MetricAttribute;

export const METRIC_PREFIX = 'metric:';
/** The one metric that names a group (a Louvain community), not an amount: shown as categories. */
export const COMMUNITY_METRIC = 'community';
/** Metric names are plain identifiers (camelCase); anything else in a saved view is not a metric. */
const METRIC_NAME = /^[a-zA-Z]{1,40}$/;

export function metricAttribute(name: string): MetricAttribute {
	return `${METRIC_PREFIX}${name}`;
}

/** True when colour, shape or size follows a network metric (the canvas then needs the analysis's figures). */
export function usesMetric(style: Pick<ViewStyle, 'colourBy' | 'shapeBy' | 'sizeBy'>): boolean {
	return [style.colourBy, style.shapeBy, style.sizeBy].some((attribute) => metricOf(attribute) !== null);
}

/** The metric an attribute names, or null when it is not a metric attribute. */
export function metricOf(attribute: string): string | null {
	if (!attribute.startsWith(METRIC_PREFIX)) return null;
	const name = attribute.slice(METRIC_PREFIX.length);
	return METRIC_NAME.test(name) ? name : null;
}

export const LINK_COLOUR_ATTRIBUTES = ['kind', 'status', 'strength', 'none'] as const;
export type LinkColourAttribute = (typeof LINK_COLOUR_ATTRIBUTES)[number];
export const LINK_WIDTH_ATTRIBUTES = ['strength', 'none'] as const;
export type LinkWidthAttribute = (typeof LINK_WIDTH_ATTRIBUTES)[number];
export const LINK_LABELS = ['kind', 'none'] as const;
export type LinkLabelChoice = (typeof LINK_LABELS)[number];

export const FOCUS_DIRECTIONS = ['all', 'out', 'in'] as const;
export type FocusDirection = (typeof FOCUS_DIRECTIONS)[number];
export const MIN_FOCUS_DEPTH = 1;
export const MAX_FOCUS_DEPTH = 3;

/** How actors and links look. Per user until saved into a view. */
export interface ViewStyle {
	colourBy: ActorAttribute;
	shapeBy: ActorAttribute;
	sizeBy: ActorAttribute;
	/** A label template such as "{name} ({region})", built from a small menu (label.ts), never free code. */
	label: string;
	linkColourBy: LinkColourAttribute;
	linkWidthBy: LinkWidthAttribute;
	linkLabel: LinkLabelChoice;
}

export interface FocusFilter {
	actor: string;
	depth: number;
	direction: FocusDirection;
}

/** Which elements show. Empty lists mean "no restriction"; `''` in `regions` means "no region". */
export interface ViewFilter {
	kinds: string[];
	regions: string[];
	sectors: string[];
	tags: string[];
	linkKinds: string[];
	statuses: string[];
	/** Links weaker than this, or with no strength recorded, are hidden; null = all strengths. */
	minStrength: number | null;
	hideUnconnected: boolean;
	focus: FocusFilter | null;
}

export const DEFAULT_STYLE: Readonly<ViewStyle> = Object.freeze({
	colourBy: 'kind',
	shapeBy: 'kind',
	sizeBy: 'none',
	label: '{name}',
	linkColourBy: 'kind',
	linkWidthBy: 'strength',
	linkLabel: 'kind'
});

export const EMPTY_FILTER: Readonly<ViewFilter> = Object.freeze({
	kinds: [],
	regions: [],
	sectors: [],
	tags: [],
	linkKinds: [],
	statuses: [],
	minStrength: null,
	hideUnconnected: false,
	focus: null
});

export function emptyFilter(): ViewFilter {
	return { ...EMPTY_FILTER, kinds: [], regions: [], sectors: [], tags: [], linkKinds: [], statuses: [] };
}

export function defaultStyle(): ViewStyle {
	return { ...DEFAULT_STYLE };
}

const MAX_TEMPLATE_LENGTH = 200;
const MAX_LIST_ENTRIES = 500;

export function isActorAttribute(value: unknown): value is ActorAttribute {
	if (typeof value !== 'string') return false;
	return (ACTOR_ATTRIBUTES as readonly string[]).includes(value) || (value.startsWith('custom:') && value.length > 7) || metricOf(value) !== null;
}

function oneOf<T extends string>(list: readonly T[], value: unknown, fallback: T): T {
	return (list as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

function stringList(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return [...new Set(value.filter((entry): entry is string => typeof entry === 'string'))].slice(0, MAX_LIST_ENTRIES);
}

function clampInt(value: unknown, min: number, max: number): number | null {
	if (typeof value !== 'number' || !Number.isFinite(value)) return null;
	return Math.max(min, Math.min(max, Math.round(value)));
}

/** Saved views come from other clients (and other versions): anything unknown falls back to the default. */
export function parseStyle(json: unknown): ViewStyle {
	const source = (json !== null && typeof json === 'object' ? json : {}) as Record<string, unknown>;
	const attribute = (value: unknown, fallback: ActorAttribute) => (isActorAttribute(value) ? value : fallback);
	const label = typeof source.label === 'string' && source.label.length <= MAX_TEMPLATE_LENGTH ? source.label : DEFAULT_STYLE.label;
	return {
		colourBy: attribute(source.colourBy, DEFAULT_STYLE.colourBy),
		shapeBy: attribute(source.shapeBy, DEFAULT_STYLE.shapeBy),
		sizeBy: attribute(source.sizeBy, DEFAULT_STYLE.sizeBy),
		label,
		linkColourBy: oneOf(LINK_COLOUR_ATTRIBUTES, source.linkColourBy, DEFAULT_STYLE.linkColourBy),
		linkWidthBy: oneOf(LINK_WIDTH_ATTRIBUTES, source.linkWidthBy, DEFAULT_STYLE.linkWidthBy),
		linkLabel: oneOf(LINK_LABELS, source.linkLabel, DEFAULT_STYLE.linkLabel)
	};
}

export function parseFilter(json: unknown): ViewFilter {
	const source = (json !== null && typeof json === 'object' ? json : {}) as Record<string, unknown>;
	const focusSource = source.focus as Record<string, unknown> | null | undefined;
	let focus: FocusFilter | null = null;
	if (focusSource && typeof focusSource === 'object' && typeof focusSource.actor === 'string' && focusSource.actor !== '') {
		focus = {
			actor: focusSource.actor,
			depth: clampInt(focusSource.depth, MIN_FOCUS_DEPTH, MAX_FOCUS_DEPTH) ?? MIN_FOCUS_DEPTH,
			direction: oneOf(FOCUS_DIRECTIONS, focusSource.direction, 'all')
		};
	}
	return {
		kinds: stringList(source.kinds),
		regions: stringList(source.regions),
		sectors: stringList(source.sectors),
		tags: stringList(source.tags),
		linkKinds: stringList(source.linkKinds),
		statuses: stringList(source.statuses),
		minStrength: clampInt(source.minStrength, 1, 5),
		hideUnconnected: source.hideUnconnected === true,
		focus
	};
}

export function styleToJson(style: ViewStyle): JsonObject {
	return { ...style };
}

export function filterToJson(filter: ViewFilter): JsonObject {
	return {
		...filter,
		kinds: [...filter.kinds],
		regions: [...filter.regions],
		sectors: [...filter.sectors],
		tags: [...filter.tags],
		linkKinds: [...filter.linkKinds],
		statuses: [...filter.statuses],
		focus: filter.focus ? { ...filter.focus } : null
	};
}

/** True when the filter hides anything at all. */
export function isFilterActive(filter: ViewFilter): boolean {
	return (
		filter.kinds.length > 0 ||
		filter.regions.length > 0 ||
		filter.sectors.length > 0 ||
		filter.tags.length > 0 ||
		filter.linkKinds.length > 0 ||
		filter.statuses.length > 0 ||
		filter.minStrength !== null ||
		filter.hideUnconnected ||
		filter.focus !== null
	);
}
