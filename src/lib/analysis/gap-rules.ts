// The gap finder's rules: each turns a map snapshot into suggestions of one kind, with the values its reason text needs.
import type { ActorRole, ActorView, LinkView, MapSnapshot } from '../map';
import { articulationPoints } from './articulation';
import { actorsByRegion, buildGraphs, countedLinks, type CountedLink } from './graph';
import { KNOWLEDGE_KINDS } from './compare';
import type { Analysis, GapSuggestion } from './types';

/** Rules look at cooperation that exists now, whatever the analysis counted. */
const EXISTING = ['existing'] as const;
/** An articulation point only matters in a component of at least this many actors. */
export const MIN_COMPONENT_FOR_SINGLE_POINT = 3;
/** Average month length, for the age of a stale link in whole months. */
export const MONTH_MS = (365.25 / 12) * 24 * 60 * 60 * 1000;
/** Separates a list of names in a reason text's parameter. */
const NAME_SEPARATOR = ', ';

/** What every rule reads, prepared once. */
export interface RuleContext {
	snapshot: MapSnapshot;
	analysis: Analysis;
	actorsById: Map<string, ActorView>;
	regionNames: Map<string, string>;
	growthSectors: Map<string, string>;
	/** Existing links between present actors. */
	existing: CountedLink[];
	/** Each actor's partners over existing links, either direction. */
	partners: Map<string, ActorView[]>;
	/** Actors of each known region. */
	towns: Map<string, ActorView[]>;
}

function partnersOf(links: readonly CountedLink[], actorsById: ReadonlyMap<string, ActorView>): Map<string, ActorView[]> {
	const result = new Map<string, ActorView[]>();
	const add = (from: string, to: string) => {
		const list = result.get(from) ?? [];
		list.push(actorsById.get(to)!);
		result.set(from, list);
	};
	for (const link of links) {
		add(link.source, link.target);
		add(link.target, link.source);
	}
	return result;
}

export function ruleContext(snapshot: MapSnapshot, analysis: Analysis): RuleContext {
	const actorsById = new Map(snapshot.actors.map((actor) => [actor.id, actor]));
	const regionNames = new Map(snapshot.regions.map((region) => [region.id, region.name]));
	const towns = actorsByRegion(snapshot);
	for (const regionId of towns.keys()) if (!regionNames.has(regionId)) towns.delete(regionId);
	const existing = countedLinks(snapshot.links, new Set(actorsById.keys()), EXISTING);
	return {
		snapshot,
		analysis,
		actorsById,
		regionNames,
		growthSectors: new Map(snapshot.sectors.filter((sector) => sector.growth).map((sector) => [sector.id, sector.name])),
		existing,
		partners: partnersOf(existing, actorsById),
		towns
	};
}

function townName(context: RuleContext, actor: ActorView): string {
	return (actor.region !== undefined && context.regionNames.get(actor.region)) || '';
}


/** (1) A company in a growth sector with no existing link to an rdi or education actor. */
export function growthCompaniesWithoutKnowledgeLink(context: RuleContext): GapSuggestion[] {
	const suggestions: GapSuggestion[] = [];
	for (const actor of context.snapshot.actors) {
		if (actor.kind !== 'company') continue;
		const sectors = (actor.sectors ?? []).filter((id) => context.growthSectors.has(id));
		if (sectors.length === 0) continue;
		if ((context.partners.get(actor.id) ?? []).some((other) => (KNOWLEDGE_KINDS as readonly string[]).includes(other.kind))) continue;
		suggestions.push({
			key: `growth_company_without_knowledge_link:${actor.id}`,
			rule: 'growth_company_without_knowledge_link',
			anchor: { kind: 'actor', id: actor.id },
			params: { actor: actor.name, sector: sectors.map((id) => context.growthSectors.get(id)!).join(NAME_SEPARATOR), town: townName(context, actor) }
		});
	}
	return suggestions;
}

