// Malformed files are refused with a clear error code (and where the problem is), and the map is left exactly as it was.
import ExcelJS from 'exceljs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
	ImportFileError,
	MAX_CELL_LENGTH,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_ROWS,
	applyImportPlan,
	parseImportFile,
	planImport,
	suggestMapping
} from '$lib/exchange';
import { richMap, TEST_NOW } from './helpers';

const text = (value: string) => new TextEncoder().encode(value);

async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	for (const [name, rows] of Object.entries(sheets)) {
		const sheet = book.addWorksheet(name);
		for (const row of rows) sheet.addRow(row);
	}
	return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Runs the whole import into a map that already holds data; returns the error and checks nothing changed. */
async function refusal(bytes: Uint8Array, fileName: string): Promise<ImportFileError> {
	const model = richMap();
	const before = Y.encodeStateVector(model.doc);
	const snapshot = model.snapshot();
	let caught: unknown;
	try {
		const source = await parseImportFile(bytes, fileName);
		const plan = planImport(source, suggestMapping(source, snapshot), snapshot, { now: TEST_NOW });
		applyImportPlan(model, plan);
	} catch (error) {
		caught = error;
	}
	expect(Y.encodeStateVector(model.doc)).toEqual(before);
	expect(model.snapshot()).toEqual(snapshot);
	expect(caught).toBeInstanceOf(ImportFileError);
	return caught as ImportFileError;
}

