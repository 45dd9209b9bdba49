// The demo map: nine regions of clustered fictional actors, valid and without dangling links, built deterministically.
import { describe, it, expect } from 'vitest';
import {
	ACTOR_KINDS,
	DEMO_TITLE,
	isActorKind,
	isActorRole,
	isLinkKind,
	isSizeClass,
	isValidBusinessId,
	populateDemoMap,
	type Position
} from '$lib/map';
import { demoBusinessIds } from '$lib/map/demo';
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

	it('adds 50 to 80 valid links within and across towns, none dangling or duplicated', () => {
		const { model, summary } = demo();
		const links = model.links();
		expect(links.length).toBe(summary.links);
		expect(links.length).toBeGreaterThanOrEqual(50);
		expect(links.length).toBeLessThanOrEqual(80);
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
		expect(summary).toEqual({
			regions: 9,
			actors: model.actors().length,
			links: model.links().length,
			sectors: model.sectors().length,
			fields: model.fields().length
		});
	});
});

describe('populateDemoMap: the ecosystem fields of schema version 2', () => {
	it('names the seven sectors, three of them growth sectors, and every sector has actors', () => {
		const { model } = demo();
		const sectors = model.sectors();
		expect(sectors.map((s) => s.name).sort()).toEqual(
			['Biotalous', 'Elintarvikkeet', 'ICT', 'Matkailu', 'Meriteollisuus ja logistiikka', 'Metalli- ja konepajateollisuus', 'Puunjalostus'].sort()
		);
		expect(sectors.filter((s) => s.growth).map((s) => s.name).sort()).toEqual(
			['Biotalous', 'Meriteollisuus ja logistiikka', 'Metalli- ja konepajateollisuus'].sort()
		);
		for (const sector of sectors) {
			expect(sector.issues).toEqual([]);
			expect(model.actors().some((a) => a.sectors?.includes(sector.id)), sector.name).toBe(true);
		}
	});

	it('gives every company a distinct, checksum-valid Business ID and a size class; no one else has a Business ID', () => {
		const { model } = demo();
		const companies = model.actors().filter((a) => a.kind === 'company');
		expect(companies.length).toBeGreaterThanOrEqual(15);
		for (const company of companies) {
			expect(isValidBusinessId(company.businessId), company.name).toBe(true);
			expect(company.businessId!.startsWith('9'), 'fictional range').toBe(true);
			expect(isSizeClass(company.sizeClass), company.name).toBe(true);
		}
		expect(new Set(companies.map((c) => c.businessId)).size).toBe(companies.length);
		expect(model.actors().filter((a) => a.kind !== 'company' && a.businessId !== undefined)).toEqual([]);
	});

	it('generates Business IDs deterministically and skips bodies that have no check digit', () => {
		const ids = demoBusinessIds(40);
		expect(demoBusinessIds(40)).toEqual(ids);
		expect(ids.every((id) => isValidBusinessId(id))).toBe(true);
		expect(new Set(ids).size).toBe(40);
	});

	it('gives every actor roles, some actors tags, and companies a founding year in the custom field', () => {
		const { model } = demo();
		const [founded] = model.fields();
		expect(founded).toMatchObject({ name: 'Perustamisvuosi', type: 'number', appliesTo: 'actor', issues: [] });
		const actors = model.actors();
		for (const actor of actors) {
			expect(actor.roles?.length, actor.name).toBeGreaterThan(0);
			expect(actor.roles!.every(isActorRole)).toBe(true);
		}
		expect(actors.filter((a) => a.tags?.length).length).toBeGreaterThanOrEqual(5);
		const years = actors.map((a) => a.custom?.[founded!.id]).filter((year) => year !== undefined);
		expect(years.length).toBeGreaterThanOrEqual(10);
		expect(years.every((year) => typeof year === 'number' && year > 1900 && year < 2030)).toBe(true);
		expect(actors.filter((a) => a.roles!.includes('leader')).length).toBeGreaterThanOrEqual(2);
	});

	it('qualifies every link with strength, direction and status, with a few planned links and gaps', () => {
		const { model } = demo();
		const links = model.links();
		for (const link of links) {
			expect(link.strength).toBeGreaterThanOrEqual(1);
			expect(link.direction).toBeDefined();
			expect(link.status).toBeDefined();
		}
		const byStatus = (status: string) => links.filter((l) => l.status === status).length;
		expect(byStatus('planned')).toBeGreaterThanOrEqual(2);
		expect(byStatus('gap')).toBeGreaterThanOrEqual(2);
		expect(new Set(links.map((l) => l.direction))).toEqual(new Set(['directed', 'undirected', 'mutual']));
		expect(links.some((l) => l.years !== undefined && l.evidence !== undefined)).toBe(true);
	});

	it('needs no cleanup: every reference in the demo resolves', () => {
		const { model } = demo();
		expect(model.cleanup()).toEqual({ links: 0, regions: 0, sectors: 0, customValues: 0 });
		const snapshot = model.snapshot();
		const issues = [...snapshot.actors, ...snapshot.links, ...snapshot.sectors, ...snapshot.fields].flatMap((e) => e.issues);
		expect(issues).toEqual([]);
	});
});
