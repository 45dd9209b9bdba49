// analyseMap on small hand-built maps: directions and strengths, disconnected maps, link statuses, towns, and stars.
import { describe, expect, it } from 'vitest';
import { analyseMap, type ActorMetrics, type Analysis } from '$lib/analysis';
import { addActor, addLink, addRegion, testMap, type TestMap } from './maps';

function metricsOf(map: TestMap, analysis: Analysis, name: string): ActorMetrics {
	const metrics = analysis.actors.find((actor) => actor.id === map.id(name));
	if (!metrics) throw new Error(`${name} missing`);
	return metrics;
}

/** A ⇄ B (A → B twice), A → C, C → D, D – E undirected, and a planned E → C. */
function directedMap(): TestMap {
	const map = testMap();
	for (const name of ['A', 'B', 'C', 'D', 'E']) addActor(map, name, 'company');
	addLink(map, 'A', 'B', { strength: 3, direction: 'directed' });
	addLink(map, 'A', 'B', { strength: 1, name: 'A->B again' });
	addLink(map, 'B', 'A');
	addLink(map, 'A', 'C', { strength: 2 });
	addLink(map, 'C', 'D');
	addLink(map, 'D', 'E', { strength: 5, direction: 'undirected' });
	addLink(map, 'E', 'C', { status: 'planned' });
	return map;
}

describe('analyseMap: directions, strengths and statuses', () => {
	const map = directedMap();
	const analysis = analyseMap(map.snapshot());

	it('counts in- and out-degree along arcs, an undirected link both ways, parallel links once', () => {
		const degrees = Object.fromEntries(
			['A', 'B', 'C', 'D', 'E'].map((name) => {
				const { degree, inDegree, outDegree } = metricsOf(map, analysis, name);
				return [name, [degree, inDegree, outDegree]];
			})
		);
		expect(degrees).toEqual({ A: [2, 1, 2], B: [1, 1, 1], C: [2, 1, 1], D: [2, 2, 1], E: [1, 1, 1] });
	});

	it('sums link strengths into weighted degree, a missing strength counting 1', () => {
		const weighted = ['A', 'B', 'C', 'D', 'E'].map((name) => metricsOf(map, analysis, name).weightedDegree);
		expect(weighted).toEqual([7, 5, 3, 6, 5]);
	});

	it('measures reciprocity over directed arcs: A → B and B → A of four', () => {
		expect(analysis.network.reciprocity).toBe(0.5);
		expect(analysis.network.links).toBe(6);
	});

	it('gives PageRank on the arcs as NetworkX does on the same digraph', () => {
		// nx.pagerank(DiGraph([a→b, b→a, a→c, c→d, d→e, e→d]), alpha=0.85)
		const expected = { A: 0.086888, B: 0.066928, C: 0.066928, D: 0.405002, E: 0.374254 };
		for (const [name, value] of Object.entries(expected)) expect(metricsOf(map, analysis, name).pagerank).toBeCloseTo(value, 5);
	});

	it('counts planned links too when asked', () => {
		const withPlanned = analyseMap(map.snapshot(), { statuses: ['existing', 'planned'] });
		expect(withPlanned.network.links).toBe(7);
		expect(metricsOf(map, withPlanned, 'E').outDegree).toBe(2);
		expect(withPlanned.options.statuses).toEqual(['existing', 'planned']);
	});

	it('has no reciprocity when no link is directed', () => {
		const map = testMap();
		addActor(map, 'A', 'company');
		addActor(map, 'B', 'rdi');
		addLink(map, 'A', 'B', { direction: 'mutual' });
		const analysis = analyseMap(map.snapshot());
		expect(analysis.network.reciprocity).toBeNull();
		expect(metricsOf(map, analysis, 'A')).toMatchObject({ inDegree: 1, outDegree: 1 });
	});
});

