// MapModel edits and queries: validated, one transaction each, under the model's origin.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { ID_LENGTH, MapModel, MapValidationError, type Position } from '$lib/map';
import { captureUpdates, countChangingTransactions, rejectionOf, replica } from './helpers';

function withActors(names: string[]) {
	const { doc, model } = replica({ now: () => 1_700_000_000_000 });
	const ids = names.map((name, i) => model.addActor({ name, kind: 'company', pos: { x: i * 10, y: 0 } }));
	return { doc, model, ids };
}

describe('actors', () => {
	it('adds an actor with a random URL-safe id and a creation time', () => {
		const { model } = replica({ now: () => 123 });
		const id = model.addActor({ name: ' Keuruun Hirsitalo Oy ', kind: 'company', pos: { x: 5, y: 6 }, description: 'Hirsi' });
		expect(id).toMatch(new RegExp(`^[A-Za-z0-9_-]{${ID_LENGTH}}$`));
		expect(model.actor(id)).toEqual({
			id,
			name: 'Keuruun Hirsitalo Oy',
			kind: 'company',
			pos: { x: 5, y: 6 },
			description: 'Hirsi',
			createdAt: 123,
			issues: []
		});
	});

	it('stores the position as one {x, y} value, never separate keys', () => {
		const { model, ids } = withActors(['A']);
		const element = model.parts.actors.get(ids[0]!) as Y.Map<unknown>;
		expect(element.get('pos')).toEqual({ x: 0, y: 0 });
		expect(element.has('x') || element.has('y')).toBe(false);
	});

	it('places an actor without a position at the origin', () => {
		const { model } = replica();
		expect(model.actor(model.addActor({ name: 'A', kind: 'rdi' }))?.pos).toEqual({ x: 0, y: 0 });
	});

	it('rejects invalid input with field errors and writes nothing', () => {
		const { doc, model } = replica();
		const updates = captureUpdates(doc);
		const bad = { name: '', kind: 'spaceship' } as unknown as Parameters<MapModel['addActor']>[0];
		expect(() => model.addActor(bad)).toThrow(MapValidationError);
		expect(rejectionOf(() => model.addActor(bad))).toEqual([
			{ field: 'name', code: 'required' },
			{ field: 'kind', code: 'invalid_kind' }
		]);
		expect(updates).toHaveLength(0);
		expect(model.actors()).toEqual([]);
	});

	it('rejects a region that does not exist', () => {
		const { model } = replica();
		expect(rejectionOf(() => model.addActor({ name: 'A', kind: 'rdi', region: 'nope' }))).toEqual([
			{ field: 'region', code: 'unknown_region' }
		]);
	});

	it('updates fields, removes optional ones with null and keeps the rest', () => {
		const { model, ids } = withActors(['A']);
		const id = ids[0]!;
		const region = model.addRegion({ name: 'Rauma' });
		model.updateActor(id, { name: 'B', kind: 'rdi', region, description: 'D' });
		expect(model.actor(id)).toMatchObject({ name: 'B', kind: 'rdi', region, description: 'D', pos: { x: 0, y: 0 } });
		model.updateActor(id, { region: null, description: null });
		expect(model.actor(id)).not.toHaveProperty('region');
		expect(model.actor(id)).not.toHaveProperty('description');
	});

	it('writes nothing for a patch that changes nothing', () => {
		const { doc, model, ids } = withActors(['A']);
		const updates = captureUpdates(doc);
		model.updateActor(ids[0]!, { name: 'A', kind: 'company', pos: { x: 0, y: 0 } });
		expect(updates).toHaveLength(0);
	});

	it('rejects updating an actor that does not exist, or with a bad patch, without writing', () => {
		const { doc, model, ids } = withActors(['A']);
		const updates = captureUpdates(doc);
		expect(rejectionOf(() => model.updateActor('missing', { name: 'X' }))).toEqual([{ field: 'id', code: 'not_found' }]);
		expect(rejectionOf(() => model.updateActor(ids[0]!, { name: 'OK', region: 'nope' }))).toEqual([
			{ field: 'region', code: 'unknown_region' }
		]);
		expect(updates).toHaveLength(0);
		expect(model.actor(ids[0]!)?.name).toBe('A');
	});

	it('moves an actor and reports false for one that is gone', () => {
		const { model, ids } = withActors(['A']);
		expect(model.moveActor(ids[0]!, { x: 12.5, y: -3 })).toBe(true);
		expect(model.actor(ids[0]!)?.pos).toEqual({ x: 12.5, y: -3 });
		expect(model.moveActor('gone', { x: 1, y: 1 })).toBe(false);
	});

	it('rejects an invalid move without writing', () => {
		const { doc, model, ids } = withActors(['A']);
		const updates = captureUpdates(doc);
		expect(rejectionOf(() => model.moveActor(ids[0]!, { x: Number.NaN, y: 0 }))).toEqual([
			{ field: `positions.${ids[0]}.x`, code: 'invalid_number' }
		]);
		expect(updates).toHaveLength(0);
	});

	it('encodes one move of an existing actor in under 64 bytes', () => {
		const { doc, model, ids } = withActors(['A', 'B', 'C']);
		const updates = captureUpdates(doc);
		model.moveActor(ids[1]!, { x: 1234.5678, y: -987.6543 });
		expect(updates).toHaveLength(1);
		expect(updates[0]!.byteLength).toBeLessThan(64);
	});

	it('moves a selection in one transaction from a Map or a Record, skipping deleted actors', () => {
		const { doc, model, ids } = withActors(['A', 'B', 'C']);
		const transactions = countChangingTransactions(doc);
		const moved = model.moveActors(new Map<string, Position>([[ids[0]!, { x: 1, y: 1 }], ['gone', { x: 2, y: 2 }], [ids[1]!, { x: 3, y: 3 }]]));
		expect(moved).toBe(2);
		expect(model.moveActors({ [ids[2]!]: { x: 9, y: 9 } })).toBe(1);
		expect(transactions.count).toBe(2);
		expect(model.actor(ids[0]!)?.pos).toEqual({ x: 1, y: 1 });
		expect(model.actor(ids[1]!)?.pos).toEqual({ x: 3, y: 3 });
		expect(model.actor(ids[2]!)?.pos).toEqual({ x: 9, y: 9 });
	});

	it('moves nothing when any position in the selection is invalid', () => {
		const { model, ids } = withActors(['A', 'B']);
		expect(() => model.moveActors({ [ids[0]!]: { x: 5, y: 5 }, [ids[1]!]: { x: 2e6, y: 0 } })).toThrow(MapValidationError);
		expect(model.actor(ids[0]!)?.pos).toEqual({ x: 0, y: 0 });
	});

	it('deletes an actor with its links (and only its links) in one transaction', () => {
		const { doc, model, ids } = withActors(['A', 'B', 'C']);
		const [a, b, c] = ids as [string, string, string];
		model.addLink({ source: a, target: b, kind: 'funding' });
		model.addLink({ source: c, target: a, kind: 'mobility' });
		const keep = model.addLink({ source: b, target: c, kind: 'informal' });
		const transactions = countChangingTransactions(doc);
		expect(model.deleteActor(a)).toBe(true);
		expect(transactions.count).toBe(1);
		expect(model.actor(a)).toBeUndefined();
		expect(model.links().map((l) => l.id)).toEqual([keep]);
		expect(model.deleteActor(a)).toBe(false);
		expect(transactions.count).toBe(1);
	});

	it('deletes several actors and their links in one transaction', () => {
		const { doc, model, ids } = withActors(['A', 'B', 'C']);
		const [a, b, c] = ids as [string, string, string];
		model.addLink({ source: a, target: b, kind: 'funding' });
		model.addLink({ source: b, target: c, kind: 'funding' });
		const transactions = countChangingTransactions(doc);
		expect(model.deleteActors([a, b, 'gone'])).toBe(2);
		expect(transactions.count).toBe(1);
		expect(model.actors().map((x) => x.id)).toEqual([c]);
		expect(model.links()).toEqual([]);
	});
});

