// planImport: the whole preview of an import (every row's outcome, new catalogue entries, file errors), computed without touching the map.
import { newId as randomId, validateSavedViewInput, validateTitle, type MapSnapshot } from '$lib/map';
import { CANONICAL_COLUMNS } from './columns';
import { rowError } from './errors';
import { DEFAULT_LIST_SEPARATOR, GRID_GAP, GRID_SPACING, PROGRESS_CHUNK } from './limits';
import { suggestColumnTargets } from './mapping';
import { ActorPlanner } from './plan-actors';
import { PlanCatalog } from './plan-catalog';
import { resolveColumns } from './plan-columns';
import { LinkPlanner } from './plan-links';
import { emptyWrites, type PlanWithWrites, type PlannedField, type PlanWrites } from './plan-types';
import type { ImportMapping, ImportSource, ImportSummary, ProgressCallback, RowAction, RowError, RowOutcome, SourceSheet } from './types';

export interface PlanOptions {
	onProgress?: ProgressCallback;
	/** Creation time of new actors (ms since 1970); defaults to now. */
	now?: number;
	/** Ids of new elements; random by default (schema.md: ids must never be derived). A seam for tests. */
	newId?: () => string;
}

function counts(): Record<RowAction, number> {
	return { create: 0, update: 0, unchanged: 0, refused: 0 };
}

/** Columns not named in the mapping take the default suggestion. */
function effectiveMapping(source: ImportSource, mapping: ImportMapping, snapshot: MapSnapshot): ImportMapping {
	const suggested = suggestColumnTargets(source, snapshot);
	return {
		...mapping,
		elements: { ...suggested.elements, ...mapping.elements },
		connections: { ...suggested.connections, ...mapping.connections },
		listSeparator: mapping.listSeparator || DEFAULT_LIST_SEPARATOR
	};
}

function requireColumn(sheet: SourceSheet, targets: Record<string, string>, target: string, name: string, errors: RowError[]): void {
	if (sheet.rows.length > 0 && !Object.values(targets).includes(target)) {
		errors.push(rowError(sheet.name, 1, name, 'missing_column', `The sheet "${sheet.name}" has no ${name} column (or none is mapped to it).`));
	}
}

/** New actors without a position go on a square grid to the right of everything already placed, never onto one spot. */
function placeOnGrid(planner: ActorPlanner, snapshot: MapSnapshot, writes: PlanWrites): void {
	if (planner.unplaced.length === 0) return;
	const placed = [...snapshot.actors.map((a) => a.pos), ...writes.actorCreates.flatMap((c) => (c.input.pos ? [c.input.pos] : []))];
	const left = placed.length === 0 ? 0 : Math.max(...placed.map((p) => p.x)) + GRID_GAP;
	const top = placed.length === 0 ? 0 : Math.min(...placed.map((p) => p.y));
	const columns = Math.ceil(Math.sqrt(planner.unplaced.length));
	planner.unplaced.forEach((input, i) => {
		input.pos = { x: left + (i % columns) * GRID_SPACING, y: top + Math.floor(i / columns) * GRID_SPACING };
	});
}

function summarise(actorRows: RowOutcome[], linkRows: RowOutcome[], writes: PlanWrites): ImportSummary {
	const summary: ImportSummary = { actors: counts(), links: counts(), newRegions: [], newSectors: [], newFields: [] };
	for (const row of actorRows) summary.actors[row.action]++;
	for (const row of linkRows) summary.links[row.action]++;
	summary.newRegions = writes.regions.map((r) => r.name);
	summary.newSectors = writes.sectors.map((s) => s.name);
	summary.newFields = writes.fields.map((f) => f.name);
	return summary;
}

/** Saved views and the title come only from Kartta JSON; a view whose id exists is left alone. */
function planViewsAndTitle(source: ImportSource, snapshot: MapSnapshot, writes: PlanWrites): void {
	const existing = new Set(snapshot.views.map((v) => v.id));
	for (const view of source.catalog?.views ?? []) {
		if (existing.has(view.id)) continue;
		const { id, ...input } = view;
		if (validateSavedViewInput(input).ok) writes.views.push(view);
	}
	const title = validateTitle(source.catalog?.title ?? null);
	if (title.ok && title.value !== null && snapshot.title === null) writes.title = title.value;
}

export function planImport(source: ImportSource, mapping: ImportMapping, snapshot: MapSnapshot, options: PlanOptions = {}): PlanWithWrites {
	const newId = options.newId ?? randomId;
	const now = options.now ?? Date.now();
	const effective = effectiveMapping(source, mapping, snapshot);
	const writes = emptyWrites();
	const fileErrors: RowError[] = [];
	const elements = source.elements;
	const connections = source.connections;
	requireColumn(elements, effective.elements, 'name', CANONICAL_COLUMNS.elements.name, fileErrors);
	if (connections) {
		requireColumn(connections, effective.connections, 'source', CANONICAL_COLUMNS.connections.source, fileErrors);
		requireColumn(connections, effective.connections, 'target', CANONICAL_COLUMNS.connections.target, fileErrors);
	}
	const fields: PlannedField[] = [];
	const separator = effective.listSeparator;
	const actorColumns = resolveColumns(elements, effective.elements, 'actor', snapshot, source.catalog, separator, fields, newId, fileErrors);
	const linkColumns = connections
		? resolveColumns(connections, effective.connections, 'link', snapshot, source.catalog, separator, fields, newId, fileErrors)
		: null;
	if (fileErrors.length > 0) return { rows: [], fileErrors, summary: summarise([], [], writes), writes };

	const catalog = new PlanCatalog(snapshot, source.catalog, newId);
	const total = elements.rows.length + (connections?.rows.length ?? 0);
	let done = 0;
	const tick = () => {
		done++;
		if (done % PROGRESS_CHUNK === 0) options.onProgress?.(done, total, 'plan');
	};
	const actorRows: RowOutcome[] = [];
	const linkRows: RowOutcome[] = [];
	const actors = new ActorPlanner(snapshot, actorColumns, effective, catalog, writes, newId, now, elements.name);
	for (const row of elements.rows) {
		actorRows.push(actors.plan(row));
		tick();
	}
	placeOnGrid(actors, snapshot, writes);
	if (connections && linkColumns) {
		const links = new LinkPlanner(snapshot, actors.directory, linkColumns, effective, writes, newId, now, connections.name);
		for (const row of connections.rows) {
			linkRows.push(...links.plan(row));
			tick();
		}
	}
	writes.regions = catalog.newRegions();
	writes.sectors = catalog.newSectors();
	writes.fields = fields;
	planViewsAndTitle(source, snapshot, writes);
	options.onProgress?.(total, total, 'plan');
	return { rows: [...actorRows, ...linkRows], fileErrors, summary: summarise(actorRows, linkRows, writes), writes };
}
