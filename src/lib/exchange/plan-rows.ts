// Shared helpers of row planning: reading a row by target, mapped values, field errors as row errors, and "is this already so".
import { validateCustomValue, type FieldError } from '$lib/map';
import { cellNumber, cellText } from './cells';
import { rowError } from './errors';
import { customCellValue, rowList, type ColumnField, type ResolvedColumns } from './plan-columns';
import type { ImportMapping, RowError, SourceRow, ValueMapping } from './types';
import { mapValue, type ValueKind } from './values';

/** One row seen through the resolved columns; `undefined` from a reader means "the column is not mapped". */
export class RowReader {
	readonly errors: RowError[] = [];

	constructor(
		readonly sheet: string,
		readonly row: SourceRow,
		readonly columns: ResolvedColumns,
		readonly mapping: ImportMapping
	) {}

	column(target: string): string | undefined {
		return this.columns.standard.get(target);
	}

	text(target: string): string | undefined {
		const column = this.column(target);
		return column === undefined ? undefined : cellText(this.row.values[column]);
	}

	list(target: string): string[] | undefined {
		const column = this.column(target);
		return column === undefined ? undefined : rowList(this.row, column, this.mapping.listSeparator);
	}

	/** A number, null when blank; an error (and undefined) when the cell is not a number. */
	number(target: string): number | null | undefined {
		const column = this.column(target);
		if (column === undefined) return undefined;
		const cell = this.row.values[column] ?? null;
		if (cellText(cell) === '') return null;
		const value = cellNumber(cell);
		if (value === null) this.fail(target, 'invalid_value', `"${cellText(cell)}" is not a number.`);
		return value ?? undefined;
	}

	/** A mapped vocabulary value, null when blank; an error when the file value is not mapped. */
	choice<K extends ValueKind>(target: string, kind: K): ValueMapping[K][string] | null | undefined {
		const text = this.text(target);
		if (text === undefined) return undefined;
		if (text === '') return null;
		const value = mapValue(this.mapping.values, kind, text);
		if (value === undefined) this.fail(target, 'unmapped_value', `"${text}" is not mapped to a Kartta value.`);
		return value;
	}

	choiceList<K extends ValueKind>(target: string, kind: K): ValueMapping[K][string][] | null | undefined {
		const items = this.list(target);
		if (items === undefined) return undefined;
		if (items.length === 0) return null;
		const values: ValueMapping[K][string][] = [];
		for (const item of items) {
			const value = mapValue(this.mapping.values, kind, item);
			if (value === undefined) this.fail(target, 'unmapped_value', `"${item}" is not mapped to a Kartta value.`);
			else values.push(value);
		}
		return values;
	}

	/** Custom values by field id (null = blank), each checked against its field as the model will check it. */
	custom(): Record<string, string | number | string[] | null> {
		const values: Record<string, string | number | string[] | null> = {};
		for (const field of this.columns.fields) {
			const value = customCellValue(this.row, field, this.mapping.listSeparator);
			const checked = validateCustomValue(field, value, `custom.${field.id}`);
			if (checked.ok) values[field.id] = value;
			else this.fieldErrors(checked.errors);
		}
		return values;
	}

	fail(target: string | null, code: string, message: string): void {
		const column = target === null ? null : (this.column(target) ?? null);
		this.errors.push(rowError(this.sheet, this.row.row, column, code, message));
	}

	/** The model's field errors, placed on the column the field came from. */
	fieldErrors(errors: FieldError[], fieldTargets: Record<string, string> = {}): void {
		for (const error of errors) {
			const [head = '', second] = error.field.split('.');
			let column: string | null;
			if (head === 'custom') column = this.columns.fields.find((f: ColumnField) => f.id === second)?.column ?? null;
			else column = this.column(fieldTargets[error.field] ?? fieldTargets[head] ?? head) ?? null;
			this.errors.push(rowError(this.sheet, this.row.row, column, error.code, error.message));
		}
	}
}

/** Equality of a stored value and a planned one; absent and null are the same ("no value"). */
export function sameValue(stored: unknown, planned: unknown): boolean {
	const a = stored === undefined ? null : stored;
	const b = planned === undefined ? null : planned;
	return JSON.stringify(a) === JSON.stringify(b);
}

/** The keys of a validated patch that would change the stored element (custom values compared one by one). */
export function changedPart<P extends { custom?: Record<string, unknown> }>(
	patch: P,
	stored: Record<string, unknown> & { custom?: Record<string, unknown> },
	normaliseCustom: (fieldId: string, value: unknown) => unknown
): Partial<P> {
	const changed: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(patch)) {
		if (key === 'custom' || value === undefined) continue;
		if (!sameValue(stored[key], value)) changed[key] = value;
	}
	const custom: Record<string, unknown> = {};
	for (const [fieldId, value] of Object.entries(patch.custom ?? {})) {
		if (!sameValue(stored.custom?.[fieldId], normaliseCustom(fieldId, value))) custom[fieldId] = value;
	}
	if (Object.keys(custom).length > 0) changed.custom = custom;
	return changed as Partial<P>;
}

/** Drops null and undefined values: an input (unlike a patch) leaves absent fields out. */
export function withoutBlanks<T extends object>(fields: T): T {
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)) as T;
}
