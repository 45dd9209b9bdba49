// Reads Kartta's own JSON export (full fidelity: ids, creation times, catalogue, saved views) into the common import shape.
import { z } from 'zod';
import { SCHEMA_VERSION } from '$lib/map';
import { CANONICAL_COLUMNS } from './columns';
import { decodeText } from './decode';
import { fileError } from './errors';
import { DEFAULT_LIST_SEPARATOR, MAX_IMPORT_ROWS } from './limits';
import type { Cell, ImportSource, SourceCatalog, SourceRow, SourceSheet } from './types';

/** The export's format tag (see export-json.ts). */
export const KARTTA_JSON_FORMAT = 'kartta-map';

const E = CANONICAL_COLUMNS.elements;
const C = CANONICAL_COLUMNS.connections;

// Shapes only: values are checked by the planner with the map model's own validators, like any import.
const customValues = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));
const jsonObject = z.record(z.string(), z.unknown());
const mapFile = z.object({
	format: z.literal(KARTTA_JSON_FORMAT),
	schemaVersion: z.number().int().positive().nullable(),
	title: z.string().nullable().optional(),
	actors: z.array(z.object({
		id: z.string(),
		name: z.string(),
		kind: z.string(),
		region: z.string().optional(),
		pos: z.object({ x: z.number(), y: z.number() }).optional(),
		description: z.string().optional(),
		createdAt: z.number().optional(),
		roles: z.array(z.string()).optional(),
		sectors: z.array(z.string()).optional(),
		businessId: z.string().optional(),
		sizeClass: z.string().optional(),
		website: z.string().optional(),
		tags: z.array(z.string()).optional(),
		custom: customValues.optional()
	})).max(MAX_IMPORT_ROWS),
	links: z.array(z.object({
		id: z.string(),
		source: z.string(),
		target: z.string(),
		kind: z.string(),
		description: z.string().optional(),
		strength: z.number().optional(),
		direction: z.string().optional(),
		status: z.string().optional(),
		years: z.object({ from: z.number().optional(), to: z.number().optional() }).optional(),
		evidence: z.string().optional(),
		createdAt: z.number().optional(),
		custom: customValues.optional()
	})).max(MAX_IMPORT_ROWS),
	regions: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
	sectors: z.array(z.object({ id: z.string(), name: z.string(), growth: z.boolean().optional(), description: z.string().optional() })).default([]),
	fields: z.array(z.object({
		id: z.string(),
		name: z.string(),
		type: z.enum(['text', 'number', 'date', 'choice', 'multi_choice', 'url']),
		appliesTo: z.enum(['actor', 'link']),
		options: z.array(z.string()).optional()
	})).default([]),
	views: z.array(z.object({
		id: z.string(),
		name: z.string(),
		filter: jsonObject.optional(),
		style: jsonObject.optional(),
		layout: z.string().optional(),
		viewport: z.object({ zoom: z.number(), pan: z.object({ x: z.number(), y: z.number() }) }).optional()
	})).default([])
});
type MapFile = z.infer<typeof mapFile>;

/** A field's column: its name, unless that is taken by a standard column or another field. */
function fieldColumns(file: MapFile): Map<string, string> {
	const taken = new Set([...Object.values(E), ...Object.values(C)].map((name) => name.toLowerCase()));
	const columns = new Map<string, string>();
	for (const field of file.fields) {
		let column = field.name.trim();
		if (taken.has(column.toLowerCase())) column = `${column} (${field.id})`;
		taken.add(column.toLowerCase());
		columns.set(field.id, column);
	}
	return columns;
}

/** A row with cells for the preview and exact lists for the planner. */
function row(index: number, cells: Record<string, Cell | string[] | undefined>, createdAt?: number): SourceRow {
	const values: Record<string, Cell> = {};
	const lists: Record<string, string[]> = {};
	for (const [column, value] of Object.entries(cells)) {
		if (value === undefined) continue;
		if (Array.isArray(value)) {
			lists[column] = value;
			values[column] = value.join(DEFAULT_LIST_SEPARATOR);
		} else values[column] = value;
	}
	return { row: index + 1, values, lists, ...(createdAt !== undefined && { createdAt }) };
}

function sheet(name: string, rows: SourceRow[], standard: string[]): SourceSheet {
	const columns = [...new Set([...standard, ...rows.flatMap((r) => Object.keys(r.values))])];
	return { name, columns, rows };
}

