// The plan: row-level errors with sheet, row and column, the model's own validation, endpoints by ID or label, and one-step undo.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { undoScope } from '$lib/map';
import { ImportFileError, applyImportPlan, parseImportFile, planImport, suggestMapping, type ImportMapping } from '$lib/exchange';
import { emptyMap, richMap, TEST_NOW } from './helpers';

const text = (value: string) => new TextEncoder().encode(value);

async function planCsv(model: ReturnType<typeof emptyMap>, csv: string, adjust: (m: ImportMapping) => void = () => {}) {
	const source = await parseImportFile(text(csv), 'toimijat.csv');
	const snapshot = model.snapshot();
	const mapping = suggestMapping(source, snapshot);
	adjust(mapping);
	return planImport(source, mapping, snapshot, { now: TEST_NOW });
}

describe('planning rows', () => {
	it('refuses exactly what the editor refuses, naming sheet, row, column and code', async () => {
		const plan = await planCsv(
			emptyMap(),
			['Label,Type,Business ID,Website,Size class', 'Hyvä Oy,company,0112038-9,yritys.fi,10-19', ',company,,,', 'Väärä Oy,company,0112038-8,,', 'Linkki Oy,company,,javascript:alert(1),', `${'x'.repeat(201)},company,,,`].join('\n')
		);
		expect(plan.rows.map((r) => r.action)).toEqual(['create', 'refused', 'refused', 'refused', 'refused']);
		expect(plan.rows[1]!.errors).toMatchObject([{ sheet: 'toimijat.csv', row: 3, column: 'Label', code: 'required' }]);
		expect(plan.rows[2]!.errors).toMatchObject([{ row: 4, column: 'Business ID', code: 'invalid_business_id' }]);
		expect(plan.rows[3]!.errors).toMatchObject([{ row: 5, column: 'Website', code: 'invalid_url' }]);
		expect(plan.rows[4]!.errors).toMatchObject([{ row: 6, column: 'Label', code: 'too_long' }]);
	});

	it('a value nobody mapped is refused unless a default kind is chosen', async () => {
		const csv = 'Label,Type\nA,Avaruusasema\nB,Yritys\n';
		const strict = await planCsv(emptyMap(), csv);
		expect(strict.rows.map((r) => r.action)).toEqual(['refused', 'create']);
		expect(strict.rows[0]!.errors).toMatchObject([{ column: 'Type', code: 'unmapped_value' }]);
		const lenient = await planCsv(emptyMap(), csv, (m) => (m.defaultActorKind = 'other'));
		expect(lenient.rows.map((r) => r.action)).toEqual(['create', 'create']);
		const mapped = await planCsv(emptyMap(), csv, (m) => (m.values.actorKind['Avaruusasema'] = 'rdi'));
		expect(mapped.rows.map((r) => r.action)).toEqual(['create', 'create']);
	});

	it('a sheet without a Type column gets the default kind "other" suggested', async () => {
		const model = emptyMap();
		const plan = await planCsv(model, 'Label\nA\n');
		applyImportPlan(model, plan);
		expect(model.actors()[0]?.kind).toBe('other');
	});

	it('links find their ends by label in the file, by label or id in the map, and refuse unknown, ambiguous or refused ends', async () => {
		const model = emptyMap();
		const existing = model.addActor({ name: 'Kartalla Oy', kind: 'company' });
		model.addActor({ name: 'Kaksi', kind: 'company' });
		model.addActor({ name: 'kaksi', kind: 'rdi' });
		const elements = await planCsv(model, 'Label,Type\nUusi Oy,company\nRikki,Avaruusasema\n');
		applyImportPlan(model, elements);
		const links = await planCsv(model, ['From,To,Type', `uusi oy,Kartalla Oy|${existing},informal`, 'Uusi Oy,Tuntematon,informal', 'Uusi Oy,Kaksi,informal', 'Uusi Oy,Rikki,informal'].join('\n'));
		// "Rikki" was refused in the first file, so it is not in the map: unknown here.
		expect(links.rows.map((r) => [r.row, r.action])).toEqual([[2, 'create'], [2, 'refused'], [3, 'refused'], [4, 'refused'], [5, 'refused']]);
		expect(links.rows[1]!.errors).toMatchObject([{ code: 'duplicate_row' }]);
		expect(links.rows[2]!.errors).toMatchObject([{ column: 'To', code: 'unknown_endpoint' }]);
		expect(links.rows[3]!.errors).toMatchObject([{ column: 'To', code: 'ambiguous_endpoint' }]);
	});

	it('a link to an actor refused in the same file is refused with endpoint_refused', async () => {
		const model = emptyMap();
		const source = await parseImportFile(
			text('Label,Type\nA,company\nB,Avaruusasema\n'),
			'e.csv'
		);
		const connections = await parseImportFile(text('From,To\nA,B\n'), 'c.csv');
		const combined = { ...source, connections: connections.connections };
		const plan = planImport(combined, suggestMapping(combined, model.snapshot()), model.snapshot(), { now: TEST_NOW });
		expect(plan.rows.at(-1)).toMatchObject({ action: 'refused', errors: [{ code: 'endpoint_refused', column: 'To' }] });
	});

	it('new custom fields get a type inferred from their values', async () => {
		const model = emptyMap();
		const plan = await planCsv(model, ['Label,Vuosi,Päivä,Sivu,Teemat,Muistiinpano', 'A,"1 985",2024-01-31,https://a.fi,vety|digi,jotain', 'B,"2,5",2023-12-01,http://b.fi,digi,muuta'].join('\n').replace('"1 985"', '1985'));
		applyImportPlan(model, plan);
		const types = Object.fromEntries(model.fields().map((f) => [f.name, [f.type, f.options]]));
		expect(types).toEqual({
			Vuosi: ['number', undefined],
			Päivä: ['date', undefined],
			Sivu: ['url', undefined],
			Teemat: ['multi_choice', ['vety', 'digi']],
			Muistiinpano: ['text', undefined]
		});
		expect(model.actors().find((a) => a.name === 'B')?.custom).toEqual(
			expect.objectContaining({ [model.fields().find((f) => f.name === 'Vuosi')!.id]: 2.5 })
		);
	});

	it('planning is deterministic given the same ids and time', async () => {
		const model = richMap();
		const source = await parseImportFile(text('Label,Type,Town\nA,company,Uusikaupunki\nB,rdi,Uusikaupunki\n'), 'x.csv');
		const seeded = () => {
			let n = 0;
			return () => `id-${n++}`;
		};
		const once = planImport(source, suggestMapping(source, model.snapshot()), model.snapshot(), { now: 1, newId: seeded() });
		const twice = planImport(source, suggestMapping(source, model.snapshot()), model.snapshot(), { now: 1, newId: seeded() });
		expect(twice).toEqual(once);
		expect(once.summary.newRegions).toEqual(['Uusikaupunki']);
	});

	it('reports progress while planning large files', async () => {
		const rows = Array.from({ length: 2500 }, (_, i) => `Toimija ${i},company`);
		const source = await parseImportFile(text(['Label,Type', ...rows].join('\n')), 'x.csv');
		const reports: [number, number, string][] = [];
		planImport(source, suggestMapping(source, emptyMap().snapshot()), emptyMap().snapshot(), { onProgress: (d, t, p) => reports.push([d, t, p]) });
		expect(reports).toEqual([[1000, 2500, 'plan'], [2000, 2500, 'plan'], [2500, 2500, 'plan']]);
	});
});

