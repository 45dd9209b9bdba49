// Updates that decode cleanly yet make Yjs throw while applying them (a fuzz of one real edit finds
// a few percent of byte mutations like that): the room sends their sender away (4400), the other
// editors receive only Yjs's own encoding of what did integrate, which applies cleanly on their side,
// and the map still loads. This is why the room applies a client's update before broadcasting it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncRoom } from '../../../server/sync/room';
import { CLOSE } from '../../../src/lib/server/limits';
import { recordingConnection, syncPayloads } from './recording-connection';
import { withDiscussionRoom } from './discussion-room';

const MAP_ID = 'poisonupdate0001';
const DOC_ID = `${MAP_ID}/discussion`;

/** A stored document, and a real edit of it from another client. */
function aDocumentAndAnEdit() {
	const base = new Y.Doc();
	base.clientID = 7;
	const entries = base.getMap('entries');
	for (let i = 0; i < 5; i++) {
		const entry = new Y.Map<unknown>();
		entries.set(`e${i}`, entry);
		entry.set('name', `Toimija ${i}`);
		entry.set('pos', { x: i, y: i });
	}
	base.getText('notes').insert(0, 'Kokouksen muistio');
	const stored = Y.encodeStateAsUpdate(base);
	const client = new Y.Doc();
	Y.applyUpdate(client, stored);
	client.clientID = 9;
	const before = Y.encodeStateVector(client);
	const edited = client.getMap('entries');
	(edited.get('e1') as Y.Map<unknown>).set('pos', { x: 5, y: 6 });
	edited.delete('e2');
	const added = new Y.Map<unknown>();
	edited.set('z', added);
	added.set('kind', 'company');
	client.getText('notes').insert(2, 'XY');
	return { stored, edit: Y.encodeStateAsUpdate(client, before) };
}

/** Seeded 1–3 byte mutations of `edit` that Y.decodeUpdate accepts but Y.applyUpdate throws on. */
function poisonedEdits(stored: Uint8Array, edit: Uint8Array, count: number): Uint8Array[] {
	let seed = 1;
	const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
	const found: Uint8Array[] = [];
	for (let attempt = 0; attempt < 200_000 && found.length < count; attempt++) {
		const bytes = edit.slice();
		const changes = 1 + Math.floor(random() * 3);
		for (let i = 0; i < changes; i++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
		try {
			Y.decodeUpdate(bytes);
		} catch {
			continue;
		}
		const doc = new Y.Doc();
		Y.applyUpdate(doc, stored);
		try {
			Y.applyUpdate(doc, bytes);
		} catch {
			found.push(bytes);
		}
	}
	return found;
}

describe('an update that decodes but makes Yjs throw', () => {
	it('sends its sender away, gives the others only what integrated, and leaves the map loadable', async () => {
		const { stored, edit } = aDocumentAndAnEdit();
		const poisoned = poisonedEdits(stored, edit, 8);
		expect(poisoned.length, 'the fuzz finds such updates').toBe(8);
		for (const update of poisoned) {
			await withDiscussionRoom(MAP_ID, stored, async (room, storage) => {
				const sender = recordingConnection('writer');
				const other = recordingConnection('writer');
				room.attach(sender.connection);
				room.attach(other.connection);
				room.handleMessage(sender.connection, { type: 'sync-update', update, step: 'update' });
				await room.drain();
				expect(sender.closes).toContain(CLOSE.malformed);
				expect(other.closes).toEqual([]);
				// What the other editor got applies cleanly to the state it holds.
				const theirs = new Y.Doc();
				Y.applyUpdate(theirs, stored);
				for (const payload of syncPayloads(other.sent, 2)) expect(() => Y.applyUpdate(theirs, payload)).not.toThrow();
				expect(syncPayloads(other.sent, 2).some((payload) => payload.length === update.length && payload.every((b, i) => b === update[i])), 'never the sent bytes themselves').toBe(false);
				await room.close();

				const reloaded = new SyncRoom({ mapId: MAP_ID, kind: 'discussion', docId: DOC_ID }, storage, () => {});
				await reloaded.ready;
				expect(reloaded.document().getText('notes').toString()).toContain('Kokouksen');
				await reloaded.close();
			});
		}
	});
});
