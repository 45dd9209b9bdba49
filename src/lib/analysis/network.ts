// Whole-network measures of a set of actors: size, density, components, average degree, path lengths, reciprocity.
import { countConnectedComponents } from 'graphology-components';
import { undirectedDensity } from 'graphology-metrics/graph/density.js';
import { undirectedSingleSourceLength } from 'graphology-shortest-path/unweighted.js';
import type { AnalysisGraphs } from './graph';
import type { NetworkMetrics } from './types';

export interface PathSummary {
	averagePathLength: number | null;
	diameter: number | null;
}

/**
 * Average shortest-path length and diameter over connected pairs only, from one breadth-first
 * search per actor (graphology-shortest-path). graphology-metrics' `diameter` is Infinity for a
 * disconnected graph and it has no average path length, so both are taken from the same pass.
 */
export function pathSummary(graphs: AnalysisGraphs): PathSummary {
	const graph = graphs.undirected;
	let total = 0;
	let pairs = 0;
	let longest = 0;
	graph.forEachNode((node) => {
		if (graph.degree(node) === 0) return;
		const lengths = undirectedSingleSourceLength(graph, node);
		for (const target in lengths) {
			const length = lengths[target]!;
			if (length === 0) continue;
			total += length;
			pairs += 1;
			if (length > longest) longest = length;
		}
	});
	// Each pair was reached from both ends; the mean is the same either way.
	return pairs === 0 ? { averagePathLength: null, diameter: null } : { averagePathLength: total / pairs, diameter: longest };
}

/** Share of arcs from 'directed' links whose reverse arc exists (from any counted link); null without any. */
export function reciprocity(graphs: AnalysisGraphs): number | null {
	if (graphs.directedArcs.length === 0) return null;
	let reciprocated = 0;
	for (const [source, target] of graphs.directedArcs) {
		if (graphs.directed.hasDirectedEdge(target, source)) reciprocated += 1;
	}
	return reciprocated / graphs.directedArcs.length;
}

export function networkMetrics(graphs: AnalysisGraphs): NetworkMetrics {
	const graph = graphs.undirected;
	const actors = graph.order;
	const edges = graph.size;
	return {
		actors,
		links: graphs.links.length,
		// The library gives NaN for fewer than two actors, where no pair could be linked.
		density: actors < 2 ? 0 : undirectedDensity(graph),
		components: countConnectedComponents(graph),
		averageDegree: actors === 0 ? 0 : (2 * edges) / actors,
		...pathSummary(graphs),
		reciprocity: reciprocity(graphs)
	};
}