describe('what the model would refuse on writing is refused while planning', () => {
	it('a field of a type this version does not know is not reused: the column becomes a new field', async () => {
		const model = emptyMap();
		model.transact(() => model.parts.fields.set('futurefield', new Y.Map<unknown>([['name', 'Uusi'], ['type', 'hologram'], ['appliesTo', 'actor']])));
		const plan = await planCsv(model, 'Label,Uusi\nA,x\n');
		expect(plan.fileErrors).toEqual([]);
		applyImportPlan(model, plan);
		expect(model.fields().map((f) => [f.name, f.type]).sort()).toEqual([['Uusi', 'hologram'], ['Uusi', 'text']]);
	});

	it('a Kartta JSON whose sector or title is invalid imports the rest and refuses what uses the sector', async () => {
		const model = emptyMap();
		const json = {
			format: 'kartta-map',
			schemaVersion: 2,
			title: 'x'.repeat(500),
			actors: [
				{ id: 'a1', name: 'A', kind: 'company', sectors: ['s1'] },
				{ id: 'a2', name: 'B', kind: 'company' }
			],
			links: [],
			sectors: [{ id: 's1', name: 'Liian pitkä kuvaus', description: 'x'.repeat(6000) }]
		};
		const source = await parseImportFile(text(JSON.stringify(json)), 'x.json');
		const plan = planImport(source, suggestMapping(source, model.snapshot()), model.snapshot(), { now: TEST_NOW });
		expect(plan.rows.map((r) => r.action)).toEqual(['refused', 'create']);
		expect(plan.rows[0]!.errors).toMatchObject([{ column: 'Sectors', code: 'too_long' }]);
		applyImportPlan(model, plan);
		expect(model.snapshot()).toMatchObject({ title: null, sectors: [], actors: [{ id: 'a2', name: 'B' }] });
	});
});

