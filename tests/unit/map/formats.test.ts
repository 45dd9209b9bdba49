// Formatted values: Finnish Business IDs (Y-tunnus) with their check digit, web addresses, ISO dates and plain JSON.
import { describe, it, expect } from 'vitest';
import {
	MAX_URL_LENGTH,
	MAX_VIEW_JSON_DEPTH,
	MAX_VIEW_JSON_LENGTH,
	businessIdCheckDigit,
	isIsoDate,
	isValidBusinessId,
	isValidWebUrl,
	jsonObjectProblem,
	parseBusinessId,
	parseWebUrl
} from '$lib/map';

/** The Tax Administration's algorithm written out independently, to check the implementation against. */
function referenceCheckDigit(body: string): number | null {
	const weights = [7, 9, 10, 5, 8, 4, 2];
	const remainder = [...body].reduce((sum, digit, i) => sum + Number(digit) * weights[i]!, 0) % 11;
	return remainder === 0 ? 0 : remainder === 1 ? null : 11 - remainder;
}

describe('Business ID (Y-tunnus)', () => {
	it.each(['0112038-9', '1572860-0', '2617416-4', '0737546-2'])('accepts %s, whose check digit is right', (id) => {
		expect(parseBusinessId(id)).toEqual({ ok: true, value: id });
		expect(isValidBusinessId(id)).toBe(true);
	});

	it('computes the check digit with weights 7,9,10,5,8,4,2 modulo 11', () => {
		expect(businessIdCheckDigit('0112038')).toBe(9); // remainder 2 -> 11 - 2
		expect(businessIdCheckDigit('1572860')).toBe(0); // remainder 0 -> 0
		expect(businessIdCheckDigit('2617416')).toBe(4); // remainder 7 -> 11 - 7
		for (let body = 1_000_000; body < 1_000_400; body += 7) {
			expect(businessIdCheckDigit(String(body)), String(body)).toBe(referenceCheckDigit(String(body)));
		}
	});

	it('refuses bodies whose remainder is 1: they have no check digit and are never issued', () => {
		expect(referenceCheckDigit('1000008')).toBeNull();
		expect(businessIdCheckDigit('1000008')).toBeNull();
		for (let check = 0; check <= 9; check++) {
			expect(parseBusinessId(`1000008-${check}`)).toEqual({ ok: false, problem: 'checksum' });
		}
	});

	it.each(['0112038-8', '0112038-0', '1572860-1', '2617416-5'])('reports a wrong check digit in %s', (id) => {
		expect(parseBusinessId(id)).toEqual({ ok: false, problem: 'checksum' });
		expect(isValidBusinessId(id)).toBe(false);
	});

	it('zero-pads a 6-digit body and tidies spaces and typographic dashes', () => {
		expect(parseBusinessId('112038-9')).toEqual({ ok: true, value: '0112038-9' });
		expect(parseBusinessId(' 2617416–4 ')).toEqual({ ok: true, value: '2617416-4' });
		expect(parseBusinessId('112038-8')).toEqual({ ok: false, problem: 'checksum' });
	});

	it.each(['', '0112038', '01120389', '0112038 9', 'FI01120389', '12345-6', '01120388-9', 'abcdefg-h', '0112038-99'])(
		'reports a malformed Business ID %j',
		(input) => {
			expect(parseBusinessId(input)).toEqual({ ok: false, problem: 'format' });
		}
	);

	it('accepts only the canonical stored form in isValidBusinessId', () => {
		expect(isValidBusinessId('112038-9')).toBe(false);
		expect(isValidBusinessId(' 0112038-9')).toBe(false);
		expect(isValidBusinessId(1120389)).toBe(false);
	});
});

describe('web addresses', () => {
	it.each([
		['https://www.raahe.fi', 'https://www.raahe.fi'],
		['http://esimerkki.fi/palvelut?kieli=fi#yhteys', 'http://esimerkki.fi/palvelut?kieli=fi#yhteys'],
		['  https://xn--kyl-cla.fi/  ', 'https://xn--kyl-cla.fi/'],
		['yritys.fi', 'https://yritys.fi'],
		['www.yritys.fi/tuotteet', 'https://www.yritys.fi/tuotteet'],
		['yritys.fi:8080/a', 'https://yritys.fi:8080/a']
	])('accepts %j as %j', (input, expected) => {
		expect(parseWebUrl(input)).toBe(expected);
		expect(isValidWebUrl(expected)).toBe(true);
	});

	it.each([
		'javascript:alert(1)',
		'JAVASCRIPT:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'mailto:info@yritys.fi',
		'ftp://yritys.fi',
		'https://',
		'https://user:secret@yritys.fi',
		'https://yri tys.fi',
		'yritys',
		'',
		`https://yritys.fi/${'a'.repeat(MAX_URL_LENGTH)}`
	])('refuses %j', (input) => {
		expect(parseWebUrl(input)).toBeNull();
	});

	it('treats an address that only becomes valid with a prefix as not canonical', () => {
		expect(isValidWebUrl('yritys.fi')).toBe(false);
		expect(isValidWebUrl(42)).toBe(false);
	});
});

describe('ISO dates', () => {
	it.each(['2025-01-31', '2024-02-29', '0999-12-01', '0050-06-15'])('accepts %s', (date) => {
		expect(isIsoDate(date)).toBe(true);
	});

	it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '31.1.2025', '2025-01-31T00:00:00Z', '', 20250131])(
		'refuses %j',
		(date) => {
			expect(isIsoDate(date)).toBe(false);
		}
	);
});

describe('plain JSON objects (saved views)', () => {
	it('accepts nested plain JSON', () => {
		expect(jsonObjectProblem({ kinds: ['company'], min: 2, nested: { on: true, none: null } })).toBeNull();
	});

	it.each([
		['an array', [1]],
		['a string', 'x'],
		['null', null],
		['a Date inside', { when: new Date() }],
		['a function inside', { f: () => 1 }],
		['undefined inside', { u: undefined }],
		['NaN inside', { n: Number.NaN }],
		['a class instance', new (class Filter {})()]
	])('refuses %s', (_label, value) => {
		expect(jsonObjectProblem(value)).toBe('invalid_type');
	});

	it('refuses nesting deeper than the cap and a cycle, without overflowing the stack', () => {
		let deep: Record<string, unknown> = {};
		const root = deep;
		for (let i = 0; i <= MAX_VIEW_JSON_DEPTH; i++) deep = (deep.next = {}) as Record<string, unknown>;
		expect(jsonObjectProblem(root)).toBe('too_deep');
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(jsonObjectProblem(cyclic)).toBe('too_deep');
	});

	it('refuses an object larger than the cap', () => {
		expect(jsonObjectProblem({ text: 'x'.repeat(MAX_VIEW_JSON_LENGTH) })).toBe('too_large');
	});
});
