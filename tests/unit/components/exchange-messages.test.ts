// The import dialog and export menu speak Finnish, Swedish and English alike, name every import error code, and list columns' values for mapping.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { IMPORT_ERROR_CODES } from '$lib/exchange';
import { IMPORT_ERROR_TEXT } from '$lib/components/exchange/import-labels';
import { MAX_DISTINCT_VALUES, previewSheet } from '$lib/components/exchange/import-protocol';
import { valueGroups } from '$lib/components/exchange/value-groups';
import { emptyValueMapping } from '$lib/exchange/values';

const LOCALES = ['fi', 'sv', 'en'] as const;

function messages(locale: string): Record<string, string> {
	return JSON.parse(readFileSync(new URL(`../../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
}

describe('import and export messages', () => {
	const all = Object.fromEntries(LOCALES.map((locale) => [locale, messages(locale)]));
	const keysOf = (locale: string) => Object.keys(all[locale]!).filter((key) => key.startsWith('import_') || key.startsWith('export_')).sort();

	it('has the same keys in fi, sv and en, none empty, with the same placeholders', () => {
		expect(keysOf('fi').length).toBeGreaterThan(60);
		expect(keysOf('sv')).toEqual(keysOf('fi'));
		expect(keysOf('en')).toEqual(keysOf('fi'));
		const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
		for (const key of keysOf('fi')) {
			for (const locale of LOCALES) expect(all[locale]![key]!.trim(), `${locale}:${key}`).not.toBe('');
			expect(placeholders(all.sv![key]!), `sv:${key}`).toEqual(placeholders(all.fi![key]!));
			expect(placeholders(all.en![key]!), `en:${key}`).toEqual(placeholders(all.fi![key]!));
		}
	});

	it('translates every error code the import core reports', () => {
		const missing = IMPORT_ERROR_CODES.filter((code) => !(code in IMPORT_ERROR_TEXT));
		expect(missing).toEqual([]);
	});
});

describe('column previews and value groups', () => {
	const sheet = {
		name: 'Elements',
		columns: ['Label', 'Type', 'Roles', 'Serial'],
		rows: Array.from({ length: MAX_DISTINCT_VALUES + 5 }, (_, i) => ({
			row: i + 2,
			values: { Label: `Actor ${i}`, Type: i % 2 ? 'Yritys' : 'Tuntematon', Roles: i % 3 ? 'Veturi|Toimittaja' : 'Asiantuntija', Serial: i }
		}))
	};

	it('samples each column and lists the distinct values of short lists only', () => {
		const preview = previewSheet(sheet);
		const byName = Object.fromEntries(preview.columns.map((column) => [column.name, column]));
		expect(preview.rowCount).toBe(sheet.rows.length);
		expect(byName.Label!.samples).toEqual(['Actor 0', 'Actor 1', 'Actor 2']);
		expect(byName.Type!.distinct).toEqual(['Tuntematon', 'Yritys']);
		expect(byName.Serial!.distinct).toBeNull();
	});

	it('offers value mapping for columns imported as enumerated fields, splitting lists by the separator', () => {
		const preview = { format: 'xlsx' as const, elements: previewSheet(sheet), connections: null };
		const mapping = {
			elements: { Label: 'name', Type: 'kind', Roles: 'roles', Serial: 'newField' } as const,
			connections: {},
			values: emptyValueMapping(),
			defaultActorKind: null,
			defaultLinkKind: null,
			listSeparator: '|'
		};
		const groups = valueGroups(preview, mapping);
		expect(groups.map((g) => [g.field, g.column, g.values])).toEqual([
			['actorKind', 'Type', ['Tuntematon', 'Yritys']],
			['role', 'Roles', ['Asiantuntija', 'Toimittaja', 'Veturi']]
		]);
		// A column mapped elsewhere is no longer offered.
		expect(valueGroups(preview, { ...mapping, elements: { ...mapping.elements, Type: 'ignore' } }).map((g) => g.field)).toEqual(['role']);
	});
});
