// A large import is written in parts whose updates each stay under the sync server's frame limit; planned against a replica of the map, applied together as one undo step.
import * as Y from 'yjs';
import { undoScope, type MapModel } from '$lib/map';
import { applyImportPlan, planImport } from '$lib/exchange';
import type { ImportMapping, ImportPlan, ImportResult, ImportSource, ImportSummary, ProgressCallback, RowOutcome, SourceRow } from '$lib/exchange/types';

/**
 * The sync server closes a socket that sends a frame over 1 MiB (SYNC.maxMessageBytes), and an
 * update is sent as one frame: 10,000 actors in one transaction make 1.8 MB. A part's update is
 * kept to about half the limit, by this estimate of what its rows write.
 */
export const MAX_PART_UPDATE_BYTES = 512 * 1024;
/** What a row writes besides its text: the element's id, keys, position, timestamps (an actor with a short name takes about 180 bytes). */
export const ROW_OVERHEAD_BYTES = 256;
/** Each cell's key name and structure in the update. */
const CELL_OVERHEAD_BYTES = 16;

/** Which of a part's counts belong to the import: an elements part's actors, a connections part's links. */
export interface ImportPart {
	plan: ImportPlan;
	counts: 'all' | 'elements' | 'connections';
}

const encoder = new TextEncoder();

function rowBytes(row: SourceRow): number {
	let bytes = ROW_OVERHEAD_BYTES;
	for (const value of Object.values(row.values)) if (value !== null) bytes += encoder.encode(String(value)).length + CELL_OVERHEAD_BYTES;
	return bytes;
}

/** Consecutive runs of rows, each at most `maxBytes` by the estimate (a single larger row is a run of its own). */
export function sliceRows(rows: readonly SourceRow[], maxBytes: number): SourceRow[][] {
	const runs: SourceRow[][] = [];
	let run: SourceRow[] = [];
	let size = 0;
	for (const row of rows) {
		const bytes = rowBytes(row);
		if (run.length > 0 && size + bytes > maxBytes) {
			runs.push(run);
			run = [];
			size = 0;
		}
		run.push(row);
		size += bytes;
	}
	if (run.length > 0) runs.push(run);
	return runs;
}

/**
 * The file as parts to plan one after another: the whole of it when small; else runs of elements
 * (without connections), then runs of connections, each with all the elements, so links still find
 * their ends by the file's IDs and labels (the elements are unchanged by then and write nothing).
 */
export function splitSource(source: ImportSource, maxBytes = MAX_PART_UPDATE_BYTES): { source: ImportSource; counts: ImportPart['counts'] }[] {
	const all = [...source.elements.rows, ...(source.connections?.rows ?? [])];
	if (all.reduce((sum, row) => sum + rowBytes(row), 0) <= maxBytes) return [{ source, counts: 'all' }];
	const parts: { source: ImportSource; counts: ImportPart['counts'] }[] = sliceRows(source.elements.rows, maxBytes).map((rows) => ({
		source: { ...source, elements: { ...source.elements, rows }, connections: null },
		counts: 'elements'
	}));
	if (source.connections) {
		for (const rows of sliceRows(source.connections.rows, maxBytes)) {
			parts.push({ source: { ...source, connections: { ...source.connections, rows } }, counts: 'connections' });
		}
	}
	return parts;
}

/** After a part made a new field for a column, later parts write into that field instead of making another. */
function withCreatedFields(mapping: ImportMapping, model: MapModel): ImportMapping {
	const fields = model.fields();
	const remap = <T extends string>(targets: Record<string, T>, appliesTo: 'actor' | 'link'): Record<string, T> =>
		Object.fromEntries(
			Object.entries(targets).map(([column, target]) => {
				if (target !== 'newField') return [column, target];
				const made = fields.find((field) => field.name === column && field.appliesTo === appliesTo);
				return [column, made ? (`field:${made.id}` as T) : target];
			})
		);
	return { ...mapping, elements: remap(mapping.elements, 'actor'), connections: remap(mapping.connections, 'link') };
}

/**
 * Plans every part against `replica` (a copy of the map, which it changes): each part is applied
 * to the replica before the next is planned, so later parts see the regions, sectors, fields and
 * actors earlier ones create, with the ids the real map will get. Stops at a part with file errors.
 */
export function planParts(
	source: ImportSource,
	mapping: ImportMapping,
	replica: MapModel,
	onProgress?: ProgressCallback,
	maxBytes = MAX_PART_UPDATE_BYTES
): ImportPart[] {
	const parts = splitSource(source, maxBytes);
	const planned: ImportPart[] = [];
	let current = mapping;
	for (const [index, part] of parts.entries()) {
		const plan = planImport(part.source, current, replica.snapshot());
		planned.push({ plan, counts: part.counts });
		if (plan.fileErrors.length > 0) break;
		applyImportPlan(replica, plan);
		current = withCreatedFields(current, replica);
		onProgress?.(index + 1, parts.length, 'plan');
	}
	return planned;
}

function addCounts(into: ImportSummary['actors'], from: ImportSummary['actors']): void {
	for (const action of Object.keys(into) as (keyof ImportSummary['actors'])[]) into[action] += from[action];
}

/** One result for the whole file: each part counts what it is about (its elements, or its links). */
export function mergeResults(parts: readonly { counts: ImportPart['counts']; result: ImportResult }[], connectionsSheet: string | null): ImportResult {
	if (parts.length === 1 && parts[0]!.counts === 'all') return parts[0]!.result;
	const zero = () => ({ create: 0, update: 0, unchanged: 0, refused: 0 });
	const summary: ImportSummary = { actors: zero(), links: zero(), newRegions: [], newSectors: [], newFields: [] };
	const rows: RowOutcome[] = [];
	for (const { counts, result } of parts) {
		if (counts !== 'connections') addCounts(summary.actors, result.summary.actors);
		if (counts !== 'elements') addCounts(summary.links, result.summary.links);
		rows.push(...result.rows.filter((row) => counts !== 'connections' || row.sheet === connectionsSheet));
		summary.newRegions.push(...result.summary.newRegions);
		summary.newSectors.push(...result.summary.newSectors);
		summary.newFields.push(...result.summary.newFields);
	}
	return { summary, rows };
}

/**
 * Applies the parts in order, one transaction each (so each update syncs), calling `between` after
 * each (the dialog lets the page repaint and tells the progress), and undoes the parts already
 * written when a later one fails: nothing is left half-written. Run it inside one undo group
 * (EditorSession.editAsOne) to make the whole import one undo step.
 */
export async function applyParts(
	model: MapModel,
	parts: readonly ImportPart[],
	connectionsSheet: string | null,
	between: (done: number, total: number) => Promise<void> = async () => {}
): Promise<ImportResult> {
	const rollback = new Y.UndoManager(undoScope(model.parts), { trackedOrigins: new Set([model.origin]), captureTimeout: Number.POSITIVE_INFINITY });
	try {
		const results: { counts: ImportPart['counts']; result: ImportResult }[] = [];
		for (const [index, part] of parts.entries()) {
			results.push({ counts: part.counts, result: applyImportPlan(model, part.plan) });
			if (index < parts.length - 1) await between(index + 1, parts.length);
		}
		return mergeResults(results, connectionsSheet);
	} catch (error) {
		rollback.undo();
		throw error;
	} finally {
		rollback.destroy();
	}
}
