// File types the import dialog offers and the export menu's entries, in one place.
import type { ExportFormat } from '$lib/exchange/types';

/** What the file input offers: the extensions the core reads (formatOfFileName). */
export const IMPORT_ACCEPT = '.xlsx,.csv,.tsv,.txt,.graphml,.gexf,.json';

/** A download made by the server (`GET /api/v1/maps/:id/export`), or drawn from the canvas in the browser. */
export type ExportChoice =
	| { kind: 'file'; key: string; format: ExportFormat; part?: 'elements' | 'connections' }
	| { kind: 'image'; key: string; format: 'png' | 'svg' };

export const EXPORT_CHOICES: readonly ExportChoice[] = [
	{ kind: 'file', key: 'xlsx', format: 'xlsx' },
	{ kind: 'file', key: 'csv-elements', format: 'csv', part: 'elements' },
	{ kind: 'file', key: 'csv-connections', format: 'csv', part: 'connections' },
	{ kind: 'file', key: 'json', format: 'json' },
	{ kind: 'file', key: 'graphml', format: 'graphml' },
	{ kind: 'file', key: 'gexf', format: 'gexf' },
	{ kind: 'image', key: 'png', format: 'png' },
	{ kind: 'image', key: 'svg', format: 'svg' }
];

export function exportUrl(mapId: string, choice: Extract<ExportChoice, { kind: 'file' }>): string {
	const query = new URLSearchParams({ format: choice.format });
	if (choice.part) query.set('part', choice.part);
	return `/api/v1/maps/${encodeURIComponent(mapId)}/export?${query}`;
}
