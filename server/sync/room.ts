// One map's live document: answers first syncs as soon as its stored bytes are read, builds the
// Y.Doc only when something needs it (a write, a server change, an API read), stores every update
// before broadcasting it, compacts the log and unloads when idle.
import * as Y from 'yjs';
import type { ActivityRecord, ActivityStore, DocumentStore, VersionStore } from '../../src/lib/server/storage/types';
import { AUTO_REASON } from '../../src/lib/server/versions';
import { activityOf } from './activity';
import { SYNC, CLOSE } from '../../src/lib/server/limits';
import { log } from '../../src/lib/server/log';
import { encodeSyncStep2, encodeUpdateMessage, inspectUpdate, isValidStateVector, type ClientMessage } from './protocol';
import type { SyncConnection } from './connection';
import type { DocumentAddress, DocumentKind } from '../../src/lib/server/documents';
import { RoomPresence } from './room-presence';
import { RoomDocument } from './room-document';
import { AutoVersions } from './auto-versions';
import { StoredState } from './stored-state';
import { SyncGreeting } from './sync-greeting';
import { UnstoredUpdates } from './unstored-updates';
import { StoredLog } from './stored-log';
import { isServerOrigin, serverOrigin } from './server-origin';
import { DocumentWriteQueue, type QueuedDocument } from './write-queue';
import { ActivityWriter } from './activity-writer';

/** The storage a room needs: the document half of the storage interface. */
export type RoomStorage = Pick<DocumentStore, 'loadDocument' | 'appendUpdateBatches' | 'compact'> &
	Pick<VersionStore, 'createVersion'> &
	Pick<ActivityStore, 'recordActivity'>;

export type RoomState = 'loading' | 'ready' | 'failed' | 'closed';

export { serverOrigin, type ServerChangeOrigin } from './server-origin';

export class SyncRoom implements QueuedDocument {
	state: RoomState = 'loading';
	/** Resolves once the room can answer clients: its stored bytes are read (its Doc may not be built). */
	readonly ready: Promise<void>;

	private readonly content: RoomDocument;
	private readonly doc: Y.Doc;
	private readonly presence: RoomPresence;
	/** Automatic versions: the graph only. */
	private readonly versions: AutoVersions | null;

	private connections = new Set<SyncConnection>();
	private readonly greeting: SyncGreeting;
	private unstored = new UnstoredUpdates();
	/** Set when a write failed: the room is dropped, and callers waiting on a change must hear it. */
	private storeError: unknown = null;
	private readonly storedLog: StoredLog;
	private unloadTimer: ReturnType<typeof setTimeout> | null = null;

	readonly mapId: string;
	readonly kind: DocumentKind;
	/** The storage key of this room's document (see documents.ts). */
	readonly docId: string;

	constructor(
		address: DocumentAddress,
		private storage: RoomStorage,
		private onIdle: (room: SyncRoom) => void,
		/** Shared by the server's rooms, so that one commit a turn stores every map's updates. */
		private writes: DocumentWriteQueue = new DocumentWriteQueue(storage, new ActivityWriter(storage))
	) {
		this.mapId = address.mapId;
		this.kind = address.kind;
		this.docId = address.docId;
		this.content = new RoomDocument(this.docId, this.kind, (doc) => {
			// From here on every change to the Doc is stored, broadcast and logged.
			doc.on('update', this.onDocUpdate);
			doc.on('afterTransaction', this.onTransaction);
		});
		this.doc = this.content.doc;
		this.presence = new RoomPresence(this.doc);
		this.storedLog = new StoredLog(this.docId, storage);
		this.greeting = new SyncGreeting(
			() => this.content.stateVector(),
			(connection) => this.state === 'ready' && this.connections.has(connection),
			// The stored bytes do not parse: every socket is sent away, as when a write fails.
			(error) => this.failStorage(error)
		);
		this.versions = this.kind === 'graph' ? new AutoVersions(this.mapId, storage, () => this.storedSnapshot()) : null;
		this.ready = this.load();
	}

	get connectionCount(): number {
		return this.connections.size;
	}

