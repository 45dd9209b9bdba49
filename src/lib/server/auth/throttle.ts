// Slows down password guessing: after a few failures per account or per address, each further
// attempt must wait, and the wait doubles with every failure (capped). Kept in memory: one
// process's view; with several instances this moves to Redis behind the same interface.
import { LOGIN_THROTTLE } from '../limits';

interface Failures {
	count: number;
	lastAt: number;
}

export class LoginThrottle {
	private byKey = new Map<string, Failures>();

	constructor(private now: () => number = Date.now) {}

	private delayFor(key: string, failures: Failures | undefined): number {
		const free = key.startsWith(ADDRESS_PREFIX) ? LOGIN_THROTTLE.freeAttemptsPerAddress : LOGIN_THROTTLE.freeAttemptsPerAccount;
		if (!failures || failures.count < free) return 0;
		const steps = failures.count - free;
		const delay = LOGIN_THROTTLE.baseDelayMs * 2 ** Math.min(steps, 20);
		return Math.min(delay, LOGIN_THROTTLE.maxDelayMs);
	}

	/** Milliseconds the caller must still wait before trying again (0: may try now). */
	retryAfterMs(keys: string[]): number {
		const now = this.now();
		let wait = 0;
		for (const key of keys) {
			const failures = this.byKey.get(key);
			if (!failures) continue;
			if (now - failures.lastAt > LOGIN_THROTTLE.forgetAfterMs) {
				this.byKey.delete(key);
				continue;
			}
			wait = Math.max(wait, failures.lastAt + this.delayFor(key, failures) - now);
		}
		return Math.max(0, wait);
	}

	recordFailure(keys: string[]): void {
		const now = this.now();
		if (this.byKey.size >= LOGIN_THROTTLE.maxTrackedKeys) this.prune(now);
		for (const key of keys) {
			const failures = this.byKey.get(key);
			this.byKey.set(key, { count: (failures?.count ?? 0) + 1, lastAt: now });
		}
	}

	/**
	 * A success clears the account's failures only: otherwise anyone with an account of their own
	 * could reset their address's counter between rounds of guessing other people's passwords.
	 */
	recordSuccess(keys: string[]): void {
		for (const key of keys) if (key.startsWith(ACCOUNT_PREFIX)) this.byKey.delete(key);
	}

	private prune(now: number): void {
		for (const [key, failures] of this.byKey) {
			if (now - failures.lastAt > LOGIN_THROTTLE.forgetAfterMs) this.byKey.delete(key);
		}
		// Still full (an attack from very many keys): forget the oldest half.
		if (this.byKey.size >= LOGIN_THROTTLE.maxTrackedKeys) {
			const oldest = [...this.byKey.entries()].sort((a, b) => a[1].lastAt - b[1].lastAt);
			for (const [key] of oldest.slice(0, oldest.length / 2)) this.byKey.delete(key);
		}
	}
}

const ACCOUNT_PREFIX = 'user:';
const ADDRESS_PREFIX = 'ip:';

export function throttleKeys(username: string, ip: string | null): string[] {
	const keys = [ACCOUNT_PREFIX + username.trim().toLowerCase()];
	if (ip) keys.push(ADDRESS_PREFIX + ip);
	return keys;
}
