// Sectors, custom fields and saved views through MapModel: edits, deletes that clean references in one undoable step.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { MapModel, undoScope, type FieldError } from '$lib/map';
import { captureUpdates, countChangingTransactions, rejectionOf, replica } from './helpers';

function undoManagerFor(model: MapModel): Y.UndoManager {
	return new Y.UndoManager(undoScope(model.parts), { trackedOrigins: new Set([model.origin]), captureTimeout: 0 });
}

const codes = (issues: FieldError[] | undefined) => (issues ?? []).map((i) => `${i.field}:${i.code}`);

describe('sectors', () => {
	it('adds, updates and lists sectors', () => {
		const { model } = replica();
		const bio = model.addSector({ name: 'Biotalous', growth: true });
		const wood = model.addSector({ name: 'Puu' });
		model.updateSector(wood, { name: 'Puunjalostus', description: 'Sahat ja jatkojalostus' });
		expect(model.sector(bio)).toEqual({ id: bio, name: 'Biotalous', growth: true, issues: [] });
		expect(model.sector(wood)).toEqual({ id: wood, name: 'Puunjalostus', growth: false, description: 'Sahat ja jatkojalostus', issues: [] });
		expect(model.sectors().map((s) => s.id)).toEqual([bio, wood].sort());
		expect(rejectionOf(() => model.updateSector('nope', { name: 'x' }))).toEqual([{ field: 'id', code: 'not_found' }]);
	});

	it('lets actors refer only to sectors that exist', () => {
		const { model } = replica();
		const bio = model.addSector({ name: 'Biotalous' });
		const id = model.addActor({ name: 'A', kind: 'company', sectors: [bio] });
		expect(model.actor(id)?.sectors).toEqual([bio]);
		expect(rejectionOf(() => model.addActor({ name: 'B', kind: 'company', sectors: [bio, 'gone'] }))).toEqual([
			{ field: 'sectors.1', code: 'unknown_sector' }
		]);
		expect(rejectionOf(() => model.updateActor(id, { sectors: ['gone'] }))).toEqual([{ field: 'sectors.0', code: 'unknown_sector' }]);
	});

	it('removes a deleted sector from every actor in the same transaction, and one undo step restores all', () => {
		const { doc, model } = replica();
		const bio = model.addSector({ name: 'Biotalous', growth: true });
		const wood = model.addSector({ name: 'Puu' });
		const both = model.addActor({ name: 'Saha', kind: 'company', sectors: [wood, bio] });
		const only = model.addActor({ name: 'Bio', kind: 'company', sectors: [bio] });
		const none = model.addActor({ name: 'Muu', kind: 'company' });
		const undo = undoManagerFor(model);
		const transactions = countChangingTransactions(doc);

		expect(model.deleteSector(bio)).toBe(true);
		expect(transactions.count).toBe(1);
		expect(model.sector(bio)).toBeUndefined();
		expect(model.actor(both)?.sectors).toEqual([wood]);
		expect(model.actor(only)).not.toHaveProperty('sectors');
		expect(model.actor(none)).not.toHaveProperty('sectors');
		expect(model.deleteSector(bio)).toBe(false);

		expect(undo.undoStack).toHaveLength(1);
		undo.undo();
		expect(model.sector(bio)).toMatchObject({ name: 'Biotalous', growth: true });
		expect(model.actor(both)?.sectors).toEqual([wood, bio]);
		expect(model.actor(only)?.sectors).toEqual([bio]);
		expect(model.actors().flatMap((a) => a.issues)).toEqual([]);
	});
});

