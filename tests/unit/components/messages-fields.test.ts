// The table, catalog and field editors speak Finnish, Swedish and English alike, and every validation code and vocabulary value has words.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { ACTOR_ROLES, CUSTOM_FIELD_TARGETS, CUSTOM_FIELD_TYPES, FIELD_ERROR_CODES, LINK_DIRECTIONS, LINK_STATUSES, MAX_LINK_STRENGTH, MIN_LINK_STRENGTH } from '$lib/map';

const LOCALES = ['fi', 'sv', 'en'] as const;
const PREFIXES = ['fields_', 'table_', 'catalog_', 'vocab_'];

function messages(locale: string): Record<string, string> {
	return JSON.parse(readFileSync(new URL(`../../../messages/${locale}.json`, import.meta.url), 'utf8')) as Record<string, string>;
}

describe('table, catalog and field messages', () => {
	const all = Object.fromEntries(LOCALES.map((locale) => [locale, messages(locale)]));
	const keysOf = (locale: string) => Object.keys(all[locale]!).filter((key) => PREFIXES.some((prefix) => key.startsWith(prefix))).sort();

	it('is really translated: Finnish and Swedish differ from English where words are involved', () => {
		const same = keysOf('fi').filter((key) => /[a-z]{4,}/i.test(all.en![key]!) && (all.fi![key] === all.en![key] || all.sv![key] === all.en![key]));
		// Words that are the same in two languages (Status, Expert, Text) are few.
		expect(same.length).toBeLessThan(5);
	});

	it('names every validation code the model can report', () => {
		for (const locale of LOCALES) {
			for (const code of FIELD_ERROR_CODES) {
				const key = [`editor_error_${code}`, `fields_error_${code}`].find((candidate) => candidate in all[locale]!);
				expect(key, `${locale}: ${code}`).toBeDefined();
			}
		}
	});

	it('names every role, direction, status, strength, field type and target', () => {
		const keys = [
			...ACTOR_ROLES.map((role) => `vocab_role_${role}`),
			...LINK_DIRECTIONS.map((direction) => `vocab_direction_${direction}`),
			...LINK_STATUSES.map((status) => `vocab_status_${status}`),
			...Array.from({ length: MAX_LINK_STRENGTH - MIN_LINK_STRENGTH + 1 }, (_, i) => `vocab_strength_${MIN_LINK_STRENGTH + i}`),
			...CUSTOM_FIELD_TYPES.map((type) => `vocab_type_${type}`),
			...CUSTOM_FIELD_TARGETS.map((target) => `vocab_applies_${target}`)
		];
		for (const locale of LOCALES) for (const key of keys) expect(all[locale], `${locale}:${key}`).toHaveProperty(key);
	});
});