	/** Whether the Y.Doc has been built (a room answering from its stored bytes has not). */
	get built(): boolean {
		return this.state !== 'loading' && this.content.built;
	}

	/** How long building the Y.Doc took, once it is built. */
	get buildMs(): number | null {
		return this.content.buildMs;
	}

	private async load(): Promise<void> {
		try {
			const stored = await this.storage.loadDocument(this.docId);
			this.content.load(StoredState.from(stored));
			this.storedLog.loaded(stored);
			this.state = 'ready';
		} catch (error) {
			this.state = 'failed';
			log.error('room.load_failed', { docId: this.docId, error });
			throw error;
		}
	}

	/** The live Y.Doc, built and brought to the current schema first if need be. */
	document(): Y.Doc {
		this.buildDocument();
		this.content.migrateIfDue();
		return this.doc;
	}

	/** Builds the Doc if it is not; a failure to is a storage failure: everyone is sent away. */
	private buildDocument(): Y.Doc {
		if (this.state !== 'ready') throw new Error(`map document ${this.docId} is not available`);
		try {
			return this.content.build();
		} catch (error) {
			this.failStorage(error);
			throw error;
		}
	}

	// ---- connections

	/** Adds a connection once the room is ready; sends the server's sync step 1 and presence. */
	attach(connection: SyncConnection): void {
		this.cancelUnload();
		this.connections.add(connection);
		this.greeting.joined(connection, this.content.built);
		this.presence.join(connection);
	}

	detach(connection: SyncConnection): void {
		if (!this.connections.delete(connection)) return;
		this.presence.leave(connection);
		if (connection.canWrite && !this.connectionsOf((c) => c.canWrite).length) this.saveAutoVersion(AUTO_REASON.lastEditorLeft);
		if (this.connections.size === 0) this.scheduleUnload();
	}

	connectionsOf(predicate: (connection: SyncConnection) => boolean): SyncConnection[] {
		return [...this.connections].filter(predicate);
	}

	// ---- messages

	handleMessage(connection: SyncConnection, message: ClientMessage): void {
		switch (message.type) {
			case 'sync-step1':
				if (!isValidStateVector(message.stateVector)) {
					connection.close(CLOSE.malformed, 'invalid state vector');
					return;
				}
				this.answerSyncStep1(connection, message.stateVector);
				return;
			case 'sync-update':
				this.applyClientUpdate(connection, message.update);
				return;
			case 'awareness':
				this.presence.apply(connection, message.update);
				return;
			case 'query-awareness':
				this.presence.sendAll(connection);
				return;
			case 'auth':
				return;
			case 'malformed':
				connection.close(CLOSE.malformed, message.reason);
				return;
		}
	}

