// Building import errors: RowErrors with a stable code, and the ImportFileError that refuses a whole file.
import { ImportFileError, type RowError } from './types';
import { MAX_REPORTED_ERRORS } from './limits';

/** Codes of problems with a file or a row; the UI translates them, the message is English detail. */
export const IMPORT_ERROR_CODES = [
	'empty_file',
	'file_too_large',
	'unknown_format',
	'bad_encoding',
	'malformed_file',
	'malformed_xml',
	'malformed_json',
	'unsafe_xml',
	'missing_sheet',
	'missing_column',
	'duplicate_column',
	'too_many_rows',
	'too_many_columns',
	'cell_too_long',
	'formula_cell',
	'schema_too_new',
	'invalid_mapping',
	'invalid_value',
	'unmapped_value',
	'duplicate_row',
	'unknown_endpoint',
	'ambiguous_endpoint',
	'endpoint_refused',
	'stale_plan'
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export function rowError(sheet: string, row: number, column: string | null, code: string, message: string): RowError {
	return { sheet, row, column, code, message };
}

/** A file error with its first cells listed; `more` says how many were left out. */
export function fileError(code: ImportErrorCode, message: string, errors: RowError[] = []): ImportFileError {
	const shown = errors.slice(0, MAX_REPORTED_ERRORS);
	const more = errors.length - shown.length;
	return new ImportFileError(code, more > 0 ? `${message} (${more} more not listed)` : message, shown);
}

/** Throws one file error for all the cell errors of a kind collected while reading. */
export function throwIfCellErrors(errors: RowError[]): void {
	const first = errors[0];
	if (first === undefined) return;
	const where = `${first.sheet}, row ${first.row}${first.column ? `, column ${first.column}` : ''}`;
	throw fileError(first.code as ImportErrorCode, `${first.message} (${where}; ${errors.length} cell(s) in all)`, errors);
}
