// What a small read-only map draws: the chosen actors and the links between them, styled once for all maps shown together so they look alike (pure).
import type { MapSnapshot } from '$lib/map';
import { applyStyle, type ActorMetricValues, type StyledMap } from '$lib/editor/view/style-mapping';
import { defaultStyle, type ViewStyle } from '$lib/editor/view/view-state';
import { styleNames } from '$lib/components/view/view-labels';

export interface MiniMapPart {
	actorIds: ReadonlySet<string>;
	/** Links with both ends among the actors (dangling ones left out). */
	linkIds: ReadonlySet<string>;
}

/** The actors of a town (or all, for null) and the links among them. */
export function mapPart(snapshot: MapSnapshot, regionId: string | null): MiniMapPart {
	const actorIds = new Set(snapshot.actors.filter((actor) => regionId === null || actor.region === regionId).map((actor) => actor.id));
	const linkIds = new Set(snapshot.links.filter((link) => !link.dangling && actorIds.has(link.source) && actorIds.has(link.target)).map((link) => link.id));
	return { actorIds, linkIds };
}

/**
 * One style pass over everything the maps show together: a size or colour scale computed per map
 * would make the same value look different side by side.
 */
export function styleParts(snapshot: MapSnapshot, parts: readonly MiniMapPart[], style: Partial<ViewStyle>, metrics?: ActorMetricValues): StyledMap {
	const actorIds = new Set(parts.flatMap((part) => [...part.actorIds]));
	const linkIds = new Set(parts.flatMap((part) => [...part.linkIds]));
	return applyStyle(
		{
			actors: snapshot.actors.filter((actor) => actorIds.has(actor.id)),
			links: snapshot.links.filter((link) => linkIds.has(link.id)),
			regions: snapshot.regions,
			sectors: snapshot.sectors,
			fields: snapshot.fields,
			metrics
		},
		{ ...defaultStyle(), ...style },
		styleNames
	);
}
