// Automatic versions of a map's graph: one when its last editor leaves and one an hour while it is
// being edited, each saved only once everything it shows is stored.
import type { VersionStore } from '../../src/lib/server/storage/types';
import { newId } from '../../src/lib/server/ids';
import { SYNC } from '../../src/lib/server/limits';
import { log } from '../../src/lib/server/log';

export class AutoVersions {
	private editedSinceLast = false;
	private lastAt = Date.now();
	private saving: Promise<void> = Promise.resolve();

	constructor(
		private readonly mapId: string,
		private readonly storage: Pick<VersionStore, 'createVersion'>,
		/** The document once everything applied to it is stored; null if it no longer can be. */
		private readonly storedSnapshot: () => Promise<Uint8Array | null>
	) {}

	noteEdit(): void {
		this.editedSinceLast = true;
	}

	get hourlyDue(): boolean {
		return Date.now() - this.lastAt >= SYNC.autoVersionEveryMs;
	}

	/** Saves a version named `reason` if anything was edited since the last one. */
	save(reason: string): void {
		if (!this.editedSinceLast) return;
		this.editedSinceLast = false;
		this.lastAt = Date.now();
		this.saving = this.saving
			.then(async () => {
				const snapshot = await this.storedSnapshot();
				if (snapshot === null) return;
				await this.storage.createVersion({ id: newId(), mapId: this.mapId, name: reason, kind: 'auto', createdBy: null, createdAt: Date.now(), snapshot });
			})
			.catch((error) => log.warn('room.auto_version_failed', { mapId: this.mapId, error }));
	}

	/** Resolves once every version asked for so far is saved (or has failed). */
	settled(): Promise<void> {
		return this.saving;
	}
}
