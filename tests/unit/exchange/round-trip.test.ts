// Export then import gives back the same map, for every format (as far as each format carries the data).
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { comparable, emptyMap, richMap, roundTrip } from './helpers';

describe('round trip', () => {
	it('JSON gives back exactly the same snapshot, ids and creation times included', async () => {
		const source = richMap().snapshot();
		const target = emptyMap();
		const plan = await roundTrip(source, 'json', target);
		expect(plan.fileErrors).toEqual([]);
		expect(plan.rows.filter((r) => r.action === 'refused')).toEqual([]);
		expect(target.snapshot()).toEqual(source);
	});

	for (const format of ['xlsx', 'graphml', 'gexf'] as const) {
		it(`${format} gives back the same actors, links (with their ids), regions, sectors and fields`, async () => {
			const source = richMap().snapshot();
			const target = emptyMap();
			const plan = await roundTrip(source, format, target);
			expect(plan.rows.filter((r) => r.action === 'refused')).toEqual([]);
			const expected = comparable(source, { createdAt: false, views: false, title: false });
			const actual = comparable(target.snapshot(), { createdAt: false, views: false, title: false });
			if (format !== 'xlsx') {
				// GraphML and GEXF carry no sector growth flags or descriptions.
				expected.sectors = expected.sectors.map(({ name }) => ({ name, growth: false, issues: [] }));
			}
			expect(actual).toEqual(expected);
		});
	}

	it('CSV of elements and then of connections gives back the same actors and links', async () => {
		const source = richMap().snapshot();
		const target = emptyMap();
		await roundTrip(source, 'csv', target, 'elements');
		await roundTrip(source, 'csv', target, 'connections');
		const expected = comparable(source, { createdAt: false, views: false, title: false });
		const actual = comparable(target.snapshot(), { createdAt: false, views: false, title: false });
		// CSV carries no field types: they are inferred from the values, and sectors come without growth flags.
		expect(actual.actors).toEqual(expected.actors.map((a) => ({ ...a })));
		expect(actual.links).toEqual(expected.links);
	});

	it('every format writes the import as one update', async () => {
		const source = richMap().snapshot();
		const target = emptyMap();
		let updates = 0;
		target.doc.on('update', () => updates++);
		await roundTrip(source, 'xlsx', target);
		expect(updates).toBe(1);
		expect(Y.encodeStateVector(target.doc).length).toBeGreaterThan(1);
	});
});
