// The demo map: nine regions of clustered fictional actors, valid and without dangling links, built deterministically.
import { describe, it, expect } from 'vitest';
import { ACTOR_KINDS, DEMO_TITLE, isActorKind, isLinkKind, populateDemoMap, type Position } from '$lib/map';
import { countChangingTransactions, replica } from './helpers';

const REGIONS = ['Iisalmi', 'Raahe', 'Savonlinna', 'Kristiinankaupunki', 'Heinola', 'Kauhajoki', 'Keuruu', 'Rauma', 'Naturpolis'];

function demo() {
	let n = 0;
	const built = replica({ newId: () => `id${String(++n).padStart(4, '0')}`, now: () => 0 });
	const summary = populateDemoMap(built.model);
	return { ...built, summary };
}

function distance(a: Position, b: Position): number {
	return Math.hypot(a.x - b.x, a.y - b.y);
}

describe('populateDemoMap', () => {
	it('creates the title and all nine regions', () => {
		const { model } = demo();
		expect(model.meta().title).toBe(DEMO_TITLE);
		expect(model.regions().map((r) => r.name).sort()).toEqual([...REGIONS].sort());
	});

	it('gives every region four to six valid actors of mixed kinds', () => {
		const { model } = demo();
		for (const region of model.regions()) {
			const members = model.actors().filter((a) => a.region === region.id);
			expect(members.length, region.name).toBeGreaterThanOrEqual(4);
			expect(members.length, region.name).toBeLessThanOrEqual(6);
			expect(new Set(members.map((a) => a.kind)).size, region.name).toBeGreaterThanOrEqual(3);
		}
		for (const actor of model.actors()) {
			expect(actor.issues, actor.name).toEqual([]);
			expect(isActorKind(actor.kind)).toBe(true);
			expect(actor.region).toBeDefined();
		}
		expect(new Set(model.actors().map((a) => a.kind))).toEqual(new Set(ACTOR_KINDS.filter((k) => k !== 'other')));
	});

	it('adds 50 to 70 valid links within and across towns, none dangling or duplicated', () => {
		const { model, summary } = demo();
		const links = model.links();
		expect(links.length).toBe(summary.links);
		expect(links.length).toBeGreaterThanOrEqual(50);
		expect(links.length).toBeLessThanOrEqual(70);
		for (const link of links) {
			expect(link.dangling).toBe(false);
			expect(link.issues).toEqual([]);
			expect(isLinkKind(link.kind)).toBe(true);
		}
		const regionOf = new Map(model.actors().map((a) => [a.id, a.region]));
		const across = links.filter((l) => regionOf.get(l.source) !== regionOf.get(l.target));
		expect(across.length).toBeGreaterThanOrEqual(10);
		expect(across.length).toBeLessThan(links.length);
		const pairs = links.map((l) => [l.source, l.target].sort().join('|'));
		expect(new Set(pairs).size).toBe(pairs.length);
		expect(model.cleanupDanglingLinks()).toBe(0);
	});

	it('lays each town out as a cluster, nearer its own centre than any other', () => {
		const { model } = demo();
		const centres = new Map<string, Position>();
		for (const region of model.regions()) {
			const members = model.actors().filter((a) => a.region === region.id);
			centres.set(region.id, {
				x: members.reduce((sum, a) => sum + a.pos.x, 0) / members.length,
				y: members.reduce((sum, a) => sum + a.pos.y, 0) / members.length
			});
		}
		for (const actor of model.actors()) {
			const own = distance(actor.pos, centres.get(actor.region!)!);
			for (const [region, centre] of centres) {
				if (region !== actor.region) expect(own).toBeLessThan(distance(actor.pos, centre));
			}
		}
	});

	it('is deterministic and written in one transaction', () => {
		const first = demo();
		expect(demo().model.snapshot()).toEqual(first.model.snapshot());
		const { doc, model } = replica();
		const transactions = countChangingTransactions(doc);
		const summary = populateDemoMap(model);
		expect(transactions.count).toBe(1);
		expect(summary).toEqual({ regions: 9, actors: model.actors().length, links: model.links().length });
	});
});
