// What a report covers: the whole map or one town's part of it, and which gaps, development targets and growth sectors belong there (pure).
import type { MapSnapshot } from '$lib/map';
import type { DiscussionSnapshot, GapAnchor, GapView, GrowthSectorNoteView, TargetView } from '$lib/map/discussion';
import type { TownColumn } from '$lib/analysis/types';
import type { Namer } from '$lib/components/discussion/labels';

/** The report's scope: null = the whole map, else a region id. */
export type ReportScope = string | null;

/** Actors of the scope, by id. */
export function scopeActors(snapshot: MapSnapshot, town: ReportScope): Set<string> {
	return new Set(snapshot.actors.filter((actor) => town === null || actor.region === town).map((actor) => actor.id));
}

function anchorInScope(anchor: GapAnchor | null, snapshot: MapSnapshot, town: ReportScope, actors: ReadonlySet<string>): boolean {
	if (town === null) return true;
	if (anchor === null) return false;
	switch (anchor.kind) {
		case 'actor':
			return actors.has(anchor.id);
		case 'link': {
			const link = snapshot.links.find((entry) => entry.id === anchor.id);
			return link !== undefined && (actors.has(link.source) || actors.has(link.target));
		}
		case 'region':
			return anchor.id === town;
		default:
			return false;
	}
}

/** Gaps of the scope that are still worth reporting (dismissed ones are not), open first, then by date. */
export function reportGaps(discussion: DiscussionSnapshot, snapshot: MapSnapshot, town: ReportScope): GapView[] {
	const actors = scopeActors(snapshot, town);
	const order = (gap: GapView) => (gap.status === 'open' ? 0 : 1);
	return discussion.gaps
		.filter((gap) => gap.status !== 'dismissed' && anchorInScope(gap.anchor, snapshot, town, actors))
		.sort((a, b) => order(a) - order(b) || a.createdAt - b.createdAt);
}

/** Targets about at least one actor of the scope; for the whole map, every target. */
export function reportTargets(discussion: DiscussionSnapshot, snapshot: MapSnapshot, town: ReportScope): TargetView[] {
	const actors = scopeActors(snapshot, town);
	return discussion.targets.filter((target) => town === null || target.actors.some((id) => actors.has(id))).sort((a, b) => a.createdAt - b.createdAt);
}

export interface GrowthSectorRow {
	id: string;
	name: string;
	/** Actors of the scope in the sector. */
	actors: number;
	/** Towns with at least one actor in it. */
	towns: string[];
	notes: GrowthSectorNoteView[];
}

/** The map's growth sectors: how many of the scope's actors work in each, in which towns, and what the discussion notes say. */
export function reportGrowthSectors(discussion: DiscussionSnapshot, snapshot: MapSnapshot, towns: readonly TownColumn[], town: ReportScope): GrowthSectorRow[] {
	const actors = snapshot.actors.filter((actor) => town === null || actor.region === town);
	return snapshot.sectors
		.filter((sector) => sector.growth)
		.map((sector) => ({
			id: sector.id,
			name: sector.name,
			actors: actors.filter((actor) => actor.sectors?.includes(sector.id)).length,
			towns: towns.filter((column) => column.growthSectors.some((entry) => entry.id === sector.id)).map((column) => column.name),
			notes: discussion.growthSectors.filter((note) => note.sectorId === sector.id)
		}));
}

/** Names of map elements for the discussion's anchor texts, read from the snapshot. */
export function snapshotNamer(snapshot: MapSnapshot, discussion: DiscussionSnapshot): Namer {
	const actors = new Map(snapshot.actors.map((actor) => [actor.id, actor.name]));
	return {
		actorName: (id) => actors.get(id),
		linkEnds: (id) => {
			const link = snapshot.links.find((entry) => entry.id === id);
			return link ? [actors.get(link.source) ?? '?', actors.get(link.target) ?? '?'] : undefined;
		},
		regionName: (id) => snapshot.regions.find((region) => region.id === id)?.name,
		gapTitle: (id) => discussion.gaps.find((gap) => gap.id === id)?.title,
		targetTitle: (id) => discussion.targets.find((target) => target.id === id)?.title,
		noteSector: (id) => {
			const note = discussion.growthSectors.find((entry) => entry.id === id);
			return note ? (snapshot.sectors.find((sector) => sector.id === note.sectorId)?.name ?? note.sectorId) : undefined;
		}
	};
}