describe('applying', () => {
	it('is one undo step: undoing once brings the map back to before the import', async () => {
		const model = richMap();
		const undo = new Y.UndoManager(undoScope(model.parts), { trackedOrigins: new Set([model.origin]) });
		const before = model.snapshot();
		const plan = await planCsv(model, 'Label,Type,Town,Sectors,Extra\nA,company,Uusi kaupunki,Uusi ala,x\nB,rdi,Iisalmi,,y\n');
		applyImportPlan(model, plan);
		expect(model.actors().length).toBe(before.actors.length + 2);
		expect(undo.undoStack).toHaveLength(1);
		undo.undo();
		expect(model.snapshot()).toEqual(before);
	});

	it('a plan that crossed postMessage (structured clone, as from the import worker) applies the same', async () => {
		const model = richMap();
		const plan = await planCsv(model, 'Label,Type,Town,Description\nRaahen Teräs Oy,company,Iisalmi,\nUusi,rdi,Uusikaupunki,x\n');
		applyImportPlan(model, structuredClone(plan));
		expect(model.actors().find((a) => a.name === 'Raahen Teräs Oy')?.description).toBeUndefined();
		expect(model.actors().find((a) => a.name === 'Uusi')).toMatchObject({ kind: 'rdi', description: 'x' });
	});

	it('a plan with file errors writes nothing and throws', async () => {
		const model = emptyMap();
		const plan = await planCsv(model, 'Type\ncompany\n');
		const before = Y.encodeStateVector(model.doc);
		expect(() => applyImportPlan(model, plan)).toThrow(ImportFileError);
		expect(Y.encodeStateVector(model.doc)).toEqual(before);
	});

	it('a plan made before someone deleted the actor it updates is refused as stale, writing nothing', async () => {
		const model = emptyMap();
		const id = model.addActor({ name: 'A', kind: 'company' });
		const plan = await planCsv(model, 'Label,Type,Description\nA,company,uusi\nB,company,\n');
		model.deleteActor(id);
		const before = Y.encodeStateVector(model.doc);
		expect(() => applyImportPlan(model, plan)).toThrow(expect.objectContaining({ code: 'stale_plan' }));
		expect(Y.encodeStateVector(model.doc)).toEqual(before);
	});

	it('works on any document holding a map, e.g. a server replica, and the other replica converges', async () => {
		const server = new Y.Doc();
		const client = new Y.Doc();
		const { MapModel } = await import('$lib/map');
		const serverModel = new MapModel(server, 'server-import');
		const plan = await planCsv(serverModel, 'Label,Type\nA,company\n');
		applyImportPlan(serverModel, plan);
		Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
		expect(new MapModel(client).snapshot()).toEqual(serverModel.snapshot());
	});
});
