// Whole-network measures of a set of actors: size, density, components, average degree, path lengths, reciprocity.
import { countConnectedComponents } from 'graphology-components';
import { undirectedDensity } from 'graphology-metrics/graph/density.js';
import type { AnalysisGraphs } from './graph';
import { pathSummary, type PathSummary } from './paths';
import type { NetworkMetrics } from './types';

/** Share of arcs from 'directed' links whose reverse arc exists (from any counted link); null without any. */
export function reciprocity(graphs: AnalysisGraphs): number | null {
	if (graphs.directedArcs.length === 0) return null;
	let reciprocated = 0;
	for (const [source, target] of graphs.directedArcs) {
		if (graphs.directed.hasDirectedEdge(target, source)) reciprocated += 1;
	}
	return reciprocated / graphs.directedArcs.length;
}

/** `paths` when the caller already searched all shortest paths (analyseMap does, for the whole map). */
export function networkMetrics(graphs: AnalysisGraphs, paths?: PathSummary): NetworkMetrics {
	const graph = graphs.undirected;
	const actors = graph.order;
	const edges = graph.size;
	const { averagePathLength, diameter } = paths ?? pathSummary(graph);
	return {
		actors,
		links: graphs.links.length,
		// The library gives NaN for fewer than two actors, where no pair could be linked.
		density: actors < 2 ? 0 : undirectedDensity(graph),
		components: countConnectedComponents(graph),
		averageDegree: actors === 0 ? 0 : (2 * edges) / actors,
		averagePathLength,
		diameter,
		reciprocity: reciprocity(graphs)
	};
}
