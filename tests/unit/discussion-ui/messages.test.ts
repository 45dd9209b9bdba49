// The discussion speaks Finnish, Swedish and English alike: every discussion string exists in all three with the same placeholders,
// and every message the discussion components use exists.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';

const LOCALES = ['fi', 'sv', 'en'] as const;
const PREFIXES = ['discussion_', 'gap_', 'target_', 'comment_', 'notify_'];
const root = new URL('../../../', import.meta.url);

function messages(locale: string): Record<string, string> {
	return JSON.parse(readFileSync(new URL(`messages/${locale}.json`, root), 'utf8')) as Record<string, string>;
}

const all = Object.fromEntries(LOCALES.map((locale) => [locale, messages(locale)]));
const keysOf = (locale: string) => Object.keys(all[locale]!).filter((key) => PREFIXES.some((prefix) => key.startsWith(prefix))).sort();

describe('discussion messages', () => {
	it('has the same keys in fi, sv and en, none empty, with the same placeholders', () => {
		expect(keysOf('fi').length).toBeGreaterThan(100);
		expect(keysOf('sv')).toEqual(keysOf('fi'));
		expect(keysOf('en')).toEqual(keysOf('fi'));
		const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
		for (const key of keysOf('fi')) {
			for (const locale of LOCALES) expect(all[locale]![key]!.trim(), `${locale}:${key}`).not.toBe('');
			expect(placeholders(all.sv![key]!), `sv:${key}`).toEqual(placeholders(all.fi![key]!));
			expect(placeholders(all.en![key]!), `en:${key}`).toEqual(placeholders(all.fi![key]!));
		}
	});

	it('has every message the discussion components and the notifications page use', () => {
		const folders = ['src/lib/components/discussion/', 'src/routes/notifications/'];
		const used = new Set<string>();
		for (const folder of folders) {
			for (const file of readdirSync(new URL(folder, root))) {
				const text = readFileSync(new URL(folder + file, root), 'utf8');
				for (const match of text.matchAll(/\bm\.([a-z][a-z0-9_]*)\(/g)) used.add(match[1]!);
			}
		}
		expect(used.size).toBeGreaterThan(50);
		for (const key of used) for (const locale of LOCALES) expect(all[locale], `${locale}:${key}`).toHaveProperty(key);
	});
});
