// Bad bytes on an authorized socket: the socket is closed with a code from CLOSE, the server
// stays up and the stored map does not change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MapModel } from '../../src/lib/map';
import { CLOSE, SYNC } from '../../src/lib/server/limits';
import { createMap, createUser, startServer, type LoggedIn, type TestServer } from '../support/server';
import {
	MESSAGE_AWARENESS,
	SYNC_STEP1,
	SYNC_STEP2,
	SYNC_UPDATE,
	fullStateRequest,
	healthStatus,
	openRaw,
	storedDocument,
	storedLog,
	syncMessage,
	type CloseInfo
} from './helpers';

const CLOSE_CODES = new Set<number>(Object.values(CLOSE));

describe('bad input on the sync socket', () => {
	let server: TestServer;
	let alice: LoggedIn;
	let mapId: string;
	let documentBefore: string;

	const open = () => openRaw(server, mapId, { cookie: alice.cookie });
	const withDeadline = (closed: Promise<CloseInfo>, ms = 5_000) =>
		Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), ms))]);

	async function expectServerUnharmed(): Promise<void> {
		expect(await healthStatus(server)).toBe(200);
		expect(JSON.stringify(await storedDocument(alice, mapId))).toBe(documentBefore);
		// Nothing was appended to the map's update log either.
		expect(storedLog(server, mapId).updates).toBe(0);
	}

	beforeAll(async () => {
		server = await startServer();
		alice = await createUser(server, 'alice', { admin: true });
		// The demo map: something to lose if bad input got through.
		mapId = await createMap(alice, '', true);
		documentBefore = JSON.stringify(await storedDocument(alice, mapId));
	});
	afterAll(async () => server?.cleanup());

	it('a well-formed request is answered (the harness itself works)', async () => {
		const raw = await open();
		expect(await raw.roundTrip()).not.toBeNull();
		raw.socket.close();
	});

	it('closes the socket on a text frame (4400), even one whose bytes would be a valid message', async () => {
		const raw = await open();
		// "\u0003" is query-awareness as bytes: only the frame type makes it wrong.
		raw.send('\u0003');
		const close = await withDeadline(raw.closed);
		expect(close?.code).toBe(CLOSE.malformed);
		expect(close?.reason).toMatch(/text/);
		await expectServerUnharmed();
	});

	it('closes the socket on random bytes (4400)', async () => {
		const raw = await open();
		raw.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x13, 0x37]));
		expect((await withDeadline(raw.closed))?.code).toBe(CLOSE.malformed);
		await expectServerUnharmed();
	});

	it('closes the socket on an unknown message type and on an empty frame (4400)', async () => {
		for (const frame of [new Uint8Array([7]), new Uint8Array([0, 9, 0]), new Uint8Array([])]) {
			const raw = await open();
			raw.send(frame);
			expect((await withDeadline(raw.closed))?.code, `frame [${frame.join(',')}]`).toBe(CLOSE.malformed);
		}
		await expectServerUnharmed();
	});

	it('closes the socket on truncated sync messages (4400)', async () => {
		const whole = fullStateRequest();
		const update = syncMessage(SYNC_UPDATE, new Uint8Array([1, 1, 5, 0, 4, 1, 6, 97, 99, 116, 111, 114, 115, 1, 119, 1, 120, 0]));
		for (const frame of [whole.subarray(0, whole.length - 1), update.subarray(0, 8), new Uint8Array([0]), new Uint8Array([0, 2])]) {
			const raw = await open();
			raw.send(frame);
			expect((await withDeadline(raw.closed))?.code, `frame [${[...frame].join(',')}]`).toBe(CLOSE.malformed);
		}
		await expectServerUnharmed();
	});

	it('closes the socket on trailing bytes after a valid message (4400)', async () => {
		const raw = await open();
		const whole = fullStateRequest();
		const frame = new Uint8Array(whole.length + 2);
		frame.set(whole);
		raw.send(frame);
		expect((await withDeadline(raw.closed))?.code).toBe(CLOSE.malformed);
		await expectServerUnharmed();
	});

	it('closes the socket on a frame over the size limit (1009) and survives it', async () => {
		const raw = await open();
		raw.send(new Uint8Array(SYNC.maxMessageBytes + 1));
		expect((await withDeadline(raw.closed))?.code).toBe(CLOSE.messageTooBig);
		await expectServerUnharmed();
	});

	it('closes the socket on an invalid update inside a valid sync envelope (4400), for Update and SyncStep2', async () => {
		for (const type of [SYNC_UPDATE, SYNC_STEP2]) {
			const raw = await open();
			raw.send(syncMessage(type, new Uint8Array([5, 200, 1, 7, 7, 7, 255, 255, 255, 255, 255, 1])));
			expect((await withDeadline(raw.closed))?.code, `sync type ${type}`).toBe(CLOSE.malformed);
		}
		await expectServerUnharmed();
	});

	it('closes the socket on an invalid state vector in SyncStep1 (4400)', async () => {
		const raw = await open();
		raw.send(syncMessage(SYNC_STEP1, new Uint8Array([3, 1, 1])));
		expect((await withDeadline(raw.closed))?.code).toBe(CLOSE.malformed);
		await expectServerUnharmed();
	});

	it('closes the socket on a malformed awareness update (4400)', async () => {
		const inner = encoding.createEncoder();
		encoding.writeVarUint(inner, 1);
		encoding.writeVarUint(inner, 1234);
		encoding.writeVarUint(inner, 1);
		encoding.writeVarString(inner, '{not json');
		const outer = encoding.createEncoder();
		encoding.writeVarUint(outer, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
		const raw = await open();
		raw.send(encoding.toUint8Array(outer));
		expect((await withDeadline(raw.closed))?.code).toBe(CLOSE.malformed);
		await expectServerUnharmed();
	});

	it('any byte string either gets an answer or closes the socket with a known code; the map is unchanged', async () => {
		const wrap = (type: number) => (payload: Uint8Array) => syncMessage(type, payload);
		// A real update (what a client sends when adding an actor), cut short anywhere: the
		// classic way past Yjs versions were made to hang or throw half-way.
		const doc = new Y.Doc();
		new MapModel(doc).addActor({ name: 'Truncated Oy', kind: 'company', description: 'x'.repeat(40) });
		const realUpdate = Y.encodeStateAsUpdate(doc);
		const frames = fc.oneof(
			fc.integer({ min: 0, max: realUpdate.length - 1 }).map((cut) => syncMessage(SYNC_UPDATE, realUpdate.subarray(0, cut))),
			fc.uint8Array({ minLength: 0, maxLength: 64 }),
			// Valid envelopes around random payloads reach the Yjs decoders themselves.
			fc.uint8Array({ minLength: 0, maxLength: 64 }).map(wrap(SYNC_UPDATE)),
			fc.uint8Array({ minLength: 0, maxLength: 64 }).map(wrap(SYNC_STEP2)),
			fc.uint8Array({ minLength: 0, maxLength: 32 }).map(wrap(SYNC_STEP1)),
			fc.uint8Array({ minLength: 0, maxLength: 64 }).map((payload) => {
				const encoder = encoding.createEncoder();
				encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
				encoding.writeVarUint8Array(encoder, payload);
				return encoding.toUint8Array(encoder);
			})
		);
		await fc.assert(
			fc.asyncProperty(frames, async (frame) => {
				const raw = await open();
				try {
					raw.send(frame);
					// Either the server answers the request sent after the frame (it handled the frame
					// and kept the socket) or it closed the socket; a hang fails the round trip.
					const answer = await raw.roundTrip(3_000);
					if (answer === null) {
						const { code } = await raw.closed;
						if (!CLOSE_CODES.has(code)) throw new Error(`closed with unexpected code ${code}`);
					}
				} finally {
					raw.socket.terminate();
				}
			}),
			{ numRuns: 400, seed: 20_251_104 }
		);
		await expectServerUnharmed();
	}, 60_000);
});
