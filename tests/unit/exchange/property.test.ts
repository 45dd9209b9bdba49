// Property: exporting a random valid map and importing it into an empty one gives the same map (JSON exactly; XLSX up to what it carries).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, ACTOR_ROLES, LINK_KINDS, SIZE_CLASSES, businessIdCheckDigit, type MapModel } from '$lib/map';
import { comparable, emptyMap, roundTrip } from './helpers';

/** A generous limit on a shared two-core machine; it bounds the run, it asserts nothing about speed. */
const PROPERTY_TIMEOUT_MS = 120_000;
const LETTERS = [...'abcdefghijkläöåÄÖÅ XYZ0123456789=+-@\'";,.<>&/()'];
/** Text without the list separator (a list item containing `|` cannot survive Kumu's layout) or control characters. */
const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 24 }).map((chars) => chars.join(''));
const name = word.filter((text) => text.trim() !== '');
const validBusinessIds = Array.from({ length: 200 }, (_, i) => String(1234567 + i * 7919).padStart(7, '0'))
	.flatMap((body) => {
		const check = businessIdCheckDigit(body);
		return check === null ? [] : [`${body}-${check}`];
	});

const actorArb = fc.record({
	name,
	kind: fc.constantFrom(...ACTOR_KINDS),
	region: fc.option(fc.constantFrom(0, 1, 2), { nil: undefined }),
	pos: fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.double({ min: -5000, max: 5000, noNaN: true }) }),
	description: fc.option(fc.array(name, { maxLength: 3 }).map((lines) => lines.join('\n')), { nil: undefined }),
	roles: fc.option(fc.subarray([...ACTOR_ROLES], { minLength: 1 }), { nil: undefined }),
	sectors: fc.option(fc.subarray([0, 1], { minLength: 1 }), { nil: undefined }),
	businessId: fc.option(fc.constantFrom(...validBusinessIds), { nil: undefined }),
	sizeClass: fc.option(fc.constantFrom(...SIZE_CLASSES), { nil: undefined }),
	tags: fc.option(fc.uniqueArray(name.map((t) => t.trim()), { minLength: 1, maxLength: 4, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() }), { nil: undefined }),
	score: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined }),
	note: fc.option(name, { nil: undefined })
});

const linkArb = fc.record({
	from: fc.nat(),
	to: fc.nat(),
	kind: fc.constantFrom(...LINK_KINDS),
	strength: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
	direction: fc.option(fc.constantFrom('directed', 'undirected', 'mutual' as const), { nil: undefined }),
	status: fc.option(fc.constantFrom('existing', 'planned', 'gap' as const), { nil: undefined }),
	years: fc.option(fc.record({ from: fc.integer({ min: 1800, max: 2000 }), to: fc.integer({ min: 2000, max: 2200 }) }), { nil: undefined }),
	evidence: fc.option(name, { nil: undefined })
});

const mapArb = fc.record({ actors: fc.array(actorArb, { minLength: 2, maxLength: 8 }), links: fc.array(linkArb, { maxLength: 10 }) });

function build(spec: { actors: Array<Record<string, unknown>>; links: Array<Record<string, unknown>> }): MapModel {
	const model = emptyMap();
	const regions = ['Iisalmi', 'Raahe', 'Närpes'].map((n) => model.addRegion({ name: n }));
	const sectors = ['Metalli', 'Elintarvike'].map((n) => model.addSector({ name: n, growth: n === 'Metalli' }));
	const score = model.addField({ name: 'Pisteet', type: 'number', appliesTo: 'actor' });
	const note = model.addField({ name: 'Huomio', type: 'text', appliesTo: 'actor' });
	const ids = spec.actors.map((a) => {
		const { score: s, note: n, region, sectors: sectorIndexes, ...rest } = a as Record<string, never>;
		return model.addActor({
			...(rest as object),
			...(region !== undefined && { region: regions[region] }),
			...(sectorIndexes !== undefined && { sectors: (sectorIndexes as number[]).map((i) => sectors[i]!) }),
			custom: { ...(s !== undefined && { [score]: s }), ...(n !== undefined && { [note]: n }) }
		} as never);
	});
	for (const link of spec.links) {
		const source = ids[(link.from as number) % ids.length]!;
		const target = ids[(link.to as number) % ids.length]!;
		if (source === target) continue;
		const { from, to, ...rest } = link;
		model.addLink({ ...(rest as object), source, target } as never);
	}
	return model;
}

describe('export then import is the identity', () => {
	it('for JSON, exactly', async () => {
		await fc.assert(
			fc.asyncProperty(mapArb, async (spec) => {
				const source = build(spec as never).snapshot();
				const target = emptyMap();
				await roundTrip(source, 'json', target);
				expect(target.snapshot()).toEqual(source);
			}),
			{ numRuns: 30 }
		);
	}, PROPERTY_TIMEOUT_MS);

	it('for XLSX, up to creation times and the catalogue ids it does not carry', async () => {
		await fc.assert(
			fc.asyncProperty(mapArb, async (spec) => {
				const source = build(spec as never).snapshot();
				const target = emptyMap();
				await roundTrip(source, 'xlsx', target);
				const options = { createdAt: false, views: false, title: false };
				// XLSX carries a town only through the actors in it.
				const used = new Set(source.actors.map((a) => a.region));
				const expected = comparable({ ...source, regions: source.regions.filter((r) => used.has(r.id)) }, options);
				expect(comparable(target.snapshot(), options)).toEqual(expected);
			}),
			{ numRuns: 15 }
		);
	}, PROPERTY_TIMEOUT_MS);
});