describe('custom fields and values', () => {
	function withField(type: 'text' | 'number' | 'date' | 'choice' | 'multi_choice' | 'url', options?: string[]) {
		const { doc, model } = replica();
		const field = model.addField({ name: 'Kenttä', type, appliesTo: 'actor', options });
		const actor = model.addActor({ name: 'A', kind: 'company' });
		return { doc, model, field, actor };
	}

	it('creates every actor and link with an empty custom map, so first values never race', () => {
		const { model } = replica();
		const a = model.addActor({ name: 'A', kind: 'company' });
		const b = model.addActor({ name: 'B', kind: 'company' });
		const link = model.addLink({ source: a, target: b, kind: 'informal' });
		for (const element of [model.parts.actors.get(a), model.parts.links.get(link)] as Y.Map<unknown>[]) {
			expect(element.get('custom')).toBeInstanceOf(Y.Map);
		}
		expect(model.actor(a)).not.toHaveProperty('custom');
	});

	it.each([
		['text', undefined, ' Perustettu 1972 ', 'Perustettu 1972'],
		['number', undefined, 1972, 1972],
		['date', undefined, '1972-05-01', '1972-05-01'],
		['choice', ['pk', 'suuri'], 'pk', 'pk'],
		['multi_choice', ['a', 'b'], ['b', 'a'], ['b', 'a']],
		['url', undefined, 'https://esimerkki.fi', 'https://esimerkki.fi']
	] as const)('sets and reads a %s value', (type, options, input, expected) => {
		const { model, field, actor } = withField(type, options ? [...options] : undefined);
		model.setCustomValue('actor', actor, field, input);
		expect(model.actor(actor)?.custom).toEqual({ [field]: expected });
		expect(model.actor(actor)?.issues).toEqual([]);
		model.setCustomValue('actor', actor, field, null);
		expect(model.actor(actor)).not.toHaveProperty('custom');
	});

	it.each([
		['number', undefined, 'many', 'invalid_type'],
		['date', undefined, '2025-02-30', 'invalid_date'],
		['choice', ['pk'], 'suuri', 'invalid_choice'],
		['multi_choice', ['a'], ['a', 'x'], 'invalid_choice'],
		['url', undefined, 'javascript:void(0)', 'invalid_url']
	] as const)('rejects a bad %s value without writing', (type, options, input, code) => {
		const { doc, model, field, actor } = withField(type, options ? [...options] : undefined);
		const updates = captureUpdates(doc);
		expect(rejectionOf(() => model.setCustomValue('actor', actor, field, input as never))).toEqual([{ field: `custom.${field}`, code }]);
		expect(updates).toHaveLength(0);
	});

	it('rejects a value for a missing field, a field of links, a missing element and a bad element kind', () => {
		const { model, field, actor } = withField('text');
		const linkField = model.addField({ name: 'L', type: 'text', appliesTo: 'link' });
		expect(rejectionOf(() => model.setCustomValue('actor', actor, 'nope', 'x'))).toEqual([{ field: 'custom.nope', code: 'unknown_custom_field' }]);
		expect(rejectionOf(() => model.setCustomValue('actor', actor, linkField, 'x'))).toEqual([
			{ field: `custom.${linkField}`, code: 'unknown_custom_field' }
		]);
		expect(rejectionOf(() => model.setCustomValue('actor', 'gone', field, 'x'))).toEqual([{ field: 'id', code: 'not_found' }]);
		expect(rejectionOf(() => model.setCustomValue('region' as never, actor, field, 'x'))).toEqual([{ field: 'elementKind', code: 'invalid_choice' }]);
	});

	it('accepts custom values in addActor, updateActor, addLink and updateLink, merging patches per field', () => {
		const { model } = replica();
		const year = model.addField({ name: 'Vuosi', type: 'number', appliesTo: 'actor' });
		const note = model.addField({ name: 'Huom', type: 'text', appliesTo: 'actor' });
		const basis = model.addField({ name: 'Peruste', type: 'choice', appliesTo: 'link', options: ['sopimus', 'arvio'] });
		const a = model.addActor({ name: 'A', kind: 'company', custom: { [year]: 1990, [note]: null } });
		const b = model.addActor({ name: 'B', kind: 'rdi' });
		model.updateActor(a, { custom: { [note]: 'Vientiyritys' } });
		expect(model.actor(a)?.custom).toEqual({ [year]: 1990, [note]: 'Vientiyritys' });
		model.updateActor(a, { custom: { [year]: null } });
		expect(model.actor(a)?.custom).toEqual({ [note]: 'Vientiyritys' });
		const link = model.addLink({ source: a, target: b, kind: 'funding', custom: { [basis]: 'sopimus' } });
		model.updateLink(link, { custom: { [basis]: 'arvio' } });
		expect(model.link(link)?.custom).toEqual({ [basis]: 'arvio' });
		expect(rejectionOf(() => model.addActor({ name: 'C', kind: 'company', custom: { [basis]: 'sopimus' } }))).toEqual([
			{ field: `custom.${basis}`, code: 'unknown_custom_field' }
		]);
		expect(rejectionOf(() => model.updateActor(a, { custom: { [year]: 'vanha' } }))).toEqual([{ field: `custom.${year}`, code: 'invalid_type' }]);
	});

	it('keeps values when a field changes type, flags the mismatches, and clears the flags when it changes back', () => {
		const { model, field, actor } = withField('number');
		model.setCustomValue('actor', actor, field, 1972);
		model.updateField(field, { type: 'choice', options: ['pieni', 'suuri'] });
		expect(model.actor(actor)?.custom).toEqual({ [field]: 1972 });
		expect(codes(model.actor(actor)?.issues)).toEqual([`custom.${field}:type_mismatch`]);
		model.updateField(field, { type: 'number' });
		expect(model.actor(actor)?.issues).toEqual([]);
		expect(model.field(field)).toMatchObject({ type: 'number', options: ['pieni', 'suuri'] });
	});

	it('flags a choice value whose option was removed from the field', () => {
		const { model, field, actor } = withField('choice', ['pk', 'suuri']);
		model.setCustomValue('actor', actor, field, 'suuri');
		model.updateField(field, { options: ['pk'] });
		expect(codes(model.actor(actor)?.issues)).toEqual([`custom.${field}:invalid_choice`]);
	});

	it('deletes a field with all its values in one transaction, and one undo step restores them', () => {
		const { doc, model, field, actor } = withField('text');
		const other = model.addField({ name: 'Muu', type: 'text', appliesTo: 'actor' });
		const second = model.addActor({ name: 'B', kind: 'rdi', custom: { [field]: 'b', [other]: 'jää' } });
		model.setCustomValue('actor', actor, field, 'a');
		const undo = undoManagerFor(model);
		const transactions = countChangingTransactions(doc);

		expect(model.deleteField(field)).toBe(true);
		expect(transactions.count).toBe(1);
		expect(model.field(field)).toBeUndefined();
		expect(model.actor(actor)).not.toHaveProperty('custom');
		expect(model.actor(second)?.custom).toEqual({ [other]: 'jää' });
		expect(model.deleteField(field)).toBe(false);

		expect(undo.undoStack).toHaveLength(1);
		undo.undo();
		expect(model.actor(actor)?.custom).toEqual({ [field]: 'a' });
		expect(model.actor(second)?.custom).toEqual({ [field]: 'b', [other]: 'jää' });
		expect(model.actors().flatMap((a) => a.issues)).toEqual([]);
	});

	it('does not let a field move between actors and links', () => {
		const { model, field } = withField('text');
		expect(rejectionOf(() => model.updateField(field, { appliesTo: 'link' } as never))).toEqual([{ field: 'appliesTo', code: 'unknown_field' }]);
	});
});