describe('links', () => {
	it('adds, updates and deletes a link', () => {
		const { model, ids } = withActors(['A', 'B', 'C']);
		const [a, b, c] = ids as [string, string, string];
		const id = model.addLink({ source: a, target: b, kind: 'rdi_project', description: 'Hanke' });
		const createdAt = model.link(id)!.createdAt;
		expect(createdAt).toEqual(expect.any(Number));
		expect(model.link(id)).toEqual({ id, source: a, target: b, kind: 'rdi_project', description: 'Hanke', createdAt, dangling: false, issues: [] });
		model.updateLink(id, { kind: 'pilot_environment', target: c, description: null });
		expect(model.link(id)).toEqual({ id, source: a, target: c, kind: 'pilot_environment', createdAt, dangling: false, issues: [] });
		expect(model.deleteLink(id)).toBe(true);
		expect(model.deleteLink(id)).toBe(false);
		expect(model.links()).toEqual([]);
	});

	it('rejects links to unknown actors and self-links', () => {
		const { model, ids } = withActors(['A']);
		const a = ids[0]!;
		expect(rejectionOf(() => model.addLink({ source: a, target: 'nope', kind: 'funding' }))).toEqual([
			{ field: 'target', code: 'unknown_actor' }
		]);
		expect(rejectionOf(() => model.addLink({ source: a, target: a, kind: 'funding' }))).toEqual([
			{ field: 'target', code: 'self_link' }
		]);
		expect(model.links()).toEqual([]);
	});

	it('rejects re-pointing a link at a missing actor or at its own other end', () => {
		const { model, ids } = withActors(['A', 'B']);
		const [a, b] = ids as [string, string];
		const id = model.addLink({ source: a, target: b, kind: 'funding' });
		expect(rejectionOf(() => model.updateLink(id, { source: 'nope' }))).toEqual([{ field: 'source', code: 'unknown_actor' }]);
		expect(rejectionOf(() => model.updateLink(id, { target: a }))).toEqual([{ field: 'target', code: 'self_link' }]);
		expect(rejectionOf(() => model.updateLink('missing', { kind: 'funding' }))).toEqual([{ field: 'id', code: 'not_found' }]);
		expect(model.link(id)).toMatchObject({ source: a, target: b });
	});

	it('lists the links of one actor in either direction', () => {
		const { model, ids } = withActors(['A', 'B', 'C']);
		const [a, b, c] = ids as [string, string, string];
		const ab = model.addLink({ source: a, target: b, kind: 'funding' });
		const ca = model.addLink({ source: c, target: a, kind: 'funding' });
		model.addLink({ source: b, target: c, kind: 'funding' });
		expect(model.linksOf(a).map((l) => l.id).sort()).toEqual([ab, ca].sort());
	});
});

