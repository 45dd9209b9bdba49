// The embedded default storage: one SQLite file (better-sqlite3, WAL). Document updates are
// appended in one prepared, committed transaction before anyone else hears of them.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
	StorageError,
	type ShareLinkRecord,
	type VersionRecord,
	type VersionSummary,
	type ActivityQuery,
	type ActivityRecord,
	type ApiTokenRecord,
	type DocumentAppend,
	type AuditEvent,
	type DocumentStats,
	type InviteRecord,
	type MapRecord,
	type MapRole,
	type MapWithRole,
	type MemberRecord,
	type SessionRecord,
	type Storage,
	type SynchronousAppend,
	type StoredDocument,
	type UserRecord
} from '../../src/lib/server/storage/types';
import { SQLITE_MIGRATIONS } from './sqlite-schema';
import { log } from '../../src/lib/server/log';
import { SqliteMeetings } from './sqlite-meetings';
import type { MeetingPatch, MeetingRecord, VoteRecord } from '../../src/lib/server/storage/types';

/**
 * `NORMAL` in WAL mode survives a killed process (every commit is in the WAL before we
 * acknowledge); `FULL` also survives power loss at some write cost. See docs/operations.md.
 */
export type SqliteSynchronous = 'NORMAL' | 'FULL';

export interface SqliteOptions {
	file: string;
	synchronous?: SqliteSynchronous;
	/** How long a writer waits for a lock held by another connection (e.g. a backup). */
	busyTimeoutMs?: number;
	/**
	 * A quota on the database file: SQLite refuses to grow it past this many bytes and the write
	 * fails as "full", exactly like a full disk (nothing is acknowledged, nothing stored is lost).
	 * Rounded down to whole pages; never below the current size (SQLite keeps the larger).
	 */
	maxDatabaseBytes?: number | null;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
/**
 * How long a statement waits for the lock once a write has already failed on it. better-sqlite3
 * waits synchronously, holding up every socket and request: without this, a client re-sending an
 * edit it cannot store would freeze the server for a whole busy timeout at each attempt.
 */
const LOCKED_BUSY_TIMEOUT_MS = 50;

type Row = Record<string, unknown>;

function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toUser(row: Row): UserRecord {
	return {
		id: row.id as string,
		username: row.username as string,
		displayName: row.display_name as string,
		passwordHash: row.password_hash as string,
		isAdmin: row.is_admin === 1,
		disabled: row.disabled === 1,
		createdAt: row.created_at as number
	};
}

function toSession(row: Row): SessionRecord {
	return {
		id: row.id as string,
		userId: row.user_id as string,
		secretHash: new Uint8Array(row.secret_hash as Buffer),
		createdAt: row.created_at as number,
		expiresAt: row.expires_at as number,
		lastUsedAt: row.last_used_at as number
	};
}

function toToken(row: Row): ApiTokenRecord {
	return {
		id: row.id as string,
		userId: row.user_id as string,
		label: row.label as string,
		secretHash: new Uint8Array(row.secret_hash as Buffer),
		createdAt: row.created_at as number,
		lastUsedAt: (row.last_used_at as number | null) ?? null
	};
}

function toShareLink(row: Row): ShareLinkRecord {
	return {
		id: row.id as string,
		mapId: row.map_id as string,
		label: row.label as string,
		secretHash: new Uint8Array(row.secret_hash as Buffer),
		createdBy: row.created_by as string,
		createdAt: row.created_at as number,
		expiresAt: row.expires_at as number,
		revokedAt: (row.revoked_at as number | null) ?? null
	};
}

function toMap(row: Row): MapRecord {
	return {
		id: row.id as string,
		title: row.title as string,
		createdBy: row.created_by as string,
		createdAt: row.created_at as number
	};
}

/** Turns SQLite's error codes into the few failures a user can act on. */
export function translateSqliteError(error: unknown): unknown {
	const code = (error as { code?: string })?.code ?? '';
	if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
		return new StorageError('storage_unavailable', 'The database is busy (locked).', { cause: error });
	if (code.startsWith('SQLITE_FULL'))
		return new StorageError('storage_full', 'The disk is full.', { cause: error });
	if (code.startsWith('SQLITE_READONLY'))
		return new StorageError('storage_read_only', 'The database is read-only.', { cause: error });
	if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN'))
		return new StorageError('storage_failed', 'The database could not be written.', { cause: error });
	return error;
}

export class SqliteStorage implements Storage, SynchronousAppend {
	readonly kind = 'sqlite';
	readonly db: Database.Database;

