// One map's live document: loads it before anyone is answered, applies clients' updates,
// stores each one durably before broadcasting it, compacts the log and unloads when idle.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { ActivityRecord, ActivityStore, DocumentStore, VersionStore } from '../../src/lib/server/storage/types';
import { AUTO_REASON } from '../../src/lib/server/versions';
import { newId } from '../../src/lib/server/ids';
import { activityOf } from './activity';
import { SYNC, CLOSE } from '../../src/lib/server/limits';
import { log } from '../../src/lib/server/log';
import { migrateDocument } from '../../src/lib/map/migrations';
import {
	encodeAwarenessMessage,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeUpdateMessage,
	isValidStateVector,
	isValidUpdate,
	type ClientMessage
} from './protocol';
import { decodeAwarenessUpdate, encodeAwarenessEntries, stampAwareness } from './awareness-guard';
import type { SyncConnection } from './connection';
import type { DocumentAddress, DocumentKind } from '../../src/lib/server/documents';

/** The storage a room needs: the document half of the storage interface. */
export type RoomStorage = Pick<DocumentStore, 'loadDocument' | 'appendUpdates' | 'compact'> &
	Pick<ActivityStore, 'recordActivity'> &
	Pick<VersionStore, 'createVersion'>;

/** Largest JSON state one awareness entry may carry (cursor, selection, drag preview). */
const MAX_AWARENESS_STATE_BYTES = 16 * 1024;
/** Awareness client ids one connection may own (one per tab is normal; a few allow reloads). */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

export type RoomState = 'loading' | 'ready' | 'failed' | 'closed';

/**
 * The origin of a change the server makes itself (a version restore, a meeting's state): stored and
 * broadcast like any edit, and logged as the user on whose behalf it was made, if any.
 */
export interface ServerChangeOrigin {
	readonly kartta: 'server';
	readonly userId: string | null;
}

export function serverOrigin(userId: string | null): ServerChangeOrigin {
	return Object.freeze({ kartta: 'server', userId });
}

function isServerOrigin(origin: unknown): origin is ServerChangeOrigin {
	return typeof origin === 'object' && origin !== null && (origin as ServerChangeOrigin).kartta === 'server';
}

interface PendingUpdate {
	update: Uint8Array;
	origin: SyncConnection | null;
}

export class SyncRoom {
	readonly doc = new Y.Doc({ gc: true });
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	state: RoomState = 'loading';
	readonly ready: Promise<void>;

	/** Each connection with the awareness client ids it owns. */
	private connections = new Map<SyncConnection, Set<number>>();
	private awarenessOwner = new Map<number, SyncConnection>();
	private pending: PendingUpdate[] = [];
	/** Who changed what, recorded once the changes themselves are stored. */
	private pendingActivity: ActivityRecord[] = [];
	/** Automatic versions (graph only): edited since the last one, and when that was. */
	private editedSinceVersion = false;
	private lastVersionAt = Date.now();
	private versioning: Promise<void> = Promise.resolve();
	/** Updates a flush has taken and is writing: applied to the document, not yet stored. */
	private storing = 0;
	/** Work that may only see stored state (SyncStep2 answers, API reads), run once nothing is unstored. */
	private waitingForStore: Array<{ stored: () => void; failed: () => void }> = [];
	/** Set when a write failed: the room is dropped, and callers waiting on a change must hear it. */
	private storeError: unknown = null;
	private flushScheduled = false;
	private flushChain: Promise<void> = Promise.resolve();
	private lastSeq = 0;
	private updatesSinceSnapshot = 0;
	private storedBytes = 0;
	private unloadTimer: ReturnType<typeof setTimeout> | null = null;

	readonly mapId: string;
	readonly kind: DocumentKind;
	/** The storage key of this room's document (see documents.ts). */
	readonly docId: string;

	constructor(
		address: DocumentAddress,
		private storage: RoomStorage,
		private onIdle: (room: SyncRoom) => void
	) {
		this.mapId = address.mapId;
		this.kind = address.kind;
		this.docId = address.docId;
		// The server publishes no presence of its own.
		this.awareness.setLocalState(null);
		this.awareness.on('update', this.onAwarenessUpdate);
		this.ready = this.load();
	}

	get connectionCount(): number {
		return this.connections.size;
	}

