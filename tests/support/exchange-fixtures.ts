// Import files as people bring them: a Kumu-style workbook (Elements and Connections sheets, Finnish
// values) and CSVs, made with the same libraries the app reads them with. Nothing here is mocked.
import ExcelJS from 'exceljs';

/** A valid Finnish Business ID (checksum 9). */
export const VALID_BUSINESS_ID = '0112038-9';

export interface KumuRows {
	elements: Record<string, string>[];
	connections: Record<string, string>[];
}

/** Three actors in two towns, one of them of an unknown type (refused until mapped), and two links. */
export function kumuRows(prefix = 'Tuonti'): KumuRows {
	return {
		elements: [
			{ Label: `${prefix} Konepaja Oy`, Type: 'Yritys', Town: 'Iisalmi', 'Business ID': VALID_BUSINESS_ID, Description: 'Metalliteollisuus' },
			{ Label: `${prefix} Ammattiopisto`, Type: 'Oppilaitos', Town: 'Iisalmi', 'Business ID': '', Description: '' },
			{ Label: `${prefix} Kehitysyhtiö`, Type: 'Tuntematon', Town: 'Raahe', 'Business ID': '', Description: 'Tyyppi puuttuu sanastosta' }
		],
		connections: [
			{ From: `${prefix} Ammattiopisto`, To: `${prefix} Konepaja Oy`, Type: 'Koulutus' },
			{ From: `${prefix} Konepaja Oy`, To: `${prefix} Kehitysyhtiö`, Type: 'Rahoitus' }
		]
	};
}

export async function kumuWorkbook(rows: KumuRows = kumuRows()): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	for (const [name, list] of [['Elements', rows.elements], ['Connections', rows.connections]] as const) {
		const sheet = workbook.addWorksheet(name);
		const columns = Object.keys(list[0] ?? {});
		sheet.addRow(columns);
		for (const row of list) sheet.addRow(columns.map((column) => row[column] ?? ''));
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function csvCell(value: string): string {
	return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(rows: Record<string, string>[]): string {
	const columns = Object.keys(rows[0] ?? {});
	return [columns.join(','), ...rows.map((row) => columns.map((column) => csvCell(row[column] ?? '')).join(','))].join('\n') + '\n';
}

/** A large elements CSV: `count` companies spread over a few towns. */
export function largeElementsCsv(count: number, prefix = 'Yritys'): string {
	const towns = ['Iisalmi', 'Raahe', 'Savonlinna', 'Heinola', 'Kauhajoki'];
	const lines = ['Label,Type,Town'];
	for (let i = 1; i <= count; i++) lines.push(`${prefix} ${i},Yritys,${towns[i % towns.length]}`);
	return lines.join('\n') + '\n';
}
