// @mentions: which usernames a comment names, matching the server's username rules.
import { describe, it, expect } from 'vitest';
import { MAX_MENTIONS, USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH, parseMentions } from '$lib/map/discussion';
import { USERNAME } from '$lib/server/limits';

describe('parseMentions', () => {
	it.each([
		['Katso @matti', ['matti']],
		['@liisa.k ja @Äijälä_2 sekä @jukka-pekka', ['liisa.k', 'Äijälä_2', 'jukka-pekka']],
		['Kiitos @matti.', ['matti']],
		['(@matti), @liisa: ok', ['matti', 'liisa']],
		['@matti @Matti @MATTI', ['matti']],
		['mail matti@yritys.fi or @@x', []],
		['@a is too short, @ab is fine', ['ab']],
		['no mentions here', []],
		['@' + 'u'.repeat(USERNAME_MAX_LENGTH + 1), []],
		['rivi 1\n@matti rivi 2', ['matti']]
	])('finds in %j the usernames %j', (text, expected) => {
		expect(parseMentions(text)).toEqual(expected);
	});

	it(`keeps at most ${MAX_MENTIONS} mentions`, () => {
		const text = Array.from({ length: MAX_MENTIONS + 5 }, (_, i) => `@user${i}`).join(' ');
		expect(parseMentions(text)).toHaveLength(MAX_MENTIONS);
	});

	it('follows the same username rules as account creation', () => {
		expect(USERNAME_MIN_LENGTH).toBe(USERNAME.minLength);
		expect(USERNAME_MAX_LENGTH).toBe(USERNAME.maxLength);
		for (const name of parseMentions('@matti.m @Äijälä_2 @jukka-pekka @x9')) expect(USERNAME.pattern.test(name)).toBe(true);
		expect(USERNAME.pattern.test('matti!')).toBe(false);
		expect(parseMentions('@matti!')).toEqual(['matti']);
	});
});