describe('regions and title', () => {
	it('adds, renames and deletes a region, clearing it from its actors in the same transaction', () => {
		const { doc, model } = replica();
		const rauma = model.addRegion({ name: 'Rauma' });
		const raahe = model.addRegion({ name: 'Raahe' });
		model.updateRegion(rauma, { name: 'Rauma (seutu)' });
		expect(model.region(rauma)).toEqual({ id: rauma, name: 'Rauma (seutu)', issues: [] });
		const member = model.addActor({ name: 'A', kind: 'rdi', region: rauma });
		const other = model.addActor({ name: 'B', kind: 'rdi', region: raahe });
		const transactions = countChangingTransactions(doc);
		expect(model.deleteRegion(rauma)).toBe(true);
		expect(transactions.count).toBe(1);
		expect(model.actor(member)).not.toHaveProperty('region');
		expect(model.actor(other)?.region).toBe(raahe);
		expect(model.regions().map((r) => r.id)).toEqual([raahe]);
		expect(model.deleteRegion(rauma)).toBe(false);
	});

	it('rejects an invalid region name and renaming a missing region', () => {
		const { model } = replica();
		expect(rejectionOf(() => model.addRegion({ name: ' ' }))).toEqual([{ field: 'name', code: 'required' }]);
		expect(rejectionOf(() => model.updateRegion('nope', { name: 'X' }))).toEqual([{ field: 'id', code: 'not_found' }]);
	});

	it('sets and removes the title', () => {
		const { model } = replica();
		model.setTitle('Kartta');
		expect(model.meta().title).toBe('Kartta');
		model.setTitle(null);
		expect(model.meta().title).toBeNull();
		expect(() => model.setTitle('t'.repeat(500))).toThrow(MapValidationError);
	});
});