describe('analyseMap: a disconnected map', () => {
	// A – B – C, D – E, and F alone.
	const map = testMap();
	for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) addActor(map, name, 'company');
	addLink(map, 'A', 'B');
	addLink(map, 'B', 'C');
	addLink(map, 'E', 'D');
	const analysis = analyseMap(map.snapshot());

	it('counts components and averages path lengths over connected pairs only', () => {
		expect(analysis.network).toEqual({
			actors: 6,
			links: 3,
			density: 0.2,
			components: 3,
			averageDegree: 1,
			averagePathLength: 1.25,
			diameter: 2,
			reciprocity: 0
		});
	});

	it('scales closeness by the share of the map an actor reaches (Wasserman–Faust), 0 when alone', () => {
		expect(metricsOf(map, analysis, 'B').closeness).toBeCloseTo(0.4, 10);
		expect(metricsOf(map, analysis, 'A').closeness).toBeCloseTo((2 / 3) * (2 / 5), 10);
		expect(metricsOf(map, analysis, 'F').closeness).toBe(0);
	});

	it('puts an isolated actor in a community of its own', () => {
		const f = metricsOf(map, analysis, 'F');
		expect(analysis.communities[f.community]!.members).toEqual([map.id('F')]);
	});

	it('gives null path figures and zero density for a map without links', () => {
		const lonely = testMap();
		addActor(lonely, 'A', 'company');
		expect(analyseMap(lonely.snapshot()).network).toEqual({
			actors: 1,
			links: 0,
			density: 0,
			components: 1,
			averageDegree: 0,
			averagePathLength: null,
			diameter: null,
			reciprocity: null
		});
		expect(analyseMap(testMap().snapshot())).toMatchObject({ actors: [], communities: [], modularity: 0 });
	});
});

describe('analyseMap: eigenvector centrality where plain power iteration oscillates', () => {
	it('converges on a star (a bipartite graph), giving the centre 1/√2', () => {
		const map = testMap();
		addActor(map, 'hub', 'public');
		for (const leaf of ['a', 'b', 'c', 'd']) {
			addActor(map, leaf, 'company');
			addLink(map, 'hub', leaf);
		}
		const analysis = analyseMap(map.snapshot());
		expect(metricsOf(map, analysis, 'hub').eigenvector).toBeCloseTo(Math.SQRT1_2, 4);
		expect(metricsOf(map, analysis, 'a').eigenvector).toBeCloseTo(1 / Math.sqrt(8), 4);
		expect(metricsOf(map, analysis, 'hub').betweenness).toBe(1);
	});
});

describe('analyseMap: towns', () => {
	it('measures each town on the links among its own actors, sorted by town name', () => {
		const map = testMap();
		addRegion(map, 'Raahe');
		addRegion(map, 'Iisalmi');
		addRegion(map, 'Keuruu');
		for (const name of ['A', 'B', 'C']) addActor(map, name, 'company', { region: 'Raahe' });
		for (const name of ['D', 'E']) addActor(map, name, 'company', { region: 'Iisalmi' });
		addActor(map, 'X', 'funding');
		addLink(map, 'A', 'B');
		addLink(map, 'B', 'C');
		addLink(map, 'C', 'D');
		addLink(map, 'D', 'E', { direction: 'directed' });
		addLink(map, 'E', 'X');
		const analysis = analyseMap(map.snapshot());
		expect(analysis.towns.map((town) => town.name)).toEqual(['Iisalmi', 'Keuruu', 'Raahe']);
		const [iisalmi, keuruu, raahe] = analysis.towns;
		expect(raahe).toMatchObject({ regionId: map.id('Raahe'), network: { actors: 3, links: 2, components: 1, diameter: 2, density: 2 / 3 } });
		expect(iisalmi!.network).toMatchObject({ actors: 2, links: 1, density: 1, averagePathLength: 1, reciprocity: 0 });
		expect(keuruu!.network).toMatchObject({ actors: 0, links: 0, components: 0, diameter: null });
		expect(analysis.network).toMatchObject({ actors: 6, links: 5, components: 1 });
	});
});
