// The default mapping of an import: which column means which field (by name, in fi/sv/en) and which file value means which Kartta value.
import { isCustomFieldType, type MapSnapshot } from '$lib/map';
import { looseKey, splitList, cellText } from './cells';
import { ACTOR_COLUMN_SYNONYMS, LINK_COLUMN_SYNONYMS } from './columns';
import { DEFAULT_LIST_SEPARATOR } from './limits';
import type { ActorColumnTarget, ImportMapping, ImportSource, LinkColumnTarget, SourceSheet, ValueMapping } from './types';
import { emptyValueMapping, suggestValue, type ValueKind } from './values';

function synonymTable<T extends string>(synonyms: Record<T, readonly string[]>): Map<string, T> {
	const table = new Map<string, T>();
	for (const [target, names] of Object.entries(synonyms) as [T, readonly string[]][]) {
		for (const name of names) if (!table.has(looseKey(name))) table.set(looseKey(name), target);
	}
	return table;
}

const ACTOR_SYNONYMS = synonymTable(ACTOR_COLUMN_SYNONYMS);
const LINK_SYNONYMS = synonymTable(LINK_COLUMN_SYNONYMS);

/** The column a catalogue hint (Kartta's own exports) says holds a field's values. */
function hintedColumn(hint: { name: string; column?: string }): string {
	return hint.column ?? hint.name;
}

/**
 * Each column's target: a standard field by name (first column wins), an existing custom field of
 * the same name, else a new field. A column a file's catalogue declares as a field is a field even
 * when its name is also a standard one.
 */
function suggestColumns<T extends string>(
	sheet: SourceSheet,
	synonyms: Map<string, T>,
	fields: { id: string; name: string }[],
	declared: Set<string>
): Record<string, T | `field:${string}` | 'newField'> {
	const targets: Record<string, T | `field:${string}` | 'newField'> = {};
	const used = new Set<string>();
	for (const column of sheet.columns) {
		const key = looseKey(column);
		const standard = synonyms.get(key);
		const field = fields.find((f) => looseKey(f.name) === key);
		if (standard !== undefined && !used.has(standard) && !declared.has(key)) {
			targets[column] = standard;
			used.add(standard);
		} else if (field) targets[column] = `field:${field.id}`;
		else targets[column] = 'newField';
	}
	return targets;
}

/** Distinct trimmed values of the columns mapped to `target` (lists split), in first-seen order. */
/** `separator` null = whole cells; otherwise cells are lists split on it. */
function distinctValues(sheet: SourceSheet | null, targets: Record<string, string>, target: string, separator: string | null): string[] {
	if (sheet === null) return [];
	const columns = Object.entries(targets).filter(([, t]) => t === target).map(([c]) => c);
	const values = new Set<string>();
	for (const { values: cells } of sheet.rows) {
		for (const column of columns) {
			const items = separator !== null ? splitList(cells[column], separator) : [cellText(cells[column])];
			for (const item of items) if (item !== '') values.add(item);
		}
	}
	return [...values];
}

function suggestValues<K extends ValueKind>(kind: K, values: string[], into: ValueMapping): void {
	const table = into[kind] as Record<string, unknown>;
	for (const value of values) {
		const suggestion = suggestValue(kind, value);
		if (suggestion !== undefined) table[value] = suggestion;
	}
}

/** Only the column targets (no value suggestions): what planning needs for columns the mapping leaves out. */
export function suggestColumnTargets(source: ImportSource, snapshot: MapSnapshot): Pick<ImportMapping, 'elements' | 'connections'> {
	const declaredFor = (target: 'actor' | 'link') =>
		new Set((source.catalog?.fields ?? []).filter((f) => f.target === target).map((f) => looseKey(hintedColumn(f))));
	const usable = snapshot.fields.filter((f) => isCustomFieldType(f.type));
	const actorFields = usable.filter((f) => f.appliesTo === 'actor');
	const linkFields = usable.filter((f) => f.appliesTo === 'link');
	const elements = suggestColumns(source.elements, ACTOR_SYNONYMS, actorFields, declaredFor('actor')) as Record<string, ActorColumnTarget>;
	const connections = source.connections
		? (suggestColumns(source.connections, LINK_SYNONYMS, linkFields, declaredFor('link')) as Record<string, LinkColumnTarget>)
		: {};
	return { elements, connections };
}

export function suggestMapping(source: ImportSource, snapshot: MapSnapshot): ImportMapping {
	const { elements, connections } = suggestColumnTargets(source, snapshot);
	const values = emptyValueMapping();
	const found = distinctMappedValues(source, { elements, connections, listSeparator: DEFAULT_LIST_SEPARATOR });
	for (const kind of Object.keys(found) as ValueKind[]) suggestValues(kind, found[kind], values);
	return {
		elements,
		connections,
		values,
		// Without a kind column every row would be refused; with one, unmapped values are for the user to map.
		defaultActorKind: Object.values(elements).includes('kind') ? null : 'other',
		defaultLinkKind: Object.values(connections).includes('kind') ? null : 'informal',
		listSeparator: DEFAULT_LIST_SEPARATOR
	};
}

/** Which column target each value kind is read from, and whether its cells are lists. */
const VALUE_SOURCES: Record<ValueKind, { sheet: 'elements' | 'connections'; target: string; list: boolean }> = {
	actorKind: { sheet: 'elements', target: 'kind', list: false },
	role: { sheet: 'elements', target: 'roles', list: true },
	sizeClass: { sheet: 'elements', target: 'sizeClass', list: false },
	linkKind: { sheet: 'connections', target: 'kind', list: false },
	direction: { sheet: 'connections', target: 'direction', list: false },
	status: { sheet: 'connections', target: 'status', list: false }
};

/**
 * Every distinct file value of the enumerated columns under a mapping, mapped or not: what the
 * preview's value mapping lists (suggestMapping's `values` holds only the ones it could guess).
 */
export function distinctMappedValues(
	source: ImportSource,
	mapping: Pick<ImportMapping, 'elements' | 'connections' | 'listSeparator'>
): Record<ValueKind, string[]> {
	const result = {} as Record<ValueKind, string[]>;
	for (const [kind, { sheet, target, list }] of Object.entries(VALUE_SOURCES) as [ValueKind, (typeof VALUE_SOURCES)[ValueKind]][]) {
		const targets = sheet === 'elements' ? mapping.elements : mapping.connections;
		result[kind] = distinctValues(sheet === 'elements' ? source.elements : source.connections, targets, target, list ? mapping.listSeparator : null);
	}
	return result;
}
