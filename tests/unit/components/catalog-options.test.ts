// The catalog's helpers: options typed one per line, and how many actors or values a sector or field delete would touch.
import { describe, it, expect } from 'vitest';
import { fieldUse, hasOptions, optionsText, parseOptions, sectorUse } from '$lib/components/catalog/options';

describe('catalog helpers', () => {
	it('reads one option per line, trimmed, without blank lines', () => {
		expect(parseOptions(' Pieni \r\n\nKeskisuuri\n  \nSuuri ')).toEqual(['Pieni', 'Keskisuuri', 'Suuri']);
		expect(parseOptions('')).toEqual([]);
		expect(optionsText(['a', 'b'])).toBe('a\nb');
		expect(optionsText(undefined)).toBe('');
	});

	it('knows which field types have options', () => {
		expect(hasOptions('choice')).toBe(true);
		expect(hasOptions('multi_choice')).toBe(true);
		expect(hasOptions('text')).toBe(false);
		expect(hasOptions('something-newer')).toBe(false);
	});

	it('counts the actors of each sector once, even when a list repeats an id', () => {
		const counts = sectorUse([{ sectors: ['s1', 's2'] }, { sectors: ['s1', 's1'] }, {}]);
		expect(counts.get('s1')).toBe(2);
		expect(counts.get('s2')).toBe(1);
		expect(counts.get('s3')).toBeUndefined();
	});

	it('counts the elements holding a value of a field', () => {
		expect(fieldUse('f', [{ custom: { f: 1 } }, { custom: { g: 2 } }, {}, { custom: { f: ['x'] } }])).toBe(2);
	});
});
