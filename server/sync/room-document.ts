// A room's Y.Doc, built from the stored bytes only when something needs it (a write, a server
// change, an API read): until then first syncs are answered from those bytes, which for a large map
// is a small fraction of the cost of parsing them into a Doc.
import * as Y from 'yjs';
import { SYNC } from '../../src/lib/server/limits';
import { log } from '../../src/lib/server/log';
import { migrateDocument } from '../../src/lib/map/migrations';
import { mapParts } from '../../src/lib/map/doc';
import type { DocumentKind } from '../../src/lib/server/documents';
import { holdsAnything, type StoredState } from './stored-state';

export class RoomDocument {
	readonly doc = new Y.Doc({ gc: true });
	/** How long building the Doc took, once it is built (for the benchmark and the log). */
	buildMs: number | null = null;
	/** What storage holds, while the Doc is not built; null once it is (the Doc is then the truth). */
	private stored: StoredState | null = null;
	/**
	 * After a build for a read (a large map's overview is one), the stored bytes still are the whole
	 * document until its first change: new clients keep getting them as they are, where encoding the
	 * Doc would cost a large map a third of its build again.
	 */
	private storedUntilChanged: StoredState | null = null;
	/** First syncs answered by diffing the stored bytes. */
	private diffAnswers = 0;
	/** Set when the graph was built and has not been brought to the current schema yet. */
	private migrationDue = false;

	constructor(
		private readonly docId: string,
		private readonly kind: DocumentKind,
		/** Called once the stored state is in the Doc, before anything else is applied to it. */
		private readonly onBuilt: (doc: Y.Doc) => void
	) {}

	/** The room has read its storage: from now on it answers from these bytes until it builds. */
	load(stored: StoredState): void {
		this.stored = stored;
	}

	get built(): boolean {
		return this.stored === null;
	}

	/** The stored bytes while they still are the whole document (not built, or built and unchanged since); else null. */
	unchangedStoredBytes(): Uint8Array | null {
		return (this.stored ?? this.storedUntilChanged)?.update ?? null;
	}

	/** The server's state vector, for its sync step 1. */
	stateVector(): Uint8Array {
		return this.stored?.stateVector ?? Y.encodeStateVector(this.doc);
	}

	/** The whole document as one update: the stored bytes as they are if not built. */
	encodeState(): Uint8Array {
		return this.stored?.update ?? Y.encodeStateAsUpdate(this.doc);
	}

	/**
	 * The answer to a client's sync step 1 from the stored bytes, or null when the Doc should answer:
	 * it is built, or enough clients already needed a diff that building it once is cheaper.
	 * Before the build nothing has been applied since the load, so the stored bytes are all there is.
	 */
	answerFromStored(clientStateVector: Uint8Array): Uint8Array | null {
		const stored = this.stored;
		if (stored === null) {
			// Built: a client holding nothing still lacks exactly the stored bytes if nothing changed since.
			return this.storedUntilChanged !== null && !holdsAnything(clientStateVector) ? this.storedUntilChanged.update : null;
		}
		if (!stored.sharesHistoryWith(clientStateVector)) return stored.update;
		if (this.diffAnswers >= SYNC.diffAnswersBeforeBuild) return null;
		this.diffAnswers++;
		return stored.missingFor(clientStateVector);
	}

	/**
	 * Applies the stored bytes to the Doc. Synchronous, so no update can arrive halfway: whatever
	 * needed the Doc is applied right after. Throws if the bytes cannot be applied.
	 */
	build(): Y.Doc {
		const stored = this.stored;
		if (stored === null) return this.doc;
		const start = performance.now();
		Y.applyUpdate(this.doc, stored.update);
		this.stored = null;
		// Registered after the build's own update: the first change after it (a migration, an edit).
		this.storedUntilChanged = stored;
		this.doc.once('update', () => (this.storedUntilChanged = null));
		if (this.kind === 'graph') {
			// Types the graph's top-level maps (Yjs leaves them untyped until asked), so the activity
			// log of the write that triggered the build sees its created and deleted elements.
			mapParts(this.doc);
			this.migrationDue = true;
		}
		this.onBuilt(this.doc);
		this.buildMs = performance.now() - start;
		log.debug('room.built', { docId: this.docId, ms: Math.round(this.buildMs) });
		return this.doc;
	}

	/**
	 * Migrations are forward changes, stored and broadcast like any edit. They run after the write that
	 * built the Doc, so an edit made on the stored state is not raced by a migration it did not see.
	 * A document whose version is too new or garbled (any editor can write meta) is still served.
	 */
	migrateIfDue(): void {
		if (!this.migrationDue) return;
		this.migrationDue = false;
		try {
			migrateDocument(this.doc);
		} catch (error) {
			log.warn('room.migration_skipped', { docId: this.docId, error });
		}
	}

	destroy(): void {
		this.stored = null;
		this.storedUntilChanged = null;
		this.doc.destroy();
	}
}
