// A hand-made Kumu-style workbook (Finnish types, `|` tags, custom columns, `To: a|b`) imports with the expected actors, links and fields.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyImportPlan, parseImportFile, planImport, suggestMapping } from '$lib/exchange';
import { emptyMap, TEST_NOW } from './helpers';

const FIXTURE = new URL('../../fixtures/exchange/kumu-ecosystem.xlsx', import.meta.url);

async function importFixture() {
	const model = emptyMap();
	const source = await parseImportFile(new Uint8Array(readFileSync(FIXTURE)), 'kumu-ecosystem.xlsx');
	const mapping = suggestMapping(source, model.snapshot());
	const plan = planImport(source, mapping, model.snapshot(), { now: TEST_NOW });
	applyImportPlan(model, plan);
	return { model, source, mapping, plan };
}

describe('Kumu-style workbook', () => {
	it('maps the Finnish columns and Type values without help', async () => {
		const { mapping } = await importFixture();
		expect(mapping.elements).toMatchObject({
			Label: 'name',
			Type: 'kind',
			Description: 'description',
			Tags: 'tags',
			Kunta: 'region',
			'Y-tunnus': 'businessId',
			Toimiala: 'sectors',
			Perustettu: 'newField',
			Yhteyshenkilö: 'newField'
		});
		expect(mapping.connections).toMatchObject({ From: 'source', To: 'target', Type: 'kind', Direction: 'direction', Strength: 'strength', Hanke: 'newField' });
		expect(mapping.values.actorKind).toEqual({
			Yritys: 'company',
			Oppilaitos: 'education',
			Kaupunki: 'public',
			Kehitysyhtiö: 'development',
			Yhdistys: 'association',
			Rahoittaja: 'funding'
		});
		expect(mapping.values.linkKind).toEqual({ Rahoitus: 'funding', 'TKI-hanke': 'rdi_project', Jäsenyys: 'membership' });
	});

	it('imports six actors with their kinds, towns, tags, sectors, Business ID and custom fields', async () => {
		const { model, plan } = await importFixture();
		expect(plan.summary.actors).toEqual({ create: 6, update: 0, unchanged: 0, refused: 0 });
		expect(plan.summary.newRegions.sort()).toEqual(['Helsinki', 'Iisalmi', 'Kuopio']);
		expect(plan.summary.newSectors.sort()).toEqual(['Koulutus', 'Metalli']);
		const snapshot = model.snapshot();
		const fields = Object.fromEntries(snapshot.fields.map((f) => [f.name, f]));
		expect(fields['Perustettu']).toMatchObject({ type: 'number', appliesTo: 'actor' });
		expect(fields['Yhteyshenkilö']).toMatchObject({ type: 'text', appliesTo: 'actor' });
		expect(fields['Hanke']).toMatchObject({ type: 'text', appliesTo: 'link' });
		const regionName = new Map(snapshot.regions.map((r) => [r.id, r.name]));
		const konepaja = snapshot.actors.find((a) => a.name === 'Iisalmen Konepaja Oy')!;
		expect(konepaja).toMatchObject({
			kind: 'company',
			description: 'Konepaja ja hitsaus',
			tags: ['vienti', 'metalli'],
			businessId: '0112038-9',
			custom: { [fields['Perustettu']!.id]: 1985, [fields['Yhteyshenkilö']!.id]: 'toimitusjohtaja' },
			issues: []
		});
		expect(regionName.get(konepaja.region!)).toBe('Iisalmi');
		expect(snapshot.sectors.find((s) => s.id === konepaja.sectors![0])?.name).toBe('Metalli');
		expect(Object.fromEntries(snapshot.actors.map((a) => [a.name, a.kind]))).toEqual({
			'Iisalmen Konepaja Oy': 'company',
			'Savonia-ammattikorkeakoulu': 'education',
			'Iisalmen kaupunki': 'public',
			'Business Iisalmi': 'development',
			'Ylä-Savon Yrittäjät': 'association',
			'Business Finland': 'funding'
		});
	});

	it('imports five links, two of them from one row with To: a|b', async () => {
		const { model, plan } = await importFixture();
		expect(plan.summary.links).toEqual({ create: 5, update: 0, unchanged: 0, refused: 0 });
		expect(plan.rows.filter((r) => r.sheet === 'Connections' && r.row === 2)).toHaveLength(2);
		const snapshot = model.snapshot();
		const name = new Map(snapshot.actors.map((a) => [a.id, a.name]));
		const hanke = snapshot.fields.find((f) => f.name === 'Hanke')!.id;
		const links = snapshot.links.map((l) => ({
			from: name.get(l.source),
			to: name.get(l.target),
			kind: l.kind,
			direction: l.direction,
			strength: l.strength,
			hanke: l.custom?.[hanke]
		}));
		expect(links).toEqual(
			expect.arrayContaining([
				{ from: 'Iisalmen kaupunki', to: 'Business Iisalmi', kind: 'funding', direction: 'directed', strength: 3, hanke: undefined },
				{ from: 'Iisalmen kaupunki', to: 'Iisalmen Konepaja Oy', kind: 'funding', direction: 'directed', strength: 3, hanke: undefined },
				{ from: 'Savonia-ammattikorkeakoulu', to: 'Iisalmen Konepaja Oy', kind: 'rdi_project', direction: 'mutual', strength: 4, hanke: 'Vety 2030' },
				{ from: 'Business Finland', to: 'Savonia-ammattikorkeakoulu', kind: 'funding', direction: undefined, strength: undefined, hanke: undefined },
				{ from: 'Ylä-Savon Yrittäjät', to: 'Iisalmen Konepaja Oy', kind: 'membership', direction: 'undirected', strength: 2, hanke: undefined }
			])
		);
		expect(links).toHaveLength(5);
	});

	it('places the imported actors on a grid: no two on the same spot', async () => {
		const { model } = await importFixture();
		const spots = new Set(model.actors().map((a) => `${a.pos.x},${a.pos.y}`));
		expect(spots.size).toBe(6);
	});

	it('importing the workbook again plans every row as unchanged', async () => {
		const { model } = await importFixture();
		const source = await parseImportFile(new Uint8Array(readFileSync(FIXTURE)), 'kumu-ecosystem.xlsx');
		const snapshot = model.snapshot();
		const again = planImport(source, suggestMapping(source, snapshot), snapshot, { now: TEST_NOW });
		expect(again.rows.map((r) => r.action)).toEqual(again.rows.map(() => 'unchanged'));
	});
});
