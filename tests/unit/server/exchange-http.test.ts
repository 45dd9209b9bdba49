// The import route's helpers: download names that cannot escape or break a header, and the optional mapping a caller sends, checked before use.
import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '$lib/server/download';
import { downloadBaseName, FALLBACK_DOWNLOAD_NAME, MAX_DOWNLOAD_NAME_LENGTH } from '$lib/shared/download-name';
import { mergeMapping, parseMappingOverride } from '$lib/server/import-mapping';
import type { ImportMapping } from '$lib/exchange';

describe('download names', () => {
	it('keeps letters and digits of any script, folds the rest into single hyphens', () => {
		expect(downloadBaseName('Iisalmen seutu / "Ääni" 2026')).toBe('iisalmen-seutu-ääni-2026');
		expect(downloadBaseName('../../etc/passwd')).toBe('etc-passwd');
		expect(downloadBaseName('   ')).toBe(FALLBACK_DOWNLOAD_NAME);
		expect(downloadBaseName(null)).toBe(FALLBACK_DOWNLOAD_NAME);
		expect([...downloadBaseName('ä'.repeat(500))].length).toBe(MAX_DOWNLOAD_NAME_LENGTH);
	});

	it('gives an ASCII filename and the exact UTF-8 one, with no quote or line break', () => {
		const header = attachmentDisposition('kaupunki-åäö "x".json');
		expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
		expect(header).toContain('filename="kaupunki-aao-x-.json"');
		expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe('kaupunki-åäö "x".json');
	});
});

describe('the mapping field of an import', () => {
	const suggested: ImportMapping = {
		elements: { Nimi: 'name', Laji: 'kind', Muu: 'newField' },
		connections: {},
		values: { actorKind: { Yritys: 'company' }, role: {}, sizeClass: {}, linkKind: {}, direction: {}, status: {} },
		defaultActorKind: null,
		defaultLinkKind: 'informal',
		listSeparator: '|'
	};

	it('lays the caller\'s columns and values over the suggestion and keeps the rest', () => {
		const merged = mergeMapping(suggested, parseMappingOverride(JSON.stringify({ elements: { Muu: 'ignore' }, values: { actorKind: { Tuntematon: 'other' } }, defaultActorKind: 'other' })));
		expect(merged.elements).toEqual({ Nimi: 'name', Laji: 'kind', Muu: 'ignore' });
		expect(merged.values.actorKind).toEqual({ Yritys: 'company', Tuntematon: 'other' });
		expect(merged.defaultActorKind).toBe('other');
		expect(merged.defaultLinkKind).toBe('informal');
	});

	it('refuses what is not JSON, unknown targets and kinds, and unknown keys, naming the place', () => {
		const code = (text: string) => {
			try {
				parseMappingOverride(text);
				return null;
			} catch (error) {
				return { code: (error as { code: string }).code, message: (error as Error).message };
			}
		};
		expect(code('{')).toMatchObject({ code: 'invalid_mapping' });
		expect(code(JSON.stringify({ elements: { Nimi: 'salary' } }))).toMatchObject({ code: 'invalid_mapping', message: expect.stringContaining('elements.Nimi') });
		expect(code(JSON.stringify({ values: { linkKind: { X: 'friendship' } } }))).toMatchObject({ code: 'invalid_mapping' });
		expect(code(JSON.stringify({ sheets: {} }))).toMatchObject({ code: 'invalid_mapping' });
		expect(code(JSON.stringify({ elements: { Nimi: 'field:abc123' }, listSeparator: ';' }))).toBeNull();
	});
});
