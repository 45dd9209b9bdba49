// Test helpers for the discussion document: replicas with deterministic ids and a controllable clock.
import * as Y from 'yjs';
import { DiscussionModel, type DiscussionModelOptions } from '$lib/map/discussion';

export function discussionReplica(name = 'd', options: DiscussionModelOptions = {}) {
	let counter = 0;
	const clock = { now: 1_000 };
	const doc = new Y.Doc();
	const model = new DiscussionModel(doc, undefined, {
		newId: () => `${name}${counter++}`,
		now: () => clock.now,
		...options
	});
	/** Moves this replica's clock forward, so comments get distinct, ordered times. */
	const tick = (ms = 1_000) => (clock.now += ms);
	return { doc, model, clock, tick };
}
