// The awareness guard: parsing presence updates, stamping them with the session user, and
// keeping each client id to the connection that owns it.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
	colourForUser,
	decodeAwarenessUpdate,
	encodeAwarenessEntries,
	stampAwareness,
	type AwarenessEntry,
	type PresenceUser
} from '../../../server/sync/awareness-guard';

const alice: PresenceUser = { id: 'u-alice', name: 'Alice', username: 'alice', color: '#c2185b', role: 'editor' };
const LIMIT = 16 * 1024;

function rawUpdate(entries: Array<[number, number, string]>): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const [id, clock, json] of entries) {
		encoding.writeVarUint(encoder, id);
		encoding.writeVarUint(encoder, clock);
		encoding.writeVarString(encoder, json);
	}
	return encoding.toUint8Array(encoder);
}

describe('decodeAwarenessUpdate', () => {
	it('parses what y-protocols encodes, including removals (null states)', () => {
		const awareness = new awarenessProtocol.Awareness(new Y.Doc());
		awareness.setLocalState({ cursor: { x: 1, y: 2 } });
		const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
		expect(decodeAwarenessUpdate(update, LIMIT)).toEqual([{ clientID: awareness.clientID, clock: 1, state: { cursor: { x: 1, y: 2 } } }]);
		expect(decodeAwarenessUpdate(rawUpdate([[7, 3, 'null']]), LIMIT)).toEqual([{ clientID: 7, clock: 3, state: null }]);
	});

	it('round-trips through encodeAwarenessEntries, which y-protocols can apply', () => {
		const entries: AwarenessEntry[] = [
			{ clientID: 1, clock: 4, state: { user: alice } },
			{ clientID: 2, clock: 9, state: null }
		];
		const encoded = encodeAwarenessEntries(entries);
		expect(decodeAwarenessUpdate(encoded, LIMIT)).toEqual(entries);
		const awareness = new awarenessProtocol.Awareness(new Y.Doc());
		awarenessProtocol.applyAwarenessUpdate(awareness, encoded, 'test');
		expect(awareness.getStates().get(1)).toEqual({ user: alice });
	});

	it('refuses malformed updates: bad JSON, non-object states, oversized states, truncation, trailing bytes', () => {
		const cases: Array<[string, Uint8Array]> = [
			['not JSON', rawUpdate([[1, 1, '{nope']])],
			['array state', rawUpdate([[1, 1, '[1,2]']])],
			['number state', rawUpdate([[1, 1, '42']])],
			['string state', rawUpdate([[1, 1, '"hi"']])],
			['oversized state', rawUpdate([[1, 1, JSON.stringify({ junk: 'x'.repeat(LIMIT) })]])],
			['count larger than entries', new Uint8Array([2, ...rawUpdate([[1, 1, '{}']]).subarray(1)])],
			['trailing bytes', new Uint8Array([...rawUpdate([[1, 1, '{}']]), 0])],
			['empty', new Uint8Array()]
		];
		for (const [name, bytes] of cases) expect(decodeAwarenessUpdate(bytes, LIMIT), name).toBeNull();
	});
});

describe('stampAwareness', () => {
	const mine = {};
	const theirs = {};

	it('overwrites whatever `user` the client claims with the session user, keeping its other fields', () => {
		const entries: AwarenessEntry[] = [{ clientID: 1, clock: 1, state: { user: { id: 'u-bob', name: 'Bob (fake)' }, cursor: { x: 3, y: 4 } } }];
		const [stamped] = stampAwareness(entries, alice, mine, () => undefined);
		expect(stamped!.state).toEqual({ user: alice, cursor: { x: 3, y: 4 } });
		// The input is not mutated.
		expect(entries[0]!.state!.user).toEqual({ id: 'u-bob', name: 'Bob (fake)' });
	});

	it('adds the user to a state that has none', () => {
		const [stamped] = stampAwareness([{ clientID: 1, clock: 1, state: {} }], alice, mine, () => undefined);
		expect(stamped!.state).toEqual({ user: alice });
	});

	it('keeps entries for ids the connection owns or nobody owns yet, drops ids owned by another connection', () => {
		const owners = new Map<number, object>([
			[1, mine],
			[2, theirs]
		]);
		const entries: AwarenessEntry[] = [
			{ clientID: 1, clock: 2, state: { a: 1 } },
			{ clientID: 2, clock: 9, state: { a: 2 } },
			{ clientID: 3, clock: 1, state: { a: 3 } }
		];
		const kept = stampAwareness(entries, alice, mine, (id) => owners.get(id));
		expect(kept.map((e) => e.clientID)).toEqual([1, 3]);
	});

	it('lets a connection remove its own presence but not another connection’s', () => {
		const owners = new Map<number, object>([
			[1, mine],
			[2, theirs]
		]);
		const removals: AwarenessEntry[] = [
			{ clientID: 1, clock: 5, state: null },
			{ clientID: 2, clock: 50, state: null }
		];
		expect(stampAwareness(removals, alice, mine, (id) => owners.get(id))).toEqual([{ clientID: 1, clock: 5, state: null }]);
	});
});

describe('colourForUser', () => {
	it('is stable per user and a #rrggbb colour', () => {
		expect(colourForUser('u-alice')).toBe(colourForUser('u-alice'));
		expect(colourForUser('u-alice')).toMatch(/^#[0-9a-f]{6}$/);
		const colours = new Set(Array.from({ length: 50 }, (_, i) => colourForUser(`user-${i}`)));
		expect(colours.size).toBeGreaterThan(1);
	});
});
