// The analysis API's shapes: options, per-actor, network, town and community results, town comparison and gap suggestions.
import type { ActorKind, ActorRole, LinkStatus } from '../map';

/** Links counted when the caller does not say: planned and gap links are not (yet) cooperation. */
export const DEFAULT_COUNTED_STATUSES: readonly LinkStatus[] = ['existing'];
/** Louvain's resolution: 1 is classic modularity; higher gives more, smaller communities. */
export const DEFAULT_RESOLUTION = 1;
export const DEFAULT_SEED = 1;

export interface AnalysisOptions {
	/** Links counted; default ['existing']. */
	statuses?: LinkStatus[];
	/** Louvain resolution, default 1. */
	resolution?: number;
	/** Seed of Louvain's random walk; the same seed gives the same partition. Default 1. */
	seed?: number;
}

export interface ActorMetrics {
	id: string;
	/** Distinct neighbours in the undirected simple graph. */
	degree: number;
	/** Distinct actors with an arc to this one (undirected and mutual links count both ways). */
	inDegree: number;
	outDegree: number;
	/** Sum of the strengths of the counted links at this actor (strength missing = 1). */
	weightedDegree: number;
	/** Normalised 0..1: divided by (n-1)(n-2)/2, the number of pairs it could lie between. */
	betweenness: number;
	/** Wasserman–Faust closeness on the undirected graph: 0 for an isolated actor. */
	closeness: number;
	/** Unit-length (Euclidean) normalised, as NetworkX reports it. */
	eigenvector: number;
	/** Damping 0.85 on the directed graph; all values add up to 1. */
	pagerank: number;
	/** 0-based Louvain community, largest community first. */
	community: number;
}

export interface NetworkMetrics {
	actors: number;
	/** Counted links (each link record once, parallel links included). */
	links: number;
	/** Of the undirected simple graph: 2E / (N(N-1)); 0 with fewer than two actors. */
	density: number;
	components: number;
	/** 2E / N on the undirected simple graph; 0 with no actors. */
	averageDegree: number;
	/** Mean shortest-path length over connected pairs; null when no pair is connected. */
	averagePathLength: number | null;
	/** Longest shortest path over connected pairs; null when no pair is connected. */
	diameter: number | null;
	/** Share of directed arcs whose reverse exists; null when there are no directed links. */
	reciprocity: number | null;
}

export interface TownMetrics {
	regionId: string;
	name: string;
	network: NetworkMetrics;
}

export interface CommunitySummary {
	index: number;
	size: number;
	/** Actor ids, sorted. */
	members: string[];
}

export interface Analysis {
	actors: ActorMetrics[];
	network: NetworkMetrics;
	towns: TownMetrics[];
	communities: CommunitySummary[];
	modularity: number;
	options: Required<AnalysisOptions>;
}

export const ACTOR_METRICS = [
	'degree',
	'inDegree',
	'outDegree',
	'weightedDegree',
	'betweenness',
	'closeness',
	'eigenvector',
	'pagerank',
	'community'
] as const;
export type ActorMetricName = (typeof ACTOR_METRICS)[number];

/** How many brokers a town column lists. */
export const TOP_BROKERS = 3;

export interface TownColumn {
	regionId: string;
	name: string;
	actorsByKind: Record<ActorKind, number>;
	/** Counted links with both ends in the town. */
	internalLinks: number;
	/** Counted links from the town to an actor of another town (actors without a town are no town). */
	crossTownLinks: number;
	density: number;
	/** Share 0..1 of the town's companies with a counted link to an rdi or education actor; 0 without companies. */
	companiesLinkedToKnowledge: number;
	companies: number;
	/** Up to TOP_BROKERS of the town's actors with the highest (whole-network) betweenness above 0. */
	topBrokers: { id: string; name: string; betweenness: number }[];
	/** Growth sectors with at least one actor in the town. */
	growthSectors: { id: string; name: string }[];
}

export interface LinkMatrix {
	rows: { key: string; label: string }[];
	columns: { key: string; label: string }[];
	/** counts[row][col]; symmetric, a link counted once in each of its two cells (once on the diagonal). */
	counts: number[][];
}

export interface TownComparison {
	towns: TownColumn[];
	townMatrix: LinkMatrix;
	kindMatrix: LinkMatrix;
}

export const GAP_RULES = [
	'growth_company_without_knowledge_link',
	'town_without_cross_town_link_in_sector',
	'single_point_of_failure',
	'missing_role_in_town',
	'stale_planned_link'
] as const;
export type GapRule = (typeof GAP_RULES)[number];

export interface GapSuggestion {
	/** Stable across runs: `${rule}:${subject ids}`; stored on the gap a consultant accepts or dismisses. */
	key: string;
	rule: GapRule;
	anchor: { kind: 'actor' | 'link' | 'region'; id: string };
	/** Values for the reason text (names, counts); see docs/analysis.md per rule. */
	params: Record<string, string | number>;
}

/** Roles a town is expected to have when the caller does not say. */
export const DEFAULT_EXPECTED_ROLES: readonly ActorRole[] = ['orchestrator'];
/** A planned link older than this is stale. */
export const DEFAULT_STALE_AFTER_MS = 365 * 24 * 60 * 60 * 1000;

export interface GapFinderOptions {
	/** Milliseconds since 1970 UTC: the rules never read the clock themselves. */
	now: number;
	/** Default ['orchestrator']. */
	expectedRoles?: ActorRole[];
	/** Default one year. */
	staleAfterMs?: number;
}
