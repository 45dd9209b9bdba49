// Login throttling: a few free failures per account and per address, then doubling waits.
import { describe, expect, it } from 'vitest';
import { LoginThrottle, throttleKeys } from '../../../src/lib/server/auth/throttle';
import { LOGIN_THROTTLE } from '../../../src/lib/server/limits';

function setup() {
	let now = 1_000_000;
	const throttle = new LoginThrottle(() => now);
	return { throttle, advance: (ms: number) => (now += ms) };
}

describe('LoginThrottle', () => {
	it(`lets ${LOGIN_THROTTLE.freeAttemptsPerAccount} failures per account pass, then makes the next attempt wait`, () => {
		const { throttle } = setup();
		const keys = throttleKeys('alice', null);
		for (let i = 0; i < LOGIN_THROTTLE.freeAttemptsPerAccount; i++) {
			expect(throttle.retryAfterMs(keys), `after ${i} failures`).toBe(0);
			throttle.recordFailure(keys);
		}
		expect(throttle.retryAfterMs(keys)).toBe(LOGIN_THROTTLE.baseDelayMs);
	});

	it('doubles the wait with every further failure, up to the cap', () => {
		const { throttle, advance } = setup();
		const keys = throttleKeys('alice', null);
		for (let i = 0; i < LOGIN_THROTTLE.freeAttemptsPerAccount; i++) throttle.recordFailure(keys);
		let expected = LOGIN_THROTTLE.baseDelayMs;
		for (let step = 0; step < 15; step++) {
			expect(throttle.retryAfterMs(keys), `step ${step}`).toBe(Math.min(expected, LOGIN_THROTTLE.maxDelayMs));
			advance(Math.min(expected, LOGIN_THROTTLE.maxDelayMs));
			expect(throttle.retryAfterMs(keys)).toBe(0);
			throttle.recordFailure(keys);
			expected *= 2;
		}
		expect(throttle.retryAfterMs(keys)).toBe(LOGIN_THROTTLE.maxDelayMs);
	});

	it('treats usernames case-insensitively and other accounts separately', () => {
		const { throttle } = setup();
		for (let i = 0; i < LOGIN_THROTTLE.freeAttemptsPerAccount; i++) throttle.recordFailure(throttleKeys('Alice', null));
		expect(throttle.retryAfterMs(throttleKeys(' alice ', null))).toBeGreaterThan(0);
		expect(throttle.retryAfterMs(throttleKeys('bob', null))).toBe(0);
	});

	it(`throttles an address after ${LOGIN_THROTTLE.freeAttemptsPerAddress} failures spread over many accounts`, () => {
		const { throttle } = setup();
		for (let i = 0; i < LOGIN_THROTTLE.freeAttemptsPerAddress; i++) throttle.recordFailure(throttleKeys(`user${i}`, '10.0.0.1'));
		expect(throttle.retryAfterMs(throttleKeys('fresh-user', '10.0.0.1'))).toBeGreaterThan(0);
		expect(throttle.retryAfterMs(throttleKeys('fresh-user', '10.0.0.2'))).toBe(0);
	});

	it('forgets failures after a quiet period, and a success clears the account', () => {
		const { throttle, advance } = setup();
		const keys = throttleKeys('alice', null);
		for (let i = 0; i < LOGIN_THROTTLE.freeAttemptsPerAccount + 3; i++) throttle.recordFailure(keys);
		advance(LOGIN_THROTTLE.forgetAfterMs + 1);
		expect(throttle.retryAfterMs(keys)).toBe(0);
		for (let i = 0; i < LOGIN_THROTTLE.freeAttemptsPerAccount; i++) throttle.recordFailure(keys);
		throttle.recordSuccess(keys);
		expect(throttle.retryAfterMs(keys)).toBe(0);
	});
});

describe('a success does not reset the address', () => {
	it('keeps the address throttled when an attacker logs into their own account between guesses', () => {
		let now = 1_000_000;
		const throttle = new LoginThrottle(() => now);
		for (let i = 0; i < LOGIN_THROTTLE.freeAttemptsPerAddress; i++) throttle.recordFailure(throttleKeys(`victim${i}`, '10.0.0.9'));
		throttle.recordSuccess(throttleKeys('attacker', '10.0.0.9'));
		expect(throttle.retryAfterMs(throttleKeys('victim-next', '10.0.0.9'))).toBeGreaterThan(0);
		now += 1;
		expect(throttle.retryAfterMs(throttleKeys('attacker', '10.0.0.77'))).toBe(0);
	});
});
