// Properties of analyseMap on random maps: the figures depend on the network, not on ids or the order actors come in.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseMap, mulberry32, type ActorMetrics, type Analysis } from '$lib/analysis';
import { plainSnapshot } from './maps';

const MAX_ACTORS = 14;
/** Power iterations stop within 1e-6 of the fixed point, so results may differ that much by order. */
const ITERATED_DIGITS = 5;
const EXACT_DIGITS = 9;

/** A random map: actor count and undirected pairs of actor indices (self-pairs are dropped). */
const randomNetwork = fc
	.integer({ min: 1, max: MAX_ACTORS })
	.chain((size) =>
		fc.record({
			size: fc.constant(size),
			pairs: fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: size * 3 }),
			/** A permutation, for the new order and the new names. */
			order: fc.shuffledSubarray([...Array(size).keys()], { minLength: size, maxLength: size })
		})
	);

function byOriginalIndex(analysis: Analysis, idOf: (index: number) => string, size: number): Omit<ActorMetrics, 'id' | 'community'>[] {
	const byId = new Map(analysis.actors.map((actor) => [actor.id, actor]));
	return [...Array(size).keys()].map((index) => {
		const { id: _id, community: _community, ...figures } = byId.get(idOf(index))!;
		return figures;
	});
}

function expectClose(actual: Record<string, number | null>, expected: Record<string, number | null>, digits: number): void {
	for (const [key, value] of Object.entries(expected)) {
		if (value === null) expect(actual[key], key).toBeNull();
		else expect(actual[key], key).toBeCloseTo(value, digits);
	}
}

describe('analyseMap properties', () => {
	it('gives every actor the same figures when ids are renamed and actors reordered', () => {
		fc.assert(
			fc.property(randomNetwork, ({ size, pairs, order }) => {
				const originalId = (index: number) => `a${String(index).padStart(2, '0')}`;
				// New names sort in the permuted order, so the graph is built in another order too.
				const renamedId = (index: number) => `z${String(order.indexOf(index)).padStart(2, '0')}-${index}`;
				const edges = pairs.filter(([a, b]) => a !== b);
				const original = analyseMap(plainSnapshot([...Array(size).keys()].map(originalId), edges.map(([a, b]) => [originalId(a), originalId(b)])));
				const renamed = analyseMap(
					plainSnapshot(
						order.map(renamedId),
						[...edges].reverse().map(([a, b]) => [renamedId(b), renamedId(a)])
					)
				);
				expectClose({ ...renamed.network }, { ...original.network }, EXACT_DIGITS);
				const before = byOriginalIndex(original, originalId, size);
				const after = byOriginalIndex(renamed, renamedId, size);
				before.forEach((figures, index) => {
					const { eigenvector, pagerank, ...exact } = figures;
					const { eigenvector: eigenvectorAfter, pagerank: pagerankAfter, ...exactAfter } = after[index]!;
					expectClose(exactAfter, exact, EXACT_DIGITS);
					expectClose({ eigenvector: eigenvectorAfter, pagerank: pagerankAfter }, { eigenvector, pagerank }, ITERATED_DIGITS);
				});
				// Louvain's partition may differ with the visiting order; its size-ordered numbering stays a partition.
				expect(renamed.communities.reduce((sum, community) => sum + community.size, 0)).toBe(size);
			}),
			{ numRuns: 150 }
		);
	});

	it('is deterministic: the same map and options give the same analysis, communities included', () => {
		fc.assert(
			fc.property(randomNetwork, fc.integer({ min: 1, max: 1000 }), ({ size, pairs }, seed) => {
				const snapshot = plainSnapshot(
					[...Array(size).keys()].map((index) => `n${index}`),
					pairs.filter(([a, b]) => a !== b).map(([a, b]) => [`n${a}`, `n${b}`])
				);
				expect(analyseMap(snapshot, { seed })).toEqual(analyseMap(structuredClone(snapshot), { seed }));
			}),
			{ numRuns: 100 }
		);
	});

	it('keeps betweenness and closeness within 0..1 and PageRank summing to 1', () => {
		fc.assert(
			fc.property(randomNetwork, ({ size, pairs }) => {
				const analysis = analyseMap(
					plainSnapshot(
						[...Array(size).keys()].map((index) => `n${index}`),
						pairs.filter(([a, b]) => a !== b).map(([a, b]) => [`n${a}`, `n${b}`])
					)
				);
				for (const actor of analysis.actors) {
					expect(actor.betweenness).toBeGreaterThanOrEqual(0);
					expect(actor.betweenness).toBeLessThanOrEqual(1 + 1e-12);
					expect(actor.closeness).toBeGreaterThanOrEqual(0);
					expect(actor.closeness).toBeLessThanOrEqual(1 + 1e-12);
				}
				expect(analysis.actors.reduce((sum, actor) => sum + actor.pagerank, 0)).toBeCloseTo(1, 6);
			}),
			{ numRuns: 100 }
		);
	});

	it('lets the seed steer Louvain: different seeds can give different partitions, each seed always its own', () => {
		const random = mulberry32(99);
		const size = 120;
		const ids = [...Array(size).keys()].map((index) => `n${index}`);
		const pairs = [...Array(2 * size).keys()]
			.map(() => [ids[Math.floor(random() * size)]!, ids[Math.floor(random() * size)]!] as const)
			.filter(([a, b]) => a !== b);
		const snapshot = plainSnapshot(ids, pairs);
		const partitions = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(analyseMap(snapshot, { seed }).communities));
		expect(new Set(partitions).size).toBeGreaterThan(1);
		expect(JSON.stringify(analyseMap(snapshot, { seed: 2 }).communities)).toBe(partitions[1]);
	});
});
