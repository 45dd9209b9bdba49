// The room's check of an incoming update (server/sync/update-shape.ts) walks the Yjs update format
// itself instead of building it with Y.decodeUpdate: it must give Y.decodeUpdate's verdict on every
// input. Real updates of every content kind Yjs writes (map values, arrays, text with formatting and
// embeds, XML elements and hooks, binary, subdocuments, deletions, GC and Skip structs), then
// fast-check's byte mutations, truncations and extensions of them, and random bytes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { updateShape } from '../../../server/sync/update-shape';

/** Y.decodeUpdate's verdict, as the room used to ask it. */
function referenceShape(update: Uint8Array): string {
	try {
		const { structs, ds } = Y.decodeUpdate(update);
		return structs.length === 0 && ds.clients.size === 0 ? 'empty' : 'changes';
	} catch {
		return 'invalid';
	}
}

function realUpdates(): Uint8Array[] {
	const updates: Uint8Array[] = [];
	const doc = new Y.Doc();
	doc.clientID = 300;
	doc.on('update', (update: Uint8Array) => updates.push(update));
	const actors = doc.getMap('actors');
	const actor = new Y.Map<unknown>();
	actors.set('a1', actor);
	actor.set('pos', { x: 1.5, y: -2, tags: ['yritys', null, true], big: 2n ** 40n });
	actor.set('name', 'Iisalmen Kehitys Oy — Ålandsbanken 😀');
	actor.set('logo', new Uint8Array([1, 2, 3]));
	actor.set('pos', { x: 3, y: 4 });
	actors.delete('a1');
	const list = doc.getArray('list');
	list.insert(0, [1, 'kaksi', { kolme: 3 }, null]);
	list.delete(1, 2);
	const text = doc.getText('notes');
	text.insert(0, 'Kokouksen muistio');
	text.format(0, 8, { bold: true });
	text.insertEmbed(3, { image: 'kuva.png' });
	text.delete(2, 4);
	const fragment = doc.getXmlFragment('xml');
	const element = new Y.XmlElement('p');
	element.setAttribute('class', 'huom');
	element.insert(0, [new Y.XmlText('teksti')]);
	fragment.insert(0, [element]);
	// An XmlHook (a named map) is written like any type; Yjs' typings leave it out of fragments.
	doc.getMap('hooks').set('koukku', new Y.XmlHook('koukku'));
	doc.getMap('docs').set('sub', new Y.Doc({ guid: 'alidokumentti' }));
	updates.push(Y.encodeStateAsUpdate(doc));
	updates.push(Y.encodeStateAsUpdate(new Y.Doc()));
	// Merging updates that leave a gap in one client's clocks writes a Skip struct.
	updates.push(Y.mergeUpdates([updates[0]!, updates[3]!]));
	// Legacy JSON content (info 2): Yjs still reads it, though it no longer writes it.
	const legacy = encoding.createEncoder();
	encoding.writeVarUint(legacy, 1); // one client
	encoding.writeVarUint(legacy, 1); // one struct
	encoding.writeVarUint(legacy, 301); // client
	encoding.writeVarUint(legacy, 0); // clock
	encoding.writeUint8(legacy, 2); // Item with JSON content, parent follows
	encoding.writeVarUint(legacy, 1); // parent is a top-level type, by name
	encoding.writeVarString(legacy, 'list');
	encoding.writeVarUint(legacy, 2);
	encoding.writeVarString(legacy, '{"a":1}');
	encoding.writeVarString(legacy, 'undefined');
	encoding.writeVarUint(legacy, 0); // no deletions
	updates.push(encoding.toUint8Array(legacy));
	return updates;
}

const corpus = realUpdates();

describe('the update check', () => {
	it('gives Y.decodeUpdate’s verdict on real updates of every kind', () => {
		expect(corpus.map(referenceShape)).toContain('empty');
		for (const update of corpus) expect(updateShape(update)).toBe(referenceShape(update));
		expect(corpus.filter((u) => referenceShape(u) === 'changes').length).toBeGreaterThan(15);
	});

	it('gives its verdict on mutated, cut and extended updates too', () => {
		const mutation = fc.record({
			update: fc.constantFrom(...corpus),
			changes: fc.array(fc.record({ at: fc.nat(), byte: fc.nat(255) }), { minLength: 0, maxLength: 3 }),
			cut: fc.option(fc.nat(), { nil: undefined }),
			extra: fc.uint8Array({ maxLength: 3 })
		});
		const verdicts = new Map<string, number>();
		fc.assert(
			fc.property(mutation, ({ update, changes, cut, extra }) => {
				let bytes = update.slice();
				for (const { at, byte } of changes) bytes[at % bytes.length] = byte;
				if (cut !== undefined) bytes = bytes.subarray(0, cut % (bytes.length + 1));
				bytes = new Uint8Array([...bytes, ...extra]);
				const expected = referenceShape(bytes);
				verdicts.set(expected, (verdicts.get(expected) ?? 0) + 1);
				expect(updateShape(bytes)).toBe(expected);
			}),
			{ numRuns: 30_000 }
		);
		// The inputs reached every verdict, not only the refusals.
		expect(verdicts.get('changes') ?? 0).toBeGreaterThan(1000);
		expect(verdicts.get('invalid') ?? 0).toBeGreaterThan(1000);
	});

	it('gives its verdict on random bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
				expect(updateShape(bytes)).toBe(referenceShape(bytes));
			}),
			{ numRuns: 20_000 }
		);
	});
});
