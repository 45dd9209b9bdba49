// Reading other clients' presence: only states with a server-stamped user count, and a bad field hides only itself.
import { describe, it, expect } from 'vitest';
import { initialsOf, parsePeerState, peopleOf, MAX_PEER_SELECTION } from '$lib/collab/awareness-state';

const user = { id: 'u1', name: 'Bob Builder', username: 'bob', color: '#1565c0', role: 'editor' };

describe('parsePeerState', () => {
	it('reads a complete state', () => {
		const peer = parsePeerState(7, { user, cursor: { x: 1, y: 2 }, selection: ['a', 'b'], drag: { a: { x: 3, y: 4 } } });
		expect(peer).toEqual({
			clientID: 7,
			user,
			cursor: { x: 1, y: 2 },
			selection: ['a', 'b'],
			drag: new Map([['a', { x: 3, y: 4 }]])
		});
	});

	it('ignores a state without a valid user (nobody to attribute it to)', () => {
		expect(parsePeerState(1, { cursor: { x: 1, y: 2 } })).toBeNull();
		expect(parsePeerState(1, { user: { ...user, color: 'red; background: url(x)' } })).toBeNull();
		expect(parsePeerState(1, { user: { ...user, id: 42 } })).toBeNull();
		expect(parsePeerState(1, null)).toBeNull();
		expect(parsePeerState(1, 'hello')).toBeNull();
		expect(parsePeerState(1, [user])).toBeNull();
	});

	it('falls back to the username when the display name is blank', () => {
		expect(parsePeerState(1, { user: { ...user, name: '  ' } })?.user.name).toBe('bob');
	});

	it('treats malformed cursor, selection and drag as absent', () => {
		const peer = parsePeerState(1, {
			user,
			cursor: { x: 'left', y: 2 },
			selection: ['a', 5],
			drag: { a: { x: Infinity, y: 0 } }
		});
		expect(peer).toMatchObject({ cursor: null, selection: [], drag: null });
	});

	it('refuses coordinates beyond the map bounds and oversized selections', () => {
		const peer = parsePeerState(1, {
			user,
			cursor: { x: 1e12, y: 0 },
			selection: Array.from({ length: MAX_PEER_SELECTION + 1 }, (_, i) => `id${i}`)
		});
		expect(peer).toMatchObject({ cursor: null, selection: [] });
	});

	it('treats an empty drag object as not dragging', () => {
		expect(parsePeerState(1, { user, drag: {} })?.drag).toBeNull();
	});
});

describe('peopleOf', () => {
	it('lists a person with several tabs once', () => {
		const alice = { ...user, id: 'u2', name: 'Alice', username: 'alice' };
		const peers = [
			{ clientID: 1, user, cursor: null, selection: [], drag: null },
			{ clientID: 2, user: alice, cursor: null, selection: [], drag: null },
			{ clientID: 3, user, cursor: null, selection: [], drag: null }
		];
		expect(peopleOf(peers)).toEqual([
			{ user, clientIDs: [1, 3] },
			{ user: alice, clientIDs: [2] }
		]);
	});
});

describe('initialsOf', () => {
	it('takes the first letters of the first and last word', () => {
		expect(initialsOf('Bob Builder')).toBe('BB');
		expect(initialsOf('åsa maria öberg')).toBe('ÅÖ');
		expect(initialsOf('bob')).toBe('B');
		expect(initialsOf('   ')).toBe('?');
	});
});
