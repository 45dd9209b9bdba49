// Collaborators' changes as spoken reports: who did what, one sentence per meaningful change, never our own edits.
import { describe, it, expect, vi, afterEach } from 'vitest';
import * as Y from 'yjs';
import { ActivityFeed, ACTIVITY_INTERVAL_MS, type Activity } from '$lib/collab/activity';
import { replica, REMOTE } from '../map/helpers';

afterEach(() => vi.useRealTimers());

/**
 * Bob watches; Alice's edits reach him as remote updates, like through the sync server.
 * `aliceIsHere`: Bob's presence knows Alice's client id (she has not left).
 */
function setup(aliceIsHere: boolean, othersHere: string[] = []) {
	const alice = replica();
	const bob = replica();
	alice.doc.on('update', (update: Uint8Array) => Y.applyUpdate(bob.doc, update, REMOTE));
	const reports: Activity[][] = [];
	const feed = new ActivityFeed(bob.model, {
		nameOf: (clientID) => (aliceIsHere && clientID === alice.doc.clientID ? 'Alice' : null),
		othersHere: () => othersHere,
		onReport: (activities) => reports.push(activities)
	});
	return { alice, bob, reports, feed };
}

describe('ActivityFeed', () => {
	it('reports the first remote change at once, naming its author', () => {
		vi.useFakeTimers();
		const { alice, bob, reports } = setup(true, ['Alice', 'Carol']);
		alice.model.addActor({ name: 'Puu Oy', kind: 'company' });
		expect(reports).toEqual([[{ kind: 'actor_added', who: 'Alice', name: 'Puu Oy' }]]);
		expect(bob.model.actors()).toHaveLength(1);
	});

	it('gathers changes within the interval into one report', () => {
		vi.useFakeTimers();
		const { alice, reports } = setup(true);
		const a = alice.model.addActor({ name: 'A', kind: 'company', pos: { x: 0, y: 0 } });
		const b = alice.model.addActor({ name: 'B', kind: 'rdi' });
		alice.model.moveActor(a, { x: 10, y: 0 });
		alice.model.addLink({ source: a, target: b, kind: 'funding' });
		expect(reports).toHaveLength(1);
		vi.advanceTimersByTime(ACTIVITY_INTERVAL_MS);
		expect(reports).toHaveLength(2);
		expect(reports[1]!.map((activity) => activity.kind)).toEqual(['actor_added', 'actor_moved', 'link_added']);
		expect(reports[1]![2]).toMatchObject({ name: 'A', target: 'B' });
	});

	it("reports a deleted actor once, not each of its links, with the lone collaborator as author", () => {
		vi.useFakeTimers();
		const { alice, reports } = setup(false, ['Alice']);
		const a = alice.model.addActor({ name: 'A', kind: 'company' });
		const b = alice.model.addActor({ name: 'B', kind: 'rdi' });
		alice.model.addLink({ source: a, target: b, kind: 'funding' });
		vi.advanceTimersByTime(ACTIVITY_INTERVAL_MS * 2);
		reports.length = 0;
		alice.model.deleteActor(a);
		vi.advanceTimersByTime(ACTIVITY_INTERVAL_MS);
		expect(reports.flat()).toEqual([{ kind: 'actor_deleted', who: 'Alice', name: 'A' }]);
	});

	it('says nothing about our own edits', () => {
		vi.useFakeTimers();
		const { bob, reports } = setup(true);
		bob.model.addActor({ name: 'Mine', kind: 'company' });
		vi.advanceTimersByTime(ACTIVITY_INTERVAL_MS * 2);
		expect(reports).toEqual([]);
	});

	it('leaves the author unknown when it cannot be told', () => {
		vi.useFakeTimers();
		const { alice, reports } = setup(false, ['Alice', 'Carol']);
		alice.model.addRegion({ name: 'Iisalmi' });
		expect(reports.flat()).toEqual([{ kind: 'region_added', who: null, name: 'Iisalmi' }]);
	});

	it('stops reporting once destroyed', () => {
		vi.useFakeTimers();
		const { alice, reports, feed } = setup(true);
		feed.destroy();
		alice.model.addActor({ name: 'A', kind: 'company' });
		vi.advanceTimersByTime(ACTIVITY_INTERVAL_MS * 2);
		expect(reports).toEqual([]);
	});
});
