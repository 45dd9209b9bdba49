// Reads an XLSX workbook in Kumu's layout (Elements and Connections sheets, plus Kartta's own catalogue sheets) without evaluating formulas.
import ExcelJS from 'exceljs';
import { isCustomFieldType, type CustomFieldType } from '$lib/map';
import { cellText, looseKey, splitList } from './cells';
import {
	CONNECTION_SHEET_NAMES,
	ELEMENT_SHEET_NAMES,
	FIELDS_SHEET_NAME,
	SECTORS_SHEET_NAME
} from './columns';
import { fileError, rowError, throwIfCellErrors } from './errors';
import { DEFAULT_LIST_SEPARATOR, MAX_IMPORT_ROWS } from './limits';
import { buildSheet } from './sheet';
import type { Cell, ImportSource, RowError, SourceCatalog, SourceSheet } from './types';

/** Midnight UTC dates are calendar dates (Excel stores dates as days); others keep their time. */
function dateText(date: Date): string {
	const iso = date.toISOString();
	return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** One cell's value; formulas (and their cached results, which we never trust) are reported instead. */
function readCell(value: unknown, where: () => [number, string], formulas: RowError[], sheet: string): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (value instanceof Date) return dateText(value);
	if (typeof value === 'object') {
		const object = value as Record<string, unknown>;
		if ('formula' in object || 'sharedFormula' in object) {
			const [row, column] = where();
			formulas.push(rowError(sheet, row, column, 'formula_cell', 'The cell holds a formula; Kartta never runs formulas, so type the value instead.'));
			return null;
		}
		if (Array.isArray(object.richText)) return object.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
		if ('hyperlink' in object) return typeof object.text === 'string' ? object.text : String(object.hyperlink ?? '');
		if ('error' in object) return String(object.error);
	}
	return String(value);
}

function findSheet(workbook: ExcelJS.Workbook, names: string[]): ExcelJS.Worksheet | undefined {
	const wanted = new Set(names.map(looseKey));
	return workbook.worksheets.find((sheet) => wanted.has(looseKey(sheet.name)));
}

function readSheet(worksheet: ExcelJS.Worksheet, name: string, formulas: RowError[]): SourceSheet {
	if (worksheet.actualRowCount > MAX_IMPORT_ROWS + 1) {
		throw fileError('too_many_rows', `The sheet "${name}" has ${worksheet.actualRowCount - 1} rows; at most ${MAX_IMPORT_ROWS} are accepted.`);
	}
	let header: Cell[] = [];
	const rows: Cell[][] = [];
	worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const cells: Cell[] = [];
		row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
			const where = (): [number, string] => [rowNumber, cellText(header[columnNumber - 1] ?? null) || cell.address];
			cells[columnNumber - 1] = readCell(cell.value, where, formulas, name);
		});
		const dense = Array.from(cells, (cell) => cell ?? null);
		if (rowNumber === 1) header = dense;
		else rows[rowNumber - 2] = dense;
	});
	return buildSheet(name, header, Array.from(rows, (row) => row ?? []));
}

/** Kartta's "Kartta fields" and "Kartta sectors" sheets, when present: field types and growth sectors Kumu's layout cannot carry. */
function readCatalog(workbook: ExcelJS.Workbook, formulas: RowError[]): SourceCatalog | undefined {
	const fieldsSheet = findSheet(workbook, [FIELDS_SHEET_NAME]);
	const sectorsSheet = findSheet(workbook, [SECTORS_SHEET_NAME]);
	if (!fieldsSheet && !sectorsSheet) return undefined;
	const catalog: SourceCatalog = {};
	if (fieldsSheet) {
		catalog.fields = readSheet(fieldsSheet, FIELDS_SHEET_NAME, formulas).rows.flatMap(({ values }) => {
			const type = cellText(values['Type']);
			const target = cellText(values['Applies to']);
			const name = cellText(values['Name']);
			if (!isCustomFieldType(type) || (target !== 'actor' && target !== 'link') || name === '') return [];
			const options = splitList(values['Options'], DEFAULT_LIST_SEPARATOR);
			const column = cellText(values['Column']) || name;
			return [{ name, type: type as CustomFieldType, target, column, ...(options.length > 0 && { options }) }];
		});
	}
	if (sectorsSheet) {
		catalog.sectors = readSheet(sectorsSheet, SECTORS_SHEET_NAME, formulas).rows.flatMap(({ values }) => {
			const name = cellText(values['Name']);
			const description = cellText(values['Description']);
			const growth = values['Growth'] === true || looseKey(cellText(values['Growth'])) === 'true';
			return name === '' ? [] : [{ name, growth, ...(description !== '' && { description }) }];
		});
	}
	return catalog;
}

export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<ImportSource> {
	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs wants an ArrayBuffer of exactly the file (a Uint8Array may be a view into a larger one).
		const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
		await workbook.xlsx.load(buffer as never);
	} catch (error) {
		throw fileError('malformed_file', `"${fileName}" is not a readable XLSX workbook (${error instanceof Error ? error.message : 'unknown reason'}).`);
	}
	const elementsSheet = findSheet(workbook, ELEMENT_SHEET_NAMES);
	if (!elementsSheet) {
		const found = workbook.worksheets.map((sheet) => `"${sheet.name}"`).join(', ') || 'none';
		throw fileError('missing_sheet', `The workbook has no "Elements" sheet (sheets found: ${found}).`, [
			rowError('Elements', 0, null, 'missing_sheet', 'The sheet of elements (actors) is missing.')
		]);
	}
	const connectionsSheet = findSheet(workbook, CONNECTION_SHEET_NAMES);
	const formulas: RowError[] = [];
	const elements = readSheet(elementsSheet, elementsSheet.name, formulas);
	const connections = connectionsSheet ? readSheet(connectionsSheet, connectionsSheet.name, formulas) : null;
	const catalog = readCatalog(workbook, formulas);
	throwIfCellErrors(formulas);
	return { format: 'xlsx', elements, connections, ...(catalog && { catalog }) };
}
