// A map as the rows of Kumu-style Elements and Connections sheets (shared by the XLSX and CSV exports).
import type { ActorView, CustomFieldView, LinkView, MapSnapshot } from '$lib/map';
import { CANONICAL_COLUMNS, FIELDS_SHEET_COLUMNS, SECTORS_SHEET_COLUMNS } from './columns';
import { looseKey } from './cells';
import { DEFAULT_LIST_SEPARATOR } from './limits';
import type { Cell } from './types';

const E = CANONICAL_COLUMNS.elements;
const C = CANONICAL_COLUMNS.connections;

export interface ExportTable {
	columns: string[];
	rows: Record<string, Cell>[];
}

/** Each field's column: its name, or "name (n)" when that is taken by a standard column or an earlier field. */
export function fieldColumns(fields: CustomFieldView[], target: 'actor' | 'link'): Map<string, string> {
	const standard = Object.values(target === 'actor' ? E : C);
	const taken = new Set(standard.map((name) => name.toLowerCase()));
	const columns = new Map<string, string>();
	for (const field of fields.filter((f) => f.appliesTo === target)) {
		let column = field.name.trim() || field.id;
		for (let n = 2; taken.has(column.toLowerCase()); n++) column = `${field.name.trim()} (${n})`;
		taken.add(column.toLowerCase());
		columns.set(field.id, column);
	}
	return columns;
}

const joinList = (items: readonly string[] | undefined): Cell => (items && items.length > 0 ? items.join(DEFAULT_LIST_SEPARATOR) : null);

function customCells(custom: Record<string, unknown> | undefined, columns: Map<string, string>): Record<string, Cell> {
	const cells: Record<string, Cell> = {};
	for (const [fieldId, column] of columns) {
		const value = custom?.[fieldId];
		cells[column] = Array.isArray(value) ? joinList(value as string[]) : typeof value === 'string' || typeof value === 'number' ? value : null;
	}
	return cells;
}

export function elementsTable(snapshot: MapSnapshot): ExportTable {
	const regions = new Map(snapshot.regions.map((r) => [r.id, r.name]));
	const sectors = new Map(snapshot.sectors.map((s) => [s.id, s.name]));
	const fields = fieldColumns(snapshot.fields, 'actor');
	const rows = snapshot.actors.map((actor: ActorView) => ({
		[E.id]: actor.id,
		[E.name]: actor.name,
		[E.kind]: actor.kind,
		[E.description]: actor.description ?? null,
		[E.tags]: joinList(actor.tags),
		[E.region]: actor.region ? (regions.get(actor.region) ?? null) : null,
		[E.sectors]: joinList(actor.sectors?.map((id) => sectors.get(id) ?? id)),
		[E.businessId]: actor.businessId ?? null,
		[E.roles]: joinList(actor.roles),
		[E.sizeClass]: actor.sizeClass ?? null,
		[E.website]: actor.website ?? null,
		[E.x]: actor.pos.x,
		[E.y]: actor.pos.y,
		...customCells(actor.custom, fields)
	}));
	return { columns: [...Object.values(E), ...fields.values()], rows };
}

/**
 * How a connection names an actor: by label, as Kumu does, when the label is unambiguous (ignoring
 * case), holds no list separator and is no actor's id; otherwise by id, which the importer also reads.
 */
function endpointNames(actors: ActorView[]): Map<string, string> {
	const ids = new Set(actors.map((a) => a.id));
	const counts = new Map<string, number>();
	for (const actor of actors) counts.set(looseKey(actor.name), (counts.get(looseKey(actor.name)) ?? 0) + 1);
	const names = new Map<string, string>();
	for (const actor of actors) {
		const safe = actor.name !== '' && counts.get(looseKey(actor.name)) === 1 && !actor.name.includes(DEFAULT_LIST_SEPARATOR) && !ids.has(actor.name);
		names.set(actor.id, safe ? actor.name : actor.id);
	}
	return names;
}

export function connectionsTable(snapshot: MapSnapshot): ExportTable {
	const fields = fieldColumns(snapshot.fields, 'link');
	const names = endpointNames(snapshot.actors);
	const rows = snapshot.links.map((link: LinkView) => ({
		[C.id]: link.id,
		[C.source]: names.get(link.source) ?? link.source,
		[C.target]: names.get(link.target) ?? link.target,
		[C.kind]: link.kind,
		[C.direction]: link.direction ?? null,
		[C.strength]: link.strength ?? null,
		[C.status]: link.status ?? null,
		[C.yearFrom]: link.years?.from ?? null,
		[C.yearTo]: link.years?.to ?? null,
		[C.evidence]: link.evidence ?? null,
		[C.description]: link.description ?? null,
		...customCells(link.custom, fields)
	}));
	const standard = [C.id, C.source, C.target, C.kind, C.direction, C.strength, C.status, C.yearFrom, C.yearTo, C.evidence, C.description];
	return { columns: [...standard, ...fields.values()], rows };
}

/** Kartta's catalogue sheet of custom fields: what a field's column is, its type and options (Kumu ignores the sheet). */
export function fieldsTable(snapshot: MapSnapshot): ExportTable {
	const columns = { actor: fieldColumns(snapshot.fields, 'actor'), link: fieldColumns(snapshot.fields, 'link') };
	const [column, name, appliesTo, type, options] = FIELDS_SHEET_COLUMNS;
	const rows = snapshot.fields
		.filter((f) => f.appliesTo === 'actor' || f.appliesTo === 'link')
		.map((f) => ({
			[column]: columns[f.appliesTo as 'actor' | 'link'].get(f.id) ?? f.name,
			[name]: f.name,
			[appliesTo]: f.appliesTo,
			[type]: f.type,
			[options]: joinList(f.options)
		}));
	return { columns: [...FIELDS_SHEET_COLUMNS], rows };
}

export function sectorsTable(snapshot: MapSnapshot): ExportTable {
	const [name, growth, description] = SECTORS_SHEET_COLUMNS;
	const rows = snapshot.sectors.map((s) => ({ [name]: s.name, [growth]: s.growth, [description]: s.description ?? null }));
	return { columns: [...SECTORS_SHEET_COLUMNS], rows };
}
