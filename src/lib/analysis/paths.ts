// Shortest-path measures from one breadth-first search per actor over typed arrays: path lengths, diameter, and (for large maps) betweenness and closeness.
import type Graph from 'graphology';

export interface PathSummary {
	/** Mean over connected pairs; null when no pair is connected. */
	averagePathLength: number | null;
	/** Longest shortest path over connected pairs; null when no pair is connected. */
	diameter: number | null;
}

export interface ShortestPathMeasures extends PathSummary {
	/** By node, in the graph's node order: normalised as graphology-metrics does, by (n-1)(n-2). */
	betweenness: Float64Array;
	/** Wasserman–Faust closeness, as graphology-metrics computes it with `wassermanFaust: true`. */
	closeness: Float64Array;
}

/** Neighbour lists packed into two arrays (compressed sparse rows), so the searches allocate nothing. */
function packedNeighbours(graph: Graph): { starts: Int32Array; neighbours: Int32Array } {
	const index = new Map<string, number>();
	graph.forEachNode((node) => index.set(node, index.size));
	const starts = new Int32Array(graph.order + 1);
	const neighbours = new Int32Array(2 * graph.size);
	let next = 0;
	let position = 0;
	graph.forEachNode((node) => {
		starts[position++] = next;
		graph.forEachNeighbor(node, (neighbour) => {
			neighbours[next++] = index.get(neighbour)!;
		});
	});
	starts[position] = next;
	return { starts, neighbours };
}

/**
 * Hand-written, because the libraries lack these in a usable form: graphology-metrics' `diameter`
 * is Infinity for a disconnected map and it has no average path length; its betweenness and
 * closeness allocate per actor per source, which at 10,000 actors and 20,000 links took about
 * 4 minutes and 18 s (bench/analysis.mjs). Brandes' algorithm for an unweighted undirected graph:
 * a breadth-first search from each actor counts shortest paths (sigma), then dependencies flow
 * back in reverse search order. Predecessors are found again from distances rather than stored.
 * With `centralities: false` only the path summary is computed.
 */
export function shortestPathMeasures(graph: Graph, centralities: boolean): ShortestPathMeasures {
	const order = graph.order;
	const { starts, neighbours } = packedNeighbours(graph);
	const distance = new Int32Array(order);
	const visitOrder = new Int32Array(order);
	const sigma = new Float64Array(order);
	const dependency = new Float64Array(order);
	const betweenness = new Float64Array(order);
	const closeness = new Float64Array(order);
	let total = 0;
	let pairs = 0;
	let longest = 0;
	for (let source = 0; source < order; source++) {
		if (starts[source] === starts[source + 1]) continue;
		distance.fill(-1);
		sigma.fill(0);
		distance[source] = 0;
		sigma[source] = 1;
		visitOrder[0] = source;
		let head = 0;
		let tail = 1;
		let sourceTotal = 0;
		while (head < tail) {
			const node = visitOrder[head++]!;
			const next = distance[node]! + 1;
			for (let j = starts[node]!, end = starts[node + 1]!; j < end; j++) {
				const neighbour = neighbours[j]!;
				if (distance[neighbour] === -1) {
					distance[neighbour] = next;
					visitOrder[tail++] = neighbour;
					sourceTotal += next;
					if (next > longest) longest = next;
				}
				if (distance[neighbour] === next) sigma[neighbour]! += sigma[node]!;
			}
		}
		const reached = tail - 1;
		total += sourceTotal;
		pairs += reached;
		if (!centralities) continue;
		closeness[source] = order > 1 ? (reached / sourceTotal) * (reached / (order - 1)) : 0;
		dependency.fill(0);
		for (let k = tail - 1; k > 0; k--) {
			const node = visitOrder[k]!;
			const share = (1 + dependency[node]!) / sigma[node]!;
			const previous = distance[node]! - 1;
			for (let j = starts[node]!, end = starts[node + 1]!; j < end; j++) {
				const neighbour = neighbours[j]!;
				if (distance[neighbour] === previous) dependency[neighbour]! += sigma[neighbour]! * share;
			}
			betweenness[node]! += dependency[node]!;
		}
	}
	// Each pair was counted from both ends, as graphology-metrics counts it before this same scaling.
	if (order > 2) for (let i = 0; i < order; i++) betweenness[i]! /= (order - 1) * (order - 2);
	const summary = pairs === 0 ? { averagePathLength: null, diameter: null } : { averagePathLength: total / pairs, diameter: longest };
	return { ...summary, betweenness, closeness };
}

/** Average path length and diameter over connected pairs. */
export function pathSummary(graph: Graph): PathSummary {
	const { averagePathLength, diameter } = shortestPathMeasures(graph, false);
	return { averagePathLength, diameter };
}
