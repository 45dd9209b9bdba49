// Turns a style ("colour by region, size by degree, label {name} ({region})") into each actor's and link's look and the legend that explains it (pure).
import {
	ACTOR_KINDS,
	ACTOR_ROLES,
	DEFAULT_LINK_STATUS,
	LINK_STATUSES,
	MAX_LINK_STRENGTH,
	MIN_LINK_STRENGTH,
	SIZE_CLASSES,
	type ActorView,
	type CustomFieldView,
	type LinkView,
	type RegionView,
	type SectorView
} from '$lib/map';
import type { LegendShape } from '../shapes';
import { ACTOR_LOOKS, actorLook, linkLook, type LinkArrow, type LinkLineStyle } from '../style';
import { renderTemplate, templateTokens, type LabelToken } from './label-template';
import {
	CATEGORY_COLOURS,
	CATEGORY_SHAPES,
	DEFAULT_LINK_WIDTH,
	DEFAULT_NODE_SIZE,
	GAP_COLOUR,
	MAX_BINS,
	MAX_NODE_SIZE,
	MIN_NODE_SIZE,
	NEUTRAL_COLOUR,
	PLAIN_LINK_COLOUR,
	RAMP_COLOURS,
	STATUS_COLOURS,
	STATUS_LINES,
	STRENGTH_WIDTHS
} from './palette';
import type { ActorAttribute, ViewStyle } from './view-state';

/** Translated names; the editor code carries no language of its own. */
export interface StyleNames {
	actorKind(kind: string): string;
	linkKind(kind: string): string;
	status(status: string): string;
	role(role: string): string;
	growth(isGrowth: boolean): string;
	/** "No region", "No sector", ... */
	none(): string;
	/** Categories past the palette's end. */
	other(): string;
	range(from: number, to: number): string;
}

export interface MapData {
	actors: readonly ActorView[];
	links: readonly LinkView[];
	regions: readonly RegionView[];
	sectors: readonly SectorView[];
	fields: readonly CustomFieldView[];
}

export interface ActorVisual {
	colour: string;
	shape: LegendShape;
	size: number;
	label: string;
}

export interface LinkVisual {
	colour: string;
	line: LinkLineStyle;
	sourceArrow: LinkArrow;
	targetArrow: LinkArrow;
	width: number;
	label: string;
}

export interface LegendCategory {
	key: string;
	label: string;
	colour?: string;
	shape?: LegendShape;
	count: number;
}

export interface LegendLinkEntry {
	key: string;
	label: string;
	colour: string;
	line: LinkLineStyle;
	arrow: LinkArrow;
	width: number;
}

export interface StyleLegend {
	/** Colour and shape share one list when they show the same attribute. */
	colour: { attribute: ActorAttribute; categories: LegendCategory[] } | null;
	shape: { attribute: ActorAttribute; categories: LegendCategory[] } | null;
	size: { attribute: ActorAttribute; min: number; max: number; minSize: number; maxSize: number } | null;
	linkColour: { attribute: string; entries: LegendLinkEntry[] } | null;
	linkStatus: LegendLinkEntry[];
	linkWidth: LegendLinkEntry[];
}

export interface StyledMap {
	actors: Map<string, ActorVisual>;
	links: Map<string, LinkVisual>;
	legend: StyleLegend;
}

/** A categorical value ('' = none) or a number (null = none) of one actor for one attribute. */
type Value = { kind: 'category'; key: string } | { kind: 'number'; value: number | null };

interface Context {
	regionNames: Map<string, string>;
	sectorNames: Map<string, string>;
	sectorOrder: Map<string, number>;
	growth: Set<string>;
	fields: Map<string, CustomFieldView>;
	degree: Map<string, number>;
	names: StyleNames;
}

const NONE_KEY = '';
const OTHER_KEY = '\u0000other';

export function isNumericAttribute(attribute: ActorAttribute, fields: readonly CustomFieldView[]): boolean {
	if (attribute === 'degree' || attribute === 'sizeClass') return true;
	if (!attribute.startsWith('custom:')) return false;
	return fields.find((field) => field.id === attribute.slice(7))?.type === 'number';
}

