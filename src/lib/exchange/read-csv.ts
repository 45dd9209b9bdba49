// Reads a CSV file (comma, semicolon or tab separated; UTF-8, UTF-16 or windows-1252) into one sheet of elements or connections.
import Papa from 'papaparse';
import { restoreNeutralised } from './cells';
import { LINK_COLUMN_SYNONYMS } from './columns';
import { decodeText } from './decode';
import { fileError } from './errors';
import { MAX_IMPORT_ROWS } from './limits';
import { buildSheet, findColumn } from './sheet';
import type { Cell, ImportSource } from './types';

/** Never '|': it separates the values of a multi-valued cell. */
const DELIMITERS = [',', ';', '\t'];

/**
 * The separator is the candidate the header line uses most (outside quotes): Papa's own guess
 * needs several rows to agree, and a one-row Finnish Excel file is semicolon-separated.
 */
function guessDelimiter(text: string): string {
	const header = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
	let best = DELIMITERS[0]!;
	let bestCount = 0;
	for (const delimiter of DELIMITERS) {
		const count = header.split(delimiter).length - 1;
		if (count > bestCount) [best, bestCount] = [delimiter, count];
	}
	return best;
}

/** A CSV is connections when it has both a From and a To column (in any of their names), otherwise elements. */
export function readCsv(bytes: Uint8Array, fileName: string): ImportSource {
	const { text } = decodeText(bytes, fileName);
	if (text.trim() === '') throw fileError('empty_file', `"${fileName}" is empty.`);
	const parsed = Papa.parse<string[]>(text, {
		delimiter: guessDelimiter(text),
		skipEmptyLines: false,
		// One more than allowed, so a file over the limit is told so instead of being cut silently.
		preview: MAX_IMPORT_ROWS + 2
	});
	const broken = parsed.errors.find((error) => error.type === 'Quotes');
	if (broken) {
		const row = (broken.row ?? 0) + 1;
		throw fileError('malformed_file', `"${fileName}" has an unclosed quote near row ${row}.`, [
			{ sheet: fileName, row, column: null, code: 'malformed_file', message: broken.message }
		]);
	}
	const [header = [], ...rows] = parsed.data;
	// Text cells exported by Kartta carry an apostrophe before a formula character; take it off again.
	const cells: Cell[][] = rows.map((row) => row.map((cell) => restoreNeutralised(cell)));
	const sheet = buildSheet(fileName, header, cells);
	if (sheet.columns.length === 0) throw fileError('empty_file', `"${fileName}" has no header row.`);
	const isConnections =
		findColumn(sheet, LINK_COLUMN_SYNONYMS.source) !== undefined && findColumn(sheet, LINK_COLUMN_SYNONYMS.target) !== undefined;
	const empty = { name: 'Elements', columns: [], rows: [] };
	return isConnections
		? { format: 'csv', elements: empty, connections: sheet }
		: { format: 'csv', elements: sheet, connections: null };
}