	private answerSyncStep1(connection: SyncConnection, stateVector: Uint8Array): void {
		try {
			const fromStored = this.content.answerFromStored(stateVector);
			if (fromStored !== null) {
				connection.send(encodeSyncStep2(fromStored));
				this.greeting.stepOneReceived(connection, stateVector);
				return;
			}
			this.document();
		} catch (error) {
			// The stored bytes do not parse: every socket is sent away, as when a write fails.
			this.failStorage(error);
			return;
		}
		// Durable before acknowledged applies to sync answers too: a client (re)joining while
		// another's update is still being written must not receive it before it is stored.
		this.unstored.whenStored(() => connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))), () => {});
		this.greeting.stepOneReceived(connection, stateVector);
	}

	private applyClientUpdate(connection: SyncConnection, update: Uint8Array): void {
		// Viewers and commenters cannot change the map: their updates are dropped unread.
		if (!connection.canWrite) {
			connection.refusedUpdates++;
			return;
		}
		if (this.storedLog.bytes + update.byteLength > SYNC.maxDocumentBytes) {
			connection.close(CLOSE.documentTooLarge, 'the map has reached its size limit');
			return;
		}
		const content = inspectUpdate(update);
		if (content === 'invalid') {
			connection.close(CLOSE.malformed, 'invalid document update');
			return;
		}
		// Nothing to apply, store or broadcast (every new client sends one): no reason to build the Doc.
		if (content === 'empty') return;
		try {
			this.buildDocument();
		} catch {
			return;
		}
		this.applyAndRecord(connection, update);
		this.content.migrateIfDue();
	}

	/**
	 * Applies a client's clean update and records what to store and broadcast: the client's own bytes
	 * when they applied without error. Yjs would otherwise encode the transaction again for the
	 * room's 'update' listener, on every edit's path to the other editors; the bytes it applied are
	 * as good a record (replayed in any order with the rest of the log they give the same document).
	 */
	private applyAndRecord(connection: SyncConnection, update: Uint8Array): void {
		const doc = this.doc;
		this.lastTransaction = null;
		doc.off('update', this.onDocUpdate);
		let failure: unknown = null;
		try {
			Y.applyUpdate(doc, update, connection);
		} catch (error) {
			failure = error;
		} finally {
			doc.on('update', this.onDocUpdate);
		}
		const transaction = this.lastTransaction as Y.Transaction | null;
		this.lastTransaction = null;
		if (failure === null) {
			// Structs Yjs holds back until what they build on arrives are kept (and passed on) as sent.
			const holdsPending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
			if (holdsPending || (transaction !== null && changedAnything(transaction))) this.record(update, connection);
			return;
		}
		// Part of it may have integrated before Yjs threw: that part (and nothing the sender wrote) is
		// stored and passed on, as Yjs encodes it; the sender is sent away.
		log.warn('room.update_rejected', { docId: this.docId, user: connection.user.username, error: failure });
		if (transaction !== null && changedAnything(transaction)) {
			this.record(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(transaction.beforeState)), connection);
		}
		connection.close(CLOSE.malformed, 'document update could not be applied');
	}

	// ---- automatic versions

	private saveAutoVersion(reason: string): void {
		if (this.state === 'ready') this.versions?.save(reason);
	}

	private async storedSnapshot(): Promise<Uint8Array | null> {
		await this.drain();
		return this.state === 'ready' ? Y.encodeStateAsUpdate(this.doc) : null;
	}

	// ---- activity

	/** The transaction a client's update was applied in, seen by `onTransaction`. */
	private lastTransaction: Y.Transaction | null = null;

	private onTransaction = (transaction: Y.Transaction) => {
		this.lastTransaction = transaction;
		if (transaction.changed.size === 0) return;
		const origin = transaction.origin;
		const userId = this.connections.has(origin as SyncConnection)
			? (origin as SyncConnection).user.id
			: isServerOrigin(origin)
				? origin.userId
				: null;
		if (userId === null) return;
		const at = Date.now();
		this.unstored.addActivity(activityOf(transaction).map((entry) => ({ mapId: this.mapId, document: this.kind, at, userId, ...entry })));
	};

	/**
	 * A change made by the server itself, as one transaction: stored before it is broadcast, like a
	 * client's. Resolves once it is stored; throws if it was not. An idle room unloads again afterwards.
	 */
	async change(apply: (doc: Y.Doc) => void, onBehalfOf: string | null): Promise<void> {
		await this.ready;
		if (this.state !== 'ready') throw new Error(`map document ${this.docId} is not available`);
		const doc = this.buildDocument();
		doc.transact(() => apply(doc), serverOrigin(onBehalfOf));
		this.content.migrateIfDue();
		await this.drain();
		// A failed write unloads the room at once (its state is 'closed' by now, not 'failed'), so the
		// error itself is what tells the caller: otherwise a route would report a change that was lost.
		if (this.storeError !== null) throw this.storeError;
		if (this.connections.size === 0) this.scheduleUnload();
	}

	/**
	 * The stored bytes while they are all there is to the document (its Doc not built, or built and
	 * unchanged since): a reader that only needs a picture can work from them off the main thread.
	 */
	unchangedStoredBytes(): Uint8Array | null {
		return this.state === 'ready' ? this.content.unchangedStoredBytes() : null;
	}

	/** The sequence number of the last stored update of this document (0: none yet). */
	get storedSeq(): number {
		return this.storedLog.storedSeq;
	}

	/** The live Doc for a reader, once everything applied to it is stored; null if that write failed. */
	async readDocument(): Promise<Y.Doc | null> {
		if (this.state !== 'ready') return null;
		try {
			this.document();
		} catch {
			return null;
		}
		await this.stored();
		return this.state === 'ready' ? this.doc : null;
	}

	// ---- durable broadcast

	/** Every change but a client's clean update (see `applyAndRecord`): Yjs' encoding of its transaction. */
	private onDocUpdate = (update: Uint8Array, origin: unknown) => {
		const from = this.connections.has(origin as SyncConnection) ? (origin as SyncConnection) : null;
		// A migration is not someone's edit: it does not bring the next automatic version closer.
		this.record(update, from, from !== null || isServerOrigin(origin));
	};

	/** Queues a change for the next commit; once stored it goes to everyone but `from`. */
	private record(update: Uint8Array, from: SyncConnection | null, isEdit = true): void {
		if (isEdit) this.versions?.noteEdit();
		this.unstored.add({ update, origin: from });
		this.storedLog.bytes += update.byteLength;
		this.writes.schedule(this);
	}

	takeUpdates(): { updates: Uint8Array[]; activity: ActivityRecord[] } {
		if (this.state !== 'ready') return { updates: [], activity: [] };
		return this.unstored.take();
	}

	/** The write queue committed what it took: broadcast it, in order, to everyone but its sender. */
	updatesStored(lastSeq: number): void {
		const batch = this.unstored.stored();
		this.storedLog.appended(batch.length, lastSeq);
		for (const { update, origin } of batch) {
			const message = encodeUpdateMessage(update);
			for (const connection of this.connections) {
				if (connection !== origin) connection.send(message);
			}
		}
		if (this.versions?.hourlyDue) this.saveAutoVersion(AUTO_REASON.hourly);
		if (this.storedLog.compactionDue) void this.compact();
	}

	updatesFailed(error: unknown): void {
		this.failStorage(error);
	}

	/** Resolves once nothing applied to the document is unstored (or the room has failed: check `state`). */
	stored(): Promise<void> {
		return new Promise((resolve) => this.unstored.whenStored(resolve, resolve));
	}

	/**
	 * What could not be stored must not be served: the in-memory document is dropped and every
	 * client reconnects to a fresh load, re-sending what the server lacks.
	 */
	private failStorage(error: unknown): void {
		if (this.state !== 'ready') return;
		log.error('room.store_failed', { docId: this.docId, error });
		this.state = 'failed';
		const reason = (error as { code?: string }).code ?? 'storage_failed';
		for (const connection of [...this.connections]) connection.close(CLOSE.storageFailed, reason);
		// Waiting sync answers are dropped (their sockets are closed); API readers see the failure and reload.
		this.storeError = error;
		this.unstored.failed();
		this.onIdle(this);
	}

	/** Writes the whole document as one snapshot and drops the log it replaces. */
	compact(): Promise<void> {
		// A snapshot holds only stored updates: one still being written may yet fail. An unbuilt
		// room's stored bytes are already the merged document: no need to build it.
		return this.storedLog.compact(() => (this.state === 'ready' && this.unstored.none ? this.content.encodeState() : null));
	}

	/** Waits until everything applied so far is stored, with its activity records (and any compaction it started is done). */
	async drain(): Promise<void> {
		await this.stored();
		await this.writes.activityWritten();
		await this.storedLog.settled();
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
		for (const connection of [...this.connections]) connection.close(closeCode, reason);
		if (this.state === 'ready') {
			await this.drain();
			await this.versions?.settled();
			await this.compact();
		}
		this.state = 'closed';
		this.doc.off('update', this.onDocUpdate);
		this.doc.off('afterTransaction', this.onTransaction);
		this.presence.destroy();
		this.content.destroy();
	}
}

/** Whether a transaction integrated or deleted anything (Yjs emits no update for one that did not). */
function changedAnything(transaction: Y.Transaction): boolean {
	if (transaction.deleteSet.clients.size > 0) return true;
	for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
	return false;
}
