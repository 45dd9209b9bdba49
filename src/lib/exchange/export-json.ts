// Kartta's own JSON export: the whole snapshot (ids, catalogue, custom fields, saved views) tagged with a format name and schema version.
import { SCHEMA_VERSION, type MapSnapshot } from '$lib/map';
import { KARTTA_JSON_FORMAT } from './read-json';

export function exportJson(snapshot: MapSnapshot, exportedAt: Date = new Date()): Uint8Array {
	const document = {
		format: KARTTA_JSON_FORMAT,
		...snapshot,
		schemaVersion: snapshot.schemaVersion ?? SCHEMA_VERSION,
		exportedAt: exportedAt.toISOString()
	};
	return new TextEncoder().encode(`${JSON.stringify(document, null, '\t')}\n`);
}
