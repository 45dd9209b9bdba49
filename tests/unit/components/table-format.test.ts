// Cell values as text and typed text as values: lists, year ranges, Finnish decimal commas, custom values and unchanged drafts.
import { describe, it, expect } from 'vitest';
import { customValueDraft, customValueText, listText, parseListInput, parseNumberInput, sameDraft, yearsText } from '$lib/components/table/format';

describe('cell text', () => {
	it('joins lists, naming each entry', () => {
		expect(listText(['leader', 'user'], (role) => role.toUpperCase())).toBe('LEADER, USER');
		expect(listText(undefined)).toBe('');
	});

	it('writes year ranges with open ends', () => {
		expect(yearsText({ from: 2019, to: 2023 })).toBe('2019–2023');
		expect(yearsText({ from: 2019 })).toBe('2019–');
		expect(yearsText({ to: 2023 })).toBe('–2023');
		expect(yearsText(undefined)).toBe('');
		expect(yearsText({})).toBe('');
	});

	it('formats custom numbers in the user language and shows other values as stored', () => {
		expect(customValueText('number', 1234.5, 'fi')).toBe('1\u00a0234,5');
		expect(customValueText('number', 1234.5, 'en')).toBe('1,234.5');
		expect(customValueText('multi_choice', ['a', 'b'], 'fi')).toBe('a, b');
		expect(customValueText('date', '2025-03-01', 'fi')).toBe('2025-03-01');
		expect(customValueText('text', undefined, 'fi')).toBe('');
		expect(customValueText('number', 'not a number', 'fi')).toBe('not a number');
	});
});

describe('typed values', () => {
	it('reads numbers with decimal commas and thousand spaces', () => {
		expect(parseNumberInput('1,5')).toBe(1.5);
		expect(parseNumberInput(' 1 000 ')).toBe(1000);
		expect(parseNumberInput('1\u00a0000,25')).toBe(1000.25);
		expect(parseNumberInput('-3')).toBe(-3);
		expect(parseNumberInput('\u22123')).toBe(-3);
		expect(parseNumberInput('')).toBeNull();
		expect(parseNumberInput('12abc')).toBeNaN();
		expect(parseNumberInput('1,2,3')).toBeNaN();
	});

	it('splits tags at commas, keeping spaces inside a tag', () => {
		expect(parseListInput('vienti, vihreä siirtymä ,, ')).toEqual(['vienti', 'vihreä siirtymä']);
		expect(parseListInput('')).toEqual([]);
	});

	it('turns stored values into drafts and compares drafts by content', () => {
		expect(customValueDraft(['a'])).toEqual(['a']);
		expect(customValueDraft(5)).toBe('5');
		expect(customValueDraft(undefined)).toBe('');
		expect(sameDraft(['a', 'b'], ['a', 'b'])).toBe(true);
		expect(sameDraft(['a', 'b'], ['b', 'a'])).toBe(false);
		expect(sameDraft('x', 'x')).toBe(true);
		expect(sameDraft('x', ['x'])).toBe(false);
	});
});
