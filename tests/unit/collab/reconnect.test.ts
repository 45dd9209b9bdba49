// Jittered reconnect: the delays are spread evenly under an exponential, capped ceiling, and the
// helper hands each one to y-websocket at the moment it computes its own wait.
import { describe, expect, it } from 'vitest';
import { ObservableV2 } from 'lib0/observable';
import { RECONNECT, reconnectDelay, useJitteredReconnect } from '../../../src/lib/collab/reconnect';

/** mulberry32: a seeded source, so the distribution checks are deterministic. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ceiling = (attempt: number) => Math.min(RECONNECT.maxDelayMs, RECONNECT.baseDelayMs * 2 ** (attempt - 1));

describe('reconnectDelay', () => {
	it('stays within [0, ceiling): the ceiling starts at the base, doubles per attempt and stops at the cap', () => {
		expect(reconnectDelay(1, () => 0.999999)).toBe(RECONNECT.baseDelayMs - 1);
		expect(reconnectDelay(2, () => 0.999999)).toBe(2 * RECONNECT.baseDelayMs - 1);
		expect(reconnectDelay(3, () => 0.5)).toBe(2 * RECONNECT.baseDelayMs);
		expect(reconnectDelay(50, () => 0.999999)).toBe(RECONNECT.maxDelayMs - 1);
		expect(reconnectDelay(1, () => 0)).toBe(0);
		const random = seeded(7);
		for (let attempt = 1; attempt <= 12; attempt++) {
			for (let i = 0; i < 500; i++) {
				const delay = reconnectDelay(attempt, random);
				expect(Number.isInteger(delay) && delay >= 0 && delay < ceiling(attempt), `attempt ${attempt}: ${delay}`).toBe(true);
			}
		}
	});

	it('never leaves its range even for odd inputs (attempt 0 or negative, a random source returning 1)', () => {
		expect(reconnectDelay(0, () => 0.5)).toBe(RECONNECT.baseDelayMs / 2);
		expect(reconnectDelay(-3, () => 0.5)).toBe(RECONNECT.baseDelayMs / 2);
		expect(reconnectDelay(3, () => 1)).toBeLessThan(ceiling(3));
		expect(reconnectDelay(Number.MAX_SAFE_INTEGER, () => 0.5)).toBe(RECONNECT.maxDelayMs / 2);
	});

	it('spreads a crowd evenly: 10 000 clients at the cap put at most 3 % into any 100 ms window (even: 2 %)', () => {
		const random = seeded(2024);
		const windows = new Array<number>(RECONNECT.maxDelayMs / 100).fill(0);
		let sum = 0;
		const clients = 10_000;
		for (let i = 0; i < clients; i++) {
			const delay = reconnectDelay(20, random);
			windows[Math.floor(delay / 100)]!++;
			sum += delay;
		}
		expect(Math.max(...windows) / clients).toBeLessThanOrEqual(0.03);
		expect(Math.min(...windows) / clients).toBeGreaterThanOrEqual(0.01);
		expect(sum / clients).toBeGreaterThan(RECONNECT.maxDelayMs * 0.45);
		expect(sum / clients).toBeLessThan(RECONNECT.maxDelayMs * 0.55);
	});

	it('gives 500 clients cut off together 500 different first delays, where y-websocket alone gives them one', () => {
		const random = seeded(99);
		const jittered = new Set(Array.from({ length: 500 }, () => reconnectDelay(1, random)));
		// y-websocket's own wait after the first close: min(100 · 2¹, maxBackoffTime) for everyone.
		const plain = new Set(Array.from({ length: 500 }, () => Math.min(100 * 2 ** 1, 2_500)));
		expect(plain.size).toBe(1);
		expect(jittered.size).toBeGreaterThan(150);
	});
});

describe('useJitteredReconnect', () => {
	/** The provider surface the helper uses, with y-websocket's order: emit, then count the attempt. */
	class FakeProvider extends ObservableV2<{ 'connection-close': (event: unknown) => void }> {
		maxBackoffTime = 2_500;
		wsUnsuccessfulReconnects = 0;
		/** What y-websocket would wait after this close. */
		close(): number {
			this.emit('connection-close', [null]);
			this.wsUnsuccessfulReconnects++;
			return Math.min(100 * 2 ** this.wsUnsuccessfulReconnects, this.maxBackoffTime);
		}
	}

	it('makes each wait the jittered delay for that attempt, and restores the provider when undone', () => {
		const provider = new FakeProvider();
		const scheduled: Array<[number, number]> = [];
		const undo = useJitteredReconnect(provider as never, { random: seeded(5), onSchedule: (delay, attempt) => scheduled.push([delay, attempt]) });
		const expected = seeded(5);
		for (let attempt = 1; attempt <= 8; attempt++) {
			const wait = provider.close();
			expect(wait).toBe(reconnectDelay(attempt, expected));
			expect(scheduled.at(-1)).toEqual([wait, attempt]);
		}
		// A connection that synced resets y-websocket's count: the next wait is short again.
		provider.wsUnsuccessfulReconnects = 0;
		expect(provider.close()).toBeLessThan(RECONNECT.baseDelayMs);
		undo();
		expect(provider.maxBackoffTime).toBe(2_500);
		provider.wsUnsuccessfulReconnects = 0;
		expect(provider.close()).toBe(200);
	});
});
