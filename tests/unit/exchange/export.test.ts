// What each export writes: Kumu's sheets, a BOM and neutralised formulas in CSV, schema-versioned JSON, declared GraphML keys, GEXF 1.3 with viz.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '$lib/map';
import { exportMap, parseImportFile } from '$lib/exchange';
import { richMap } from './helpers';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('exportMap', () => {
	it('XLSX has Elements and Connections sheets in Kumu layout, with formula-like text as plain strings', async () => {
		const snapshot = richMap().snapshot();
		const file = await exportMap(snapshot, 'xlsx', { baseName: 'iisalmi' });
		expect(file).toMatchObject({ fileName: 'iisalmi.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(file.bytes.buffer as ArrayBuffer);
		expect(book.worksheets.map((s) => s.name)).toEqual(['Elements', 'Connections', 'Kartta fields', 'Kartta sectors']);
		const elements = book.getWorksheet('Elements')!;
		expect((elements.getRow(1).values as unknown[]).slice(1, 14)).toEqual(['ID', 'Label', 'Type', 'Description', 'Tags', 'Town', 'Sectors', 'Business ID', 'Roles', 'Size class', 'Website', 'X', 'Y']);
		const connections = book.getWorksheet('Connections')!;
		expect((connections.getRow(1).values as unknown[]).slice(1, 11)).toEqual(['ID', 'From', 'To', 'Type', 'Direction', 'Strength', 'Status', 'Year from', 'Year to', 'Evidence']);
		let formulas = 0;
		book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++))));
		expect(formulas).toBe(0);
		const description = elements.getColumn(4).values.find((v) => typeof v === 'string' && v.startsWith('=SUM'));
		expect(description).toBe(snapshot.actors.find((a) => a.description?.startsWith('=SUM'))!.description);
	});

	it('CSV starts with a UTF-8 BOM, writes ä and ö as UTF-8 and neutralises = + - @ with an apostrophe', async () => {
		const file = await exportMap(richMap().snapshot(), 'csv');
		expect(file.fileName).toBe('testikartta-åbo-elements.csv');
		expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const csv = decode(file.bytes);
		expect(csv).toContain('"\'=SUM(1) is not a formula');
		// Only a cell's first character matters: the tags cell starts with "vienti".
		expect(csv).toContain('vienti|vihreä siirtymä|@mention|-miinus');
		expect(csv).toContain(",''=already quoted,");
		expect(csv).toContain('Raahen Teräs Oy');
		// Ids may start with "-" too (they are random): those get the apostrophe like any text.
		const ids = csv.split('\r\n').slice(1, -1).map((line) => line.split(',')[0]!);
		expect(ids.filter((id) => id.startsWith('-') || id.startsWith('='))).toEqual([]);
		const connections = await exportMap(richMap().snapshot(), 'csv', { part: 'connections' });
		expect(decode(connections.bytes).split('\r\n')[0]).toMatch(/^ID,From,To,Type,Direction/);
	});

	it('JSON is the snapshot tagged with format, schema version and export time', async () => {
		const snapshot = richMap().snapshot();
		const parsed = JSON.parse(decode((await exportMap(snapshot, 'json')).bytes));
		expect(parsed).toMatchObject({ format: 'kartta-map', schemaVersion: snapshot.schemaVersion ?? SCHEMA_VERSION, actors: snapshot.actors.map((a) => ({ id: a.id })) });
		expect(new Date(parsed.exportedAt).getTime()).not.toBeNaN();
		expect(parsed.views).toEqual(snapshot.views);
	});

	it('GraphML declares a key for every data it writes and has directed edges', async () => {
		const xml = decode((await exportMap(richMap().snapshot(), 'graphml')).bytes);
		expect(xml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
		expect(xml).toContain('edgedefault="directed"');
		const declared = new Set([...xml.matchAll(/<key id="([^"]+)"/g)].map((m) => m[1]));
		const used = new Set([...xml.matchAll(/<data key="([^"]+)"/g)].map((m) => m[1]));
		expect([...used].every((key) => declared.has(key))).toBe(true);
		expect(xml).toMatch(/<key id="n\d+" for="node" attr.name="Label" attr.type="string"\/>/);
		expect(xml).toMatch(/attr.name="X" attr.type="double"/);
		// yEd draws nodes from its own graphics: a label and a geometry centred on the position.
		expect(xml).toContain('<key id="yg" for="node" yfiles.type="nodegraphics"/>');
		expect(xml).toMatch(/<y:Geometry x="-?[\d.]+" y="-?[\d.]+" width="30" height="30"\/><y:NodeLabel>Raahen Teräs Oy<\/y:NodeLabel>/);
	});

	it('GEXF 1.3 has the namespace, typed attributes, viz positions (y up) and colours', async () => {
		const snapshot = richMap().snapshot();
		const xml = decode((await exportMap(snapshot, 'gexf', { actorColour: () => '#ff8000' })).bytes);
		expect(xml).toContain('xmlns="http://gexf.net/1.3"');
		expect(xml).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
		expect(xml).toContain('version="1.3"');
		expect(xml).toMatch(/<attribute id="[^"]+" title="Teemat" type="liststring"><options>Vety\|Digi\|Kiertotalous<\/options><\/attribute>/);
		expect(xml).toMatch(/title="Perustamisvuosi" type="double"/);
		const first = snapshot.actors[0]!;
		expect(xml).toContain(`<viz:position x="${first.pos.x}" y="${first.pos.y === 0 ? 0 : -first.pos.y}" z="0"/><viz:color r="255" g="128" b="0"/>`);
		expect(xml).toContain('type="mutual"');
	});

	it('every export can be read back by the importer of its format', async () => {
		for (const format of ['xlsx', 'csv', 'json', 'graphml', 'gexf'] as const) {
			const file = await exportMap(richMap().snapshot(), format);
			const source = await parseImportFile(file.bytes, file.fileName);
			expect(source.elements.rows).toHaveLength(8);
		}
	});
});
