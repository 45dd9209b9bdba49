// The data grid's column contract: how a column reads, sorts, shows problems, and is edited. Columns are built in columns.ts.
import type { FieldError } from '$lib/map';
import type { SortValue } from './rows';

/** What a cell editor holds while the user edits: text, or the ticked values of a list. */
export type Draft = string | string[];

export interface ChoiceOption {
	value: string;
	label: string;
}

export type CellEditorSpec =
	| { type: 'text'; maxLength?: number }
	/** Numbers typed as text, so a decimal comma works; the column parses them. */
	| { type: 'number' }
	| { type: 'date' }
	| { type: 'url' }
	/** Several free texts on one line, separated by commas. */
	| { type: 'tags' }
	/** One of the options; `empty` labels the "no value" option when the value may be removed. */
	| { type: 'select'; options: readonly ChoiceOption[]; empty?: string }
	/** Any of the options, ticked. */
	| { type: 'multi'; options: readonly ChoiceOption[] };

export type EditResult = { ok: true } | { ok: false; errors: FieldError[] };

export interface GridColumn<Row> {
	key: string;
	label: string;
	/** The column that names the row (a row header: screen readers say it when moving along a row). */
	rowHeader?: boolean;
	/** A fixed width (CSS length): with windowed rows, widths must not follow the rows in view. */
	width: string;
	sortValue(row: Row): SortValue;
	/** The cell as text (also what the text filter searches). */
	text(row: Row): string;
	/** A web address to link the text to, only when it is a valid http(s) address. */
	href?(row: Row): string | undefined;
	/** Problems of the stored value in this cell. */
	issues?(row: Row): FieldError[];
	/** Absent = read-only column. */
	editor?: CellEditorSpec;
	draft?(row: Row): Draft;
	/** Writes the draft; validation errors come back and nothing is written. */
	commit?(row: Row, draft: Draft): EditResult;
	/** The refused edit in words (e.g. which part of a Business ID is wrong). */
	errorText?(errors: FieldError[], draft: Draft): string;
}

/** The cell with keyboard focus, by row id and column key, so it follows its row through sorts and others' edits. `row` null = the header row. */
export interface ActiveCell {
	row: string | null;
	col: string;
}
