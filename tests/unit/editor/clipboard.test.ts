// Copy and paste: copies get new ids, keep their fields and the links among them, land at an offset, and arrive in one transaction.
import { describe, it, expect } from 'vitest';
import { copyActors, pasteActors, parseClipboard, PASTE_OFFSET } from '$lib/editor/clipboard';
import { countChangingTransactions, replica } from '../map/helpers';
import { smallMap } from './view/fixtures';

describe('copy and paste', () => {
	it('duplicates actors and the links among them with new ids, at an offset, in one transaction', () => {
		const { model, ids } = smallMap();
		const payload = copyActors(model, [ids.a, ids.b, ids.e])!;
		expect(payload.actors).toHaveLength(3);
		// Only a→b has both ends copied.
		expect(payload.links).toHaveLength(1);
		const transactions = countChangingTransactions(model.doc);
		const pasted = pasteActors(model, payload, { x: PASTE_OFFSET, y: PASTE_OFFSET });
		expect(transactions.count).toBe(1);
		expect(pasted).toHaveLength(3);
		for (const id of pasted) expect([ids.a, ids.b, ids.e]).not.toContain(id);
		const copyOfA = model.actor(pasted[0]!)!;
		const a = model.actor(ids.a)!;
		expect(copyOfA).toMatchObject({ name: a.name, kind: a.kind, region: a.region, tags: a.tags, sectors: a.sectors, custom: a.custom });
		expect(copyOfA.pos).toEqual({ x: a.pos.x + PASTE_OFFSET, y: a.pos.y + PASTE_OFFSET });
		const newLinks = model.links().filter((link) => pasted.includes(link.source));
		expect(newLinks).toHaveLength(1);
		expect(newLinks[0]).toMatchObject({ source: pasted[0], target: pasted[1], kind: 'customer_supplier', strength: 4 });
	});

	it('pastes JSON from another map, dropping references that map lacks', () => {
		const { model, ids } = smallMap();
		const text = JSON.stringify(copyActors(model, [ids.a, ids.d]));
		const other = replica().model;
		const payload = parseClipboard(text)!;
		const pasted = pasteActors(other, payload, { x: 0, y: 0 });
		expect(pasted).toHaveLength(2);
		const copy = other.actor(pasted[0]!)!;
		expect(copy.region).toBeUndefined();
		expect(copy.sectors).toBeUndefined();
		expect(copy.custom).toBeUndefined();
		expect(copy.issues).toEqual([]);
		expect(other.links()).toHaveLength(1);
	});

	it('ignores clipboard text that is not ours', () => {
		expect(parseClipboard('hello')).toBeNull();
		expect(parseClipboard('{"format":"other","actors":[],"links":[]}')).toBeNull();
		expect(parseClipboard('{"format":"kartta/actors@1","actors":[{"key":1}],"links":[]}')).toBeNull();
	});

	it('skips an element the model refuses instead of failing the paste', () => {
		const { model } = replica();
		const payload = parseClipboard(JSON.stringify({ format: 'kartta/actors@1', actors: [
			{ key: 'x', fields: { name: '', kind: 'company', pos: { x: 0, y: 0 } } },
			{ key: 'y', fields: { name: 'Ok', kind: 'company', pos: { x: 0, y: 0 } } }
		], links: [{ source: 'x', target: 'y', fields: { kind: 'funding' } }] }))!;
		expect(pasteActors(model, payload, { x: 0, y: 0 })).toHaveLength(1);
		expect(model.links()).toHaveLength(0);
	});
});
