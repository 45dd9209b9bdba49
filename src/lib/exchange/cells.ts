// Cell helpers shared by readers, planner and exporters: CSV-injection neutralising, trimming, lists and numbers.
import type { Cell } from './types';

/** Text that a spreadsheet would run as a formula (or a DDE command) when it starts a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** The neutralised form: one or more apostrophes before a formula character. */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * Prefixes an apostrophe to text a spreadsheet would treat as a formula. Text that already looks
 * neutralised gets one more, so `restoreNeutralised` gives back exactly what was written.
 */
export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) || NEUTRALISED.test(text) ? `'${text}` : text;
}

/** Undoes `neutraliseFormula` (CSV import only: XLSX cells are never written with the apostrophe). */
export function restoreNeutralised(text: string): string {
	return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** The cell as trimmed text; null and blank give ''. */
export function cellText(cell: Cell | undefined): string {
	if (cell === null || cell === undefined) return '';
	return String(cell).trim();
}

/** Splits a multi-valued cell (Kumu: `a|b`), trimming items and dropping blank ones. */
export function splitList(cell: Cell | undefined, separator: string): string[] {
	const text = cellText(cell);
	if (text === '') return [];
	return text
		.split(separator)
		.map((item) => item.trim())
		.filter((item) => item !== '');
}

const NUMBER_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;

/** A number from a number cell or from text; Finnish decimal commas are accepted. Null when it is not one. */
export function cellNumber(cell: Cell | undefined): number | null {
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
	const text = cellText(cell).replace(/\u2212/g, '-');
	if (!NUMBER_TEXT.test(text)) return null;
	const value = Number(text.replace(',', '.'));
	return Number.isFinite(value) ? value : null;
}

/** Case- and whitespace-insensitive key for matching names and headers. */
export function looseKey(text: string): string {
	return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');
}
