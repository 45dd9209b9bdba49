// applyImportPlan: writes a plan into a map in one transaction (one update, one undo step), through the map model's own checks.
import * as Y from 'yjs';
import { MapModel, undoScope } from '$lib/map';
import { fileError } from './errors';
import { writesOf, type PlanWrites } from './plan-types';
import type { ImportPlan, ImportResult } from './types';

/**
 * A model that gives its next element a chosen id and creation time. It shares the document and
 * origin, so its edits join the import's transaction.
 */
function modelWithId(model: MapModel, id: string, createdAt?: number): MapModel {
	return new MapModel(model.doc, model.origin, { newId: () => id, ...(createdAt !== undefined && { now: () => createdAt }) });
}

/** What the plan refers to that is neither in the map nor created by the plan: the map changed since the preview. */
function missingReferences(model: MapModel, writes: PlanWrites): string[] {
	const { actors, links, regions, sectors, fields } = model.parts;
	const newActors = new Set(writes.actorCreates.map((a) => a.id));
	const newRegions = new Set(writes.regions.map((r) => r.id));
	const newSectors = new Set(writes.sectors.map((s) => s.id));
	const newFields = new Set(writes.fields.map((f) => f.id));
	const missing: string[] = [];
	const need = (present: boolean, what: string) => {
		if (!present) missing.push(what);
	};
	const actorInputs = [...writes.actorCreates.map((a) => a.input), ...writes.actorUpdates.map((a) => a.patch)];
	for (const input of actorInputs) {
		if (input.region) need(newRegions.has(input.region) || regions.has(input.region), `region ${input.region}`);
		for (const sector of input.sectors ?? []) need(newSectors.has(sector) || sectors.has(sector), `sector ${sector}`);
	}
	const linkInputs = [...writes.linkCreates.map((l) => l.input), ...writes.linkUpdates.map((l) => l.patch)];
	for (const input of [...actorInputs, ...linkInputs]) {
		for (const fieldId of Object.keys(input.custom ?? {})) need(newFields.has(fieldId) || fields.has(fieldId), `field ${fieldId}`);
	}
	for (const input of linkInputs) {
		for (const end of [input.source, input.target]) if (end) need(newActors.has(end) || actors.has(end), `actor ${end}`);
	}
	for (const { id } of writes.actorUpdates) need(actors.has(id), `actor ${id}`);
	for (const { id } of writes.linkUpdates) need(links.has(id), `link ${id}`);
	for (const { id } of writes.actorCreates) need(!actors.has(id), `new actor ${id} (already taken)`);
	for (const { id } of writes.linkCreates) need(!links.has(id), `new link ${id} (already taken)`);
	return missing;
}

function write(model: MapModel, writes: PlanWrites): void {
	for (const region of writes.regions) modelWithId(model, region.id).addRegion({ name: region.name });
	for (const sector of writes.sectors) {
		const { id, ...input } = sector;
		modelWithId(model, id).addSector(input);
	}
	for (const field of writes.fields) {
		const { id, ...input } = field;
		modelWithId(model, id).addField(input);
	}
	for (const view of writes.views) {
		const { id, ...input } = view;
		modelWithId(model, id).addView(input);
	}
	if (writes.title !== null) model.setTitle(writes.title);
	for (const actor of writes.actorCreates) modelWithId(model, actor.id, actor.createdAt).addActor(actor.input);
	for (const actor of writes.actorUpdates) model.updateActor(actor.id, actor.patch);
	for (const link of writes.linkCreates) modelWithId(model, link.id, link.createdAt).addLink(link.input);
	for (const link of writes.linkUpdates) model.updateLink(link.id, link.patch);
}

/**
 * Writes every row the plan accepts, in one `doc.transact` under the model's origin. A plan with
 * file errors, or one that no longer fits the map (an actor it updates was deleted meanwhile),
 * throws ImportFileError before anything is written.
 */
export function applyImportPlan(model: MapModel, plan: ImportPlan): ImportResult {
	if (plan.fileErrors.length > 0) {
		throw fileError(plan.fileErrors[0]!.code as never, 'The file has errors; nothing was imported.', plan.fileErrors);
	}
	const writes = writesOf(plan);
	if (writes === null) throw fileError('stale_plan', 'The import plan is incomplete; make the preview again.');
	const missing = missingReferences(model, writes);
	if (missing.length > 0) {
		throw fileError('stale_plan', `The map changed since the preview (${missing.slice(0, 3).join(', ')}); make the preview again.`);
	}
	// The plan was checked with the model's own validators, so a throw here means a bug or a plan
	// edited by hand. Yjs has no rollback: the partial transaction is undone instead.
	const rollback = new Y.UndoManager(undoScope(model.parts), { trackedOrigins: new Set([model.origin]), captureTimeout: 0 });
	try {
		model.transact(() => write(model, writes));
	} catch (error) {
		rollback.undo();
		throw fileError('stale_plan', `The import could not be written, and nothing was kept: ${error instanceof Error ? error.message : String(error)}`);
	} finally {
		rollback.destroy();
	}
	return { summary: plan.summary, rows: plan.rows };
}
