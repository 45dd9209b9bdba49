// Every UI string exists in Finnish, Swedish and English alike: the same keys, none empty, the same
// placeholders, and every message the code asks for (`m.key(`) is there.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';

const LOCALES = ['fi', 'sv', 'en'] as const;
const root = new URL('../../../', import.meta.url);
/** Where user-visible strings are used. */
const SOURCE_FOLDERS = ['src/lib/', 'src/routes/'];

function messages(locale: string): Record<string, string> {
	return JSON.parse(readFileSync(new URL(`messages/${locale}.json`, root), 'utf8')) as Record<string, string>;
}

const all = Object.fromEntries(LOCALES.map((locale) => [locale, messages(locale)]));
const keysOf = (locale: string) => Object.keys(all[locale]!).filter((key) => !key.startsWith('$')).sort();
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

function sourceFiles(folder: string): string[] {
	return readdirSync(new URL(folder, root), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && /\.(ts|svelte)$/.test(entry.name) && !entry.parentPath.includes('paraglide'))
		.map((entry) => `${entry.parentPath}/${entry.name}`);
}

describe('UI messages', () => {
	it('has the same keys in fi, sv and en, none empty, with the same placeholders', () => {
		expect(keysOf('fi').length).toBeGreaterThan(500);
		expect(keysOf('sv')).toEqual(keysOf('fi'));
		expect(keysOf('en')).toEqual(keysOf('fi'));
		for (const key of keysOf('fi')) {
			for (const locale of LOCALES) expect(all[locale]![key]!.trim(), `${locale}:${key}`).not.toBe('');
			expect(placeholders(all.sv![key]!), `sv:${key}`).toEqual(placeholders(all.fi![key]!));
			expect(placeholders(all.en![key]!), `en:${key}`).toEqual(placeholders(all.fi![key]!));
		}
	});

	it('has every message the components, pages and editor ask for', () => {
		const used = new Set<string>();
		for (const file of SOURCE_FOLDERS.flatMap(sourceFiles)) {
			for (const match of readFileSync(file, 'utf8').matchAll(/\bm\.([a-z][a-z0-9_]*)\(/g)) used.add(match[1]!);
		}
		expect(used.size).toBeGreaterThan(500);
		const missing = [...used].filter((key) => LOCALES.some((locale) => !(key in all[locale]!)));
		expect(missing).toEqual([]);
	});
});
