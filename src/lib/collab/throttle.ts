// Rate-limits a function to one call per interval, always delivering the latest arguments last.

export interface Throttled<A extends unknown[]> {
	(...args: A): void;
	/** Runs a pending trailing call now (e.g. before sending a final value). */
	flush(): void;
	/** Drops a pending trailing call. */
	cancel(): void;
}

/** Timer seam so tests can drive time; defaults to the real clock. */
export interface ThrottleClock {
	now(): number;
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const realClock: ThrottleClock = {
	now: () => Date.now(),
	setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
	clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>)
};

/**
 * Leading and trailing: the first call goes out at once, later calls within the interval collapse
 * into one trailing call with the newest arguments, so the final state is never lost.
 */
export function throttle<A extends unknown[]>(
	fn: (...args: A) => void,
	intervalMs: number,
	clock: ThrottleClock = realClock
): Throttled<A> {
	let last = -Infinity;
	let timer: unknown = null;
	let pending: A | null = null;

	const run = () => {
		timer = null;
		if (pending === null) return;
		const args = pending;
		pending = null;
		last = clock.now();
		fn(...args);
	};

	const throttled = ((...args: A) => {
		pending = args;
		const wait = last + intervalMs - clock.now();
		if (wait <= 0 && timer === null) run();
		else if (timer === null) timer = clock.setTimeout(run, Math.max(wait, 0));
	}) as Throttled<A>;

	throttled.flush = () => {
		if (timer !== null) clock.clearTimeout(timer);
		run();
	};
	throttled.cancel = () => {
		if (timer !== null) clock.clearTimeout(timer);
		timer = null;
		pending = null;
	};
	return throttled;
}
