// Turns a style ("colour by region, size by degree, label {name} ({region})") into each actor's and link's look and the legend that explains it (pure).
import type { ActorView, LinkView } from '$lib/map';
import type { LegendShape } from '../shapes';
import { ACTOR_LOOKS, actorLook } from '../style';
import { renderTemplate, templateTokens, type LabelToken } from './label-template';
import { CATEGORY_COLOURS, CATEGORY_SHAPES, DEFAULT_NODE_SIZE, MAX_NODE_SIZE, MIN_NODE_SIZE, NEUTRAL_COLOUR, RAMP_COLOURS } from './palette';
import { group, valueOf, NONE_KEY, OTHER_KEY, type Context, type Grouping } from './attributes';
import { linkLegend, linkVisual, type StyleOptions } from './link-style';
import type { ActorVisual, LegendCategory, MapData, StyleLegend, StyledMap, StyleNames } from './style-types';
import { metricOf, type ActorAttribute, type ViewStyle } from './view-state';

export type * from './style-types';
export type { StyleOptions } from './link-style';
export { isNumericAttribute } from './attributes';

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
	// Metrics have no label token: when colour shows one, the label names its category instead.
	return attribute === 'none' || attribute === 'growth' || metricOf(attribute) !== null ? null : (attribute as LabelToken);
}

/**
 * WCAG 1.4.1: colour never carries a category alone. Colour is backed by shape when both show the
 * same attribute (and there are shapes enough); otherwise the label names the category.
 */
export function labelMarkers(style: ViewStyle, shape: Grouping): ActorAttribute[] {
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
		metrics: data.metrics ?? new Map(),
		names
	};
	const colourGroups = group(style.colourBy, data.actors, context);
	const shapeGroups = style.shapeBy === style.colourBy ? colourGroups : group(style.shapeBy, data.actors, context);
	const colourOf = colourFor(colourGroups);
	const shapeOf = shapeFor(shapeGroups);
	const markers = labelMarkers(style, shapeGroups).map((attribute) => (attribute === style.colourBy ? colourGroups : shapeGroups));
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
