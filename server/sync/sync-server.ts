// The WebSocket side of the server: authorizes upgrades on /sync/<mapId>[/discussion], keeps one SyncRoom per
// open document, re-scopes or closes sockets when access changes, and shuts down without losing edits.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import type { Storage } from '../../src/lib/server/storage/types';
import type { SessionService } from '../../src/lib/server/auth/sessions';
import { CLOSE, SESSION, SYNC } from '../../src/lib/server/limits';
import { log } from '../../src/lib/server/log';
import { SyncRoom } from './room';
import { DocumentWriteQueue } from './write-queue';
import { ActivityWriter } from './activity-writer';
import { documentId, type DocumentAddress, type DocumentKind } from '../../src/lib/server/documents';
import { SyncConnection } from './connection';
import { authorizeUpgrade, rejectUpgrade, SYNC_PATH_PREFIX } from './upgrade';
import { MapOverviews } from '../overview/map-overviews';
import type { OverviewAnswer } from '../../src/lib/server/overview';

export interface SyncServerOptions {
	storage: Storage;
	sessions: SessionService;
	/** Origins allowed to open sockets from a browser; see upgrade.ts. */
	allowedOrigin: (origin: string, host: string | undefined) => boolean;
	cookieName: string;
	shareCookieName?: string;
}

export class SyncServer {
	private rooms = new Map<string, SyncRoom>();
	/** One write queue for every room: one commit per event-loop turn, however many maps are busy. */
	private writes: DocumentWriteQueue;
	private wss = new WebSocketServer({ noServer: true, maxPayload: SYNC.maxMessageBytes });
	private heartbeat: ReturnType<typeof setInterval>;
	private accessCheck: ReturnType<typeof setInterval>;
	private recheckingAccess = false;
	private stopping = false;
	private overviews: MapOverviews;

	constructor(private options: SyncServerOptions) {
		this.writes = new DocumentWriteQueue(options.storage, new ActivityWriter(options.storage));
		this.overviews = new MapOverviews(options.storage);
		this.heartbeat = setInterval(() => this.checkLiveness(), SYNC.pingIntervalMs);
		this.heartbeat.unref();
		this.accessCheck = setInterval(() => void this.recheckAccess(), SYNC.recheckAccessEveryMs);
		this.accessCheck.unref();
		options.sessions.onRevoked(({ sessionIds, tokenIds = [], shareIds = [], userId }) => {
			const ended = new Set(sessionIds);
			const revokedTokens = new Set(tokenIds);
			const revokedLinks = new Set(shareIds);
			this.closeWhere(
				(c) =>
					(c.sessionId !== null && ended.has(c.sessionId)) ||
					(c.tokenId !== null && revokedTokens.has(c.tokenId)) ||
					(c.shareId !== null && revokedLinks.has(c.shareId)) ||
					(userId !== undefined && c.user.id === userId),
				CLOSE.unauthorized,
				'session ended'
			);
		});
	}

	/** True when the request was ours to answer (a /sync/ path); other upgrades (Vite HMR) pass. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
		if (!request.url?.startsWith(SYNC_PATH_PREFIX)) return false;
		socket.on('error', () => socket.destroy());
		if (this.stopping) {
			rejectUpgrade(socket, 503, 'shutting_down', 'The server is restarting.');
			return true;
		}
		void this.upgrade(request, socket, head);
		return true;
	}

	private async upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
		let decision;
		try {
			decision = await authorizeUpgrade(request, this.options);
		} catch (error) {
			log.error('sync.upgrade_failed', { error });
			rejectUpgrade(socket, 503, 'storage_unavailable', 'The server cannot check access right now.');
			return;
		}
		if (!decision.ok) {
			rejectUpgrade(socket, decision.status, decision.code, decision.message);
			return;
		}
		const { address, identity } = decision;
		this.wss.handleUpgrade(request, socket, head, (ws) => {
			// Without an error listener a bad frame (e.g. over maxPayload) would crash the process.
			ws.on('error', (error) => log.debug('sync.socket_error', { docId: address.docId, error }));
			// Added after `ws`'s own: runs once the frames of a read are handled (see commitScheduled).
			socket.on('data', this.commitRead);
			const room = this.roomFor(address);
			const connection = new SyncConnection(ws, room, identity);
			room.ready.then(
				() => connection.start(),
				() => connection.close(CLOSE.storageFailed, 'the map could not be loaded')
			);
		});
	}

	/** The updates that one socket read's frames applied are committed together, right after it. */
	private readonly commitRead = () => this.writes.commitScheduled();

