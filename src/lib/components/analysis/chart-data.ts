// The report's charts as numbers: actors by kind per town, how many actors have how many links, and the top brokers (pure).
import { ACTOR_KINDS, type ActorKind } from '$lib/map';
import { actorLook } from '$lib/editor/style';
import type { Analysis, TownColumn } from '$lib/analysis/types';

export interface BarSeries {
	label: string;
	values: number[];
	colour: string;
}

export interface BarData {
	labels: string[];
	series: BarSeries[];
}

/** One stack per town, one series per kind that occurs, in the kinds' own colours (as on the map). */
export function actorsByKindPerTown(towns: readonly TownColumn[], kindName: (kind: ActorKind) => string): BarData {
	const kinds = ACTOR_KINDS.filter((kind) => towns.some((town) => town.actorsByKind[kind] > 0));
	return {
		labels: towns.map((town) => town.name),
		series: kinds.map((kind) => ({ label: kindName(kind), colour: actorLook(kind).colour, values: towns.map((town) => town.actorsByKind[kind]) }))
	};
}

/** Actors per degree, from 0 to the largest degree with no gaps in the axis (a missing degree is a bar of 0). */
export function degreeDistribution(analysis: Pick<Analysis, 'actors'>, actorIds: ReadonlySet<string> | null, seriesLabel: string, colour: string): BarData {
	const degrees = analysis.actors.filter((actor) => actorIds === null || actorIds.has(actor.id)).map((actor) => actor.degree);
	const max = degrees.length > 0 ? Math.max(...degrees) : 0;
	const counts = Array.from({ length: max + 1 }, () => 0);
	for (const degree of degrees) counts[degree]! += 1;
	return { labels: counts.map((_, degree) => String(degree)), series: [{ label: seriesLabel, colour, values: counts }] };
}

/** The actors with the highest betweenness (above 0), most brokering first. */
export function topBrokers(analysis: Pick<Analysis, 'actors'>, actorIds: ReadonlySet<string> | null, nameOf: (id: string) => string, count: number, seriesLabel: string, colour: string): BarData {
	const top = analysis.actors
		.filter((actor) => (actorIds === null || actorIds.has(actor.id)) && actor.betweenness > 0)
		.sort((a, b) => b.betweenness - a.betweenness || (a.id < b.id ? -1 : 1))
		.slice(0, count);
	return { labels: top.map((actor) => nameOf(actor.id)), series: [{ label: seriesLabel, colour, values: top.map((actor) => actor.betweenness) }] };
}
