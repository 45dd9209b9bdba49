// analyseMap: every per-actor, whole-network, per-town and community measure of a map snapshot, as plain data.
import type { MapSnapshot } from '../map';
import { LIBRARY_CENTRALITY_MAX_ACTORS, centralityMetrics } from './centrality';
import { detectCommunities } from './communities';
import { actorsByRegion, buildGraphs } from './graph';
import { networkMetrics } from './network';
import { shortestPathMeasures } from './paths';
import {
	DEFAULT_COUNTED_STATUSES,
	DEFAULT_RESOLUTION,
	DEFAULT_SEED,
	type Analysis,
	type AnalysisOptions,
	type TownMetrics
} from './types';

/** Fills in defaults; a resolution that is not a positive number, or a seed that is not a whole number, falls back to the default too. */
export function resolveOptions(options: AnalysisOptions = {}): Required<AnalysisOptions> {
	const { resolution, seed } = options;
	return {
		statuses: [...(options.statuses ?? DEFAULT_COUNTED_STATUSES)],
		resolution: typeof resolution === 'number' && Number.isFinite(resolution) && resolution > 0 ? resolution : DEFAULT_RESOLUTION,
		seed: Number.isSafeInteger(seed) ? (seed as number) : DEFAULT_SEED
	};
}

/** Each town is the subgraph induced by its actors: only links with both ends in the town. */
function townMetrics(snapshot: MapSnapshot, statuses: Required<AnalysisOptions>['statuses']): TownMetrics[] {
	const groups = actorsByRegion(snapshot);
	return snapshot.regions
		.map((region) => ({
			regionId: region.id,
			name: region.name,
			network: networkMetrics(buildGraphs(groups.get(region.id) ?? [], snapshot.links, statuses))
		}))
		.sort((a, b) => a.name.localeCompare(b.name, 'fi') || (a.regionId < b.regionId ? -1 : 1));
}

/** Pure and synchronous; for large maps run it through `createAnalysisRunner` (a Web Worker). */
export function analyseMap(snapshot: MapSnapshot, options?: AnalysisOptions): Analysis {
	const resolved = resolveOptions(options);
	const graphs = buildGraphs(snapshot.actors, snapshot.links, resolved.statuses);
	const { membership, communities, modularity } = detectCommunities(graphs, resolved.resolution, resolved.seed);
	// One search of all shortest paths serves the path figures and, on a large map, the centralities.
	const large = graphs.actorIds.length > LIBRARY_CENTRALITY_MAX_ACTORS;
	const paths = shortestPathMeasures(graphs.undirected, large);
	const actors = centralityMetrics(graphs, large ? paths : undefined).map((metrics) => ({
		...metrics,
		community: membership.get(metrics.id) ?? 0
	}));
	return {
		actors,
		network: networkMetrics(graphs, paths),
		towns: townMetrics(snapshot, resolved.statuses),
		communities,
		modularity,
		options: resolved
	};
}
