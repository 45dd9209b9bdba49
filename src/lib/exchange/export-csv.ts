// CSV export of one part (elements or connections), UTF-8 with BOM so Excel reads ä and ö, with formula-like text neutralised.
import Papa from 'papaparse';
import type { MapSnapshot } from '$lib/map';
import { neutraliseFormula } from './cells';
import { connectionsTable, elementsTable } from './export-rows';

const BOM = '\uFEFF';

/** Text starting with = + - @ gets a leading apostrophe (Excel shows the text, runs nothing); the importer removes it. */
export function exportCsv(snapshot: MapSnapshot, part: 'elements' | 'connections'): Uint8Array {
	const table = part === 'connections' ? connectionsTable(snapshot) : elementsTable(snapshot);
	const data = table.rows.map((row) =>
		table.columns.map((column) => {
			const cell = row[column] ?? null;
			return typeof cell === 'string' ? neutraliseFormula(cell) : cell === null ? '' : String(cell);
		})
	);
	const text = Papa.unparse({ fields: table.columns, data }, { newline: '\r\n', quotes: false });
	return new TextEncoder().encode(BOM + text + '\r\n');
}
