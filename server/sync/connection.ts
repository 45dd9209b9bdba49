// One client's socket in a room: who it is, what it may do, and its message budget.
// Messages are handled strictly in arrival order, held back until the room has loaded.
import type { WebSocket } from 'ws';
import type { MapRole } from '../../src/lib/server/storage/types';
import type { AuthenticatedUser } from '../../src/lib/server/auth/sessions';
import { CLOSE, SYNC } from '../../src/lib/server/limits';
import { canWriteDocument } from '../../src/lib/server/documents';
import { decodeClientMessage, encodeRoleMessage } from './protocol';
import { colourForUser, type PresenceUser } from './awareness-guard';
import type { SyncRoom } from './room';

export interface ConnectionIdentity {
	user: AuthenticatedUser;
	role: MapRole;
	/** Session id for cookie logins, so a revoked session's sockets can be found; null for tokens. */
	sessionId: string | null;
	/** API token id for token logins, so deleting the token closes its sockets; null for sessions. */
	tokenId: string | null;
	/** Share link id for guests who came through a read-only link; revoking it closes their sockets. */
	shareId?: string | null;
}

/** A client that lets this much unsent data pile up is too slow to keep; it will resync. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const BINARY = { binary: true } as const;

export class SyncConnection {
	refusedUpdates = 0;
	private tokens: number = SYNC.messageBurst;
	private lastRefill = Date.now();
	private queue: Uint8Array[] | null = [];
	private alive = true;
	private closed = false;

	constructor(
		readonly socket: WebSocket,
		readonly room: SyncRoom,
		private identity: ConnectionIdentity
	) {
		socket.binaryType = 'nodebuffer';
		socket.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary));
		socket.on('pong', () => (this.alive = true));
		socket.on('close', () => this.onClosed());
	}

	get user(): AuthenticatedUser {
		return this.identity.user;
	}
	get role(): MapRole {
		return this.identity.role;
	}
	get sessionId(): string | null {
		return this.identity.sessionId;
	}
	get tokenId(): string | null {
		return this.identity.tokenId;
	}
	get shareId(): string | null {
		return this.identity.shareId ?? null;
	}
	/** Whether this connection may change its room's document: depends on the role and the document. */
	get canWrite(): boolean {
		return canWriteDocument(this.identity.role, this.room.kind);
	}
	get presenceUser(): PresenceUser {
		const { user, role } = this.identity;
		return { id: user.id, name: user.displayName || user.username, username: user.username, color: colourForUser(user.id), role };
	}

	/** Applies a role change to a live socket without reconnecting it. */
	setRole(role: MapRole): void {
		if (role === this.identity.role) return;
		this.identity = { ...this.identity, role };
		// Tell the page, so its controls follow the new role without a reload.
		this.send(encodeRoleMessage(role));
	}

	/** Called once the room is ready: greets the client, then replays what it sent meanwhile. */
	start(): void {
		if (this.closed) return;
		this.room.attach(this);
		const queued = this.queue ?? [];
		this.queue = null;
		for (const data of queued) {
			if (this.closed) return;
			this.room.handleMessage(this, decodeClientMessage(data));
		}
	}

	private receive(data: Buffer, isBinary: boolean): void {
		if (this.closed) return;
		if (!isBinary) {
			this.close(CLOSE.malformed, 'text frames are not part of the protocol');
			return;
		}
		if (!this.takeToken()) {
			this.close(CLOSE.rateLimited, 'too many messages');
			return;
		}
		const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
		if (this.queue) {
			this.queue.push(bytes);
			return;
		}
		this.room.handleMessage(this, decodeClientMessage(bytes));
	}

	private takeToken(): boolean {
		const now = Date.now();
		const refill = ((now - this.lastRefill) / 1000) * SYNC.messagesPerSecond;
		this.tokens = Math.min(SYNC.messageBurst, this.tokens + refill);
		this.lastRefill = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}

	send(message: Uint8Array): void {
		if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
		if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
			this.close(CLOSE.goingAway, 'client too slow');
			return;
		}
		this.socket.send(message, BINARY, this.onSent);
	}

	/** One callback for every send (a broadcast makes one send per socket per edit). */
	private readonly onSent = (error?: Error | null): void => {
		if (error) this.close(CLOSE.internalError, 'send failed');
	};

	/** Ping-pong liveness: returns false (and terminates) when the last ping went unanswered. */
	heartbeat(): boolean {
		if (!this.alive) {
			this.socket.terminate();
			return false;
		}
		this.alive = false;
		try {
			this.socket.ping();
		} catch {
			this.socket.terminate();
			return false;
		}
		return true;
	}

	close(code: number, reason: string): void {
		if (this.closed) return;
		// Close reasons are limited to 123 bytes by the WebSocket protocol.
		this.socket.close(code, reason.slice(0, 120));
		this.onClosed();
		// A peer that never answers the close handshake is cut off.
		setTimeout(() => this.socket.terminate(), 5_000).unref();
	}

	private onClosed(): void {
		if (this.closed) return;
		this.closed = true;
		this.queue = null;
		this.room.detach(this);
	}
}