function customField(attribute: ActorAttribute, context: Context): CustomFieldView | undefined {
	return attribute.startsWith('custom:') ? context.fields.get(attribute.slice(7)) : undefined;
}

function firstBy<T>(list: readonly T[] | undefined, order: (item: T) => number): T | undefined {
	if (!list || list.length === 0) return undefined;
	return [...list].sort((a, b) => order(a) - order(b))[0];
}

/** Categorical view of an attribute; multi-valued ones (sectors, roles) use the first value in the map's order. */
function valueOf(actor: ActorView, attribute: ActorAttribute, context: Context): Value {
	switch (attribute) {
		case 'none':
			return { kind: 'category', key: NONE_KEY };
		case 'kind':
			return { kind: 'category', key: actor.kind };
		case 'region':
			return { kind: 'category', key: actor.region && context.regionNames.has(actor.region) ? actor.region : NONE_KEY };
		case 'sector': {
			const known = (actor.sectors ?? []).filter((id) => context.sectorOrder.has(id));
			return { kind: 'category', key: firstBy(known, (id) => context.sectorOrder.get(id)!) ?? NONE_KEY };
		}
		case 'growth':
			return { kind: 'category', key: (actor.sectors ?? []).some((id) => context.growth.has(id)) ? 'yes' : 'no' };
		case 'role':
			return { kind: 'category', key: firstBy(actor.roles, (role) => (ACTOR_ROLES as readonly string[]).indexOf(role)) ?? NONE_KEY };
		case 'sizeClass': {
			const index = (SIZE_CLASSES as readonly string[]).indexOf(actor.sizeClass ?? '');
			return { kind: 'number', value: index < 0 ? null : index };
		}
		case 'degree':
			return { kind: 'number', value: context.degree.get(actor.id) ?? 0 };
	}
	const field = customField(attribute, context);
	const stored = actor.custom?.[attribute.slice(7)];
	if (field?.type === 'number') return { kind: 'number', value: typeof stored === 'number' ? stored : null };
	if (typeof stored === 'string') return { kind: 'category', key: stored };
	if (Array.isArray(stored)) {
		const options = field?.options ?? [];
		return { kind: 'category', key: firstBy(stored, (option) => options.indexOf(option)) ?? NONE_KEY };
	}
	return { kind: 'category', key: NONE_KEY };
}

/** Where each category sits in its attribute's natural order (kinds as in the schema, regions by name...). */
function categoryOrder(attribute: ActorAttribute, context: Context): (key: string) => number | string {
	switch (attribute) {
		case 'kind':
			return (key) => {
				const index = (ACTOR_KINDS as readonly string[]).indexOf(key);
				return index < 0 ? ACTOR_KINDS.length : index;
			};
		case 'region':
			return (key) => (context.regionNames.get(key) ?? '').toLocaleLowerCase();
		case 'sector':
			return (key) => context.sectorOrder.get(key) ?? Number.MAX_SAFE_INTEGER;
		case 'growth':
			return (key) => (key === 'yes' ? 0 : 1);
		case 'role':
			return (key) => (ACTOR_ROLES as readonly string[]).indexOf(key);
	}
	const options = customField(attribute, context)?.options ?? [];
	return (key) => {
		const index = options.indexOf(key);
		return index < 0 ? options.length : index;
	};
}

function categoryName(attribute: ActorAttribute, key: string, context: Context): string {
	if (key === NONE_KEY) return context.names.none();
	if (key === OTHER_KEY) return context.names.other();
	switch (attribute) {
		case 'kind':
			return context.names.actorKind(key);
		case 'region':
			return context.regionNames.get(key) ?? key;
		case 'sector':
			return context.sectorNames.get(key) ?? key;
		case 'growth':
			return context.names.growth(key === 'yes');
		case 'role':
			return context.names.role(key);
	}
	return key;
}

/** A numeric attribute cut into at most MAX_BINS equal ranges (whole numbers stay whole). */
interface Bins {
	min: number;
	max: number;
	count: number;
	binOf(value: number): number;
	label(bin: number): string;
}

