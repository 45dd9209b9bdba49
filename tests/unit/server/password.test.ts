// Password hashing (Argon2id at the OWASP parameters, passed explicitly) and the rules for new passwords.
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyAgainstDecoy, verifyPassword } from '../../../src/lib/server/auth/password';
import { checkNewPassword } from '../../../src/lib/server/accounts';
import { ARGON2ID, PASSWORD } from '../../../src/lib/server/limits';

describe('password hashing', () => {
	it('produces Argon2id v19 hashes with m=19456 KiB, t=2, p=1 and a random salt', async () => {
		const a = await hashPassword('kesäkuun-ilta-42');
		const b = await hashPassword('kesäkuun-ilta-42');
		expect(a).toContain('$argon2id$v=19$m=19456,t=2,p=1$');
		expect(a).toContain(`m=${ARGON2ID.memoryCost},t=${ARGON2ID.timeCost},p=${ARGON2ID.parallelism}`);
		expect(a).not.toBe(b);
		expect(a).not.toContain('kesäkuun-ilta-42');
	});

	it('verifies the right password only', async () => {
		const hash = await hashPassword('kesäkuun-ilta-42');
		expect(await verifyPassword(hash, 'kesäkuun-ilta-42')).toBe(true);
		expect(await verifyPassword(hash, 'kesäkuun-ilta-43')).toBe(false);
		expect(await verifyPassword(hash, '')).toBe(false);
	});

	it('treats a corrupt stored hash as a wrong password rather than throwing', async () => {
		expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
		expect(await verifyPassword('', 'whatever')).toBe(false);
	});

	it('the decoy used for unknown users always says no', async () => {
		expect(await verifyAgainstDecoy('anything-at-all-1')).toBe(false);
	});
});

describe('new password rules', () => {
	it(`accepts ${PASSWORD.minLength} to ${PASSWORD.maxLength} characters and refuses outside`, () => {
		expect(passwordProblem('a'.repeat(PASSWORD.minLength - 1))).toBe('too_short');
		expect(passwordProblem('Xk3-vb9-Lq')).toBeNull();
		expect('Xk3-vb9-Lq').toHaveLength(PASSWORD.minLength);
		expect(passwordProblem('x'.repeat(PASSWORD.maxLength))).toBeNull();
		expect(passwordProblem('x'.repeat(PASSWORD.maxLength + 1))).toBe('too_long');
	});

	it('refuses common passwords whatever their letter case', () => {
		expect(passwordProblem('salasana123')).toBe('too_common');
		expect(passwordProblem('Salasana123')).toBe('too_common');
		expect(passwordProblem('QWERTYUIOP')).toBe('too_common');
	});

	it('refuses a password that contains the username', () => {
		expect(passwordProblem('my-name-is-Alice!', 'alice')).toBe('same_as_username');
		expect(passwordProblem('my-name-is-Alice!', 'bob')).toBeNull();
	});

	it('checkNewPassword turns a problem into a 400 weak_password error with the reason', () => {
		expect(() => checkNewPassword('short', 'alice')).toThrow(expect.objectContaining({ status: 400, code: 'weak_password', details: { reason: 'too_short' } }));
		expect(() => checkNewPassword('a-long-enough-pass', 'alice')).not.toThrow();
	});
});