	private readonly busyTimeoutMs: number;
	/** Set when a statement failed on another process's lock; cleared by the next statement that writes. */
	private locked = false;
	/**
	 * Every edit passes here, before it is broadcast: the transaction function is made once (making
	 * one per call showed in profiles), and the commit carries the updates alone (the activity log
	 * follows in batches, see server/sync/activity-writer.ts).
	 */
	private readonly appendTransaction: (appends: readonly DocumentAppend[]) => number[];
	private readonly activityTransaction: (records: readonly ActivityRecord[]) => void;

	constructor(options: SqliteOptions) {
		if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
		this.db = new Database(options.file);
		this.db.pragma('journal_mode = WAL');
		this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
		this.db.pragma('foreign_keys = ON');
		this.busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
		this.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
		this.migrate();
		this.appendTransaction = this.db.transaction((appends: readonly DocumentAppend[]) => {
			const insert = this.stmt('INSERT INTO doc_updates (doc_id, update_data) VALUES (?, ?)');
			return appends.map(({ docId, updates }) => {
				let seq = 0;
				// A view, not a copy: the bytes are only read while the statement runs.
				for (const update of updates) seq = Number(insert.run(docId, asBuffer(update)).lastInsertRowid);
				return seq;
			});
		});
		this.activityTransaction = this.db.transaction((records: readonly ActivityRecord[]) => {
			const insert = this.stmt(
				'INSERT INTO activity (map_id, document, at, user_id, collection, element_id, action) VALUES (?, ?, ?, ?, ?, ?, ?)'
			);
			for (const r of records) insert.run(r.mapId, r.document, r.at, r.userId, r.collection, r.elementId, r.action);
		});
		if (options.maxDatabaseBytes != null) {
			// After the migrations, so a new database can always be created; max_page_count is per connection.
			const pageSize = this.db.pragma('page_size', { simple: true }) as number;
			this.db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxDatabaseBytes / pageSize))}`);
		}
	}

	private migrate(): void {
		const current = this.db.pragma('user_version', { simple: true }) as number;
		const pending = SQLITE_MIGRATIONS.slice(current);
		if (pending.length === 0) return;
		this.db.transaction(() => {
			for (const sql of pending) this.db.exec(sql);
			this.db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
		})();
	}

	/** Runs a statement and reports storage failures with a stable code. */
	private run<T>(work: () => T): Promise<T> {
		try {
			return Promise.resolve(this.runNow(work));
		} catch (error) {
			return Promise.reject(error);
		}
	}

	/** `run`, answering on the spot: throws the translated error. */
	private runNow<T>(work: () => T): T {
		if (this.locked) return this.runWhileLocked(work);
		try {
			return work();
		} catch (error) {
			throw this.failed(error);
		}
	}

	private failed(error: unknown): unknown {
		const translated = translateSqliteError(error);
		if (translated instanceof StorageError && translated.code === 'storage_unavailable' && !this.locked) {
			this.locked = true;
			this.db.pragma(`busy_timeout = ${Math.min(LOCKED_BUSY_TIMEOUT_MS, this.busyTimeoutMs)}`);
			log.warn('storage.locked', { error: translated });
		}
		return translated;
	}

	/**
	 * While another process holds the lock, statements wait only briefly, so the server keeps
	 * answering; reads (which WAL lets through) do not tell us the lock is gone, the first
	 * statement that writes does, and restores the full busy timeout.
	 */
	private runWhileLocked<T>(work: () => T): T {
		const changesBefore = this.totalChanges();
		try {
			const result = work();
			if (this.totalChanges() !== changesBefore) {
				this.locked = false;
				this.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
				log.info('storage.lock_cleared');
			}
			return result;
		} catch (error) {
			throw this.failed(error);
		}
	}

	private totalChanges(): number {
		return this.stmt('SELECT total_changes() AS n').pluck().get() as number;
	}

	// Prepared statements are cached by SQL text: preparing is the costly part of a small query.
	private statements = new Map<string, Database.Statement>();
	private stmt(sql: string): Database.Statement {
		let statement = this.statements.get(sql);
		if (!statement) {
			statement = this.db.prepare(sql);
			this.statements.set(sql, statement);
		}
		return statement;
	}

	// ---- users
	countUsers() {
		return this.run(() => (this.stmt('SELECT count(*) AS n FROM users').get() as Row).n as number);
	}
	createUser(user: UserRecord) {
		return this.run(() => {
			this.stmt(
				`INSERT INTO users (id, username, display_name, password_hash, is_admin, disabled, created_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?)`
			).run(
				user.id,
				user.username,
				user.displayName,
				user.passwordHash,
				user.isAdmin ? 1 : 0,
				user.disabled ? 1 : 0,
				user.createdAt
			);
		});
	}
	getUserById(id: string) {
		return this.run(() => {
			const row = this.stmt('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined;
			return row ? toUser(row) : null;
		});
	}
	getUserByUsername(username: string) {
		return this.run(() => {
			const row = this.stmt('SELECT * FROM users WHERE username = ?').get(username) as Row | undefined;
			return row ? toUser(row) : null;
		});
	}
	listUsers() {
		return this.run(() => (this.stmt('SELECT * FROM users ORDER BY username').all() as Row[]).map(toUser));
	}
	setPasswordHash(userId: string, passwordHash: string) {
		return this.run(() => {
			this.stmt('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
		});
	}
	setDisabled(userId: string, disabled: boolean) {
		return this.run(() => {
			this.stmt('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, userId);
		});
	}

	// ---- sessions
	createSession(s: SessionRecord) {
		return this.run(() => {
			this.stmt(
				`INSERT INTO sessions (id, user_id, secret_hash, created_at, expires_at, last_used_at)
				 VALUES (?, ?, ?, ?, ?, ?)`
			).run(s.id, s.userId, Buffer.from(s.secretHash), s.createdAt, s.expiresAt, s.lastUsedAt);
		});
	}
	getSession(id: string) {
		return this.run(() => {
			const row = this.stmt('SELECT * FROM sessions WHERE id = ?').get(id) as Row | undefined;
			return row ? toSession(row) : null;
		});
	}
	touchSession(id: string, expiresAt: number, lastUsedAt: number) {
		return this.run(() => {
			this.stmt('UPDATE sessions SET expires_at = ?, last_used_at = ? WHERE id = ?').run(
				expiresAt,
				lastUsedAt,
				id
			);
		});
	}
	deleteSession(id: string) {
		return this.run(() => {
			this.stmt('DELETE FROM sessions WHERE id = ?').run(id);
		});
	}
	deleteUserSessions(userId: string) {
		return this.run(() =>
			this.db.transaction(() => {
				const ids = (this.stmt('SELECT id FROM sessions WHERE user_id = ?').all(userId) as Row[]).map(
					(r) => r.id as string
				);
				this.stmt('DELETE FROM sessions WHERE user_id = ?').run(userId);
				return ids;
			})()
		);
	}
	deleteExpiredSessions(now: number) {
		return this.run(() => this.stmt('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes);
	}

	// ---- API tokens
	createApiToken(t: ApiTokenRecord) {
		return this.run(() => {
			this.stmt(
				`INSERT INTO api_tokens (id, user_id, label, secret_hash, created_at, last_used_at)
				 VALUES (?, ?, ?, ?, ?, ?)`
			).run(t.id, t.userId, t.label, Buffer.from(t.secretHash), t.createdAt, t.lastUsedAt);
		});
	}
	getApiToken(id: string) {
		return this.run(() => {
			const row = this.stmt('SELECT * FROM api_tokens WHERE id = ?').get(id) as Row | undefined;
			return row ? toToken(row) : null;
		});
	}
	listApiTokens(userId: string) {
		return this.run(() =>
			(this.stmt('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at').all(userId) as Row[]).map(
				toToken
			)
		);
	}
	touchApiToken(id: string, lastUsedAt: number) {
		return this.run(() => {
			this.stmt('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(lastUsedAt, id);
		});
	}
	deleteApiToken(userId: string, id: string) {
		return this.run(
			() => this.stmt('DELETE FROM api_tokens WHERE id = ? AND user_id = ?').run(id, userId).changes > 0
		);
	}

	// ---- invitations
	createInvite(i: InviteRecord) {
		return this.run(() => {
			this.stmt(
				`INSERT INTO invites (id, secret_hash, created_by, is_admin, created_at, expires_at, used_by)
				 VALUES (?, ?, ?, ?, ?, ?, ?)`
			).run(i.id, Buffer.from(i.secretHash), i.createdBy, i.isAdmin ? 1 : 0, i.createdAt, i.expiresAt, i.usedBy);
		});
	}
	getInvite(id: string) {
		return this.run(() => {
			const row = this.stmt('SELECT * FROM invites WHERE id = ?').get(id) as Row | undefined;
			if (!row) return null;
			return {
				id: row.id as string,
				secretHash: new Uint8Array(row.secret_hash as Buffer),
				createdBy: row.created_by as string,
				isAdmin: row.is_admin === 1,
				createdAt: row.created_at as number,
				expiresAt: row.expires_at as number,
				usedBy: (row.used_by as string | null) ?? null
			} satisfies InviteRecord;
		});
	}
	claimInvite(id: string, userId: string) {
		return this.run(
			() => this.stmt('UPDATE invites SET used_by = ? WHERE id = ? AND used_by IS NULL').run(userId, id).changes > 0
		);
	}

	// ---- maps and members
	createMap(map: MapRecord, ownerId: string, initialDocuments: ReadonlyMap<string, Uint8Array>) {
		return this.run(() =>
			this.db.transaction(() => {
				this.stmt('INSERT INTO maps (id, title, created_by, created_at) VALUES (?, ?, ?, ?)').run(
					map.id,
					map.title,
					map.createdBy,
					map.createdAt
				);
				this.stmt("INSERT INTO map_members (map_id, user_id, role) VALUES (?, ?, 'owner')").run(map.id, ownerId);
				for (const [docId, initial] of initialDocuments) {
					this.stmt('INSERT INTO doc_snapshots (doc_id, snapshot, upto_seq) VALUES (?, ?, 0)').run(docId, Buffer.from(initial));
				}
			})()
		);
	}
	getMap(id: string) {
		return this.run(() => {
			const row = this.stmt('SELECT * FROM maps WHERE id = ?').get(id) as Row | undefined;
			return row ? toMap(row) : null;
		});
	}
	listMaps() {
		return this.run(() => (this.stmt('SELECT * FROM maps ORDER BY created_at').all() as Row[]).map(toMap));
	}
	listMapsForUser(userId: string) {
		return this.run(() =>
			(
				this.stmt(
					`SELECT m.*, mm.role FROM maps m JOIN map_members mm ON mm.map_id = m.id
					 WHERE mm.user_id = ? ORDER BY m.created_at`
				).all(userId) as Row[]
			).map((row): MapWithRole => ({ ...toMap(row), role: row.role as MapRole }))
		);
	}
	setMapTitle(id: string, title: string) {
		return this.run(() => {
			this.stmt('UPDATE maps SET title = ? WHERE id = ?').run(title, id);
		});
	}
	getRole(mapId: string, userId: string) {
		return this.run(() => {
			const row = this.stmt('SELECT role FROM map_members WHERE map_id = ? AND user_id = ?').get(mapId, userId) as
				| Row
				| undefined;
			return row ? (row.role as MapRole) : null;
		});
	}
	listMembers(mapId: string) {
		return this.run(() =>
			(
				this.stmt(
					`SELECT u.id, u.username, u.display_name, mm.role FROM map_members mm
					 JOIN users u ON u.id = mm.user_id WHERE mm.map_id = ? ORDER BY u.username`
				).all(mapId) as Row[]
			).map(
				(row): MemberRecord => ({
					userId: row.id as string,
					username: row.username as string,
					displayName: row.display_name as string,
					role: row.role as MapRole
				})
			)
		);
	}
	setMember(mapId: string, userId: string, role: MapRole) {
		return this.run(() => {
			this.stmt(
				`INSERT INTO map_members (map_id, user_id, role) VALUES (?, ?, ?)
				 ON CONFLICT (map_id, user_id) DO UPDATE SET role = excluded.role`
			).run(mapId, userId, role);
		});
	}
	removeMember(mapId: string, userId: string) {
		return this.run(
			() => this.stmt('DELETE FROM map_members WHERE map_id = ? AND user_id = ?').run(mapId, userId).changes > 0
		);
	}

	// ---- documents
	loadDocument(docId: string) {
		return this.run((): StoredDocument => {
			const snap = this.stmt('SELECT snapshot, upto_seq FROM doc_snapshots WHERE doc_id = ?').get(docId) as
				| Row
				| undefined;
			const rows = this.stmt('SELECT seq, update_data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(
				docId
			) as Row[];
			const snapSeq = (snap?.upto_seq as number | undefined) ?? 0;
			const lastRow = rows[rows.length - 1];
			return {
				snapshot: snap ? new Uint8Array(snap.snapshot as Buffer) : null,
				updates: rows.map((r) => new Uint8Array(r.update_data as Buffer)),
				lastSeq: lastRow ? (lastRow.seq as number) : snapSeq
			};
		});
	}
	async appendUpdates(docId: string, updates: Uint8Array[]) {
		const [seq] = await this.appendUpdateBatches([{ docId, updates }]);
		return seq!;
	}
	appendUpdateBatches(appends: readonly DocumentAppend[]) {
		return this.run(() => this.appendTransaction(appends));
	}
	appendUpdateBatchesNow(appends: readonly DocumentAppend[]): number[] {
		return this.runNow(() => this.appendTransaction(appends));
	}
	compact(docId: string, snapshot: Uint8Array, uptoSeq: number) {
		return this.run(() =>
			this.db.transaction(() => {
				this.stmt(
					`INSERT INTO doc_snapshots (doc_id, snapshot, upto_seq) VALUES (?, ?, ?)
					 ON CONFLICT (doc_id) DO UPDATE SET snapshot = excluded.snapshot, upto_seq = excluded.upto_seq`
				).run(docId, Buffer.from(snapshot), uptoSeq);
				this.stmt('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?').run(docId, uptoSeq);
			})()
		);
	}
	documentStats(docId: string) {
		return this.run((): DocumentStats => {
			const u = this.stmt(
				'SELECT count(*) AS n, coalesce(sum(length(update_data)), 0) AS bytes FROM doc_updates WHERE doc_id = ?'
			).get(docId) as Row;
			const s = this.stmt('SELECT coalesce(length(snapshot), 0) AS bytes FROM doc_snapshots WHERE doc_id = ?').get(
				docId
			) as Row | undefined;
			return {
				updateCount: u.n as number,
				updateBytes: u.bytes as number,
				snapshotBytes: (s?.bytes as number | undefined) ?? 0
			};
		});
	}

	// ---- share links
	createShareLink(l: ShareLinkRecord) {
		return this.run(() => {
			this.stmt(
				`INSERT INTO share_links (id, map_id, label, secret_hash, created_by, created_at, expires_at, revoked_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
			).run(l.id, l.mapId, l.label, Buffer.from(l.secretHash), l.createdBy, l.createdAt, l.expiresAt, l.revokedAt);
		});
	}
	getShareLink(id: string) {
		return this.run(() => {
			const row = this.stmt('SELECT * FROM share_links WHERE id = ?').get(id) as Row | undefined;
			return row ? toShareLink(row) : null;
		});
	}
	listShareLinks(mapId: string) {
		return this.run(() =>
			(this.stmt('SELECT * FROM share_links WHERE map_id = ? ORDER BY created_at DESC').all(mapId) as Row[]).map(toShareLink)
		);
	}
	revokeShareLink(mapId: string, id: string, at: number) {
		return this.run(
			() =>
				this.stmt('UPDATE share_links SET revoked_at = ? WHERE id = ? AND map_id = ? AND revoked_at IS NULL').run(at, id, mapId)
					.changes > 0
		);
	}

	// ---- versions
	createVersion(v: VersionRecord) {
		return this.run(() => {
			this.stmt(
				'INSERT INTO versions (id, map_id, name, kind, created_by, created_at, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?)'
			).run(v.id, v.mapId, v.name, v.kind, v.createdBy, v.createdAt, Buffer.from(v.snapshot));
		});
	}
	listVersions(mapId: string) {
		return this.run(() =>
			(
				this.stmt(
					`SELECT v.id, v.map_id, v.name, v.kind, v.created_by, v.created_at, length(v.snapshot) AS bytes, u.display_name
					 FROM versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.map_id = ? ORDER BY v.created_at DESC, v.rowid DESC`
				).all(mapId) as Row[]
			).map(
				(row): VersionSummary => ({
					id: row.id as string,
					mapId: row.map_id as string,
					name: row.name as string,
					kind: row.kind as VersionSummary['kind'],
					createdBy: (row.created_by as string | null) ?? null,
					createdByName: (row.display_name as string | null) ?? null,
					createdAt: row.created_at as number,
					bytes: row.bytes as number
				})
			)
		);
	}
	getVersion(mapId: string, id: string) {
		return this.run(() => {
			const row = this.stmt('SELECT * FROM versions WHERE map_id = ? AND id = ?').get(mapId, id) as Row | undefined;
			if (!row) return null;
			return {
				id: row.id as string,
				mapId: row.map_id as string,
				name: row.name as string,
				kind: row.kind as VersionRecord['kind'],
				createdBy: (row.created_by as string | null) ?? null,
				createdAt: row.created_at as number,
				snapshot: new Uint8Array(row.snapshot as Buffer)
			} satisfies VersionRecord;
		});
	}

	// ---- activity log
	recordActivity(records: ActivityRecord[]) {
		return this.run(() => this.activityTransaction(records));
	}
	listActivity(query: ActivityQuery) {
		return this.run(() => {
			const where = ['a.map_id = ?'];
			const params: unknown[] = [query.mapId];
			if (query.userId) (where.push('a.user_id = ?'), params.push(query.userId));
			if (query.elementId) (where.push('a.element_id = ?'), params.push(query.elementId));
			if (query.since !== undefined) (where.push('a.at >= ?'), params.push(query.since));
			if (query.until !== undefined) (where.push('a.at <= ?'), params.push(query.until));
			params.push(query.limit);
			const rows = this.db
				.prepare(
					`SELECT a.*, u.username, u.display_name FROM activity a JOIN users u ON u.id = a.user_id
					 WHERE ${where.join(' AND ')} ORDER BY a.at DESC, a.id DESC LIMIT ?`
				)
				.all(...params) as Row[];
			return rows.map((row) => ({
				mapId: row.map_id as string,
				document: row.document as string,
				at: row.at as number,
				userId: row.user_id as string,
				username: row.username as string,
				displayName: row.display_name as string,
				collection: row.collection as string,
				elementId: row.element_id as string,
				action: row.action as ActivityRecord['action']
			}));
		});
	}

	// ---- meetings (sqlite-meetings.ts)
	#meetings: SqliteMeetings | null = null;
	private get meetings(): SqliteMeetings {
		return (this.#meetings ??= new SqliteMeetings(this.db, (sql) => this.stmt(sql)));
	}
	createMeeting(meeting: MeetingRecord) {
		return this.run(() => this.meetings.createMeeting(meeting));
	}
	getMeeting(id: string) {
		return this.run(() => this.meetings.getMeeting(id));
	}
	listMeetings(mapId: string) {
		return this.run(() => this.meetings.listMeetings(mapId));
	}
	updateMeeting(id: string, patch: MeetingPatch) {
		return this.run(() => this.meetings.updateMeeting(id, patch));
	}
	createVote(vote: VoteRecord) {
		return this.run(() => this.meetings.createVote(vote));
	}
	getVote(id: string) {
		return this.run(() => this.meetings.getVote(id));
	}
	listVotes(meetingId: string) {
		return this.run(() => this.meetings.listVotes(meetingId));
	}
	setBallot(voteId: string, userId: string, allocation: ReadonlyMap<string, number>) {
		return this.run(() => this.meetings.setBallot(voteId, userId, allocation));
	}
	getBallot(voteId: string, userId: string) {
		return this.run(() => this.meetings.getBallot(voteId, userId));
	}
	revealVote(voteId: string, at: number) {
		return this.run(() => this.meetings.revealVote(voteId, at));
	}

	// ---- audit log
	recordAudit(e: AuditEvent) {
		return this.run(() => {
			this.stmt('INSERT INTO audit_events (at, type, actor_id, username, ip, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
				e.at,
				e.type,
				e.actorId,
				e.username,
				e.ip,
				JSON.stringify(e.detail)
			);
		});
	}
	listAudit(limit: number) {
		return this.run(() =>
			(this.stmt('SELECT * FROM audit_events ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(
				(row): AuditEvent => ({
					at: row.at as number,
					type: row.type as string,
					actorId: (row.actor_id as string | null) ?? null,
					username: (row.username as string | null) ?? null,
					ip: (row.ip as string | null) ?? null,
					detail: JSON.parse(row.detail as string) as Record<string, unknown>
				})
			)
		);
	}

	/** An online, consistent copy of the whole database (SQLite's backup API), safe while clients edit. */
	async backup(destination: string): Promise<void> {
		try {
			await this.db.backup(destination);
		} catch (error) {
			throw translateSqliteError(error);
		}
	}

	async close(): Promise<void> {
		if (this.db.open) this.db.close();
	}
}
