// Builds a SourceSheet from a header and rows of cells, enforcing the limits every tabular reader shares.
import { fileError, rowError, throwIfCellErrors } from './errors';
import { MAX_CELL_LENGTH, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from './limits';
import type { Cell, RowError, SourceRow, SourceSheet } from './types';
import { looseKey } from './cells';

/** Header names trimmed; blank headers of empty columns are dropped, duplicates refused (a value would be lost). */
function readHeader(sheet: string, header: Cell[]): { columns: string[]; indexes: number[] } {
	const columns: string[] = [];
	const indexes: number[] = [];
	const seen = new Map<string, string>();
	header.forEach((cell, index) => {
		const name = cell === null ? '' : String(cell).trim();
		if (name === '') return;
		const key = looseKey(name);
		if (seen.has(key)) {
			throw fileError('duplicate_column', `The sheet "${sheet}" has the column "${name}" twice.`, [
				rowError(sheet, 1, name, 'duplicate_column', `The column "${name}" appears twice.`)
			]);
		}
		seen.set(key, name);
		columns.push(name);
		indexes.push(index);
	});
	if (columns.length > MAX_IMPORT_COLUMNS) {
		throw fileError('too_many_columns', `The sheet "${sheet}" has ${columns.length} columns; at most ${MAX_IMPORT_COLUMNS} are read.`);
	}
	return { columns, indexes };
}

/**
 * `rows[i]` is the file's row `firstRow + i`. Entirely blank rows are skipped (spreadsheets keep
 * formatted empty rows); cells in columns without a header are ignored.
 */
export function buildSheet(name: string, header: Cell[], rows: Cell[][], firstRow = 2): SourceSheet {
	const { columns, indexes } = readHeader(name, header);
	const sourceRows: SourceRow[] = [];
	const tooLong: RowError[] = [];
	rows.forEach((cells, i) => {
		const row = firstRow + i;
		const values: Record<string, Cell> = {};
		let blank = true;
		columns.forEach((column, c) => {
			const cell = cells[indexes[c]!] ?? null;
			if (typeof cell === 'string' && cell.length > MAX_CELL_LENGTH) {
				const message = `The cell has ${cell.length} characters; at most ${MAX_CELL_LENGTH} are accepted.`;
				tooLong.push(rowError(name, row, column, 'cell_too_long', message));
			}
			if (cell !== null && cell !== '') blank = false;
			values[column] = cell;
		});
		if (!blank) sourceRows.push({ row, values });
	});
	throwIfCellErrors(tooLong);
	if (sourceRows.length > MAX_IMPORT_ROWS) {
		throw fileError('too_many_rows', `The sheet "${name}" has ${sourceRows.length} rows; at most ${MAX_IMPORT_ROWS} are accepted.`);
	}
	return { name, columns, rows: sourceRows };
}

/** The column whose loose name is one of `names`, if any. */
export function findColumn(sheet: SourceSheet, names: readonly string[]): string | undefined {
	const wanted = new Set(names.map(looseKey));
	return sheet.columns.find((column) => wanted.has(looseKey(column)));
}