describe('saved views', () => {
	it('adds, updates, reads and deletes a view', () => {
		const { model } = replica();
		const id = model.addView({ name: 'Kasvualat', filter: { growthOnly: true }, viewport: { zoom: 2, pan: { x: 1, y: 2 } } });
		expect(model.view(id)).toEqual({
			id,
			name: 'Kasvualat',
			filter: { growthOnly: true },
			style: {},
			viewport: { zoom: 2, pan: { x: 1, y: 2 } },
			issues: []
		});
		model.updateView(id, { style: { nodeSize: 'degree' }, layout: 'preset', viewport: null });
		expect(model.view(id)).toEqual({ id, name: 'Kasvualat', filter: { growthOnly: true }, style: { nodeSize: 'degree' }, layout: 'preset', issues: [] });
		expect(model.views().map((v) => v.id)).toEqual([id]);
		expect(model.deleteView(id)).toBe(true);
		expect(model.deleteView(id)).toBe(false);
		expect(model.views()).toEqual([]);
	});

	it('returns copies: changing a view read from the model never changes the document', () => {
		const { model } = replica();
		const id = model.addView({ name: 'V', filter: { kinds: ['rdi'] } });
		(model.view(id)!.filter.kinds as string[]).push('company');
		expect(model.view(id)?.filter).toEqual({ kinds: ['rdi'] });
	});
});

describe('snapshot', () => {
	it('includes sectors, fields and views, each sorted by id, as plain JSON', () => {
		let n = 0;
		const { model } = replica({ newId: () => `id${String(9 - n++)}`, now: () => 1 });
		const sector = model.addSector({ name: 'ICT' });
		const field = model.addField({ name: 'Vuosi', type: 'number', appliesTo: 'actor' });
		model.addView({ name: 'Kaikki' });
		model.addSector({ name: 'Matkailu' });
		model.addActor({ name: 'A', kind: 'company', sectors: [sector], custom: { [field]: 2000 } });
		const snapshot = model.snapshot();
		expect(snapshot.sectors.map((s) => s.name)).toEqual(['Matkailu', 'ICT']);
		expect(snapshot.fields).toEqual([{ id: field, name: 'Vuosi', type: 'number', appliesTo: 'actor', issues: [] }]);
		expect(snapshot.views).toHaveLength(1);
		expect(snapshot.actors[0]).toMatchObject({ sectors: [sector], custom: { [field]: 2000 } });
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
	});
});

describe('a version-1 document read by the version-2 model', () => {
	it('reads an element without a custom map and creates the map on the first value', () => {
		const doc = new Y.Doc();
		const old = new Y.Map<unknown>();
		doc.transact(() => {
			doc.getMap('actors').set('old', old);
			old.set('name', 'Vanha Oy');
			old.set('kind', 'company');
			old.set('pos', { x: 0, y: 0 });
			old.set('createdAt', 1);
		});
		const model = new MapModel(doc);
		expect(model.actor('old')).toEqual({ id: 'old', name: 'Vanha Oy', kind: 'company', pos: { x: 0, y: 0 }, createdAt: 1, issues: [] });
		const field = model.addField({ name: 'F', type: 'text', appliesTo: 'actor' });
		model.setCustomValue('actor', 'old', field, null);
		expect(old.has('custom')).toBe(false);
		model.setCustomValue('actor', 'old', field, 'arvo');
		expect(model.actor('old')?.custom).toEqual({ [field]: 'arvo' });
	});
});
