// Token parsing and secret hashing shared by sessions, API tokens and invitations.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSecret, randomToken, secretMatches, splitToken } from '../../../src/lib/server/auth/secrets';

const ID = 'abcdefgh234567ab'; // 16 base32 letters
const SECRET = 'abcdefghijklmnopqrstuvwxyz234567';

describe('splitToken', () => {
	it('splits `<id>.<secret>` into its parts', () => {
		expect(splitToken(`${ID}.${SECRET}`)).toEqual({ id: ID, secret: SECRET });
	});

	it('strips a required prefix and refuses tokens without it', () => {
		expect(splitToken(`kartta_${ID}.${SECRET}`, 'kartta_')).toEqual({ id: ID, secret: SECRET });
		expect(splitToken(`${ID}.${SECRET}`, 'kartta_')).toBeNull();
		expect(splitToken(`other_${ID}.${SECRET}`, 'kartta_')).toBeNull();
	});

	it('refuses anything that is not exactly two base32 parts of sensible length', () => {
		for (const bad of [
			'',
			ID,
			`${ID}.`,
			`.${SECRET}`,
			`${ID}.${SECRET}.extra`,
			`${ID}..${SECRET}`,
			`${ID.toUpperCase()}.${SECRET}`,
			`${ID}.${SECRET.toUpperCase()}`,
			`abc.${SECRET}`, // id too short
			`${ID}.abcdefgh`, // secret too short
			`${'a'.repeat(65)}.${SECRET}`, // id too long
			`${ID}.${'a'.repeat(129)}`, // secret too long
			`${ID.slice(0, -1)}1.${SECRET}`, // 0, 1, 8, 9 are not base32
			`${ID}.${SECRET.slice(0, -1)}8`,
			`${ID} .${SECRET}`,
			`${ID}.${SECRET}\n`
		]) {
			expect(splitToken(bad), JSON.stringify(bad)).toBeNull();
		}
	});
});

describe('secrets', () => {
	it('randomToken gives the requested entropy in lower-case base32 and never repeats', () => {
		expect(randomToken(15)).toMatch(/^[a-z2-7]{24}$/);
		expect(randomToken(20)).toMatch(/^[a-z2-7]{32}$/);
		const seen = new Set(Array.from({ length: 1000 }, () => randomToken()));
		expect(seen.size).toBe(1000);
	});

	it('hashSecret is SHA-256 of the UTF-8 text, and secretMatches compares against it', () => {
		const hash = hashSecret(SECRET);
		expect(Buffer.from(hash).equals(createHash('sha256').update(SECRET, 'utf8').digest())).toBe(true);
		expect(secretMatches(SECRET, hash)).toBe(true);
		expect(secretMatches(SECRET + 'a', hash)).toBe(false);
		expect(secretMatches('', hash)).toBe(false);
	});
});
