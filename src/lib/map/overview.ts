// A map's overview: every actor's position and kind and every link's ends and kind, in flat number
// arrays. The editor draws it while the live document is still arriving, so a large map is on screen
// in about a second instead of after the whole document is synced and laid out (docs/api.md).
import { ACTOR_KINDS, LINK_KINDS } from './schema';
import type { MapModel } from './model';

export const OVERVIEW_VERSION = 1;
/** Response header with the overview's actors + links, so a page can skip a small map's body unread. */
export const OVERVIEW_ELEMENTS_HEADER = 'x-kartta-elements';

export interface MapOverview {
	version: typeof OVERVIEW_VERSION;
	/** Actor centres in model coordinates: x0, y0, x1, y1, … */
	positions: number[];
	/** Each actor's kind as an index into ACTOR_KINDS; -1 for a kind this version does not know. */
	actorKinds: number[];
	/** Links as pairs of actor indexes: source0, target0, source1, …; links missing an end are left out. */
	links: number[];
	/** Each link's kind as an index into LINK_KINDS; -1 for an unknown kind. */
	linkKinds: number[];
}

/** Positions are rounded to a tenth of a model unit: finer than any screen shows, and a third shorter as JSON. */
function round(value: number): number {
	return Math.round(value * 10) / 10;
}

export function mapOverview(model: MapModel): MapOverview {
	const positions: number[] = [];
	const actorKinds: number[] = [];
	const index = new Map<string, number>();
	const actorKind = new Map<string, number>(ACTOR_KINDS.map((kind, i) => [kind, i]));
	const linkKind = new Map<string, number>(LINK_KINDS.map((kind, i) => [kind, i]));
	for (const actor of model.actorPlacements()) {
		index.set(actor.id, actorKinds.length);
		positions.push(round(actor.pos.x), round(actor.pos.y));
		actorKinds.push(actorKind.get(actor.kind) ?? -1);
	}
	const links: number[] = [];
	const linkKinds: number[] = [];
	for (const link of model.linkEnds()) {
		const source = index.get(link.source);
		const target = index.get(link.target);
		if (source === undefined || target === undefined) continue;
		links.push(source, target);
		linkKinds.push(linkKind.get(link.kind) ?? -1);
	}
	return { version: OVERVIEW_VERSION, positions, actorKinds, links, linkKinds };
}

function isNumberArray(value: unknown, valid: (n: number) => boolean): value is number[] {
	// A loop, not .every with a closure per call: an overview holds tens of thousands of numbers.
	if (!Array.isArray(value)) return false;
	for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'number' || !valid(value[i] as number)) return false;
	return true;
}

/**
 * Checks an overview that came over the network; null when it is not one this version can draw
 * (the editor then simply waits for the live document).
 */
export function parseMapOverview(data: unknown): MapOverview | null {
	if (typeof data !== 'object' || data === null) return null;
	const { version, positions, actorKinds, links, linkKinds } = data as Record<string, unknown>;
	if (version !== OVERVIEW_VERSION) return null;
	if (!isNumberArray(positions, Number.isFinite) || !isNumberArray(actorKinds, (k) => Number.isInteger(k) && k >= -1 && k < ACTOR_KINDS.length)) return null;
	if (positions.length !== actorKinds.length * 2) return null;
	const actors = actorKinds.length;
	if (!isNumberArray(links, (i) => Number.isInteger(i) && i >= 0 && i < actors)) return null;
	if (!isNumberArray(linkKinds, (k) => Number.isInteger(k) && k >= -1 && k < LINK_KINDS.length)) return null;
	if (links.length !== linkKinds.length * 2) return null;
	return { version, positions, actorKinds, links, linkKinds };
}
