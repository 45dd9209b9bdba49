// @mention suggestions while typing: which half-typed name is before the caret, which members match, and the text after choosing one.
import { describe, it, expect } from 'vitest';
import { parseMentions } from '$lib/map/discussion';
import { applyMention, mentionParts, mentionQueryAt, suggestMembers, MAX_SUGGESTIONS } from '$lib/components/discussion/mention-suggest';

const members = [
	{ username: 'eero', displayName: 'Eero Virtanen' },
	{ username: 'elina.k', displayName: 'Elina Korhonen' },
	{ username: 'konsultti', displayName: 'Kaisa Konsultti' },
	{ username: 'matti', displayName: 'Matti Eerola' }
];

describe('mentionQueryAt', () => {
	it('finds the @name being typed at the caret, also right after the @', () => {
		expect(mentionQueryAt('Hei @ee', 7)).toEqual({ start: 4, end: 7, text: 'ee' });
		expect(mentionQueryAt('@', 1)).toEqual({ start: 0, end: 1, text: '' });
		expect(mentionQueryAt('Kiitos,\n@mat', 12)).toEqual({ start: 8, end: 12, text: 'mat' });
	});

	it('ignores e-mail addresses, finished mentions and text after the caret', () => {
		expect(mentionQueryAt('matti@yritys.fi', 15)).toBeNull();
		expect(mentionQueryAt('@eero kiitos', 12)).toBeNull();
		expect(mentionQueryAt('@eero kiitos', 3)).toEqual({ start: 0, end: 3, text: 'ee' });
	});
});

describe('suggestMembers', () => {
	it('ranks username prefixes first, then name prefixes, then any match, ignoring case', () => {
		expect(suggestMembers(members, 'EE').map((m) => m.username)).toEqual(['eero', 'matti']);
		expect(suggestMembers(members, 'kor').map((m) => m.username)).toEqual(['elina.k']);
		expect(suggestMembers(members, 'sult').map((m) => m.username)).toEqual(['konsultti']);
	});

	it('lists everyone but the writer for a bare @, at most MAX_SUGGESTIONS', () => {
		expect(suggestMembers(members, '', 'eero').map((m) => m.username)).toEqual(['elina.k', 'konsultti', 'matti']);
		const many = Array.from({ length: 20 }, (_, i) => ({ username: `user${i}`, displayName: '' }));
		expect(suggestMembers(many, 'user')).toHaveLength(MAX_SUGGESTIONS);
	});
});

describe('applyMention', () => {
	it('replaces the typed part with @username and a space, keeping the rest, caret after it', () => {
		const value = 'Voisiko @ee katsoa?';
		const query = mentionQueryAt(value, 11)!;
		expect(applyMention(value, query, 'eero')).toEqual({ value: 'Voisiko @eero katsoa?', caret: 14 });
		const atEnd = mentionQueryAt('Hei @k', 6)!;
		expect(applyMention('Hei @k', atEnd, 'konsultti')).toEqual({ value: 'Hei @konsultti ', caret: 15 });
	});
});

describe('mentionParts', () => {
	it('marks exactly the mentions parseMentions reads (not e-mails, not a closing full stop)', () => {
		const text = 'Kiitos @eero ja @elina.k. Posti: matti@yritys.fi';
		const parts = mentionParts(text);
		expect(parts.map((part) => part.text).join('')).toBe(text);
		expect(parts.filter((part) => part.mention).map((part) => part.text.slice(1))).toEqual(parseMentions(text));
	});
});
