// Password hashing (Argon2id at OWASP parameters) and the rules a new password must meet.
import { hash, verify } from '@node-rs/argon2';
import { ARGON2ID, PASSWORD } from '../limits';
import { COMMON_PASSWORDS } from './common-passwords';

/** `Algorithm.Argon2id` from @node-rs/argon2 (a const enum, which bundlers cannot inline). */
const ARGON2ID_ALGORITHM = 2;
const OPTIONS = { ...ARGON2ID, algorithm: ARGON2ID_ALGORITHM };

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password, OPTIONS);
	} catch {
		return false;
	}
}

// A real hash to verify against when the user does not exist, so that an unknown username
// costs as much time as a wrong password.
let decoyHash: Promise<string> | null = null;
export async function verifyAgainstDecoy(password: string): Promise<false> {
	decoyHash ??= hashPassword('kartta-decoy-password-' + Math.random());
	await verifyPassword(await decoyHash, password);
	return false;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'same_as_username';

export function passwordProblem(password: string, username = ''): PasswordProblem | null {
	if (password.length < PASSWORD.minLength) return 'too_short';
	if (password.length > PASSWORD.maxLength) return 'too_long';
	const lower = password.toLowerCase();
	if (COMMON_PASSWORDS.has(lower)) return 'too_common';
	if (username && lower.includes(username.toLowerCase())) return 'same_as_username';
	return null;
}