	private roomFor(address: DocumentAddress): SyncRoom {
		const { docId } = address;
		let room = this.rooms.get(docId);
		if (!room || room.state === 'failed' || room.state === 'closed') {
			const created = new SyncRoom(address, this.options.storage, (idle) => void this.unload(idle), this.writes);
			created.ready.then(
				() => this.overviews.precompute(created),
				() => {
					if (this.rooms.get(docId) === created) this.rooms.delete(docId);
				}
			);
			this.rooms.set(docId, created);
			room = created;
		}
		return room;
	}

	/** The open rooms of a map: its graph and its discussion, whichever are loaded. */
	private roomsOfMap(mapId: string): SyncRoom[] {
		return [...this.rooms.values()].filter((room) => room.mapId === mapId);
	}

	private async unload(room: SyncRoom): Promise<void> {
		if (this.rooms.get(room.docId) === room) this.rooms.delete(room.docId);
		await room.close(CLOSE.goingAway, 'map unloaded');
		log.debug('sync.room_unloaded', { docId: room.docId });
	}

	private checkLiveness(): void {
		for (const room of this.rooms.values()) for (const c of room.connectionsOf(() => true)) c.heartbeat();
	}

	/**
	 * Access can also end outside this process: the admin CLI disables users and ends sessions in
	 * the database directly, and no event reaches us. Without this, such a user's open socket
	 * would keep editing until it disconnected. Re-read every open socket's access now and then.
	 */
	private async recheckAccess(): Promise<void> {
		if (this.recheckingAccess || this.stopping) return;
		this.recheckingAccess = true;
		const { storage } = this.options;
		try {
			for (const room of [...this.rooms.values()]) {
				for (const connection of room.connectionsOf(() => true)) {
					// Guests have no account: their share link is what may end.
					if (connection.shareId !== null) {
						const link = await storage.getShareLink(connection.shareId);
						if (!link || link.revokedAt !== null || Date.now() >= link.expiresAt) connection.close(CLOSE.unauthorized, 'share link ended');
						continue;
					}
					const user = await storage.getUserById(connection.user.id);
					if (!user || user.disabled) {
						connection.close(CLOSE.unauthorized, 'account disabled');
					} else if (connection.sessionId !== null && !(await sessionStillValid(storage, connection.sessionId))) {
						connection.close(CLOSE.unauthorized, 'session ended');
					} else if (connection.tokenId !== null && !(await storage.getApiToken(connection.tokenId))) {
						connection.close(CLOSE.unauthorized, 'API token revoked');
					} else {
						const role = await storage.getRole(room.mapId, user.id);
						if (role === null) connection.close(CLOSE.forbidden, 'access removed');
						else if (role !== connection.role) connection.setRole(role);
					}
				}
			}
		} catch (error) {
			// Storage trouble: keep the sockets (the next round retries); failing closed would cut everyone off.
			log.warn('sync.access_recheck_failed', { error });
		} finally {
			this.recheckingAccess = false;
		}
	}

	private closeWhere(predicate: (c: SyncConnection) => boolean, code: number, reason: string): number {
		let count = 0;
		for (const room of this.rooms.values()) {
			for (const connection of room.connectionsOf(predicate)) {
				connection.close(code, reason);
				count++;
			}
		}
		return count;
	}