/** (2) A town with actors in a growth sector, none of whom has an existing link to another town. */
export function townsWithoutCrossTownLinkInSector(context: RuleContext): GapSuggestion[] {
	const suggestions: GapSuggestion[] = [];
	for (const [regionId, members] of context.towns) {
		for (const [sectorId, sectorName] of context.growthSectors) {
			const inSector = members.filter((actor) => actor.sectors?.includes(sectorId));
			if (inSector.length === 0) continue;
			const reachesOut = inSector.some((actor) =>
				(context.partners.get(actor.id) ?? []).some((other) => other.region !== undefined && other.region !== regionId)
			);
			if (reachesOut) continue;
			suggestions.push({
				key: `town_without_cross_town_link_in_sector:${regionId}:${sectorId}`,
				rule: 'town_without_cross_town_link_in_sector',
				anchor: { kind: 'region', id: regionId },
				params: { town: context.regionNames.get(regionId)!, sector: sectorName, actors: inSector.length }
			});
		}
	}
	return suggestions;
}

/** (3) Actors whose removal splits their part of the existing-link network; the most brokering first. */
export function singlePointsOfFailure(context: RuleContext): GapSuggestion[] {
	const graphs = buildGraphs(context.snapshot.actors, context.snapshot.links, [...EXISTING]);
	const betweenness = new Map(context.analysis.actors.map((metrics) => [metrics.id, metrics.betweenness]));
	return articulationPoints(graphs.undirected)
		.filter((point) => point.componentSize >= MIN_COMPONENT_FOR_SINGLE_POINT)
		.sort((a, b) => (betweenness.get(b.id) ?? 0) - (betweenness.get(a.id) ?? 0) || b.cutOff - a.cutOff)
		.map((point) => {
			const actor = context.actorsById.get(point.id)!;
			return {
				key: `single_point_of_failure:${point.id}`,
				rule: 'single_point_of_failure' as const,
				anchor: { kind: 'actor' as const, id: point.id },
				params: { actor: actor.name, town: townName(context, actor), parts: point.parts, cutOff: point.cutOff }
			};
		});
}

/** (4) A town with actors where no actor plays an expected role. */
export function missingRolesInTowns(context: RuleContext, expectedRoles: readonly ActorRole[]): GapSuggestion[] {
	const suggestions: GapSuggestion[] = [];
	for (const [regionId, members] of context.towns) {
		const present = new Set(members.flatMap((actor) => actor.roles ?? []));
		for (const role of expectedRoles) {
			if (present.has(role)) continue;
			suggestions.push({
				key: `missing_role_in_town:${regionId}:${role}`,
				rule: 'missing_role_in_town',
				anchor: { kind: 'region', id: regionId },
				params: { town: context.regionNames.get(regionId)!, role, actors: members.length }
			});
		}
	}
	return suggestions;
}

/**
 * When a planned link was planned: its `createdAt`, or for links written before links had one,
 * the start of its `years.from` (counted stale only when that year is before last year).
 */
function plannedSince(link: LinkView, now: number, staleAfterMs: number): number | undefined {
	if (typeof link.createdAt === 'number') return now - link.createdAt > staleAfterMs ? link.createdAt : undefined;
	const from = link.years?.from;
	if (from === undefined) return undefined;
	return from < new Date(now).getUTCFullYear() - 1 ? Date.UTC(from, 0, 1) : undefined;
}

/** (5) A planned link older than `staleAfterMs` that still does not exist. */
export function stalePlannedLinks(context: RuleContext, now: number, staleAfterMs: number): GapSuggestion[] {
	const suggestions: GapSuggestion[] = [];
	for (const link of context.snapshot.links) {
		if (link.status !== 'planned' || link.dangling) continue;
		const source = context.actorsById.get(link.source);
		const target = context.actorsById.get(link.target);
		if (!source || !target) continue;
		const since = plannedSince(link, now, staleAfterMs);
		if (since === undefined) continue;
		suggestions.push({
			key: `stale_planned_link:${link.id}`,
			rule: 'stale_planned_link',
			anchor: { kind: 'link', id: link.id },
			params: { source: source.name, target: target.name, months: Math.floor((now - since) / MONTH_MS) }
		});
	}
	return suggestions;
}
