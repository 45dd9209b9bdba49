// The typed-array shortest-path pass used on large maps: the same betweenness and closeness as graphology-metrics, and the karate club's figures.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Graph from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import closenessCentrality from 'graphology-metrics/centrality/closeness.js';
import { analyseMap } from '$lib/analysis';
import { LIBRARY_CENTRALITY_MAX_ACTORS } from '$lib/analysis/centrality';
import { buildGraphs } from '$lib/analysis/graph';
import { shortestPathMeasures } from '$lib/analysis/paths';
import { plainSnapshot } from './maps';
import { KARATE_EDGES, KARATE_MEMBERS, KARATE_REFERENCE } from './karate';

function graphOf(size: number, edges: readonly (readonly [number, number])[]): Graph {
	const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
	for (let node = 1; node <= size; node++) graph.addNode(String(node));
	for (const [a, b] of edges) if (a !== b) graph.mergeEdge(String(a), String(b));
	return graph;
}

describe('shortestPathMeasures', () => {
	it("gives the karate club's published betweenness, closeness, diameter and average path length", () => {
		const measures = shortestPathMeasures(graphOf(KARATE_MEMBERS, KARATE_EDGES), true);
		expect(measures.diameter).toBe(KARATE_REFERENCE.diameter);
		expect(measures.averagePathLength).toBeCloseTo(KARATE_REFERENCE.averagePathLength, 4);
		for (const [member, expected] of Object.entries(KARATE_REFERENCE.members)) {
			expect(measures.betweenness[Number(member) - 1]).toBeCloseTo(expected.betweenness, 4);
			expect(measures.closeness[Number(member) - 1]).toBeCloseTo(expected.closeness, 4);
		}
	});

	it('agrees with graphology-metrics on random maps, disconnected ones and lone actors included', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 16 }).chain((size) =>
					fc.tuple(fc.constant(size), fc.array(fc.tuple(fc.integer({ min: 1, max: size }), fc.integer({ min: 1, max: size })), { maxLength: size * 3 }))
				),
				([size, edges]) => {
					const graph = graphOf(size, edges);
					const measures = shortestPathMeasures(graph, true);
					const betweenness = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
					const closeness = closenessCentrality(graph, { wassermanFaust: true });
					graph.nodes().forEach((node, index) => {
						expect(measures.betweenness[index]).toBeCloseTo(betweenness[node]!, 10);
						expect(measures.closeness[index]).toBeCloseTo(closeness[node]!, 10);
					});
				}
			),
			{ numRuns: 200 }
		);
	});

	it('leaves the centralities at zero when asked only for the path summary', () => {
		const measures = shortestPathMeasures(graphOf(3, [[1, 2], [2, 3]]), false);
		expect(measures).toMatchObject({ averagePathLength: 4 / 3, diameter: 2 });
		expect([...measures.betweenness]).toEqual([0, 0, 0]);
	});

	it('is what analyseMap uses above the library threshold, with the library values', () => {
		const size = LIBRARY_CENTRALITY_MAX_ACTORS + 1;
		const ids = [...Array(size).keys()].map((index) => `n${String(index).padStart(5, '0')}`);
		// A ring with a chord every seventh actor: many shortest paths of different lengths.
		const pairs = ids.flatMap((id, index) => [
			[id, ids[(index + 1) % size]!] as const,
			...(index % 7 === 0 ? [[id, ids[(index * 13 + 5) % size]!] as const] : [])
		]);
		const snapshot = plainSnapshot(ids, pairs);
		const analysis = analyseMap(snapshot);
		const graph = buildGraphs(snapshot.actors, snapshot.links, ['existing']).undirected;
		const betweenness = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
		const closeness = closenessCentrality(graph, { wassermanFaust: true });
		for (const actor of analysis.actors) {
			expect(actor.betweenness).toBeCloseTo(betweenness[actor.id]!, 10);
			expect(actor.closeness).toBeCloseTo(closeness[actor.id]!, 10);
		}
	});
});
