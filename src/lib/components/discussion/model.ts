// Pure helpers of the discussion panel: what it shows, keys for anchors, and filtering annotations by type, status and place.
import type { GapAnchor, GapView, GrowthSectorNoteView, TargetView, ThreadAnchor } from '$lib/map/discussion';

export type AnnotationKind = 'gap' | 'target' | 'growthSector';

/** A window event: the user's unread mentions may have changed (a thread was read). */
export const NOTIFICATIONS_CHANGED_EVENT = 'kartta:notifications-changed';

/** The panel shows the list, a form for one annotation (no id = new), or the threads about one thing. */
export type PanelView =
	| { kind: 'list' }
	| { kind: 'form'; annotation: AnnotationKind; id?: string; anchor?: GapAnchor }
	| { kind: 'threads'; anchor: ThreadAnchor; threadId?: string };

export function anchorKey(anchor: { kind: string; id: string }): string {
	return `${anchor.kind}:${anchor.id}`;
}

export type AnnotationItem =
	| { kind: 'gap'; id: string; createdAt: number; value: GapView }
	| { kind: 'target'; id: string; createdAt: number; value: TargetView }
	| { kind: 'growthSector'; id: string; createdAt: number; value: GrowthSectorNoteView };

export interface AnnotationFilter {
	kind: AnnotationKind | 'all';
	/** A gap or target status; '' = any. Notes have no status and drop out when one is chosen. */
	status: string;
	/** '' = anywhere, `actor:<id>` or `region:<id>`. */
	place: string;
}

export const NO_FILTER: AnnotationFilter = { kind: 'all', status: '', place: '' };

/** What the filter needs to know about the map: which actors a link joins and where actors are. */
export interface MapFacts {
	linkActors(id: string): readonly string[];
	regionOf(actorId: string): string | undefined;
}

export function annotationItems(gaps: readonly GapView[], targets: readonly TargetView[], notes: readonly GrowthSectorNoteView[]): AnnotationItem[] {
	const items: AnnotationItem[] = [
		...gaps.map((value) => ({ kind: 'gap' as const, id: value.id, createdAt: value.createdAt, value })),
		...targets.map((value) => ({ kind: 'target' as const, id: value.id, createdAt: value.createdAt, value })),
		...notes.map((value) => ({ kind: 'growthSector' as const, id: value.id, createdAt: value.createdAt, value }))
	];
	// Newest first; ids break ties so every replica lists the same order.
	return items.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The actors an annotation is about (a link counts as its two ends). */
export function actorsOf(item: AnnotationItem, facts: MapFacts): string[] {
	if (item.kind !== 'gap') return [...item.value.actors];
	const anchor = item.value.anchor;
	if (anchor?.kind === 'actor') return [anchor.id];
	if (anchor?.kind === 'link') return [...facts.linkActors(anchor.id)];
	return [];
}

function isAt(item: AnnotationItem, place: string, facts: MapFacts): boolean {
	if (place === '') return true;
	const separator = place.indexOf(':');
	const [kind, id] = [place.slice(0, separator), place.slice(separator + 1)];
	const actors = actorsOf(item, facts);
	if (kind === 'actor') return actors.includes(id);
	if (kind !== 'region') return false;
	if (item.kind === 'gap' && item.value.anchor?.kind === 'region') return item.value.anchor.id === id;
	return actors.some((actor) => facts.regionOf(actor) === id);
}

export function statusOf(item: AnnotationItem): string | null {
	return item.kind === 'growthSector' ? null : item.value.status;
}

export function filterAnnotations(items: readonly AnnotationItem[], filter: AnnotationFilter, facts: MapFacts): AnnotationItem[] {
	return items.filter(
		(item) =>
			(filter.kind === 'all' || item.kind === filter.kind) &&
			(filter.status === '' || statusOf(item) === filter.status) &&
			isAt(item, filter.place, facts)
	);
}
