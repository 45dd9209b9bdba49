// XLSX export in Kumu's layout (Elements, Connections) plus Kartta's catalogue sheets; every text is a plain string cell, never a formula.
import ExcelJS from 'exceljs';
import type { MapSnapshot } from '$lib/map';
import { CONNECTION_SHEET_NAMES, ELEMENT_SHEET_NAMES, FIELDS_SHEET_NAME, SECTORS_SHEET_NAME } from './columns';
import { connectionsTable, elementsTable, fieldsTable, sectorsTable, type ExportTable } from './export-rows';

/**
 * Strings are written as string cells (shared strings), which Excel shows as text and never
 * evaluates, so "=SUM(1)" needs no escaping here and comes back unchanged.
 */
function addSheet(workbook: ExcelJS.Workbook, name: string, table: ExportTable): void {
	const sheet = workbook.addWorksheet(name);
	sheet.addRow(table.columns);
	sheet.getRow(1).font = { bold: true };
	for (const row of table.rows) sheet.addRow(table.columns.map((column) => row[column] ?? null));
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function exportXlsx(snapshot: MapSnapshot): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Kartta';
	addSheet(workbook, ELEMENT_SHEET_NAMES[0]!, elementsTable(snapshot));
	addSheet(workbook, CONNECTION_SHEET_NAMES[0]!, connectionsTable(snapshot));
	if (snapshot.fields.length > 0) addSheet(workbook, FIELDS_SHEET_NAME, fieldsTable(snapshot));
	if (snapshot.sectors.length > 0) addSheet(workbook, SECTORS_SHEET_NAME, sectorsTable(snapshot));
	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as unknown as ArrayBuffer);
}
