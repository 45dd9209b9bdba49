// The editor speaks Finnish, Swedish and English alike: every editor string and every kind name exists in all three.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { ACTOR_KINDS, LINK_KINDS } from '$lib/map';

const LOCALES = ['fi', 'sv', 'en'] as const;
const EDITOR_PREFIXES = ['editor_', 'kind_', 'linkkind_', 'presence_', 'status_', 'view_', 'style_', 'filter_', 'layout_', 'shortcut_'];

function messages(locale: string): Record<string, string> {
	return JSON.parse(readFileSync(new URL(`../../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
}

describe('editor messages', () => {
	const all = Object.fromEntries(LOCALES.map((locale) => [locale, messages(locale)]));
	const keysOf = (locale: string) =>
		Object.keys(all[locale]!).filter((key) => EDITOR_PREFIXES.some((prefix) => key.startsWith(prefix))).sort();

	it('has the same editor keys in fi, sv and en, none empty', () => {
		expect(keysOf('sv')).toEqual(keysOf('fi'));
		expect(keysOf('en')).toEqual(keysOf('fi'));
		for (const locale of LOCALES) for (const key of keysOf(locale)) expect(all[locale]![key]!.trim(), `${locale}:${key}`).not.toBe('');
	});

	it('names every actor and link kind', () => {
		for (const locale of LOCALES) {
			for (const kind of ACTOR_KINDS) expect(all[locale], `${locale} kind_${kind}`).toHaveProperty(`kind_${kind}`);
			for (const kind of LINK_KINDS) expect(all[locale], `${locale} linkkind_${kind}`).toHaveProperty(`linkkind_${kind}`);
		}
	});

	it('uses the same placeholders in every language', () => {
		const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
		for (const key of keysOf('fi')) {
			const expected = placeholders(all.fi![key]!);
			expect(placeholders(all.sv![key]!), `sv:${key}`).toEqual(expected);
			expect(placeholders(all.en![key]!), `en:${key}`).toEqual(expected);
		}
	});
});
