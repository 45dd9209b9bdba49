// The report's chart numbers: kinds per town leave out kinds no town has, the degree axis has no holes, and brokers are the highest betweenness above 0.
import { describe, it, expect } from 'vitest';
import { ACTOR_KINDS, type ActorKind } from '$lib/map';
import type { ActorMetrics, TownColumn } from '$lib/analysis/types';
import { actorsByKindPerTown, degreeDistribution, topBrokers } from '$lib/components/analysis/chart-data';

const kinds = (counts: Partial<Record<ActorKind, number>>) => Object.fromEntries(ACTOR_KINDS.map((kind) => [kind, counts[kind] ?? 0])) as Record<ActorKind, number>;
const town = (name: string, counts: Partial<Record<ActorKind, number>>): TownColumn => ({
	regionId: name,
	name,
	actorsByKind: kinds(counts),
	internalLinks: 0,
	crossTownLinks: 0,
	density: 0,
	companiesLinkedToKnowledge: 0,
	companies: counts.company ?? 0,
	topBrokers: [],
	growthSectors: []
});
const actor = (id: string, degree: number, betweenness = 0) => ({ id, degree, betweenness }) as ActorMetrics;

describe('chart data', () => {
	it('stacks kinds per town, leaving out kinds no town has', () => {
		const data = actorsByKindPerTown([town('Iisalmi', { company: 3, rdi: 1 }), town('Raahe', { company: 2 })], (kind) => `kind:${kind}`);
		expect(data.labels).toEqual(['Iisalmi', 'Raahe']);
		expect(data.series.map((series) => [series.label, series.values])).toEqual([
			['kind:company', [3, 2]],
			['kind:rdi', [1, 0]]
		]);
	});

	it('counts actors per degree from 0 to the highest, a missing degree as 0', () => {
		const data = degreeDistribution({ actors: [actor('a', 0), actor('b', 3), actor('c', 3), actor('d', 1)] }, null, 'Actors', '#000');
		expect(data.labels).toEqual(['0', '1', '2', '3']);
		expect(data.series[0]!.values).toEqual([1, 1, 0, 2]);
	});

	it('counts only the scope when one is given', () => {
		const data = degreeDistribution({ actors: [actor('a', 0), actor('b', 3)] }, new Set(['a']), 'Actors', '#000');
		expect(data.series[0]!.values).toEqual([1]);
	});

	it('ranks brokers by betweenness, leaving out actors on no shortest path', () => {
		const data = topBrokers({ actors: [actor('a', 1, 0.1), actor('b', 1, 0), actor('c', 1, 0.5), actor('d', 1, 0.3)] }, null, (id) => id.toUpperCase(), 2, 'Betweenness', '#000');
		expect(data.labels).toEqual(['C', 'D']);
		expect(data.series[0]!.values).toEqual([0.5, 0.3]);
	});
});
