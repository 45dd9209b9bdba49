// The throttle behind presence and activity reports: first call at once, the newest arguments last, nothing lost or repeated.
import { describe, it, expect } from 'vitest';
import { throttle, type ThrottleClock } from '$lib/collab/throttle';

/** A hand-driven clock: advance() runs timers that fall due. */
function fakeClock() {
	let now = 0;
	let timers: { at: number; fn: () => void; id: number }[] = [];
	let nextId = 1;
	const clock: ThrottleClock = {
		now: () => now,
		setTimeout: (fn, ms) => {
			const id = nextId++;
			timers.push({ at: now + ms, fn, id });
			return id;
		},
		clearTimeout: (id) => {
			timers = timers.filter((timer) => timer.id !== id);
		}
	};
	const advance = (ms: number) => {
		now += ms;
		const due = timers.filter((timer) => timer.at <= now);
		timers = timers.filter((timer) => timer.at > now);
		for (const timer of due) timer.fn();
	};
	return { clock, advance, pending: () => timers.length };
}

describe('throttle', () => {
	it('runs the first call at once', () => {
		const { clock } = fakeClock();
		const calls: number[] = [];
		const throttled = throttle((value: number) => calls.push(value), 50, clock);
		throttled(1);
		expect(calls).toEqual([1]);
	});

	it('collapses calls within the interval into one trailing call with the newest arguments', () => {
		const { clock, advance } = fakeClock();
		const calls: number[] = [];
		const throttled = throttle((value: number) => calls.push(value), 50, clock);
		throttled(1);
		throttled(2);
		throttled(3);
		expect(calls).toEqual([1]);
		advance(50);
		expect(calls).toEqual([1, 3]);
		advance(500);
		expect(calls).toEqual([1, 3]);
	});

	it('never calls more often than once per interval under a steady stream', () => {
		const { clock, advance } = fakeClock();
		const times: number[] = [];
		const throttled = throttle(() => times.push(clock.now()), 50, clock);
		for (let step = 0; step < 100; step++) {
			throttled();
			advance(10);
		}
		for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(50);
		expect(times.length).toBeGreaterThanOrEqual(19);
	});

	it('flush delivers a pending call now; cancel drops it', () => {
		const { clock, advance, pending } = fakeClock();
		const calls: string[] = [];
		const throttled = throttle((value: string) => calls.push(value), 50, clock);
		throttled('a');
		throttled('b');
		throttled.flush();
		expect(calls).toEqual(['a', 'b']);
		expect(pending()).toBe(0);
		throttled('c');
		throttled.cancel();
		advance(100);
		expect(calls).toEqual(['a', 'b']);
	});
});
