// When a sync socket drops, when to try again: exponential backoff with full jitter, so the clients
// a server restart cut off together do not all come back in the same instant.
import type { WebsocketProvider } from 'y-websocket';

export const RECONNECT = {
	/**
	 * The first retry waits up to this long and each failed attempt doubles the ceiling. It is
	 * y-websocket's own first step (100 ms · 2¹), which also caps every delay (see below).
	 */
	baseDelayMs: 200,
	/** The ceiling stops growing here: a restarted server is found within this long. */
	maxDelayMs: 5_000
} as const;

export interface ReconnectTiming {
	baseDelayMs: number;
	maxDelayMs: number;
}

/**
 * The wait before reconnect attempt `attempt` (1 = the first retry): uniform in
 * [0, min(max, base · 2^(attempt-1))) — "full jitter". Pure: `random` returns [0, 1).
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random, timing: ReconnectTiming = RECONNECT): number {
	const doublings = Math.max(0, Math.floor(attempt) - 1);
	const ceiling = Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** Math.min(doublings, 30));
	return Math.floor(Math.min(Math.max(random(), 0), 1 - Number.EPSILON) * ceiling);
}

export interface JitterOptions {
	random?: () => number;
	timing?: ReconnectTiming;
	/** Called with each delay chosen (for diagnostics and tests). */
	onSchedule?: (delayMs: number, attempt: number) => void;
}

/** The part of a WebsocketProvider this module touches. */
type ReconnectingProvider = Pick<WebsocketProvider, 'on' | 'off' | 'maxBackoffTime' | 'wsUnsuccessfulReconnects'>;

/**
 * Makes a provider wait a jittered delay before each reconnect; returns a function that undoes it.
 *
 * y-websocket 3.1 waits min(100 · 2^n, maxBackoffTime) after every close, the same for every
 * client. It emits 'connection-close' just before it counts the attempt (n becomes
 * wsUnsuccessfulReconnects + 1) and computes that wait, so setting `maxBackoffTime` there makes
 * the wait exactly our jittered delay (it never exceeds 100 · 2^n). Everything else stays
 * y-websocket's: `shouldConnect`, permanent 44xx closes, disconnect() and destroy(). Driving
 * reconnects ourselves with `shouldConnect`/`connect()` instead would race with disconnect()
 * and destroy(), which emit nothing we could listen to.
 */
export function useJitteredReconnect(provider: ReconnectingProvider, options: JitterOptions = {}): () => void {
	const random = options.random ?? Math.random;
	const timing = options.timing ?? RECONNECT;
	const original = provider.maxBackoffTime;
	const onClose = () => {
		const attempt = provider.wsUnsuccessfulReconnects + 1;
		const delay = reconnectDelay(attempt, random, timing);
		provider.maxBackoffTime = delay;
		options.onSchedule?.(delay, attempt);
	};
	provider.on('connection-close', onClose);
	return () => {
		provider.off('connection-close', onClose);
		provider.maxBackoffTime = original;
	};
}