	private async load(): Promise<void> {
		try {
			const stored = await this.storage.loadDocument(this.docId);
			Y.transact(this.doc, () => {
				if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
				for (const update of stored.updates) Y.applyUpdate(this.doc, update);
			});
			this.lastSeq = stored.lastSeq;
			this.updatesSinceSnapshot = stored.updates.length;
			this.storedBytes =
				(stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, u) => sum + u.byteLength, 0);
			this.doc.on('update', this.onDocUpdate);
			this.doc.on('afterTransaction', this.onTransaction);
			this.migrate();
			this.state = 'ready';
		} catch (error) {
			this.state = 'failed';
			log.error('room.load_failed', { docId: this.docId, error });
			throw error;
		}
	}

	/**
	 * Migrations are forward changes, stored and broadcast like any edit. A document whose version
	 * is too new or garbled (any editor can write meta) is still served: readers tolerate it.
	 */
	private migrate(): void {
		// Only the graph document has a versioned schema of its own.
		if (this.kind !== 'graph') return;
		try {
			migrateDocument(this.doc);
		} catch (error) {
			log.warn('room.migration_skipped', { docId: this.docId, error });
		}
	}

	// ---- connections

	/** Adds a connection once the document is loaded; sends the server's sync step 1 and presence. */
	attach(connection: SyncConnection): void {
		this.cancelUnload();
		this.connections.set(connection, new Set());
		connection.send(encodeSyncStep1(this.doc));
		const states = this.awareness.getStates();
		if (states.size > 0) {
			connection.send(
				encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]))
			);
		}
	}

	detach(connection: SyncConnection): void {
		const owned = this.connections.get(connection);
		if (!owned) return;
		this.connections.delete(connection);
		for (const id of owned) this.awarenessOwner.delete(id);
		if (owned.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
		if (connection.canWrite && !this.connectionsOf((c) => c.canWrite).length) this.saveAutoVersion(AUTO_REASON.lastEditorLeft);
		if (this.connections.size === 0) this.scheduleUnload();
	}

	connectionsOf(predicate: (connection: SyncConnection) => boolean): SyncConnection[] {
		return [...this.connections.keys()].filter(predicate);
	}

	// ---- messages

	handleMessage(connection: SyncConnection, message: ClientMessage): void {
		switch (message.type) {
			case 'sync-step1':
				if (!isValidStateVector(message.stateVector)) {
					connection.close(CLOSE.malformed, 'invalid state vector');
					return;
				}
				// Durable before acknowledged applies to sync answers too: a client (re)joining while
				// another's update is still being written must not receive it before it is stored.
				this.whenStored(() => connection.send(encodeSyncStep2(this.doc, message.stateVector)), () => {});
				return;
			case 'sync-update':
				this.applyClientUpdate(connection, message.update);
				return;
			case 'awareness':
				this.applyClientAwareness(connection, message.update);
				return;
			case 'query-awareness': {
				const ids = [...this.awareness.getStates().keys()];
				connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
				return;
			}
			case 'auth':
				return;
			case 'malformed':
				connection.close(CLOSE.malformed, message.reason);
				return;
		}
	}

	private applyClientUpdate(connection: SyncConnection, update: Uint8Array): void {
		// Viewers and commenters cannot change the map: their updates are dropped unread.
		if (!connection.canWrite) {
			connection.refusedUpdates++;
			return;
		}
		if (this.storedBytes + update.byteLength > SYNC.maxDocumentBytes) {
			connection.close(CLOSE.documentTooLarge, 'the map has reached its size limit');
			return;
		}
		if (!isValidUpdate(update)) {
			connection.close(CLOSE.malformed, 'invalid document update');
			return;
		}
		try {
			Y.applyUpdate(this.doc, update, connection);
		} catch (error) {
			log.warn('room.update_rejected', { docId: this.docId, user: connection.user.username, error });
			connection.close(CLOSE.malformed, 'document update could not be applied');
		}
	}

	private applyClientAwareness(connection: SyncConnection, update: Uint8Array): void {
		const entries = decodeAwarenessUpdate(update, MAX_AWARENESS_STATE_BYTES);
		if (!entries) {
			connection.close(CLOSE.malformed, 'invalid awareness update');
			return;
		}
		const stamped = stampAwareness(entries, connection.presenceUser, connection, (id) => this.awarenessOwner.get(id));
		const owned = this.connections.get(connection);
		if (!owned || stamped.length === 0) return;
		for (const entry of stamped) {
			if (entry.state === null || owned.has(entry.clientID)) continue;
			if (owned.size >= MAX_AWARENESS_IDS_PER_CONNECTION) {
				connection.close(CLOSE.malformed, 'too many presence ids on one connection');
				return;
			}
			owned.add(entry.clientID);
			this.awarenessOwner.set(entry.clientID, connection);
		}
		awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(stamped), connection);
	}

	private onAwarenessUpdate = (
		{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
		_origin: unknown
	) => {
		const changed = [...added, ...updated, ...removed];
		if (changed.length === 0) return;
		const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
		for (const connection of this.connections.keys()) connection.send(message);
	};

	// ---- automatic versions

	/** Saves the graph as an automatic version once everything edited so far is stored. */
	private saveAutoVersion(reason: string): void {
		if (this.kind !== 'graph' || !this.editedSinceVersion || this.state !== 'ready') return;
		this.editedSinceVersion = false;
		this.lastVersionAt = Date.now();
		this.versioning = this.versioning
			.then(() => this.drain())
			.then(async () => {
				if (this.state !== 'ready') return;
				await this.storage.createVersion({
					id: newId(),
					mapId: this.mapId,
					name: reason,
					kind: 'auto',
					createdBy: null,
					createdAt: Date.now(),
					snapshot: Y.encodeStateAsUpdate(this.doc)
				});
			})
			.catch((error) => log.warn('room.auto_version_failed', { docId: this.docId, error }));
	}

	// ---- activity

	private onTransaction = (transaction: Y.Transaction) => {
		if (transaction.changed.size === 0) return;
		const origin = transaction.origin;
		const userId = this.connections.has(origin as SyncConnection)
			? (origin as SyncConnection).user.id
			: isServerOrigin(origin)
				? origin.userId
				: null;
		if (userId === null) return;
		const at = Date.now();
		for (const entry of activityOf(transaction)) {
			this.pendingActivity.push({ mapId: this.mapId, document: this.kind, at, userId, ...entry });
		}
	};

	/**
	 * A change made by the server itself, as one transaction: stored before it is broadcast, like a
	 * client's. Resolves once it is stored. An idle room unloads again afterwards.
	 */
	async change(apply: (doc: Y.Doc) => void, onBehalfOf: string | null): Promise<void> {
		await this.ready;
		if (this.state !== 'ready') throw new Error(`map document ${this.docId} is not available`);
		this.doc.transact(() => apply(this.doc), serverOrigin(onBehalfOf));
		await this.drain();
		// A failed write unloads the room at once (its state is 'closed' by now, not 'failed'), so the
		// error itself is what tells the caller: otherwise a route would report a change that was lost.
		if (this.storeError !== null) throw this.storeError;
		if (this.connections.size === 0) this.scheduleUnload();
	}

	/** The activity log is a record, not the data: failing to write it never fails an edit. */
	private recordActivity(): void {
		if (this.pendingActivity.length === 0) return;
		const records = this.pendingActivity;
		this.pendingActivity = [];
		this.storage.recordActivity(records).catch((error) => log.warn('room.activity_failed', { docId: this.docId, error }));
	}

	// ---- durable broadcast

	private onDocUpdate = (update: Uint8Array, origin: unknown) => {
		const from = this.connections.has(origin as SyncConnection) ? (origin as SyncConnection) : null;
		if (from !== null || isServerOrigin(origin)) this.editedSinceVersion = true;
		this.pending.push({ update, origin: from });
		this.storedBytes += update.byteLength;
		if (!this.flushScheduled) {
			this.flushScheduled = true;
			// Updates arriving in the same turn are stored in one transaction.
			setImmediate(() => {
				this.flushScheduled = false;
				this.flushChain = this.flushChain.then(() => this.flush());
			});
		}
	};

	/** Stores every pending update, then broadcasts them in order. */
	private async flush(): Promise<void> {
		if (this.pending.length === 0 || this.state !== 'ready') return;
		const batch = this.pending;
		this.pending = [];
		this.storing = batch.length;
		try {
			this.lastSeq = await this.storage.appendUpdates(
				this.docId,
				batch.map((p) => p.update)
			);
		} catch (error) {
			this.failStorage(error);
			return;
		} finally {
			this.storing = 0;
		}
		this.updatesSinceSnapshot += batch.length;
		for (const { update, origin } of batch) {
			const message = encodeUpdateMessage(update);
			for (const connection of this.connections.keys()) {
				if (connection !== origin) connection.send(message);
			}
		}
		if (this.pending.length === 0) this.releaseWaitingForStore();
		this.recordActivity();
		if (Date.now() - this.lastVersionAt >= SYNC.autoVersionEveryMs) this.saveAutoVersion(AUTO_REASON.hourly);
		if (this.updatesSinceSnapshot >= SYNC.compactAfterUpdates) await this.compact();
	}

	/** Runs `stored` as soon as everything applied to the document so far is stored, `failed` if that write fails. */
	private whenStored(stored: () => void, failed: () => void): void {
		if (this.pending.length === 0 && this.storing === 0 && !this.flushScheduled) stored();
		else this.waitingForStore.push({ stored, failed });
	}

	/** Resolves once nothing applied to the document is unstored (or the room has failed: check `state`). */
	stored(): Promise<void> {
		return new Promise((resolve) => this.whenStored(resolve, resolve));
	}

	private releaseWaitingForStore(outcome: 'stored' | 'failed' = 'stored'): void {
		const waiting = this.waitingForStore;
		this.waitingForStore = [];
		for (const waiter of waiting) waiter[outcome]();
	}

	/**
	 * What could not be stored must not be served: the in-memory document is dropped and every
	 * client reconnects to a fresh load, re-sending what the server lacks.
	 */
	private failStorage(error: unknown): void {
		log.error('room.store_failed', { docId: this.docId, error });
		this.state = 'failed';
		this.pendingActivity = [];
		const reason = (error as { code?: string }).code ?? 'storage_failed';
		for (const connection of [...this.connections.keys()]) connection.close(CLOSE.storageFailed, reason);
		// Waiting sync answers are dropped (their sockets are closed); API readers see the failure and reload.
		this.storeError = error;
		this.releaseWaitingForStore('failed');
		this.onIdle(this);
	}

	/** Writes the whole document as one snapshot and drops the log it replaces. */
	async compact(): Promise<void> {
		if (this.state !== 'ready' || this.pending.length > 0) return;
		const snapshot = Y.encodeStateAsUpdate(this.doc);
		const uptoSeq = this.lastSeq;
		const updatesAtSnapshot = this.updatesSinceSnapshot;
		const bytesAtSnapshot = this.storedBytes;
		try {
			await this.storage.compact(this.docId, snapshot, uptoSeq);
			// Updates stored while the snapshot was written stay in the log and in the counts.
			this.updatesSinceSnapshot -= updatesAtSnapshot;
			this.storedBytes = snapshot.byteLength + (this.storedBytes - bytesAtSnapshot);
		} catch (error) {
			// A failed compaction loses nothing: the log is still there.
			log.warn('room.compact_failed', { docId: this.docId, error });
		}
	}

	/** Waits until everything applied so far is stored. */
	async drain(): Promise<void> {
		// A flush takes everything pending; a scheduled one that runs later finds nothing to do.
		this.flushChain = this.flushChain.then(() => this.flush());
		await this.flushChain;
	}

	// ---- lifecycle

	private scheduleUnload(): void {
		this.cancelUnload();
		this.unloadTimer = setTimeout(() => {
			this.unloadTimer = null;
			if (this.connections.size === 0) this.onIdle(this);
		}, SYNC.unloadIdleAfterMs);
		this.unloadTimer.unref?.();
	}

	private cancelUnload(): void {
		if (this.unloadTimer) clearTimeout(this.unloadTimer);
		this.unloadTimer = null;
	}

	/** Stores what is pending, compacts and frees the document. */
	async close(closeCode: number = CLOSE.goingAway, reason = 'server shutting down'): Promise<void> {
		this.cancelUnload();
		for (const connection of [...this.connections.keys()]) connection.close(closeCode, reason);
		if (this.state === 'ready') {
			await this.drain();
			await this.versioning;
			if (this.updatesSinceSnapshot > 0) await this.compact();
		}
		this.state = 'closed';
		this.doc.off('update', this.onDocUpdate);
		this.doc.off('afterTransaction', this.onTransaction);
		this.awareness.destroy();
		this.doc.destroy();
	}
}