describe('transactions, origin and snapshot', () => {
	it('runs every mutation under the model origin', () => {
		const { doc, model } = replica();
		const transactions = countChangingTransactions(doc);
		const region = model.addRegion({ name: 'R' });
		const a = model.addActor({ name: 'A', kind: 'rdi', region });
		const b = model.addActor({ name: 'B', kind: 'rdi' });
		const link = model.addLink({ source: a, target: b, kind: 'funding' });
		model.updateActor(a, { name: 'A2' });
		model.moveActor(a, { x: 1, y: 1 });
		model.updateLink(link, { kind: 'informal' });
		model.updateRegion(region, { name: 'R2' });
		model.setTitle('T');
		model.deleteLink(link);
		model.deleteRegion(region);
		model.deleteActors([a, b]);
		expect(transactions.count).toBe(12);
		expect(new Set(transactions.origins)).toEqual(new Set([model.origin]));
	});

	it('uses a given origin, and distinct models on one doc get distinct default origins', () => {
		const doc = new Y.Doc();
		const origin = { user: 'u1' };
		expect(new MapModel(doc, origin).origin).toBe(origin);
		expect(new MapModel(doc).origin).not.toBe(new MapModel(doc).origin);
	});

	it('batches several edits into one update with transact()', () => {
		const { doc, model } = replica();
		const updates = captureUpdates(doc);
		const ids = model.transact(() => [model.addActor({ name: 'A', kind: 'rdi' }), model.addActor({ name: 'B', kind: 'rdi' })]);
		expect(ids).toHaveLength(2);
		expect(updates).toHaveLength(1);
	});

	it('gives a plain JSON snapshot sorted by id with the schema field names', () => {
		const { model } = replica({ now: () => 7 });
		const region = model.addRegion({ name: 'Heinola' });
		const ids = ['b', 'a'].map((name) => model.addActor({ name, kind: 'public', region }));
		const link = model.addLink({ source: ids[0]!, target: ids[1]!, kind: 'membership' });
		model.setTitle('Kartta');
		const snapshot = model.snapshot();
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
		expect(snapshot.schemaVersion).toBeNull();
		expect(snapshot.title).toBe('Kartta');
		expect(snapshot.actors.map((a) => a.id)).toEqual([...ids].sort());
		expect(Object.keys(snapshot.actors[0]!)).toEqual(['id', 'name', 'kind', 'region', 'pos', 'createdAt', 'issues']);
		expect(snapshot.links).toEqual([
			{ id: link, source: ids[0], target: ids[1], kind: 'membership', createdAt: 7, dangling: false, issues: [] }
		]);
		expect(snapshot.regions).toEqual([{ id: region, name: 'Heinola', issues: [] }]);
	});

	it('uses the injected id generator', () => {
		let n = 0;
		const { model } = replica({ newId: () => `id${++n}` });
		expect(model.addRegion({ name: 'R' })).toBe('id1');
		expect(model.addActor({ name: 'A', kind: 'rdi' })).toBe('id2');
	});
});
