// The updates a room has applied to its document but not yet stored: pending, then taken by the
// write queue; with who made them, and the work waiting until none is left (answers that may only
// show stored state).
import type { ActivityRecord } from '../../src/lib/server/storage/types';
import type { SyncConnection } from './connection';

export interface UnstoredUpdate {
	update: Uint8Array;
	/** The connection it came from (it is not echoed back to it); null for the server's own. */
	origin: SyncConnection | null;
}

interface Waiter {
	stored: () => void;
	failed: () => void;
}

export class UnstoredUpdates {
	private pending: UnstoredUpdate[] = [];
	/** Who changed what in the pending updates: handed over with them, and logged once they are stored. */
	private pendingActivity: ActivityRecord[] = [];
	/** Taken by the write queue: being stored. */
	private storing: UnstoredUpdate[] = [];
	private waiting: Waiter[] = [];

	add(update: UnstoredUpdate): void {
		this.pending.push(update);
	}

	addActivity(records: readonly ActivityRecord[]): void {
		this.pendingActivity.push(...records);
	}

	/** Nothing applied to the document is unstored. */
	get none(): boolean {
		return this.pending.length === 0 && this.storing.length === 0;
	}

	/** Hands every pending update (and its activity) to the write queue. */
	take(): { updates: Uint8Array[]; activity: ActivityRecord[] } {
		this.storing = this.pending;
		this.pending = [];
		const activity = this.pendingActivity;
		this.pendingActivity = [];
		return { updates: this.storing.map((p) => p.update), activity };
	}

	/** What was taken is stored: returns it, in order; waiters run if nothing else is pending. */
	stored(): UnstoredUpdate[] {
		const batch = this.storing;
		this.storing = [];
		if (this.pending.length === 0) this.release('stored');
		return batch;
	}

	/** The write failed: nothing unstored will ever be stored from here, and every waiter hears it. */
	failed(): void {
		this.pending = [];
		this.pendingActivity = [];
		this.storing = [];
		this.release('failed');
	}

	/** Runs `stored` as soon as everything applied so far is stored, `failed` if that write fails. */
	whenStored(stored: () => void, failed: () => void): void {
		if (this.none) stored();
		else this.waiting.push({ stored, failed });
	}

	private release(outcome: keyof Waiter): void {
		const waiting = this.waiting;
		this.waiting = [];
		for (const waiter of waiting) waiter[outcome]();
	}
}
