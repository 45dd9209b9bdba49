// Re-importing a file changes nothing: rows match actors by ID, then Business ID, then name + town, and links by ID or ends and kind.
import { describe, expect, it } from 'vitest';
import { exportMap, parseImportFile, planImport, suggestMapping, applyImportPlan } from '$lib/exchange';
import { emptyMap, richMap, roundTrip, TEST_NOW } from './helpers';

const csv = (text: string) => new TextEncoder().encode(text);

async function plan(target: ReturnType<typeof emptyMap>, bytes: Uint8Array, fileName: string) {
	const source = await parseImportFile(bytes, fileName);
	const snapshot = target.snapshot();
	return planImport(source, suggestMapping(source, snapshot), snapshot, { now: TEST_NOW });
}

describe('re-import', () => {
	for (const format of ['json', 'xlsx', 'graphml', 'gexf'] as const) {
		it(`importing the same ${format} file twice plans every row of the second import as unchanged`, async () => {
			const source = richMap().snapshot();
			const target = emptyMap();
			await roundTrip(source, format, target);
			const before = target.snapshot();
			const second = await roundTrip(source, format, target);
			expect(second.rows.map((r) => r.action)).toEqual(second.rows.map(() => 'unchanged'));
			expect(second.summary.newRegions).toEqual([]);
			expect(second.summary.newFields).toEqual([]);
			expect(target.snapshot()).toEqual(before);
		});
	}

	it('re-importing a CSV of elements and one of connections changes nothing', async () => {
		const source = richMap().snapshot();
		const target = emptyMap();
		await roundTrip(source, 'csv', target, 'elements');
		await roundTrip(source, 'csv', target, 'connections');
		const before = target.snapshot();
		const elements = await roundTrip(source, 'csv', target, 'elements');
		const connections = await roundTrip(source, 'csv', target, 'connections');
		expect([...elements.rows, ...connections.rows].every((r) => r.action === 'unchanged')).toBe(true);
		expect(target.snapshot()).toEqual(before);
	});

	it('a row without ID matches by Business ID and updates that actor instead of adding one', async () => {
		const target = emptyMap();
		const id = target.addActor({ name: 'Vanha Nimi Oy', kind: 'company', businessId: '0112038-9' });
		const result = await plan(target, csv('Label,Type,Y-tunnus,Description\nUusi Nimi Oy,Yritys,0112038-9,Päivitetty\n'), 'a.csv');
		expect(result.rows).toMatchObject([{ action: 'update', id, matchedBy: 'businessId' }]);
		applyImportPlan(target, result);
		expect(target.actors()).toHaveLength(1);
		expect(target.actor(id)).toMatchObject({ name: 'Uusi Nimi Oy', description: 'Päivitetty' });
	});

	it('a row without ID or Business ID matches by name and town, ignoring case and spaces', async () => {
		const target = emptyMap();
		const iisalmi = target.addRegion({ name: 'Iisalmi' });
		const raahe = target.addRegion({ name: 'Raahe' });
		const inIisalmi = target.addActor({ name: 'Kehitys Oy', kind: 'development', region: iisalmi });
		target.addActor({ name: 'Kehitys Oy', kind: 'development', region: raahe });
		const same = await plan(target, csv('Nimi;Tyyppi;Kunta\n  Kehitys Oy ;Kehitysyhtiö; IISALMI\n'), 'b.csv');
		expect(same.rows).toMatchObject([{ action: 'unchanged', id: inIisalmi, matchedBy: 'nameAndRegion' }]);
		// Matching ignores case and spacing; the name as the file writes it is then an update.
		const recased = await plan(target, csv('Nimi;Tyyppi;Kunta\nkehitys   oy;Kehitysyhtiö;iisalmi\n'), 'b.csv');
		expect(recased.rows).toMatchObject([{ action: 'update', id: inIisalmi, matchedBy: 'nameAndRegion' }]);
		applyImportPlan(target, recased);
		expect(target.actors()).toHaveLength(2);
	});

	it('two rows for the same actor: the later one is refused as a duplicate', async () => {
		const target = emptyMap();
		const result = await plan(target, csv('Label,Type,Town\nAlfa,company,Iisalmi\nalfa,company,iisalmi\n'), 'c.csv');
		expect(result.rows.map((r) => r.action)).toEqual(['create', 'refused']);
		expect(result.rows[1]!.errors).toMatchObject([{ sheet: 'c.csv', row: 3, code: 'duplicate_row' }]);
	});

	it('an ID from another tool becomes the actor id, so re-importing matches by ID even after a rename', async () => {
		const target = emptyMap();
		applyImportPlan(target, await plan(target, csv('ID,Label,Type\nkumu-elem-1,Alfa,company\n'), 'd.csv'));
		expect(target.actor('kumu-elem-1')?.name).toBe('Alfa');
		const renamed = await plan(target, csv('ID,Label,Type\nkumu-elem-1,Beta,company\n'), 'd.csv');
		expect(renamed.rows).toMatchObject([{ action: 'update', id: 'kumu-elem-1', matchedBy: 'id' }]);
	});

	it('exported XLSX of a map re-imported into that same map changes nothing', async () => {
		const model = richMap();
		const before = model.snapshot();
		const file = await exportMap(before, 'xlsx');
		const result = await plan(model, file.bytes, file.fileName);
		expect(result.rows.every((r) => r.action === 'unchanged')).toBe(true);
		applyImportPlan(model, result);
		expect(model.snapshot()).toEqual(before);
	});
});
