// Presence over real y-protocols awareness, relayed through the server's own stamping code: what others publish is read typed and validated.
import { describe, it, expect, vi, afterEach } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { Presence, PRESENCE_THROTTLE_MS } from '$lib/collab/presence';
import { decodeAwarenessUpdate, encodeAwarenessEntries, stampAwareness, type PresenceUser } from '../../../server/sync/awareness-guard';

const MAX_STATE_BYTES = 64 * 1024;

/** Relays every awareness update from `from` to `to` the way the sync server does: stamped with the sender's user. */
function relay(from: awarenessProtocol.Awareness, to: awarenessProtocol.Awareness, user: PresenceUser): void {
	const connection = {};
	from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
		const update = awarenessProtocol.encodeAwarenessUpdate(from, [...added, ...updated, ...removed]);
		const entries = decodeAwarenessUpdate(update, MAX_STATE_BYTES)!;
		const stamped = stampAwareness(entries, user, connection, () => connection);
		awarenessProtocol.applyAwarenessUpdate(to, encodeAwarenessEntries(stamped), 'server');
	});
}

const alice: PresenceUser = { id: 'ua', name: 'Alice', username: 'alice', color: '#c2185b', role: 'editor' };

function pair() {
	const aliceAwareness = new awarenessProtocol.Awareness(new Y.Doc());
	const bobAwareness = new awarenessProtocol.Awareness(new Y.Doc());
	relay(aliceAwareness, bobAwareness, alice);
	return { alicePresence: new Presence(aliceAwareness), bobPresence: new Presence(bobAwareness), aliceAwareness, bobAwareness };
}

afterEach(() => vi.useRealTimers());

describe('Presence', () => {
	it('never writes a user field itself', () => {
		const { aliceAwareness, alicePresence } = pair();
		alicePresence.setSelection(['x']);
		expect(aliceAwareness.getLocalState()).not.toHaveProperty('user');
	});

	it("shows another client's selection with the user the server stamped", () => {
		const { alicePresence, bobPresence } = pair();
		const seen: string[][] = [];
		bobPresence.subscribe((peers) => seen.push(peers.flatMap((peer) => peer.selection)));
		alicePresence.setSelection(['actor1', 'link1']);
		expect(bobPresence.peers).toHaveLength(1);
		expect(bobPresence.peers[0]).toMatchObject({ user: alice, selection: ['actor1', 'link1'], cursor: null, drag: null });
		expect(seen.at(-1)).toEqual(['actor1', 'link1']);
		expect(bobPresence.people()).toEqual([{ user: alice, clientIDs: [alicePresence.clientID] }]);
	});

	it('throttles pointer updates but always delivers the last position', () => {
		vi.useFakeTimers();
		const { alicePresence, bobPresence } = pair();
		let updates = 0;
		bobPresence.subscribe(() => updates++);
		updates = 0;
		for (let i = 0; i < 10; i++) alicePresence.setCursor({ x: i, y: i });
		expect(updates).toBe(1);
		vi.advanceTimersByTime(PRESENCE_THROTTLE_MS);
		expect(updates).toBe(2);
		expect(bobPresence.peers[0]!.cursor).toEqual({ x: 9, y: 9 });
	});

	it('sends the end of a drag at once and drops a pending preview', () => {
		vi.useFakeTimers();
		const { alicePresence, bobPresence } = pair();
		alicePresence.setDrag(new Map([['a', { x: 1, y: 1 }]]));
		alicePresence.setDrag(new Map([['a', { x: 2, y: 2 }]]));
		expect(bobPresence.peers[0]!.drag).toEqual(new Map([['a', { x: 1, y: 1 }]]));
		alicePresence.endDrag();
		expect(bobPresence.peers[0]!.drag).toBeNull();
		vi.advanceTimersByTime(PRESENCE_THROTTLE_MS * 2);
		expect(bobPresence.peers[0]!.drag).toBeNull();
	});

	it('ignores a state that arrives without a server-stamped user', () => {
		const bobAwareness = new awarenessProtocol.Awareness(new Y.Doc());
		const bobPresence = new Presence(bobAwareness);
		const rogue = new awarenessProtocol.Awareness(new Y.Doc());
		rogue.setLocalState({ cursor: { x: 1, y: 1 }, user: { name: 'Mallory' } });
		awarenessProtocol.applyAwarenessUpdate(bobAwareness, awarenessProtocol.encodeAwarenessUpdate(rogue, [rogue.clientID]), 'server');
		expect(bobAwareness.getStates().size).toBe(2);
		expect(bobPresence.peers).toEqual([]);
	});
});