function columnsFor(file: MapFile, columns: Map<string, string>, target: 'actor' | 'link'): string[] {
	return file.fields.filter((f) => f.appliesTo === target).map((f) => columns.get(f.id)!);
}

function customCells(custom: Record<string, string | number | string[]> | undefined, columns: Map<string, string>) {
	const cells: Record<string, Cell | string[]> = {};
	for (const [fieldId, value] of Object.entries(custom ?? {})) {
		const column = columns.get(fieldId);
		if (column !== undefined) cells[column] = value;
	}
	return cells;
}

function catalogOf(file: MapFile, columns: Map<string, string>): SourceCatalog {
	return {
		fields: file.fields.map((f) => ({
			id: f.id,
			name: f.name,
			type: f.type,
			target: f.appliesTo,
			column: columns.get(f.id)!,
			...(f.options && { options: f.options })
		})),
		sectors: file.sectors.map((s) => ({ id: s.id, name: s.name, growth: s.growth ?? false, ...(s.description !== undefined && { description: s.description }) })),
		regions: file.regions.map((r) => r.name),
		regionIds: Object.fromEntries(file.regions.map((r) => [r.name.trim(), r.id])),
		...(file.title ? { title: file.title } : {}),
		views: file.views.map((v) => ({
			id: v.id,
			name: v.name,
			filter: (v.filter ?? {}) as never,
			style: (v.style ?? {}) as never,
			...(v.layout !== undefined && { layout: v.layout }),
			...(v.viewport !== undefined && { viewport: v.viewport })
		}))
	};
}

function parseFile(bytes: Uint8Array, fileName: string): MapFile {
	const { text } = decodeText(bytes, fileName);
	if (text.trim() === '') throw fileError('empty_file', `"${fileName}" is empty.`);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw fileError('malformed_json', `"${fileName}" is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
	}
	const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
	if (typeof version === 'number' && version > SCHEMA_VERSION) {
		throw fileError('schema_too_new', `"${fileName}" was written by a newer Kartta (schema version ${version}; this one reads up to ${SCHEMA_VERSION}).`);
	}
	const parsed = mapFile.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const path = issue.path.join('.') || '(top level)';
		throw fileError('malformed_json', `"${fileName}" is not a Kartta map export: ${path}: ${issue.message}.`, [
			{ sheet: fileName, row: 0, column: path, code: 'malformed_json', message: issue.message }
		]);
	}
	return parsed.data;
}

export function readKarttaJson(bytes: Uint8Array, fileName: string): ImportSource {
	const file = parseFile(bytes, fileName);
	const columns = fieldColumns(file);
	const regionNames = new Map(file.regions.map((r) => [r.id, r.name]));
	const sectorNames = new Map(file.sectors.map((s) => [s.id, s.name]));
	const actors = file.actors.map((a, i) =>
		row(i, {
			[E.id]: a.id,
			[E.name]: a.name,
			[E.kind]: a.kind,
			[E.description]: a.description,
			[E.tags]: a.tags,
			[E.region]: a.region === undefined ? undefined : (regionNames.get(a.region) ?? null),
			[E.sectors]: a.sectors?.map((id) => sectorNames.get(id) ?? id),
			[E.businessId]: a.businessId,
			[E.roles]: a.roles,
			[E.sizeClass]: a.sizeClass,
			[E.website]: a.website,
			[E.x]: a.pos?.x,
			[E.y]: a.pos?.y,
			...customCells(a.custom, columns)
		}, a.createdAt)
	);
	const links = file.links.map((l, i) =>
		row(i, {
			[C.id]: l.id,
			[C.source]: l.source,
			[C.target]: l.target,
			[C.kind]: l.kind,
			[C.description]: l.description,
			[C.strength]: l.strength,
			[C.direction]: l.direction,
			[C.status]: l.status,
			[C.yearFrom]: l.years?.from,
			[C.yearTo]: l.years?.to,
			[C.evidence]: l.evidence,
			...customCells(l.custom, columns)
		}, l.createdAt)
	);
	return {
		format: 'json',
		// Every field gets its column, so fields no element uses yet are created too.
		elements: sheet('actors', actors, [...Object.values(E), ...columnsFor(file, columns, 'actor')]),
		connections: sheet('links', links, [C.id, C.source, C.target, C.kind, ...columnsFor(file, columns, 'link')]),
		catalog: catalogOf(file, columns)
	};
}
