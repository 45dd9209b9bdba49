// An actor attribute's value and categories: which category each actor falls in for "colour by region", "shape by size class" and so on (pure).
import { ACTOR_KINDS, ACTOR_ROLES, SIZE_CLASSES, type ActorView, type CustomFieldView } from '$lib/map';
import { MAX_BINS } from './palette';
import type { ActorMetricValues, StyleNames } from './style-types';
import { COMMUNITY_METRIC, metricOf, type ActorAttribute } from './view-state';

/** A categorical value ('' = none) or a number (null = none) of one actor for one attribute. */
export type Value = { kind: 'category'; key: string } | { kind: 'number'; value: number | null };

export interface Context {
	regionNames: Map<string, string>;
	sectorNames: Map<string, string>;
	sectorOrder: Map<string, number>;
	growth: Set<string>;
	fields: Map<string, CustomFieldView>;
	degree: Map<string, number>;
	metrics: ActorMetricValues;
	names: StyleNames;
}

export const NONE_KEY = '';
/** Significant digits of a metric in range labels. */
const METRIC_DIGITS = 3;
export const OTHER_KEY = '\u0000other';

export function isNumericAttribute(attribute: ActorAttribute, fields: readonly CustomFieldView[]): boolean {
	if (attribute === 'degree' || attribute === 'sizeClass') return true;
	const metric = metricOf(attribute);
	if (metric !== null) return metric !== COMMUNITY_METRIC;
	if (!attribute.startsWith('custom:')) return false;
	return fields.find((field) => field.id === attribute.slice(7))?.type === 'number';
}

export function customField(attribute: ActorAttribute, context: Context): CustomFieldView | undefined {
	return attribute.startsWith('custom:') ? context.fields.get(attribute.slice(7)) : undefined;
}

function firstBy<T>(list: readonly T[] | undefined, order: (item: T) => number): T | undefined {
	if (!list || list.length === 0) return undefined;
	return [...list].sort((a, b) => order(a) - order(b))[0];
}

/** Categorical view of an attribute; multi-valued ones (sectors, roles) use the first value in the map's order. */
export function valueOf(actor: ActorView, attribute: ActorAttribute, context: Context): Value {
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
	const metric = metricOf(attribute);
	if (metric !== null) return metricValue(actor.id, metric, context);
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

/** A metric is a number, except the community, which is a group; an actor the analysis has not seen has none. */
function metricValue(actorId: string, metric: string, context: Context): Value {
	const stored = context.metrics.get(actorId)?.[metric];
	const value = typeof stored === 'number' && Number.isFinite(stored) ? stored : null;
	if (metric === COMMUNITY_METRIC) return { kind: 'category', key: value === null ? NONE_KEY : String(value) };
	return { kind: 'number', value };
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
	if (metricOf(attribute) === COMMUNITY_METRIC) return (key) => Number(key);
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
	// Communities are numbered from 0, largest first; people count from 1.
	if (metricOf(attribute) === COMMUNITY_METRIC) return String(Number(key) + 1);
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
	// Metrics such as PageRank are small fractions: three significant digits keep the ranges apart.
	const round = metricOf(attribute) !== null ? (value: number) => Number(value.toPrecision(METRIC_DIGITS)) : (value: number) => Math.round(value * 100) / 100;
	const show = (value: number) => (attribute === 'sizeClass' ? (SIZE_CLASSES[value] ?? String(value)) : String(round(value)));
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
export interface Grouping {
	attribute: ActorAttribute;
	keyOf: Map<string, string>;
	keys: string[];
	numeric: boolean;
	name(key: string): string;
}

export function group(attribute: ActorAttribute, actors: readonly ActorView[], context: Context): Grouping {
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