function binsFor(values: readonly number[], attribute: ActorAttribute, context: Context): Bins {
	const min = values.length > 0 ? Math.min(...values) : 0;
	const max = values.length > 0 ? Math.max(...values) : 0;
	const whole = values.every(Number.isInteger);
	const span = max - min;
	const count = span === 0 ? 1 : whole ? Math.min(MAX_BINS, span + 1) : MAX_BINS;
	const width = span === 0 ? 1 : span / count;
	const binOf = (value: number) => Math.min(count - 1, Math.floor((value - min) / width));
	const show = (value: number) => (attribute === 'sizeClass' ? (SIZE_CLASSES[value] ?? String(value)) : String(Math.round(value * 100) / 100));
	const label = (bin: number) => {
		let from = min + bin * width;
		let to = bin === count - 1 ? max : min + (bin + 1) * width;
		if (whole) {
			from = Math.ceil(from);
			to = bin === count - 1 ? max : Math.ceil(to) - 1;
			if (attribute === 'sizeClass' && from === to) return show(from);
			if (from === to) return String(from);
			if (attribute === 'sizeClass') return `${show(from)} … ${show(to)}`;
		}
		return context.names.range(Number(show(from)) || from, Number(show(to)) || to);
	};
	return { min, max, count, binOf, label };
}

/** One attribute's categories for all actors: a key and a display name per actor, in display order. */
interface Grouping {
	attribute: ActorAttribute;
	keyOf: Map<string, string>;
	keys: string[];
	numeric: boolean;
	name(key: string): string;
}

function group(attribute: ActorAttribute, actors: readonly ActorView[], context: Context): Grouping {
	const values = new Map(actors.map((actor) => [actor.id, valueOf(actor, attribute, context)]));
	const numbers = [...values.values()].flatMap((value) => (value.kind === 'number' && value.value !== null ? [value.value] : []));
	const numeric = [...values.values()].some((value) => value.kind === 'number');
	const keyOf = new Map<string, string>();
	if (numeric) {
		const bins = binsFor(numbers, attribute, context);
		for (const [id, value] of values) {
			keyOf.set(id, value.kind === 'number' && value.value !== null ? String(bins.binOf(value.value)) : NONE_KEY);
		}
		const keys = [...new Set(keyOf.values())].sort((a, b) => (a === NONE_KEY ? 1 : b === NONE_KEY ? -1 : Number(a) - Number(b)));
		return { attribute, keyOf, keys, numeric, name: (key) => (key === NONE_KEY ? context.names.none() : bins.label(Number(key))) };
	}
	for (const [id, value] of values) keyOf.set(id, value.kind === 'category' ? value.key : NONE_KEY);
	const order = categoryOrder(attribute, context);
	const keys = [...new Set(keyOf.values())].sort((a, b) => {
		if (a === NONE_KEY || b === NONE_KEY) return a === NONE_KEY ? (b === NONE_KEY ? 0 : 1) : -1;
		const [x, y] = [order(a), order(b)];
		return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
	});
	return { attribute, keyOf, keys, numeric, name: (key) => categoryName(attribute, key, context) };
}

function colourFor(grouping: Grouping): (key: string) => string {
	if (grouping.attribute === 'none') return () => CATEGORY_COLOURS[0];
	if (grouping.attribute === 'kind') return (key) => actorLook(key).colour;
	const ranked = grouping.keys.filter((key) => key !== NONE_KEY);
	const palette: readonly string[] = grouping.numeric ? RAMP_COLOURS : CATEGORY_COLOURS;
	return (key) => {
		const index = ranked.indexOf(key);
		return index < 0 || index >= palette.length ? NEUTRAL_COLOUR : palette[index]!;
	};
}

function shapeFor(grouping: Grouping): (key: string) => LegendShape {
	if (grouping.attribute === 'none') return () => 'ellipse';
	if (grouping.attribute === 'kind') return (key) => actorLook(key).shape;
	// "None" takes a shape of its own too (it sorts last), so it never looks like the first category.
	return (key) => {
		const index = grouping.keys.indexOf(key);
		return index < 0 ? 'ellipse' : CATEGORY_SHAPES[index % CATEGORY_SHAPES.length]!;
	};
}

/** How many distinct looks an attribute can show before two categories would share one. */
function distinctShapes(grouping: Grouping): boolean {
	if (grouping.attribute === 'kind') return grouping.keys.every((key) => key in ACTOR_LOOKS);
	return grouping.keys.length <= CATEGORY_SHAPES.length;
}

