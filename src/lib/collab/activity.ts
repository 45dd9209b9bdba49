// Turns collaborators' document changes into short activity reports ("Bob added actor X") for the screen-reader live region.
import type * as Y from 'yjs';
import type { MapChange, MapModel } from '$lib/map';
import { throttle, type Throttled } from './throttle';

export type ActivityKind =
	| 'actor_added'
	| 'actor_changed'
	| 'actor_moved'
	| 'actor_deleted'
	| 'link_added'
	| 'link_changed'
	| 'link_deleted'
	| 'region_added'
	| 'region_changed'
	| 'region_deleted';

export interface Activity {
	kind: ActivityKind;
	/** The collaborator's display name, or null when it cannot be told (e.g. they already left). */
	who: string | null;
	/** The element's name; for a link, its first actor's name. */
	name: string;
	/** Only for links: the second actor's name. */
	target?: string;
}

/**
 * Reports go out at most this often: the first change at once, later ones gathered into the next
 * report, so a busy map does not flood a screen reader.
 */
export const ACTIVITY_INTERVAL_MS = 2_000;

interface ActorMemo {
	name: string;
	posKey: string;
}
interface LinkMemo {
	source: string;
	target: string;
}

/** Finds who wrote a remote transaction: the clients whose clocks it advanced. */
function writersOf(transaction: Y.Transaction, self: number): number[] {
	const writers: number[] = [];
	transaction.afterState.forEach((clock, client) => {
		if (client !== self && clock > (transaction.beforeState.get(client) ?? 0)) writers.push(client);
	});
	return writers;
}

export interface ActivityOptions {
	/** Display name of the person behind an awareness client id, if they are here. */
	nameOf(clientID: number): string | null;
	/** Display names of everyone else here; a lone collaborator is credited with changes that carry no author (deletions). */
	othersHere(): string[];
	onReport(activities: Activity[]): void;
	intervalMs?: number;
}

export class ActivityFeed {
	readonly #model: MapModel;
	readonly #options: ActivityOptions;
	readonly #actors = new Map<string, ActorMemo>();
	readonly #links = new Map<string, LinkMemo>();
	readonly #regions = new Map<string, string>();
	#writers: number[] = [];
	#pending: Activity[] = [];
	readonly #report: Throttled<[]>;
	readonly #unobserve: () => void;

	constructor(model: MapModel, options: ActivityOptions) {
		this.#model = model;
		this.#options = options;
		this.#report = throttle(() => this.#flush(), options.intervalMs ?? ACTIVITY_INTERVAL_MS);
		for (const actor of model.actors()) this.#actors.set(actor.id, memoOf(actor));
		for (const link of model.links()) this.#links.set(link.id, { source: link.source, target: link.target });
		for (const region of model.regions()) this.#regions.set(region.id, region.name);
		// Registered before model.observe: lib0 calls listeners in order, so the writers are
		// known by the time the model reports the same transaction's changes.
		model.doc.on('afterTransaction', this.#onTransaction);
		this.#unobserve = model.observe((change) => this.#onChange(change));
	}

	destroy(): void {
		this.#model.doc.off('afterTransaction', this.#onTransaction);
		this.#unobserve();
		this.#report.cancel();
		this.#pending = [];
	}

	#onTransaction = (transaction: Y.Transaction) => {
		this.#writers = writersOf(transaction, this.#model.doc.clientID);
	};

	#who(): string | null {
		for (const client of this.#writers) {
			const name = this.#options.nameOf(client);
			if (name !== null) return name;
		}
		const others = this.#options.othersHere();
		return others.length === 1 ? others[0]! : null;
	}

	#onChange(change: MapChange): void {
		const activities = change.local ? [] : this.#describe(change);
		this.#remember(change);
		if (activities.length === 0) return;
		this.#pending.push(...activities);
		this.#report();
	}

	#flush(): void {
		const report = this.#pending;
		this.#pending = [];
		if (report.length > 0) this.#options.onReport(report);
	}

	#actorName(id: string): string {
		return this.#model.actor(id)?.name ?? this.#actors.get(id)?.name ?? '';
	}

	/** Reads the new state from the model and the old one from the memos, before they are updated. */
	#describe(change: MapChange): Activity[] {
		const who = this.#who();
		const activities: Activity[] = [];
		const deletedActors = new Set<string>();
		for (const id of change.actors) {
			const now = this.#model.actor(id);
			const before = this.#actors.get(id);
			if (now && !before) activities.push({ kind: 'actor_added', who, name: now.name });
			else if (!now && before) {
				deletedActors.add(id);
				activities.push({ kind: 'actor_deleted', who, name: before.name });
			} else if (now && before) {
				// "Moved" only when the position is all that changed; anything else is an edit.
				const onlyMoved = memoOf(now).posKey !== before.posKey && now.name === before.name;
				activities.push({ kind: onlyMoved ? 'actor_moved' : 'actor_changed', who, name: now.name });
			}
		}
		for (const id of change.links) {
			const now = this.#model.link(id);
			const before = this.#links.get(id);
			// An actor's links go with it: announcing each would bury the one change that matters.
			if (!now && before && (deletedActors.has(before.source) || deletedActors.has(before.target))) continue;
			const ends = now ?? before;
			if (!ends) continue;
			const names = { name: this.#actorName(ends.source), target: this.#actorName(ends.target) };
			if (now && !before) activities.push({ kind: 'link_added', who, ...names });
			else if (!now && before) activities.push({ kind: 'link_deleted', who, ...names });
			else activities.push({ kind: 'link_changed', who, ...names });
		}
		for (const id of change.regions) {
			const now = this.#model.region(id);
			const before = this.#regions.get(id);
			if (now && before === undefined) activities.push({ kind: 'region_added', who, name: now.name });
			else if (!now && before !== undefined) activities.push({ kind: 'region_deleted', who, name: before });
			else if (now) activities.push({ kind: 'region_changed', who, name: now.name });
		}
		return activities;
	}

	#remember(change: MapChange): void {
		for (const id of change.actors) {
			const actor = this.#model.actor(id);
			if (actor) this.#actors.set(id, memoOf(actor));
			else this.#actors.delete(id);
		}
		for (const id of change.links) {
			const link = this.#model.link(id);
			if (link) this.#links.set(id, { source: link.source, target: link.target });
			else this.#links.delete(id);
		}
		for (const id of change.regions) {
			const region = this.#model.region(id);
			if (region) this.#regions.set(id, region.name);
			else this.#regions.delete(id);
		}
	}
}

function memoOf(actor: { name: string; pos: { x: number; y: number } }): ActorMemo {
	return { name: actor.name, posKey: `${actor.pos.x},${actor.pos.y}` };
}
