// Decoding client frames of the y-websocket protocol without touching any document.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import fc from 'fast-check';
import { decodeClientMessage, encodeSyncStep1, encodeUpdateMessage, isValidStateVector, isValidUpdate } from '../../../server/sync/protocol';

function frame(...parts: Array<number | Uint8Array>): Uint8Array {
	const encoder = encoding.createEncoder();
	for (const part of parts) {
		if (typeof part === 'number') encoding.writeVarUint(encoder, part);
		else encoding.writeVarUint8Array(encoder, part);
	}
	return encoding.toUint8Array(encoder);
}

function realUpdate(): Uint8Array {
	const doc = new Y.Doc();
	doc.getMap('actors').set('a', 'Iisalmi');
	return Y.encodeStateAsUpdate(doc);
}

describe('decodeClientMessage', () => {
	it('decodes SyncStep1 with its state vector', () => {
		const doc = new Y.Doc();
		doc.getMap('m').set('k', 1);
		const message = decodeClientMessage(encodeSyncStep1(Y.encodeStateVector(doc)));
		expect(message).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) });
	});

	it('decodes SyncStep2 and Update as sync-update, telling them apart', () => {
		const update = realUpdate();
		expect(decodeClientMessage(frame(0, 1, update))).toEqual({ type: 'sync-update', update, step: 'step2' });
		expect(decodeClientMessage(encodeUpdateMessage(update))).toEqual({ type: 'sync-update', update, step: 'update' });
	});

	it('decodes awareness, query-awareness and auth messages', () => {
		const awareness = new awarenessProtocol.Awareness(new Y.Doc());
		awareness.setLocalState({ cursor: { x: 1, y: 2 } });
		const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
		expect(decodeClientMessage(frame(1, update))).toEqual({ type: 'awareness', update });
		expect(decodeClientMessage(frame(3))).toEqual({ type: 'query-awareness' });
		expect(decodeClientMessage(frame(2, 0))).toEqual({ type: 'auth' });
	});

	it('reports malformed frames instead of throwing', () => {
		const valid = encodeUpdateMessage(realUpdate());
		const cases: Array<[string, Uint8Array]> = [
			['empty', new Uint8Array()],
			['unknown message type', frame(9)],
			['unknown sync type', frame(0, 7, new Uint8Array([0]))],
			['sync without payload', frame(0, 0)],
			['truncated payload', valid.subarray(0, valid.length - 3)],
			['payload length past the end', new Uint8Array([0, 2, 200, 1, 2])],
			['trailing bytes', new Uint8Array([...valid, 0])],
			['trailing bytes after query-awareness', frame(3, 3)],
			['awareness without payload', frame(1)],
			['unterminated varUint', new Uint8Array([0xff, 0xff, 0xff])]
		];
		for (const [name, bytes] of cases) {
			const message = decodeClientMessage(bytes);
			expect(message.type, name).toBe('malformed');
			expect((message as { reason: string }).reason, name).toEqual(expect.any(String));
		}
	});

	it('never throws, whatever the bytes', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
				const message = decodeClientMessage(bytes);
				expect(['sync-step1', 'sync-update', 'awareness', 'query-awareness', 'auth', 'malformed']).toContain(message.type);
			}),
			{ numRuns: 2000, seed: 42 }
		);
	});
});

describe('payload validation', () => {
	it('isValidUpdate accepts real updates and refuses garbage and truncations', () => {
		const update = realUpdate();
		expect(isValidUpdate(update)).toBe(true);
		expect(isValidUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
		expect(isValidUpdate(new Uint8Array([5, 200, 1, 7, 7, 7, 255, 255, 255, 255, 255, 1]))).toBe(false);
		expect(isValidUpdate(new Uint8Array())).toBe(false);
		for (let cut = 1; cut < update.length; cut++) expect(isValidUpdate(update.subarray(0, cut)), `cut at ${cut}`).toBe(false);
	});

	it('isValidStateVector accepts real state vectors and refuses truncated ones', () => {
		const doc = new Y.Doc();
		doc.getMap('m').set('k', 1);
		expect(isValidStateVector(Y.encodeStateVector(doc))).toBe(true);
		expect(isValidStateVector(new Uint8Array([0]))).toBe(true);
		expect(isValidStateVector(new Uint8Array([3, 1, 1]))).toBe(false);
		expect(isValidStateVector(new Uint8Array([0xff]))).toBe(false);
	});
});
