// compareTowns: one column per town (actors by kind, links, density, knowledge ties, brokers, growth sectors) and the link heatmaps.
import { ACTOR_KINDS, isActorKind, type ActorKind, type ActorView, type MapSnapshot } from '../map';
import { countedLinks, type CountedLink } from './graph';
import { TOP_BROKERS, type Analysis, type LinkMatrix, type TownColumn, type TownComparison } from './types';

/** Kinds that count as knowledge partners of a company: the academia helix. */
export const KNOWLEDGE_KINDS: readonly ActorKind[] = ['rdi', 'education'];

/** An unknown stored kind (a newer client's) is counted as `other`. */
function kindOf(actor: ActorView): ActorKind {
	return isActorKind(actor.kind) ? actor.kind : 'other';
}

function emptyMatrix(keys: readonly { key: string; label: string }[]): LinkMatrix {
	return { rows: [...keys], columns: [...keys], counts: keys.map(() => keys.map(() => 0)) };
}

/** Adds a link to both cells of its pair (once on the diagonal): which pair cooperates, not in which direction. */
function countPair(matrix: LinkMatrix, index: ReadonlyMap<string, number>, a: string | undefined, b: string | undefined): void {
	const row = a === undefined ? undefined : index.get(a);
	const column = b === undefined ? undefined : index.get(b);
	if (row === undefined || column === undefined) return;
	matrix.counts[row]![column]! += 1;
	if (row !== column) matrix.counts[column]![row]! += 1;
}

function townColumn(
	region: { id: string; name: string },
	snapshot: MapSnapshot,
	links: readonly CountedLink[],
	actorsById: ReadonlyMap<string, ActorView>,
	analysis: Analysis
): TownColumn {
	const members = snapshot.actors.filter((actor) => actor.region === region.id);
	const actorsByKind = Object.fromEntries(ACTOR_KINDS.map((kind) => [kind, 0])) as Record<ActorKind, number>;
	for (const actor of members) actorsByKind[kindOf(actor)] += 1;

	let internalLinks = 0;
	let crossTownLinks = 0;
	const knowledgeLinked = new Set<string>();
	for (const link of links) {
		const source = actorsById.get(link.source)!;
		const target = actorsById.get(link.target)!;
		const inTown = [source, target].filter((actor) => actor.region === region.id);
		if (inTown.length === 2) internalLinks += 1;
		else if (inTown.length === 1) {
			const other = inTown[0] === source ? target : source;
			if (other.region !== undefined) crossTownLinks += 1;
		}
		for (const [end, other] of [[source, target], [target, source]] as const) {
			if (end.region === region.id && kindOf(end) === 'company' && KNOWLEDGE_KINDS.includes(kindOf(other))) knowledgeLinked.add(end.id);
		}
	}

	const companies = actorsByKind.company;
	const betweenness = new Map(analysis.actors.map((metrics) => [metrics.id, metrics.betweenness]));
	const topBrokers = members
		.map((actor) => ({ id: actor.id, name: actor.name, betweenness: betweenness.get(actor.id) ?? 0 }))
		.filter((broker) => broker.betweenness > 0)
		.sort((a, b) => b.betweenness - a.betweenness || (a.id < b.id ? -1 : 1))
		.slice(0, TOP_BROKERS);
	const sectorsHere = new Set(members.flatMap((actor) => actor.sectors ?? []));
	const growthSectors = snapshot.sectors
		.filter((sector) => sector.growth && sectorsHere.has(sector.id))
		.map((sector) => ({ id: sector.id, name: sector.name }));
	return {
		regionId: region.id,
		name: region.name,
		actorsByKind,
		internalLinks,
		crossTownLinks,
		density: analysis.towns.find((town) => town.regionId === region.id)?.network.density ?? 0,
		companiesLinkedToKnowledge: companies === 0 ? 0 : knowledgeLinked.size / companies,
		companies,
		topBrokers,
		growthSectors
	};
}

/**
 * Counts the links the analysis counted (its `options.statuses`). Towns come in the analysis's
 * order (by name); matrix keys are region ids and actor kinds (the UI translates kinds).
 */
export function compareTowns(snapshot: MapSnapshot, analysis: Analysis): TownComparison {
	const actorsById = new Map(snapshot.actors.map((actor) => [actor.id, actor]));
	const links = countedLinks(snapshot.links, new Set(actorsById.keys()), analysis.options.statuses);
	const regionsById = new Map(snapshot.regions.map((region) => [region.id, region]));
	const regions = analysis.towns
		.filter((town) => regionsById.has(town.regionId))
		.map((town) => ({ id: town.regionId, name: regionsById.get(town.regionId)!.name }));

	const townMatrix = emptyMatrix(regions.map((region) => ({ key: region.id, label: region.name })));
	const townIndex = new Map(regions.map((region, index) => [region.id, index]));
	const kindMatrix = emptyMatrix(ACTOR_KINDS.map((kind) => ({ key: kind, label: kind })));
	const kindIndex = new Map(ACTOR_KINDS.map((kind, index) => [kind as string, index]));
	for (const link of links) {
		const source = actorsById.get(link.source)!;
		const target = actorsById.get(link.target)!;
		countPair(townMatrix, townIndex, source.region, target.region);
		countPair(kindMatrix, kindIndex, kindOf(source), kindOf(target));
	}
	return {
		towns: regions.map((region) => townColumn(region, snapshot, links, actorsById, analysis)),
		townMatrix,
		kindMatrix
	};
}
