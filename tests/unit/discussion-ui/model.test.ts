// The panel's list: annotations newest first, and filtered by type, status and place (an actor, or a region through its actors).
import { describe, it, expect } from 'vitest';
import type { GapView, GrowthSectorNoteView, TargetView } from '$lib/map/discussion';
import { annotationItems, filterAnnotations, NO_FILTER, type MapFacts } from '$lib/components/discussion/model';

const base = { createdBy: 'u1', issues: [] };
const gaps: GapView[] = [
	{ ...base, id: 'g-actor', type: 'missing_link', title: 'A', anchor: { kind: 'actor', id: 'alfa' }, status: 'open', createdAt: 3 },
	{ ...base, id: 'g-link', type: 'missing_capability', title: 'B', anchor: { kind: 'link', id: 'l1' }, status: 'accepted', createdAt: 5 },
	{ ...base, id: 'g-region', type: 'other', title: 'C', anchor: { kind: 'region', id: 'raahe' }, status: 'open', createdAt: 1 },
	{ ...base, id: 'g-point', type: 'other', title: 'D', anchor: { kind: 'point', x: 1, y: 2 }, status: 'dismissed', createdAt: 2 }
];
const targets: TargetView[] = [{ ...base, id: 't1', title: 'T', status: 'agreed', actors: ['gamma'], createdAt: 4 }];
const notes: GrowthSectorNoteView[] = [{ ...base, id: 'n1', sectorId: 's1', actors: ['beta'], createdAt: 6 }];

const facts: MapFacts = {
	linkActors: (id) => (id === 'l1' ? ['alfa', 'beta'] : []),
	regionOf: (id) => ({ alfa: 'raahe', beta: 'iisalmi', gamma: 'raahe' })[id]
};
const items = annotationItems(gaps, targets, notes);
const ids = (filter: Partial<typeof NO_FILTER>) => filterAnnotations(items, { ...NO_FILTER, ...filter }, facts).map((item) => item.id);

describe('annotationItems', () => {
	it('lists gaps, targets and notes together, newest first', () => {
		expect(items.map((item) => item.id)).toEqual(['n1', 'g-link', 't1', 'g-actor', 'g-point', 'g-region']);
	});
});

describe('filterAnnotations', () => {
	it('filters by type and by status (notes have none)', () => {
		expect(ids({ kind: 'gap' })).toEqual(['g-link', 'g-actor', 'g-point', 'g-region']);
		expect(ids({ status: 'open' })).toEqual(['g-actor', 'g-region']);
		expect(ids({ kind: 'target', status: 'agreed' })).toEqual(['t1']);
		expect(ids({ kind: 'growthSector' })).toEqual(['n1']);
	});

	it('filters by actor: anchored on it, on a link of it, or listing it', () => {
		expect(ids({ place: 'actor:alfa' })).toEqual(['g-link', 'g-actor']);
		expect(ids({ place: 'actor:beta' })).toEqual(['n1', 'g-link']);
	});

	it('filters by region: anchored on it, or about actors in it', () => {
		expect(ids({ place: 'region:raahe' })).toEqual(['g-link', 't1', 'g-actor', 'g-region']);
		expect(ids({ place: 'region:iisalmi' })).toEqual(['n1', 'g-link']);
	});
});
