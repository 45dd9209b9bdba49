// Test helpers for import/export: a rich map built with the real model, snapshots compared without what a format cannot carry.
import * as Y from 'yjs';
import { MapModel, type MapSnapshot } from '$lib/map';
import { applyImportPlan, exportMap, parseImportFile, planImport, suggestMapping, type ExportFormat, type ImportPlan } from '$lib/exchange';

export const TEST_NOW = Date.UTC(2026, 0, 1);

export function emptyMap(): MapModel {
	return new MapModel(new Y.Doc());
}

/** A map with every actor kind, regions, sectors, custom fields of every type, links with every field and awkward text. */
export function richMap(): MapModel {
	const model = emptyMap();
	const iisalmi = model.addRegion({ name: 'Iisalmi' });
	const raahe = model.addRegion({ name: 'Raahe' });
	const kristinestad = model.addRegion({ name: 'Kristiinankaupunki' });
	const metal = model.addSector({ name: 'Metalli- ja konepajateollisuus', growth: true, description: 'Kasvuala' });
	const food = model.addSector({ name: 'Elintarvikkeet' });
	const founded = model.addField({ name: 'Perustamisvuosi', type: 'number', appliesTo: 'actor' });
	const contact = model.addField({ name: 'Yhteyshenkilön rooli', type: 'text', appliesTo: 'actor' });
	const since = model.addField({ name: 'Mukana alkaen', type: 'date', appliesTo: 'actor' });
	const level = model.addField({ name: 'Taso', type: 'choice', appliesTo: 'actor', options: ['Paikallinen', 'Alueellinen', 'Kansallinen'] });
	const themes = model.addField({ name: 'Teemat', type: 'multi_choice', appliesTo: 'actor', options: ['Vety', 'Digi', 'Kiertotalous'] });
	const page = model.addField({ name: 'Esittely', type: 'url', appliesTo: 'actor' });
	const budget = model.addField({ name: 'Budjetti', type: 'number', appliesTo: 'link' });
	const programme = model.addField({ name: 'Ohjelma', type: 'choice', appliesTo: 'link', options: ['EAKR', 'Horisontti'] });
	const signed = model.addField({ name: 'Allekirjoitettu', type: 'date', appliesTo: 'link' });
	const kinds = ['company', 'education', 'rdi', 'public', 'development', 'funding', 'association', 'other'] as const;
	const ids = kinds.map((kind, i) =>
		model.addActor({
			name: `${['Raahen Teräs Oy', 'Savonia-ammattikorkeakoulu', 'Tutkimus Åbo', 'Iisalmen kaupunki', 'Kehitysyhtiö Ylä-Savo', 'Rahoittaja Öljy', 'Yhdistys Förening', 'Muu toimija'][i]}`,
			kind,
			region: [iisalmi, raahe, kristinestad][i % 3],
			pos: { x: i * 100 - 250, y: i % 2 === 0 ? -40.5 : 80 }
		})
	);
	model.updateActor(ids[0]!, {
		description: '=SUM(1) is not a formula\nrivi kaksi, "lainaus"; puolipiste',
		roles: ['leader', 'supplier'],
		sectors: [metal, food],
		businessId: '0112038-9',
		sizeClass: '250-499',
		website: 'https://raahenteras.example.fi/palvelut?a=1&b=2',
		tags: ['vienti', 'vihreä siirtymä', '@mention', '-miinus'],
		custom: { [founded]: 1972, [contact]: '+358 40 123', [since]: '2024-02-29', [level]: 'Alueellinen', [themes]: ['Vety', 'Digi'], [page]: 'https://example.fi/raahe' }
	});
	model.updateActor(ids[1]!, { roles: ['orchestrator'], sizeClass: '1000+', custom: { [founded]: -12.5, [themes]: ['Kiertotalous'] } });
	model.updateActor(ids[2]!, { tags: ["'=already quoted"], description: 'Åbo – Turku' });
	model.addLink({
		source: ids[0]!,
		target: ids[1]!,
		kind: 'rdi_project',
		description: 'Yhteinen TKI-hanke',
		strength: 4,
		direction: 'mutual',
		status: 'planned',
		years: { from: 2020, to: 2025 },
		evidence: 'Hankerekisteri',
		custom: { [budget]: 150000.5, [programme]: 'EAKR', [signed]: '2021-06-30' }
	});
	model.addLink({ source: ids[1]!, target: ids[2]!, kind: 'education', direction: 'undirected', status: 'gap', years: { to: 2030 } });
	model.addLink({ source: ids[3]!, target: ids[0]!, kind: 'funding', strength: 1 });
	model.addLink({ source: ids[3]!, target: ids[0]!, kind: 'funding', strength: 2, direction: 'directed', status: 'existing', years: { from: 1999 } });
	for (const kind of ['customer_supplier', 'pilot_environment', 'mobility', 'membership', 'informal'] as const) {
		model.addLink({ source: ids[4]!, target: ids[6]!, kind });
	}
	model.setTitle('Testikartta — Åbo');
	model.addView({ name: 'Kasvualat', filter: { growthOnly: true }, style: { colourBy: 'kind' }, layout: 'preset', viewport: { zoom: 1.5, pan: { x: 10, y: -20 } } });
	return model;
}

/** Export, parse, suggest, plan and apply into `target`; returns the plan. */
export async function roundTrip(source: MapSnapshot, format: ExportFormat, target: MapModel, part?: 'elements' | 'connections'): Promise<ImportPlan> {
	const file = await exportMap(source, format, part ? { part } : {});
	const parsed = await parseImportFile(file.bytes, file.fileName);
	const snapshot = target.snapshot();
	const plan = planImport(parsed, suggestMapping(parsed, snapshot), snapshot, { now: TEST_NOW });
	applyImportPlan(target, plan);
	return plan;
}

/**
 * A snapshot with the catalogue's ids replaced by names, so maps built separately compare equal.
 * `createdAt` is dropped for formats that do not carry it.
 */
export function comparable(snapshot: MapSnapshot, options: { createdAt?: boolean; views?: boolean; title?: boolean } = {}) {
	const region = new Map(snapshot.regions.map((r) => [r.id, r.name]));
	const sector = new Map(snapshot.sectors.map((s) => [s.id, s.name]));
	const field = new Map(snapshot.fields.map((f) => [f.id, f.name]));
	const custom = (values: Record<string, unknown> | undefined) =>
		values && Object.fromEntries(Object.entries(values).map(([id, v]) => [field.get(id), v]).sort(([a], [b]) => String(a).localeCompare(String(b))));
	return {
		title: options.title === false ? null : snapshot.title,
		actors: snapshot.actors.map(({ createdAt, region: r, sectors, custom: c, ...actor }) => ({
			...actor,
			...(options.createdAt !== false && { createdAt }),
			...(r && { region: region.get(r) }),
			...(sectors && { sectors: sectors.map((s) => sector.get(s)) }),
			...(c && { custom: custom(c) })
		})),
		links: snapshot.links.map(({ custom: c, createdAt, ...link }) => ({
			...link,
			...(options.createdAt !== false && { createdAt }),
			...(c && { custom: custom(c) })
		})),
		regions: snapshot.regions.map((r) => r.name).sort(),
		sectors: snapshot.sectors.map(({ id, ...s }) => s).sort((a, b) => a.name.localeCompare(b.name)),
		fields: snapshot.fields.map(({ id, ...f }) => f).sort((a, b) => a.name.localeCompare(b.name)),
		...(options.views !== false && { views: snapshot.views.map(({ id, ...v }) => v) })
	};
}