function distinctColours(grouping: Grouping): boolean {
	if (grouping.attribute === 'kind') return true;
	const palette = grouping.numeric ? RAMP_COLOURS.length : CATEGORY_COLOURS.length;
	return grouping.keys.filter((key) => key !== NONE_KEY).length <= palette;
}

function tokenOf(attribute: ActorAttribute): LabelToken | null {
	return attribute === 'none' || attribute === 'growth' ? null : (attribute as LabelToken);
}

/**
 * WCAG 1.4.1: colour never carries a category alone. Colour is backed by shape when both show the
 * same attribute (and there are shapes enough); otherwise the label names the category.
 */
export function labelMarkers(style: ViewStyle, colour: Grouping, shape: Grouping): ActorAttribute[] {
	const inLabel = new Set<string>(templateTokens(style.label));
	const markers: ActorAttribute[] = [];
	const shown = (attribute: ActorAttribute) => {
		const token = tokenOf(attribute);
		return token !== null && inLabel.has(token);
	};
	const colourBacked = style.colourBy === 'none' || (style.shapeBy === style.colourBy && distinctShapes(shape)) || shown(style.colourBy);
	if (!colourBacked) markers.push(style.colourBy);
	const shapeClear = style.shapeBy === 'none' || distinctShapes(shape) || shown(style.shapeBy);
	if (!shapeClear && !markers.includes(style.shapeBy)) markers.push(style.shapeBy);
	void colour;
	return markers;
}

function labelValue(token: LabelToken, actor: ActorView, context: Context): string {
	switch (token) {
		case 'name':
			return actor.name;
		case 'kind':
			return context.names.actorKind(actor.kind);
		case 'region':
			return actor.region ? (context.regionNames.get(actor.region) ?? '') : '';
		case 'sector':
			return (actor.sectors ?? [])
				.filter((id) => context.sectorOrder.has(id))
				.sort((a, b) => context.sectorOrder.get(a)! - context.sectorOrder.get(b)!)
				.map((id) => context.sectorNames.get(id)!)
				.join(', ');
		case 'role':
			return (actor.roles ?? []).map((role) => context.names.role(role)).join(', ');
		case 'sizeClass':
			return actor.sizeClass ?? '';
		case 'tags':
			return (actor.tags ?? []).join(', ');
		case 'businessId':
			return actor.businessId ?? '';
		case 'degree':
			return String(context.degree.get(actor.id) ?? 0);
	}
	const stored = actor.custom?.[token.slice(7)];
	return stored === undefined ? '' : Array.isArray(stored) ? stored.join(', ') : String(stored);
}

function sizeScale(attribute: ActorAttribute, actors: readonly ActorView[], context: Context) {
	if (attribute === 'none') return null;
	const values = new Map<string, number>();
	for (const actor of actors) {
		const value = valueOf(actor, attribute, context);
		if (value.kind === 'number' && value.value !== null) values.set(actor.id, value.value);
	}
	if (values.size === 0 && ![...actors].some((actor) => valueOf(actor, attribute, context).kind === 'number')) return null;
	const list = [...values.values()];
	const min = list.length > 0 ? Math.min(...list) : 0;
	const max = list.length > 0 ? Math.max(...list) : 0;
	// Area, not diameter, grows with the value, so big values do not look bigger than they are.
	const sizeOf = (value: number) =>
		max === min ? (MIN_NODE_SIZE + MAX_NODE_SIZE) / 2 : MIN_NODE_SIZE + Math.sqrt((value - min) / (max - min)) * (MAX_NODE_SIZE - MIN_NODE_SIZE);
	return { values, min, max, sizeOf };
}

