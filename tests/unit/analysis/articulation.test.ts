// Hand-written articulation points, checked against NetworkX on the karate club and against removal by brute force.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import { articulationPoints } from '$lib/analysis/articulation';
import { KARATE_EDGES, KARATE_REFERENCE } from './karate';

function graphOf(size: number, edges: readonly (readonly [number, number])[]): Graph {
	const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
	for (let node = 0; node < size; node++) graph.addNode(String(node));
	for (const [a, b] of edges) if (a !== b) graph.mergeEdge(String(a), String(b));
	return graph;
}

/** The components of the graph without `node`. */
function componentsWithout(graph: Graph, node: string): string[][] {
	const copy = graph.copy();
	copy.dropNode(node);
	return connectedComponents(copy);
}

describe('articulationPoints', () => {
	it("finds member 1 alone in Zachary's karate club, as NetworkX does", () => {
		const graph = graphOf(35, KARATE_EDGES);
		graph.dropNode('0');
		expect(articulationPoints(graph).map((point) => Number(point.id))).toEqual(KARATE_REFERENCE.articulationPoints);
		// Without member 1: {12}, {5, 6, 7, 11, 17} and the other 27 (NetworkX agrees).
		expect(articulationPoints(graph)[0]).toMatchObject({ componentSize: 34, parts: 3, cutOff: 6 });
	});

	it('finds the middle of a path and none in a cycle', () => {
		expect(articulationPoints(graphOf(3, [[0, 1], [1, 2]])).map((point) => point.id)).toEqual(['1']);
		expect(articulationPoints(graphOf(4, [[0, 1], [1, 2], [2, 3], [3, 0]]))).toEqual([]);
	});

	it('handles a long chain without running out of stack', () => {
		const length = 20_000;
		const chain = graphOf(length, [...Array(length - 1).keys()].map((node) => [node, node + 1] as const));
		expect(articulationPoints(chain)).toHaveLength(length - 2);
	});

	it('marks exactly the actors whose removal splits their component, with the parts it leaves', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 12 }).chain((size) =>
					fc.tuple(fc.constant(size), fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 2 }))
				),
				([size, edges]) => {
					const graph = graphOf(size, edges);
					const found = new Map(articulationPoints(graph).map((point) => [point.id, point]));
					const before = connectedComponents(graph);
					for (const node of graph.nodes()) {
						const component = before.find((members) => members.includes(node))!;
						const ownParts = componentsWithout(graph, node).filter((members) => members.some((member) => component.includes(member)));
						const isCut = ownParts.length >= 2;
						expect(found.has(node), `node ${node}`).toBe(isCut);
						if (isCut) {
							const largest = Math.max(...ownParts.map((members) => members.length));
							expect(found.get(node)).toEqual({ id: node, componentSize: component.length, parts: ownParts.length, cutOff: component.length - 1 - largest });
						}
					}
				}
			),
			{ numRuns: 200 }
		);
	});
});
