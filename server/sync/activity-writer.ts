// Writes the activity log (who changed what) in batches, off the path of an edit: the edit's own
// commit carries only the update, and its records follow in a transaction shared with every other
// edit of the next moment. Reads of the log flush it first, so they never miss a stored edit.
import type { ActivityRecord, ActivityStore } from '../../src/lib/server/storage/types';
import { SYNC } from '../../src/lib/server/limits';
import { log } from '../../src/lib/server/log';

/** Where activity records go once their edits are stored. */
export interface ActivitySink {
	add(records: readonly ActivityRecord[]): void;
	/** Resolves once every record added so far is written (or its write has failed and been logged). */
	flush(): Promise<void>;
}

export class ActivityWriter implements ActivitySink {
	private buffered: ActivityRecord[] = [];
	private timer: ReturnType<typeof setTimeout> | null = null;
	/** Writes happen one after another, in the order their records were added. */
	private chain: Promise<void> = Promise.resolve();

	constructor(private readonly storage: Pick<ActivityStore, 'recordActivity'>) {}

	add(records: readonly ActivityRecord[]): void {
		if (records.length === 0) return;
		this.buffered.push(...records);
		if (this.buffered.length >= SYNC.activityBatchMax) {
			void this.flush();
			return;
		}
		if (this.timer === null) {
			this.timer = setTimeout(() => void this.flush(), SYNC.activityFlushMs);
			// Pending records must not keep a stopping process alive; shutdown flushes them.
			this.timer.unref?.();
		}
	}

	flush(): Promise<void> {
		if (this.timer !== null) clearTimeout(this.timer);
		this.timer = null;
		const records = this.buffered;
		this.buffered = [];
		if (records.length > 0) this.chain = this.chain.then(() => this.write(records));
		return this.chain;
	}

	private async write(records: ActivityRecord[]): Promise<void> {
		try {
			await this.storage.recordActivity(records);
			return;
		} catch (error) {
			if (records.every((record) => record.mapId === records[0]!.mapId)) return failed(records, error);
		}
		// One map deleted since its edit (its records now break a foreign key) must not cost the
		// other maps theirs: each map's records again, on their own.
		for (const mapRecords of byMap(records)) {
			try {
				await this.storage.recordActivity(mapRecords);
			} catch (error) {
				failed(mapRecords, error);
			}
		}
	}
}

function byMap(records: readonly ActivityRecord[]): ActivityRecord[][] {
	const groups = new Map<string, ActivityRecord[]>();
	for (const record of records) {
		const group = groups.get(record.mapId);
		if (group) group.push(record);
		else groups.set(record.mapId, [record]);
	}
	return [...groups.values()];
}

/** The log of who changed what is a record: failing to write it never undoes the changes. */
function failed(records: readonly ActivityRecord[], error: unknown): void {
	log.warn('storage.activity_failed', { mapId: records[0]?.mapId, records: records.length, error });
}
