// A client's update that applies cleanly is stored and passed on as the client sent it (the room
// does not have Yjs encode it again). Whatever order and however often editors' updates arrive —
// out of order, so that Yjs holds some back until what they build on arrives, or twice — the room's
// document, the document SQLite holds and what another editor receives all come to the same state.
// Real SQLite, real room, real Yjs; fast-check picks the edits and the arrival order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { recordingConnection, syncPayloads } from './recording-connection';
import { withDiscussionRoom } from './discussion-room';

const MAP_ID = 'clientbytes00001';
const DOC_ID = `${MAP_ID}/discussion`;

type Edit = { editor: number; kind: 'set'; key: string; value: number } | { editor: number; kind: 'delete'; key: string } | { editor: number; kind: 'text'; at: number; text: string };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
	fc.record({ editor: fc.nat(2), kind: fc.constant('set' as const), key: fc.constantFrom('a', 'b', 'c'), value: fc.integer() }),
	fc.record({ editor: fc.nat(2), kind: fc.constant('delete' as const), key: fc.constantFrom('a', 'b', 'c') }),
	fc.record({ editor: fc.nat(2), kind: fc.constant('text' as const), at: fc.nat(20), text: fc.string({ minLength: 1, maxLength: 3 }) })
);

function baseDocument(): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('entries').set('a', 0);
	doc.getText('notes').insert(0, 'muistio');
	return Y.encodeStateAsUpdate(doc);
}

function docFrom(...updates: Uint8Array[]): Y.Doc {
	const doc = new Y.Doc();
	for (const update of updates) Y.applyUpdate(doc, update);
	return doc;
}

/** What a document holds, comparable: its contents and its state vector. */
function stateOf(doc: Y.Doc) {
	return { entries: doc.getMap('entries').toJSON(), notes: doc.getText('notes').toString(), vector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort() };
}

/** Each editor's updates, made offline from the base (so later ones build on its earlier ones). */
function editorsUpdates(base: Uint8Array, edits: Edit[]): Uint8Array[] {
	const editors = [0, 1, 2].map((i) => {
		const doc = docFrom(base);
		doc.clientID = 100 + i;
		return doc;
	});
	const updates: Uint8Array[] = [];
	for (const edit of edits) {
		const doc = editors[edit.editor]!;
		const made: Uint8Array[] = [];
		const keep = (update: Uint8Array) => made.push(update);
		doc.on('update', keep);
		if (edit.kind === 'set') doc.getMap('entries').set(edit.key, edit.value);
		else if (edit.kind === 'delete') doc.getMap('entries').delete(edit.key);
		else {
			const notes = doc.getText('notes');
			notes.insert(Math.min(edit.at, notes.length), edit.text);
		}
		doc.off('update', keep);
		updates.push(...made);
	}
	return updates;
}

describe("a client's clean update is stored and passed on as sent", () => {
	it('leaves the room, SQLite and the other editors in one state, whatever the arrival order', async () => {
		const base = baseDocument();
		await fc.assert(
			fc.asyncProperty(
				fc.array(editArb, { minLength: 1, maxLength: 12 }),
				fc.infiniteStream(fc.nat()),
				fc.array(fc.nat(), { maxLength: 3 }),
				async (edits, choices, repeats) => {
					const updates = editorsUpdates(base, edits);
					// Deleting a key no one set changes nothing, and Yjs makes no update for it.
					fc.pre(updates.length > 0);
					// Arrival order: a random permutation, with some updates arriving a second time.
					const pending = updates.map((_, i) => i);
					const order: number[] = [];
					const pick = choices[Symbol.iterator]();
					while (pending.length > 0) order.push(pending.splice(pick.next().value % pending.length, 1)[0]!);
					for (const r of repeats) order.splice(r % (order.length + 1), 0, order[r % order.length]!);

					await withDiscussionRoom(MAP_ID, base, async (room, storage) => {
						const senders = [0, 1, 2].map(() => recordingConnection('writer'));
						const watcher = recordingConnection('writer');
						for (const s of senders) room.attach(s.connection);
						room.attach(watcher.connection);
						for (const [n, i] of order.entries()) {
							const sender = senders[n % 3]!;
							room.handleMessage(sender.connection, { type: 'sync-update', update: updates[i]!, step: 'update' });
							if (n % 2 === 1) await room.drain();
						}
						await room.drain();

						const expected = stateOf(docFrom(base, ...updates));
						expect(stateOf(room.document()), 'the room').toEqual(expected);
						const stored = await storage.loadDocument(DOC_ID);
						expect(stateOf(docFrom(stored.snapshot ?? new Uint8Array([0, 0]), ...stored.updates)), 'SQLite').toEqual(expected);
						expect(stateOf(docFrom(base, ...syncPayloads(watcher.sent, 2))), 'another editor').toEqual(expected);
						for (const s of senders) expect(s.closes).toEqual([]);

						// Once everything is in, an update arriving again changes nothing: not stored, not passed on.
						const rows = stored.updates.length;
						const broadcasts = watcher.sent.length;
						room.handleMessage(senders[0]!.connection, { type: 'sync-update', update: updates[0]!, step: 'update' });
						await room.drain();
						expect((await storage.loadDocument(DOC_ID)).updates.length, 'nothing stored').toBe(rows);
						expect(watcher.sent.length, 'nothing passed on').toBe(broadcasts);
					});
				}
			),
			{ numRuns: 60 }
		);
	});

	it('passes on exactly the bytes an editor sent when they applied cleanly', async () => {
		const base = baseDocument();
		const [update] = editorsUpdates(base, [{ editor: 0, kind: 'set', key: 'b', value: 7 }]);
		await withDiscussionRoom(MAP_ID, base, async (room, storage) => {
			const sender = recordingConnection('writer');
			const watcher = recordingConnection('writer');
			room.attach(sender.connection);
			room.attach(watcher.connection);
			room.handleMessage(sender.connection, { type: 'sync-update', update: update!, step: 'update' });
			await room.drain();
			expect(syncPayloads(watcher.sent, 2)).toEqual([update]);
			expect((await storage.loadDocument(DOC_ID)).updates).toEqual([update]);
		});
	});
});
