// Per-actor measures from graphology-metrics: degrees, betweenness, closeness, eigenvector centrality and PageRank.
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import closenessCentrality from 'graphology-metrics/centrality/closeness.js';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { AnalysisGraphs } from './graph';
import type { ShortestPathMeasures } from './paths';
import type { ActorMetrics } from './types';

/** PageRank's damping factor, the usual 0.85 (NetworkX's and graphology's default too). */
export const PAGERANK_ALPHA = 0.85;
/** Power iterations allowed before giving up (graphology's default is 100; sparse maps converge slower). */
export const MAX_POWER_ITERATIONS = 1000;
/** Convergence tolerance per actor, as NetworkX and graphology use. */
export const POWER_TOLERANCE = 1e-6;
/**
 * Up to this many actors betweenness and closeness come from graphology-metrics; above it from
 * our typed-array pass (paths.ts), which gives the same values (a test checks) but does not
 * allocate per actor per source: the library took about 4 minutes at 10,000 actors.
 */
export const LIBRARY_CENTRALITY_MAX_ACTORS = 1000;

/** Every metric of an actor except its community, which Louvain adds. */
export type CentralityMetrics = Omit<ActorMetrics, 'community'>;

/**
 * Eigenvector centrality of the undirected graph, iterating with A + I as NetworkX does: a self-loop
 * of weight 1 on every actor. Plain power iteration on A oscillates forever on bipartite graphs
 * (stars, trees: common in maps), and graphology-metrics then throws; the shift keeps the
 * eigenvectors and makes it converge. Returns zeros if it still does not converge.
 */
function eigenvector(graphs: AnalysisGraphs): Record<string, number> {
	const shifted = graphs.undirected.copy({ allowSelfLoops: true });
	shifted.forEachNode((node) => shifted.addEdge(node, node, { weight: 1 }));
	try {
		return eigenvectorCentrality(shifted, { getEdgeWeight: null, maxIterations: MAX_POWER_ITERATIONS, tolerance: POWER_TOLERANCE });
	} catch {
		return Object.fromEntries(graphs.actorIds.map((id) => [id, 0]));
	}
}

/** Values by actor id from arrays in the graph's node order. */
function byNode(graphs: AnalysisGraphs, values: Float64Array): Record<string, number> {
	const result: Record<string, number> = {};
	let index = 0;
	graphs.undirected.forEachNode((node) => {
		result[node] = values[index++]!;
	});
	return result;
}

/** `large` carries betweenness and closeness already computed for a map above LIBRARY_CENTRALITY_MAX_ACTORS. */
export function centralityMetrics(graphs: AnalysisGraphs, large?: ShortestPathMeasures): CentralityMetrics[] {
	if (graphs.actorIds.length === 0) return [];
	const { undirected, directed } = graphs;
	// Unweighted on purpose: strength says how close a tie is, not how long a path through it is.
	const betweenness = large ? byNode(graphs, large.betweenness) : betweennessCentrality(undirected, { getEdgeWeight: null, normalized: true });
	// Wasserman–Faust: reachable share times the inverse mean distance, so a small isolated group
	// does not score as central as the hub of the main network.
	const closeness = large ? byNode(graphs, large.closeness) : closenessCentrality(undirected, { wassermanFaust: true });
	const eigen = eigenvector(graphs);
	const rank = pagerank(directed, {
		getEdgeWeight: null,
		alpha: PAGERANK_ALPHA,
		maxIterations: MAX_POWER_ITERATIONS,
		tolerance: POWER_TOLERANCE
	});
	return graphs.actorIds.map((id) => ({
		id,
		degree: undirected.degree(id),
		inDegree: directed.inDegree(id),
		outDegree: directed.outDegree(id),
		weightedDegree: graphs.weightedDegree.get(id) ?? 0,
		betweenness: betweenness[id] ?? 0,
		closeness: closeness[id] ?? 0,
		eigenvector: eigen[id] ?? 0,
		pagerank: rank[id] ?? 0
	}));
}
