// Random ids and secrets, and the one-way hash kept in storage (Lucia's token design:
// a public id plus a secret, only SHA-256 of the secret stored, compared in constant time).
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random identifier or secret with `bytes` bytes of entropy (default 120 bits). */
export function randomToken(bytes = 15): string {
	const buffer = new Uint8Array(bytes);
	crypto.getRandomValues(buffer);
	return encodeBase32LowerCaseNoPadding(buffer);
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSecret(secret), storedHash);
}

/** A token is `<id>.<secret>`; returns null for anything else. */
export function splitToken(token: string, prefix = ''): { id: string; secret: string } | null {
	if (!token.startsWith(prefix)) return null;
	const [id, secret, extra] = token.slice(prefix.length).split('.');
	if (!id || !secret || extra !== undefined) return null;
	if (!/^[a-z2-7]{8,64}$/.test(id) || !/^[a-z2-7]{16,128}$/.test(secret)) return null;
	return { id, secret };
}
