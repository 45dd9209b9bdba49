// compareTowns on a hand-built three-town map with known counts.
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS } from '$lib/map';
import { analyseMap, compareTowns, type LinkMatrix } from '$lib/analysis';
import { threeTowns } from './towns-map';

const map = threeTowns();
const snapshot = map.snapshot();
const analysis = analyseMap(snapshot);
const comparison = compareTowns(snapshot, analysis);
const column = (name: string) => comparison.towns.find((town) => town.name === name)!;
/** Pairs n of 28 (9 actors: 8·7/2 pairs) routed through an actor of this tree. */
const pairsShare = (n: number) => n / 28;

function cell(matrix: LinkMatrix, row: string, column: string): number {
	const r = matrix.rows.findIndex((entry) => entry.key === row);
	const c = matrix.columns.findIndex((entry) => entry.key === column);
	return matrix.counts[r]![c]!;
}

describe('compareTowns', () => {
	it('has one column per town, in name order', () => {
		expect(comparison.towns.map((town) => town.name)).toEqual(['Alfa', 'Beta', 'Gamma']);
		expect(comparison.towns.map((town) => town.regionId)).toEqual(['Alfa', 'Beta', 'Gamma'].map((name) => map.id(name)));
	});

	it('counts actors by kind, every kind present', () => {
		expect(column('Alfa').actorsByKind).toEqual({ company: 2, education: 0, rdi: 1, public: 1, development: 0, funding: 0, association: 0, other: 0 });
		expect(Object.keys(column('Gamma').actorsByKind)).toEqual([...ACTOR_KINDS]);
		expect(column('Beta').actorsByKind).toMatchObject({ company: 1, education: 1, association: 1 });
	});

	it('counts internal and cross-town links; a link to an actor without a town is neither', () => {
		expect(comparison.towns.map((town) => [town.internalLinks, town.crossTownLinks])).toEqual([
			[3, 2],
			[2, 1],
			[0, 1]
		]);
	});

	it('takes each town density from the town subgraph', () => {
		expect(column('Alfa').density).toBeCloseTo(0.5, 10);
		expect(column('Beta').density).toBeCloseTo(2 / 3, 10);
		expect(column('Gamma').density).toBe(0);
	});

	it('gives the share of companies linked to an rdi or education actor', () => {
		expect(comparison.towns.map((town) => [town.companies, town.companiesLinkedToKnowledge])).toEqual([
			[2, 0.5],
			[1, 1],
			[1, 0]
		]);
	});

	it('lists the brokers with the highest betweenness, leaving out actors that broker nothing', () => {
		expect(column('Alfa').topBrokers).toEqual([
			{ id: map.id('A3'), name: 'A3', betweenness: expect.closeTo(pairsShare(19), 10) },
			{ id: map.id('A4'), name: 'A4', betweenness: expect.closeTo(pairsShare(17), 10) }
		]);
		expect(column('Beta').topBrokers).toEqual([{ id: map.id('B2'), name: 'B2', betweenness: expect.closeTo(pairsShare(13), 10) }]);
		expect(column('Gamma').topBrokers.map((broker) => broker.name)).toEqual(['G1']);
	});

	it('lists the growth sectors a town has actors in, not other sectors', () => {
		expect(column('Alfa').growthSectors).toEqual([{ id: map.id('Wind'), name: 'Wind' }]);
		expect(column('Beta').growthSectors).toEqual([{ id: map.id('Food'), name: 'Food' }]);
		expect(column('Gamma').growthSectors).toEqual([{ id: map.id('Wind'), name: 'Wind' }]);
	});

	it('fills the town-by-town matrix symmetrically, internal links on the diagonal', () => {
		const { townMatrix } = comparison;
		expect(townMatrix.rows.map((row) => row.label)).toEqual(['Alfa', 'Beta', 'Gamma']);
		expect(townMatrix.columns).toEqual(townMatrix.rows);
		expect(townMatrix.counts).toEqual([
			[3, 1, 1],
			[1, 2, 0],
			[1, 0, 0]
		]);
	});

	it('fills the kind-by-kind matrix with every counted link, including those without a town', () => {
		const { kindMatrix } = comparison;
		expect(kindMatrix.rows.map((row) => row.key)).toEqual([...ACTOR_KINDS]);
		expect(cell(kindMatrix, 'company', 'public')).toBe(2);
		expect(cell(kindMatrix, 'public', 'company')).toBe(2);
		expect(cell(kindMatrix, 'company', 'rdi')).toBe(1);
		expect(cell(kindMatrix, 'rdi', 'education')).toBe(1);
		expect(cell(kindMatrix, 'company', 'education')).toBe(1);
		expect(cell(kindMatrix, 'company', 'funding')).toBe(1);
		expect(cell(kindMatrix, 'rdi', 'public')).toBe(1);
		expect(cell(kindMatrix, 'education', 'association')).toBe(1);
		expect(cell(kindMatrix, 'company', 'company')).toBe(0);
		const total = kindMatrix.counts.flatMap((row, r) => row.filter((_, c) => c >= r)).reduce((sum, n) => sum + n, 0);
		expect(total).toBe(8);
	});

	it('counts planned links when the analysis did', () => {
		const withPlanned = compareTowns(snapshot, analyseMap(snapshot, { statuses: ['existing', 'planned'] }));
		expect(withPlanned.towns[0]!.crossTownLinks).toBe(3);
		expect(withPlanned.townMatrix.counts[0]![1]).toBe(2);
		expect(cell(withPlanned.kindMatrix, 'company', 'company')).toBe(1);
	});

	it('survives structured cloning (it travels from the worker as plain data)', () => {
		expect(structuredClone(comparison)).toEqual(comparison);
		expect(structuredClone(analysis)).toEqual(analysis);
	});
});
