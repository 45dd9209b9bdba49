// Resolves a sheet's columns for planning: standard targets, existing custom fields and new fields with their inferred type.
import {
	MAX_CHOICE_OPTIONS,
	MAX_OPTION_LENGTH,
	isCustomFieldType,
	isIsoDate,
	parseWebUrl,
	validateCustomFieldInput,
	type CustomFieldType,
	type MapSnapshot
} from '$lib/map';
import { cellNumber, cellText, looseKey, splitList } from './cells';
import { rowError } from './errors';
import type { PlannedField } from './plan-types';
import type { Cell, RowError, SourceCatalog, SourceRow, SourceSheet } from './types';

/** A custom field a column feeds, existing or planned. */
export interface ColumnField {
	column: string;
	id: string;
	name: string;
	type: string;
	options?: string[];
	isNew: boolean;
}

export interface ResolvedColumns {
	/** Standard target -> its column. */
	standard: Map<string, string>;
	fields: ColumnField[];
}

type Target = string;

/** The values a row gives a column: the exact list when the format has one, else the cell split on the separator. */
export function rowList(row: SourceRow, column: string, separator: string): string[] {
	return row.lists?.[column] ?? splitList(row.values[column], separator);
}

function inferType(cells: Cell[], separator: string): { type: CustomFieldType; options?: string[] } {
	const texts = cells.map(cellText).filter((text) => text !== '');
	if (texts.length === 0) return { type: 'text' };
	if (cells.every((cell) => cellText(cell) === '' || cellNumber(cell) !== null)) return { type: 'number' };
	if (texts.every((text) => isIsoDate(text))) return { type: 'date' };
	if (texts.every((text) => /^https?:\/\//i.test(text) && parseWebUrl(text) === text)) return { type: 'url' };
	if (texts.some((text) => text.includes(separator))) {
		const options = [...new Set(texts.flatMap((text) => splitList(text, separator)))];
		if (options.length <= MAX_CHOICE_OPTIONS && options.every((option) => option.length <= MAX_OPTION_LENGTH)) {
			return { type: 'multi_choice', options };
		}
	}
	return { type: 'text' };
}

/** Options of a hinted choice field, widened by the values the file uses, so that no value is refused for it. */
function widenOptions(hinted: string[] | undefined, sheet: SourceSheet, column: string, separator: string): string[] {
	const options = [...(hinted ?? [])];
	for (const row of sheet.rows) for (const item of rowList(row, column, separator)) if (!options.includes(item)) options.push(item);
	return options;
}

/**
 * Columns mapped to `newField` become a new field named after the column (or after the file's
 * catalogue entry for it), or reuse an existing field of that name; ids come from the catalogue
 * when free. Problems with a definition are file errors: every row would fail the same way.
 */
export function resolveColumns(
	sheet: SourceSheet,
	targets: Record<string, Target>,
	appliesTo: 'actor' | 'link',
	snapshot: MapSnapshot,
	catalog: SourceCatalog | undefined,
	separator: string,
	plannedFields: PlannedField[],
	newId: () => string,
	errors: RowError[]
): ResolvedColumns {
	const standard = new Map<string, string>();
	const fields: ColumnField[] = [];
	const takenIds = new Set([...snapshot.fields.map((f) => f.id), ...plannedFields.map((f) => f.id)]);
	for (const column of sheet.columns) {
		const target = targets[column] ?? 'ignore';
		if (target === 'ignore') continue;
		if (target.startsWith('field:')) {
			const field = snapshot.fields.find((f) => f.id === target.slice('field:'.length));
			if (!field || field.appliesTo !== appliesTo || !isCustomFieldType(field.type)) {
				errors.push(rowError(sheet.name, 1, column, 'invalid_mapping', `The column "${column}" is mapped to a custom field that does not exist for ${appliesTo}s (or has a type this version does not know).`));
			} else fields.push({ column, id: field.id, name: field.name, type: field.type, ...(field.options && { options: field.options }), isNew: false });
		} else if (target === 'newField') {
			const hint = catalog?.fields?.find((f) => f.target === appliesTo && looseKey(f.column ?? f.name) === looseKey(column));
			const name = (hint?.name ?? column).trim();
			// A field of a type this version does not know cannot take values: such a namesake is not reused.
			const existing = snapshot.fields.find((f) => f.appliesTo === appliesTo && isCustomFieldType(f.type) && looseKey(f.name) === looseKey(name));
			const planned = plannedFields.find((f) => f.appliesTo === appliesTo && looseKey(f.name) === looseKey(name));
			const reuse = existing ?? planned;
			if (reuse) {
				fields.push({ column, id: reuse.id, name: reuse.name, type: reuse.type, ...(reuse.options && { options: reuse.options }), isNew: !existing });
				continue;
			}
			const inferred = hint ? { type: hint.type, options: hint.options } : inferType(sheet.rows.map((r) => r.values[column] ?? null), separator);
			const isChoice = inferred.type === 'choice' || inferred.type === 'multi_choice';
			const options = isChoice ? widenOptions(inferred.options, sheet, column, separator) : undefined;
			const definition = { name, type: inferred.type, appliesTo, ...(options && { options }) };
			const checked = validateCustomFieldInput(definition);
			if (!checked.ok) {
				const detail = checked.errors.map((e) => e.message).join(' ');
				errors.push(rowError(sheet.name, 1, column, 'invalid_mapping', `The column "${column}" cannot become a custom field: ${detail}`));
				continue;
			}
			const wanted = hint?.id;
			const id = wanted && !takenIds.has(wanted) ? wanted : newId();
			takenIds.add(id);
			plannedFields.push({ id, ...checked.value, appliesTo } as PlannedField);
			fields.push({ column, id, name, type: checked.value.type, ...(checked.value.options && { options: checked.value.options }), isNew: true });
		} else if (standard.has(target)) {
			errors.push(rowError(sheet.name, 1, column, 'invalid_mapping', `The columns "${standard.get(target)}" and "${column}" are both mapped to ${target}.`));
		} else standard.set(target, column);
	}
	return { standard, fields };
}

/** A custom value from a cell, shaped for its field's type; null = blank. The model's validator decides whether it fits. */
export function customCellValue(row: SourceRow, field: ColumnField, separator: string): string | number | string[] | null {
	if (field.type === 'multi_choice') {
		const items = rowList(row, field.column, separator);
		return items.length === 0 ? null : items;
	}
	const cell = row.values[field.column] ?? null;
	if (field.type === 'number') {
		if (cellText(cell) === '') return null;
		return cellNumber(cell) ?? cellText(cell);
	}
	const text = cellText(cell);
	return text === '' ? null : text;
}
