// A large import is written in parts: every part's update stays under the sync frame limit, the parts
// add up to what one plan would do, they are one undo step, and a failing part leaves nothing written.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapModel } from '$lib/map';
import { UNDO_CAPTURE_TIMEOUT_MS, createUndoHistory } from '$lib/collab/undo';
import { ImportFileError, planImport, suggestMapping, type ImportSource } from '$lib/exchange';
import { MAX_PART_UPDATE_BYTES, applyParts, planParts, splitSource } from '$lib/components/exchange/import-parts';
import { SYNC } from '$lib/server/limits';

const ACTORS = 1_500;
const LINKS = 800;
/** Small parts, so a test-sized file is split as a 10,000-row one is with the real limit. */
const PART_BYTES = 64 * 1024;
/** Planning and writing thousands of rows several times over takes a while on a busy machine. */
const SLOW_MS = 60_000;

function largeSource(): ImportSource {
	const towns = ['Iisalmi', 'Raahe', 'Heinola'];
	return {
		format: 'xlsx',
		elements: {
			name: 'Elements',
			columns: ['Label', 'Type', 'Town', 'Huomio'],
			rows: Array.from({ length: ACTORS }, (_, i) => ({ row: i + 2, values: { Label: `Yritys ${i}`, Type: 'Yritys', Town: towns[i % 3]!, Huomio: `huomio ${i}` } }))
		},
		connections: {
			name: 'Connections',
			columns: ['From', 'To', 'Type'],
			rows: Array.from({ length: LINKS }, (_, i) => ({ row: i + 2, values: { From: `Yritys ${i}`, To: `Yritys ${i + 1}`, Type: 'Asiakkuus' } }))
		}
	};
}

function replicaOf(doc: Y.Doc): MapModel {
	const replica = new Y.Doc();
	Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
	return new MapModel(replica);
}

describe('an import in parts', () => {
	it('keeps each part under half the sync frame limit and writes what one plan would', { timeout: SLOW_MS }, async () => {
		const source = largeSource();
		expect(splitSource(source, PART_BYTES).length).toBeGreaterThan(2);
		const doc = new Y.Doc();
		const model = new MapModel(doc);
		const mapping = suggestMapping(source, model.snapshot());
		const whole = planImport(source, mapping, model.snapshot());

		const parts = planParts(source, mapping, replicaOf(doc), undefined, PART_BYTES);
		const updates: number[] = [];
		doc.on('update', (update: Uint8Array) => updates.push(update.byteLength));
		const result = await applyParts(model, parts, 'Connections');

		expect(updates.length).toBe(parts.length);
		expect(Math.max(...updates)).toBeLessThan(PART_BYTES);
		expect(MAX_PART_UPDATE_BYTES).toBeLessThanOrEqual(SYNC.maxMessageBytes / 2);
		expect(result.summary.actors).toEqual(whole.summary.actors);
		expect(result.summary.links).toEqual(whole.summary.links);
		expect(model.actors()).toHaveLength(ACTORS);
		expect(model.parts.links.size).toBe(LINKS);
		// One new field for the extra column, however many parts wrote into it.
		expect(model.fields().map((f) => f.name)).toEqual(['Huomio']);
		expect(result.rows.filter((r) => r.sheet === 'Elements')).toHaveLength(ACTORS);
		expect(result.rows.filter((r) => r.sheet === 'Connections')).toHaveLength(LINKS);
	});

	it('is one undo step when written inside an undo group', { timeout: SLOW_MS }, async () => {
		const source = largeSource();
		const doc = new Y.Doc();
		const model = new MapModel(doc);
		const undo = createUndoHistory(model);
		const kept = model.addActor({ name: 'Ennen tuontia', kind: 'company' });
		const parts = planParts(source, suggestMapping(source, model.snapshot()), replicaOf(doc), undefined, PART_BYTES);
		// With a pause between two parts longer than the capture timeout (the dialog repaints there): still one step.
		let paused = false;
		const between = () => (paused ? Promise.resolve() : ((paused = true), new Promise<void>((resolve) => setTimeout(resolve, UNDO_CAPTURE_TIMEOUT_MS * 2))));
		await undo.group(() => applyParts(model, parts, 'Connections', between));
		expect(paused).toBe(true);
		expect(model.actors()).toHaveLength(ACTORS + 1);
		undo.undo();
		expect(model.actors().map((a) => a.id)).toEqual([kept]);
		expect(model.parts.links.size).toBe(0);
		undo.destroy();
	});

	it('undoes the parts already written when a later part no longer fits the map', { timeout: SLOW_MS }, async () => {
		const source = largeSource();
		const doc = new Y.Doc();
		const model = new MapModel(doc);
		// Matched by name and town, so the plan's first links end at this actor.
		const existing = model.addActor({ name: 'Yritys 0', kind: 'company', region: model.addRegion({ name: 'Iisalmi' }) });
		const parts = planParts(source, suggestMapping(source, model.snapshot()), replicaOf(doc), undefined, PART_BYTES);
		// A link part ends at this actor; someone deletes it between the preview and the import.
		model.deleteActor(existing);
		await expect(applyParts(model, parts, 'Connections')).rejects.toThrow(ImportFileError);
		expect(model.actors()).toEqual([]);
		expect(model.parts.links.size).toBe(0);
		expect(model.regions().map((r) => r.name)).toEqual(['Iisalmi']);
		expect(model.fields()).toEqual([]);
	});

	it('an undo group joins transactions however far apart they are', async () => {
		const model = new MapModel(new Y.Doc());
		const undo = createUndoHistory(model);
		const pause = () => {
			// Longer than the capture timeout, which alone would make two undo steps.
			const until = Date.now() + UNDO_CAPTURE_TIMEOUT_MS * 2;
			while (Date.now() < until);
		};
		await undo.group(async () => {
			model.addActor({ name: 'Eka', kind: 'company' });
			pause();
			model.addActor({ name: 'Toka', kind: 'company' });
		});
		model.addActor({ name: 'Myöhemmin', kind: 'company' });
		undo.undo();
		expect(model.actors().map((a) => a.name).sort()).toEqual(['Eka', 'Toka']);
		undo.undo();
		expect(model.actors()).toEqual([]);
		undo.destroy();
	});
});