	/** Re-reads a member's role on a map and applies it to their open sockets at once. */
	async membershipChanged(mapId: string, userId: string): Promise<void> {
		const rooms = this.roomsOfMap(mapId);
		if (rooms.length === 0) return;
		const role = await this.options.storage.getRole(mapId, userId);
		for (const room of rooms) {
			for (const connection of room.connectionsOf((c) => c.user.id === userId)) {
				if (role === null) connection.close(CLOSE.forbidden, 'access removed');
				else connection.setRole(role);
			}
		}
	}

	/** Closes every socket of a user (account disabled). */
	closeUser(userId: string, reason: string): number {
		return this.closeWhere((c) => c.user.id === userId, CLOSE.unauthorized, reason);
	}

	/**
	 * Changes a map's document on the server (restore, meeting state): loads it if needed, applies
	 * one transaction, stores and broadcasts it to everyone connected.
	 */
	async changeDocument(mapId: string, kind: DocumentKind, apply: (doc: Y.Doc) => void, onBehalfOf: string | null): Promise<void> {
		if (this.stopping) throw new Error('the server is shutting down');
		const room = this.roomFor({ mapId, kind, docId: documentId(mapId, kind) });
		await room.change(apply, onBehalfOf);
	}

	/** The people with a socket open on any of a map's documents, once each (a meeting's attendees). */
	connectedUsers(mapId: string): { id: string; username: string; displayName: string }[] {
		const byId = new Map<string, { id: string; username: string; displayName: string }>();
		for (const room of this.roomsOfMap(mapId)) {
			for (const { user } of room.connectionsOf(() => true)) {
				if (!byId.has(user.id)) byId.set(user.id, { id: user.id, username: user.username, displayName: user.displayName });
			}
		}
		return [...byId.values()];
	}

	/** A map's current document: the live one if open, else loaded from storage. */
	async readDocument(mapId: string, kind: DocumentKind = 'graph'): Promise<Y.Doc> {
		const docId = documentId(mapId, kind);
		const room = this.rooms.get(docId);
		if (room && room.state === 'ready') {
			// Readers see what is stored, never an update that is still being written (and may fail).
			const live = await room.readDocument();
			if (live !== null) return live;
			// The write failed and the room was dropped: read what storage holds.
		}
		const stored = await this.options.storage.loadDocument(docId);
		const doc = new Y.Doc();
		Y.transact(doc, () => {
			if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
			for (const update of stored.updates) Y.applyUpdate(doc, update);
		});
		return doc;
	}

	/**
	 * A map's overview (where its actors and links are): computed off the main thread unless the room
	 * has built its Doc and changed since, so a large map's first open does not hold up other requests.
	 */
	readOverview(mapId: string): Promise<OverviewAnswer> {
		const docId = documentId(mapId, 'graph');
		return this.overviews.read(docId, this.rooms.get(docId));
	}

	/** Writes the activity records still held back (they follow edits in batches): for readers of the log. */
	activityWritten(): Promise<void> {
		return this.writes.activityWritten();
	}

	stats(): { rooms: number; connections: number } {
		let connections = 0;
		for (const room of this.rooms.values()) connections += room.connectionCount;
		return { rooms: this.rooms.size, connections };
	}

	/** Refuses new sockets, stores everything pending, compacts and closes every room. */
	async shutdown(): Promise<void> {
		this.stopping = true;
		clearInterval(this.heartbeat);
		clearInterval(this.accessCheck);
		const rooms = [...this.rooms.values()];
		this.rooms.clear();
		await Promise.allSettled(rooms.map((room) => room.close(CLOSE.goingAway, 'server shutting down')));
		await this.writes.activityWritten();
		await this.overviews.close();
		this.wss.close();
	}
}

/** A session still exists and has not passed its expiry (sliding or absolute). */
async function sessionStillValid(storage: Storage, sessionId: string): Promise<boolean> {
	const session = await storage.getSession(sessionId);
	const now = Date.now();
	return session !== null && now < session.expiresAt && now < session.createdAt + SESSION.absoluteTimeoutMs;
}
