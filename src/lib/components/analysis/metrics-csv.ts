// The analysis as a spreadsheet: one CSV row per actor with its id, name, town and every metric (pure).
import { ACTOR_METRICS, type Analysis } from '$lib/analysis/types';

/** Spreadsheets run a cell starting with one of these as a formula; such text is written with a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number): string {
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvNames {
	/** Actor id -> name and town name ('' when none). */
	actor(id: string): { name: string; town: string };
	/** Header words for the id, name and town columns. */
	header: { id: string; name: string; town: string };
}

/**
 * Metric columns keep their API names (`betweenness`, `pagerank`...) so a script reads the file the
 * same way in every language; the community is numbered from 1, as the panel shows it.
 */
export function metricsCsv(analysis: Pick<Analysis, 'actors'>, names: CsvNames): string {
	const lines = [[names.header.id, names.header.name, names.header.town, ...ACTOR_METRICS].map(cell).join(',')];
	for (const actor of analysis.actors) {
		const { name, town } = names.actor(actor.id);
		const values = ACTOR_METRICS.map((metric) => (metric === 'community' ? actor.community + 1 : actor[metric]));
		lines.push([actor.id, name, town, ...values].map(cell).join(','));
	}
	// CRLF, as RFC 4180 asks; a BOM so spreadsheet programs read ä and ö as UTF-8.
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
