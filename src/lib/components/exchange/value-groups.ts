// Which columns need value mapping: those imported as an enumerated field, with their distinct file values.
import { ACTOR_KINDS, ACTOR_ROLES, LINK_DIRECTIONS, LINK_KINDS, LINK_STATUSES, SIZE_CLASSES } from '$lib/map';
import type { ImportMapping } from '$lib/exchange/types';
import { actorKindName, directionName, linkKindName, linkStatusName, roleName, sizeClassName } from '$lib/components/editor/labels';
import type { SourcePreview } from './import-protocol';
import type { ValueField } from './import-labels';

interface EnumeratedField {
	field: ValueField;
	sheet: 'elements' | 'connections';
	/** The column target whose values this field maps. */
	target: string;
	/** A cell may hold several values, split by the mapping's list separator. */
	multi: boolean;
	options: readonly string[];
	optionName: (value: string) => string;
}

const ENUMERATED: readonly EnumeratedField[] = [
	{ field: 'actorKind', sheet: 'elements', target: 'kind', multi: false, options: ACTOR_KINDS, optionName: actorKindName },
	{ field: 'role', sheet: 'elements', target: 'roles', multi: true, options: ACTOR_ROLES, optionName: roleName },
	{ field: 'sizeClass', sheet: 'elements', target: 'sizeClass', multi: false, options: SIZE_CLASSES, optionName: sizeClassName },
	{ field: 'linkKind', sheet: 'connections', target: 'kind', multi: false, options: LINK_KINDS, optionName: linkKindName },
	{ field: 'direction', sheet: 'connections', target: 'direction', multi: false, options: LINK_DIRECTIONS, optionName: directionName },
	{ field: 'status', sheet: 'connections', target: 'status', multi: false, options: LINK_STATUSES, optionName: linkStatusName }
];

export interface ValueGroup extends EnumeratedField {
	column: string;
	/** The distinct values to map, or null when the column has too many to list. */
	values: string[] | null;
}

export function valueGroups(preview: SourcePreview, mapping: ImportMapping): ValueGroup[] {
	const groups: ValueGroup[] = [];
	for (const enumerated of ENUMERATED) {
		const sheet = preview[enumerated.sheet];
		if (!sheet) continue;
		const targets = mapping[enumerated.sheet] as Record<string, string>;
		for (const column of sheet.columns) {
			if (targets[column.name] !== enumerated.target) continue;
			let values = column.distinct;
			if (values && enumerated.multi) {
				const split = values.flatMap((value) => value.split(mapping.listSeparator).map((part) => part.trim()));
				values = [...new Set(split.filter((part) => part !== ''))].sort((a, b) => a.localeCompare(b));
			}
			groups.push({ ...enumerated, column: column.name, values });
		}
	}
	return groups;
}
