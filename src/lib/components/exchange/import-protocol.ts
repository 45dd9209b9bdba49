// The messages between the import dialog and its worker: read a file, (re)plan it against a map snapshot, report progress.
import type { ImportFormat, ImportMapping, ImportPlan, MapSnapshot, ProgressCallback, RowError, SourceSheet } from '$lib/exchange/types';
import type { ImportPart } from './import-parts';

/** A column as the preview shows it: a few sample values and, for short lists, every distinct value. */
export interface ColumnPreview {
	name: string;
	samples: string[];
	/** Every distinct non-empty value, or null when there are more than MAX_DISTINCT_VALUES. */
	distinct: string[] | null;
}

export interface SheetPreview {
	name: string;
	rowCount: number;
	columns: ColumnPreview[];
}

/** What the dialog learns of a read file (the rows themselves stay in the worker). */
export interface SourcePreview {
	format: ImportFormat;
	elements: SheetPreview;
	connections: SheetPreview | null;
}

export type WorkerRequest =
	| { type: 'read'; id: number; bytes: ArrayBuffer; fileName: string; format?: ImportFormat; snapshot: MapSnapshot }
	| { type: 'plan'; id: number; mapping: ImportMapping; snapshot: MapSnapshot }
	/** The plans to apply: made against a replica of the map (its whole state as a Yjs update), in parts when large. */
	| { type: 'prepare'; id: number; mapping: ImportMapping; state: Uint8Array };

export type WorkerReply =
	| { type: 'progress'; id: number; done: number; total: number; phase: Parameters<ProgressCallback>[2] }
	| { type: 'read'; id: number; preview: SourcePreview; mapping: ImportMapping; plan: ImportPlan }
	| { type: 'plan'; id: number; plan: ImportPlan }
	| { type: 'prepare'; id: number; parts: ImportPart[] }
	| { type: 'error'; id: number; code: string; message: string; errors: RowError[] };

/** Sample values shown per column. */
export const SAMPLE_VALUES = 3;
/** A column with more distinct values than this is not offered for value mapping (it is not a list of kinds). */
export const MAX_DISTINCT_VALUES = 60;

function cellText(value: unknown): string {
	return value === null || value === undefined ? '' : String(value).trim();
}

export function previewSheet(sheet: SourceSheet): SheetPreview {
	const columns = sheet.columns.map((name): ColumnPreview => {
		const samples: string[] = [];
		let distinct: Set<string> | null = new Set();
		for (const row of sheet.rows) {
			const text = cellText(row.values[name]);
			if (text === '') continue;
			if (samples.length < SAMPLE_VALUES && !samples.includes(text)) samples.push(text);
			if (distinct !== null) {
				distinct.add(text);
				if (distinct.size > MAX_DISTINCT_VALUES) distinct = null;
			}
			if (distinct === null && samples.length >= SAMPLE_VALUES) break;
		}
		return { name, samples, distinct: distinct === null ? null : [...distinct].sort((a, b) => a.localeCompare(b)) };
	});
	return { name: sheet.name, rowCount: sheet.rows.length, columns };
}