function degrees(links: readonly LinkView[]): Map<string, number> {
	const degree = new Map<string, number>();
	for (const link of links) {
		if (link.dangling) continue;
		degree.set(link.source, (degree.get(link.source) ?? 0) + 1);
		degree.set(link.target, (degree.get(link.target) ?? 0) + 1);
	}
	return degree;
}

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
function linkVisual(link: LinkView, style: ViewStyle, names: StyleNames, options: StyleOptions): LinkVisual {
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

function linkLegend(data: MapData, style: ViewStyle, names: StyleNames): Pick<StyleLegend, 'linkColour' | 'linkStatus' | 'linkWidth'> {
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

export function applyStyle(data: MapData, style: ViewStyle, names: StyleNames, options: StyleOptions = { patterns: true }): StyledMap {
	const collator = new Intl.Collator(undefined, { numeric: true });
	const sectorsByName = [...data.sectors].sort((a, b) => collator.compare(a.name, b.name));
	const sectorOrder = new Map(sectorsByName.map((sector, index) => [sector.id, index]));
	const context: Context = {
		regionNames: new Map(data.regions.map((region) => [region.id, region.name])),
		sectorNames: new Map(data.sectors.map((sector) => [sector.id, sector.name])),
		sectorOrder,
		growth: new Set(data.sectors.filter((sector) => sector.growth).map((sector) => sector.id)),
		fields: new Map(data.fields.map((field) => [field.id, field])),
		degree: degrees(data.links),
		names
	};
	const colourGroups = group(style.colourBy, data.actors, context);
	const shapeGroups = style.shapeBy === style.colourBy ? colourGroups : group(style.shapeBy, data.actors, context);
	const colourOf = colourFor(colourGroups);
	const shapeOf = shapeFor(shapeGroups);
	const markers = labelMarkers(style, colourGroups, shapeGroups).map((attribute) => (attribute === style.colourBy ? colourGroups : shapeGroups));
	const size = sizeScale(style.sizeBy, data.actors, context);

	const actors = new Map<string, ActorVisual>();
	for (const actor of data.actors) {
		const base = renderTemplate(style.label, (token) => labelValue(token, actor, context));
		const extra = markers.map((grouping) => grouping.name(grouping.keyOf.get(actor.id) ?? NONE_KEY));
		const value = size?.values.get(actor.id);
		actors.set(actor.id, {
			colour: colourOf(colourGroups.keyOf.get(actor.id) ?? NONE_KEY),
			shape: shapeOf(shapeGroups.keyOf.get(actor.id) ?? NONE_KEY),
			size: size && value !== undefined ? Math.round(size.sizeOf(value)) : size ? MIN_NODE_SIZE : DEFAULT_NODE_SIZE,
			label: [base, ...extra].filter((part) => part !== '').join(' · ')
		});
	}
	const links = new Map(data.links.map((link) => [link.id, linkVisual(link, style, names, options)]));

	const counts = (grouping: Grouping) => {
		const count = new Map<string, number>();
		for (const key of grouping.keyOf.values()) count.set(key, (count.get(key) ?? 0) + 1);
		return count;
	};
	const categories = (grouping: Grouping, withColour: boolean, withShape: boolean): LegendCategory[] => {
		const count = counts(grouping);
		const entries = grouping.keys.map((key) => ({
			key,
			label: grouping.name(key),
			count: count.get(key) ?? 0,
			...(withColour ? { colour: colourOf(key) } : {}),
			...(withShape ? { shape: shapeOf(key) } : {})
		}));
		return mergeOverflow(entries, withColour && !distinctColours(grouping), names);
	};
	const same = style.colourBy === style.shapeBy;
	const legend: StyleLegend = {
		colour: style.colourBy === 'none' ? null : { attribute: style.colourBy, categories: categories(colourGroups, true, same) },
		shape: same || style.shapeBy === 'none' ? null : { attribute: style.shapeBy, categories: categories(shapeGroups, false, true) },
		size: size ? { attribute: style.sizeBy, min: size.min, max: size.max, minSize: MIN_NODE_SIZE, maxSize: MAX_NODE_SIZE } : null,
		...linkLegend(data, style, names)
	};
	return { actors, links, legend };
}

/** Categories sharing the neutral colour past the palette's end appear once, as "other". */
function mergeOverflow(entries: LegendCategory[], overflow: boolean, names: StyleNames): LegendCategory[] {
	if (!overflow) return entries;
	const kept = entries.slice(0, CATEGORY_COLOURS.length);
	const rest = entries.slice(CATEGORY_COLOURS.length);
	if (rest.length === 0) return kept;
	return [...kept, { key: OTHER_KEY, label: names.other(), colour: NEUTRAL_COLOUR, count: rest.reduce((sum, entry) => sum + entry.count, 0) }];
}