describe('malformed files', () => {
	it('a workbook without an Elements sheet: missing_sheet, naming the sheets it has', async () => {
		const error = await refusal(await workbook({ Taulukko1: [['Label'], ['A']] }), 'x.xlsx');
		expect(error.code).toBe('missing_sheet');
		expect(error.message).toContain('"Taulukko1"');
	});

	it('Finnish and Swedish sheet names are accepted', async () => {
		for (const [elements, connections] of [['Toimijat', 'Yhteydet'], ['Aktörer', 'Kopplingar']]) {
			const bytes = await workbook({ [elements!]: [['Nimi', 'Tyyppi'], ['A', 'Yritys'], ['B', 'Företag']], [connections!]: [['From', 'To'], ['A', 'B']] });
			const source = await parseImportFile(bytes, 'x.xlsx');
			expect(source.elements.rows).toHaveLength(2);
			expect(source.connections?.rows).toHaveLength(1);
		}
	});

	it('an Elements sheet without a Label column: missing_column, and applying writes nothing', async () => {
		const error = await refusal(await workbook({ Elements: [['Type', 'Description'], ['company', 'x']] }), 'x.xlsx');
		expect(error.code).toBe('missing_column');
		expect(error.errors).toMatchObject([{ sheet: 'Elements', row: 1, column: 'Label', code: 'missing_column' }]);
	});

	it('a Connections sheet without To: missing_column', async () => {
		const bytes = await workbook({ Elements: [['Label'], ['A']], Connections: [['From', 'Type'], ['A', 'x']] });
		const error = await refusal(bytes, 'x.xlsx');
		expect(error.errors).toMatchObject([{ sheet: 'Connections', column: 'To', code: 'missing_column' }]);
	});

	it('a formula cell is refused with its sheet, row and column, and never evaluated', async () => {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Elements');
		sheet.addRow(['Label', 'Type', 'Description']);
		sheet.addRow(['A', 'company', 'ok']);
		sheet.addRow(['B', 'company', null]);
		sheet.getCell('C3').value = { formula: 'HYPERLINK("http://evil.example","x")', result: 'x' } as never;
		const error = await refusal(new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer), 'x.xlsx');
		expect(error.code).toBe('formula_cell');
		expect(error.errors).toEqual([expect.objectContaining({ sheet: 'Elements', row: 3, column: 'Description', code: 'formula_cell' })]);
	});

	it('shared formulas are refused like any formula', async () => {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Elements');
		sheet.addRow(['Label', 'Type', 'Score']);
		sheet.addRow(['A', 'company', null]);
		sheet.addRow(['B', 'company', null]);
		sheet.getCell('C2').value = { formula: 'ROW()', result: 2, shareType: 'shared', ref: 'C2:C3' } as never;
		sheet.getCell('C3').value = { sharedFormula: 'C2', result: 3 } as never;
		const error = await refusal(new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer), 'x.xlsx');
		expect(error.code).toBe('formula_cell');
		expect(error.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Score'], [3, 'Score']]);
	});

	it('a sheet with more than MAX_IMPORT_ROWS rows: too_many_rows', async () => {
		const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `A${i},company`);
		expect((await refusal(text(['Label,Type', ...rows].join('\n')), 'x.csv')).code).toBe('too_many_rows');
	});

	it('a cell longer than MAX_CELL_LENGTH: cell_too_long with its place', async () => {
		const error = await refusal(text(`Label,Description\nA,${'x'.repeat(MAX_CELL_LENGTH + 1)}\n`), 'x.csv');
		expect(error.code).toBe('cell_too_long');
		expect(error.errors).toMatchObject([{ sheet: 'x.csv', row: 2, column: 'Description' }]);
	});

	it('binary garbage named .csv: bad_encoding', async () => {
		const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
		expect((await refusal(garbage, 'x.csv')).code).toBe('bad_encoding');
		const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
		expect((await refusal(png, 'kuva.csv')).code).toBe('bad_encoding');
	});

	it('NUL bytes in an otherwise textual file: bad_encoding', async () => {
		const bytes = text('Label,Type\nA\u0000B,company\n');
		expect((await refusal(bytes, 'x.csv')).code).toBe('bad_encoding');
		expect((await refusal(text('{"format":"kartta-map"\u0000}'), 'x.json')).code).toBe('bad_encoding');
	});

	it('a file that is not a zip named .xlsx: malformed_file', async () => {
		expect((await refusal(text('Label\nA\n'), 'x.xlsx')).code).toBe('malformed_file');
	});

	it('malformed XML: malformed_xml with the line', async () => {
		const error = await refusal(text('<?xml version="1.0"?>\n<graphml>\n<graph>\n<node id="a">\n</graphml>'), 'x.graphml');
		expect(error.code).toBe('malformed_xml');
		expect(error.errors[0]?.row).toBeGreaterThan(0);
	});

	it('XML that is not GraphML or GEXF: malformed_file', async () => {
		expect((await refusal(text('<?xml version="1.0"?><html><body/></html>'), 'x.graphml')).code).toBe('malformed_file');
		expect((await refusal(text('<?xml version="1.0"?><graphml/>'), 'x.gexf')).code).toBe('malformed_file');
	});

	it('absurdly deep XML nesting is a clear file error, not a crash', async () => {
		const depth = 200_000;
		const deep = `<?xml version="1.0"?><graphml><graph>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</graph></graphml>`;
		const error = await refusal(text(deep), 'deep.graphml');
		expect(['malformed_xml', 'malformed_file']).toContain(error.code);
	});

	it('an XML entity bomb is refused before any entity expands: unsafe_xml', async () => {
		const bomb = [
			'<?xml version="1.0"?>',
			'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
			'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>',
			'<graphml><graph><node id="n0"><data key="d0">&lol3;</data></node></graph></graphml>'
		].join('\n');
		expect((await refusal(text(bomb), 'x.graphml')).code).toBe('unsafe_xml');
		expect((await refusal(text(bomb.replace(/graphml/g, 'gexf')), 'x.gexf')).code).toBe('unsafe_xml');
	});

	it('bad JSON: malformed_json; JSON that is not a Kartta export: malformed_json naming the path', async () => {
		expect((await refusal(text('{"format": "kartta-map", '), 'x.json')).code).toBe('malformed_json');
		const other = await refusal(text('{"format": "kartta-map", "schemaVersion": 2, "actors": [{"id": 1}], "links": []}'), 'x.json');
		expect(other.code).toBe('malformed_json');
		expect(other.message).toContain('actors.0');
		expect((await refusal(text('[1, 2, 3]'), 'x.json')).code).toBe('malformed_json');
	});

	it('a JSON export from a newer schema: schema_too_new', async () => {
		const newer = JSON.stringify({ format: 'kartta-map', schemaVersion: 99, actors: [], links: [] });
		expect((await refusal(text(newer), 'x.json')).code).toBe('schema_too_new');
	});

	it('an empty file of every format: empty_file', async () => {
		for (const name of ['x.csv', 'x.xlsx', 'x.json', 'x.graphml', 'x.gexf']) {
			expect((await refusal(new Uint8Array(0), name)).code).toBe('empty_file');
		}
		expect((await refusal(text('\uFEFF  \r\n'), 'x.csv')).code).toBe('empty_file');
	});

	it('an unknown extension: unknown_format; a file over MAX_IMPORT_BYTES: file_too_large', async () => {
		expect((await refusal(text('Label\nA'), 'x.docx')).code).toBe('unknown_format');
		expect((await refusal(new Uint8Array(MAX_IMPORT_BYTES + 1), 'x.csv')).code).toBe('file_too_large');
	});

	it('a header naming one column twice: duplicate_column', async () => {
		expect((await refusal(text('Label,Type,label\nA,company,B\n'), 'x.csv')).code).toBe('duplicate_column');
	});

	it('an unclosed quote in a CSV: malformed_file', async () => {
		expect((await refusal(text('Label,Description\nA,"never closed\n'), 'x.csv')).code).toBe('malformed_file');
	});
});

describe('encodings that are accepted', () => {
	it("Finnish Excel's semicolon CSV in windows-1252", async () => {
		// "Säätiö;Yhdistys" in windows-1252: ä = 0xE4, ö = 0xF6.
		const bytes = Uint8Array.from([...text('Nimi;Tyyppi\r\nS'), 0xe4, 0xe4, ...text('ti'), 0xf6, ...text(';Yhdistys\r\n')]);
		const source = await parseImportFile(bytes, 'excel.csv');
		expect(source.elements.rows[0]?.values).toEqual({ Nimi: 'Säätiö', Tyyppi: 'Yhdistys' });
	});

	it('UTF-8 with BOM and UTF-16 (LE and BE) with BOM', async () => {
		const body = 'Label,Type\nÅbo Öljy,Företag\n';
		const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(body, (c) => c.charCodeAt(0)).buffer)]);
		const be = Uint8Array.from([0xfe, 0xff, ...[...body].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255])]);
		for (const bytes of [text(`\uFEFF${body}`), le, be]) {
			const source = await parseImportFile(bytes, 'x.csv');
			expect(source.elements.columns).toEqual(['Label', 'Type']);
			expect(source.elements.rows[0]?.values).toEqual({ Label: 'Åbo Öljy', Type: 'Företag' });
		}
	});
});
