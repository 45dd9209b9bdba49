// exportMap: a map snapshot as a file in one of the export formats, with its MIME type and a file name.
import type { ActorView, MapSnapshot } from '$lib/map';
import { downloadBaseName } from '$lib/shared/download-name';
import { exportCsv } from './export-csv';
import { exportGexf } from './export-gexf';
import { exportGraphml } from './export-graphml';
import { exportJson } from './export-json';
import { exportXlsx } from './export-xlsx';
import type { ExportFile, ExportFormat } from './types';

export interface ExportOptions {
	/** File name without extension; defaults to one made from the map's title. */
	baseName?: string;
	/** CSV only: which sheet; elements by default. */
	part?: 'elements' | 'connections';
	/** GEXF only: the colour (#rrggbb) to give each actor; by kind when absent. */
	actorColour?: (actor: ActorView) => string;
}

export const EXPORT_MIME_TYPES: Record<ExportFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv;charset=utf-8',
	json: 'application/json',
	graphml: 'application/graphml+xml',
	gexf: 'application/gexf+xml'
};

/** A file-system-safe name from the title (the same slug the API's downloads and the view images use). */
export const baseNameOf = downloadBaseName;

export async function exportMap(snapshot: MapSnapshot, format: ExportFormat, options: ExportOptions = {}): Promise<ExportFile> {
	const base = options.baseName?.trim() || baseNameOf(snapshot.title);
	let bytes: Uint8Array;
	let suffix = '';
	switch (format) {
		case 'xlsx':
			bytes = await exportXlsx(snapshot);
			break;
		case 'csv': {
			const part = options.part ?? 'elements';
			bytes = exportCsv(snapshot, part);
			suffix = `-${part}`;
			break;
		}
		case 'json':
			bytes = exportJson(snapshot);
			break;
		case 'graphml':
			bytes = exportGraphml(snapshot);
			break;
		case 'gexf':
			bytes = exportGexf(snapshot, options.actorColour);
			break;
		default:
			throw new Error(`Unknown export format "${String(format)}".`);
	}
	return { bytes, mimeType: EXPORT_MIME_TYPES[format], fileName: `${base}${suffix}.${format}` };
}
