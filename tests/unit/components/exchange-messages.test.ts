// The import dialog names every import error code (tests/unit/i18n checks the three languages), and lists columns' values for mapping.
import { describe, expect, it } from 'vitest';
import { IMPORT_ERROR_CODES } from '$lib/exchange';
import { IMPORT_ERROR_TEXT } from '$lib/components/exchange/import-labels';
import { MAX_DISTINCT_VALUES, previewSheet } from '$lib/components/exchange/import-protocol';
import { valueGroups } from '$lib/components/exchange/value-groups';
import { emptyValueMapping } from '$lib/exchange/values';

describe('import and export messages', () => {
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
