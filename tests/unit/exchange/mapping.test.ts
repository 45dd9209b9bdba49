// The default mapping: column names in fi, sv and en (any case or spacing), existing custom fields by name, and value synonyms.
import { describe, expect, it } from 'vitest';
import { distinctMappedValues, parseImportFile, suggestMapping } from '$lib/exchange';
import { emptyMap } from './helpers';

const text = (value: string) => new TextEncoder().encode(value);

describe('suggestMapping', () => {
	it('recognises Finnish, Swedish and English column names, ignoring case and spaces', async () => {
		const model = emptyMap();
		const cases: [string, Record<string, string>][] = [
			['Nimi;Tyyppi;Kunta;Y-tunnus;Toimiala;Kuvaus;Roolit;Kokoluokka;Verkkosivut', { Nimi: 'name', Tyyppi: 'kind', Kunta: 'region', 'Y-tunnus': 'businessId', Toimiala: 'sectors', Kuvaus: 'description', Roolit: 'roles', Kokoluokka: 'sizeClass', Verkkosivut: 'website' }],
			['Namn;Typ;Kommun;FO-nummer;Bransch', { Namn: 'name', Typ: 'kind', Kommun: 'region', 'FO-nummer': 'businessId', Bransch: 'sectors' }],
			['  LABEL ;kind;TOWN;business   id;Sector', { LABEL: 'name', kind: 'kind', TOWN: 'region', 'business   id': 'businessId', Sector: 'sectors' }],
			['Label;Kaupunki', { Label: 'name', Kaupunki: 'region' }]
		];
		for (const [header, expected] of cases) {
			const source = await parseImportFile(text(`${header}\nA;x;y;z;w;v;u;t;s\n`), 'x.csv');
			expect(suggestMapping(source, model.snapshot()).elements).toMatchObject(expected);
		}
	});

	it('maps a column named like an existing custom field to that field, other columns to new fields', async () => {
		const model = emptyMap();
		const field = model.addField({ name: 'Perustamisvuosi', type: 'number', appliesTo: 'actor' });
		model.addField({ name: 'Budjetti', type: 'number', appliesTo: 'link' });
		const source = await parseImportFile(text('Label,perustamisvuosi,Budjetti,Muu\nA,1990,5,x\n'), 'x.csv');
		expect(suggestMapping(source, model.snapshot()).elements).toEqual({
			Label: 'name',
			perustamisvuosi: `field:${field}`,
			// Budjetti is a link field: for actors it is a new field.
			Budjetti: 'newField',
			Muu: 'newField'
		});
	});

	it('suggests values for every distinct value of the enumerated columns, from fi/sv/en words and Kartta keys', async () => {
		const csv = ['Label,Type,Roles,Size class', 'A,Yritys,Veturi|Toimittaja,10–19', 'B,Företag,orchestrator,1000+', 'C,Tutkimuslaitos,,', 'D,Avaruusasema,,', 'E,Förening,,', 'F,rdi,,'].join('\n');
		const source = await parseImportFile(text(csv), 'x.csv');
		const { values } = suggestMapping(source, emptyMap().snapshot());
		expect(values.actorKind).toEqual({ Yritys: 'company', Företag: 'company', Tutkimuslaitos: 'rdi', Förening: 'association', rdi: 'rdi' });
		expect(values.role).toEqual({ Veturi: 'leader', Toimittaja: 'supplier', orchestrator: 'orchestrator' });
		expect(values.sizeClass).toEqual({ '10–19': '10-19', '1000+': '1000+' });
	});

	it('lists every distinct value of the enumerated columns for the preview, mapped or not', async () => {
		const csv = ['Label,Type,Roles', 'A,Yritys,Veturi|Tuntematon', 'B,Avaruusasema,Veturi', 'C,Yritys,'].join('\n');
		const source = await parseImportFile(text(csv), 'x.csv');
		const found = distinctMappedValues(source, suggestMapping(source, emptyMap().snapshot()));
		expect(found).toEqual({ actorKind: ['Yritys', 'Avaruusasema'], role: ['Veturi', 'Tuntematon'], sizeClass: [], linkKind: [], direction: [], status: [] });
	});

	it('suggests link kinds, directions and statuses for a connections file', async () => {
		const csv = ['Från,Till,Typ,Riktning,Status', 'A,B,Rahoitus,Ömsesidig,Suunniteltu', 'A,C,Pilot,undirected,Puute'].join('\n');
		const source = await parseImportFile(text(csv), 'x.csv');
		expect(source.connections).not.toBeNull();
		const mapping = suggestMapping(source, emptyMap().snapshot());
		expect(mapping.connections).toEqual({ Från: 'source', Till: 'target', Typ: 'kind', Riktning: 'direction', Status: 'status' });
		expect(mapping.values.linkKind).toEqual({ Rahoitus: 'funding', Pilot: 'pilot_environment' });
		expect(mapping.values.direction).toEqual({ Ömsesidig: 'mutual', undirected: 'undirected' });
		expect(mapping.values.status).toEqual({ Suunniteltu: 'planned', Puute: 'gap' });
	});
});
