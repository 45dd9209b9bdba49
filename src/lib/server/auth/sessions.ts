// Sessions and personal API tokens: create, validate (sliding + absolute expiry), revoke.
// The same validation serves SvelteKit's hooks and the WebSocket upgrade.
import type { ApiTokenRecord, SessionRecord, ShareLinkRecord, Storage, UserRecord } from '../storage/types';
import { API_TOKEN_LABEL_MAX_LENGTH, SESSION, SHARE_LINK_LABEL_MAX_LENGTH } from '../limits';
import { requireLine } from '../text';
import { audit } from '../audit';
import { log } from '../log';
import { hashSecret, randomToken, secretMatches, splitToken } from './secrets';

export const API_TOKEN_PREFIX = 'kartta_';

export interface AuthenticatedUser {
	id: string;
	username: string;
	displayName: string;
	isAdmin: boolean;
}

export interface Authentication {
	user: AuthenticatedUser;
	/** The session id for cookie logins; null for API tokens. */
	sessionId: string | null;
	/** The API token's id for token logins; null for sessions. */
	tokenId: string | null;
	via: 'session' | 'api_token';
	expiresAt: number | null;
}

export function publicUser(user: UserRecord): AuthenticatedUser {
	return { id: user.id, username: user.username, displayName: user.displayName, isAdmin: user.isAdmin };
}

export type RevocationListener = (event: { sessionIds: string[]; tokenIds?: string[]; shareIds?: string[]; userId?: string }) => void;

export class SessionService {
	private listeners = new Set<RevocationListener>();

	constructor(
		private storage: Storage,
		private now: () => number = Date.now
	) {}

	/** Called with the ids of sessions that just ended, so open sockets can be closed. */
	onRevoked(listener: RevocationListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private emitRevoked(sessionIds: string[], userId?: string, tokenIds?: string[], shareIds?: string[]) {
		for (const listener of this.listeners) listener({ sessionIds, userId, tokenIds, shareIds });
	}

	async createSession(userId: string): Promise<{ token: string; session: SessionRecord }> {
		const id = randomToken(15);
		const secret = randomToken(20);
		const now = this.now();
		const session: SessionRecord = {
			id,
			userId,
			secretHash: hashSecret(secret),
			createdAt: now,
			expiresAt: now + SESSION.idleTimeoutMs,
			lastUsedAt: now
		};
		await this.storage.createSession(session);
		return { token: `${id}.${secret}`, session };
	}

	async validateSessionToken(token: string | null | undefined): Promise<Authentication | null> {
		const parts = token ? splitToken(token) : null;
		if (!parts) return null;
		const session = await this.storage.getSession(parts.id);
		if (!session || !secretMatches(parts.secret, session.secretHash)) return null;
		const now = this.now();
		const absoluteEnd = session.createdAt + SESSION.absoluteTimeoutMs;
		if (now >= session.expiresAt || now >= absoluteEnd) {
			await bookkeeping('session_delete', () => this.storage.deleteSession(session.id));
			return null;
		}
		const user = await this.storage.getUserById(session.userId);
		if (!user || user.disabled) return null;
		let expiresAt = session.expiresAt;
		if (now - session.lastUsedAt >= SESSION.refreshAfterMs) {
			expiresAt = Math.min(now + SESSION.idleTimeoutMs, absoluteEnd);
			// Not written (storage locked, full or read-only): the old expiry still holds for now.
			if (!(await bookkeeping('session_touch', () => this.storage.touchSession(session.id, expiresAt, now))))
				expiresAt = session.expiresAt;
		}
		return { user: publicUser(user), sessionId: session.id, tokenId: null, via: 'session', expiresAt };
	}

	async invalidateSession(sessionId: string): Promise<void> {
		await this.storage.deleteSession(sessionId);
		this.emitRevoked([sessionId]);
	}

	/** Ends every session of a user (password change, account disabled). */
	async invalidateUserSessions(userId: string): Promise<void> {
		const ids = await this.storage.deleteUserSessions(userId);
		this.emitRevoked(ids, userId);
	}

	async createApiToken(userId: string, rawLabel: string): Promise<{ token: string; record: ApiTokenRecord }> {
		const label = requireLine(rawLabel, { code: 'invalid_label', noun: 'token name', whenBlank: 'Give the token a name.', maxLength: API_TOKEN_LABEL_MAX_LENGTH });
		const id = randomToken(10);
		const secret = randomToken(20);
		const record: ApiTokenRecord = {
			id,
			userId,
			label,
			secretHash: hashSecret(secret),
			createdAt: this.now(),
			lastUsedAt: null
		};
		await this.storage.createApiToken(record);
		return { token: `${API_TOKEN_PREFIX}${id}.${secret}`, record };
	}

	async validateApiToken(token: string | null | undefined): Promise<Authentication | null> {
		const parts = token ? splitToken(token, API_TOKEN_PREFIX) : null;
		if (!parts) return null;
		const record = await this.storage.getApiToken(parts.id);
		if (!record || !secretMatches(parts.secret, record.secretHash)) return null;
		const user = await this.storage.getUserById(record.userId);
		if (!user || user.disabled) return null;
		const now = this.now();
		// Token use is audited at most hourly per token, so scripts do not flood the log.
		if (record.lastUsedAt === null || now - record.lastUsedAt >= SESSION.refreshAfterMs) {
			await audit(this.storage, 'api_token_used', { actorId: user.id, username: user.username }, { tokenId: record.id, label: record.label });
		}
		await bookkeeping('api_token_touch', () => this.storage.touchApiToken(record.id, now));
		return { user: publicUser(user), sessionId: null, tokenId: record.id, via: 'api_token', expiresAt: null };
	}

	/** Deletes a user's token; sockets opened with it close at once. False when there is no such token. */
	async revokeApiToken(userId: string, tokenId: string): Promise<boolean> {
		const deleted = await this.storage.deleteApiToken(userId, tokenId);
		if (deleted) this.emitRevoked([], undefined, [tokenId]);
		return deleted;
	}

	/** A read-only link to one map, valid until `expiresAt`; the token is shown once. */
	async createShareLink(
		mapId: string,
		createdBy: string,
		label: string,
		lifetimeMs: number
	): Promise<{ token: string; record: ShareLinkRecord }> {
		requireLine(label, { code: 'invalid_label', noun: 'link name', whenBlank: 'Give the link a name.', maxLength: SHARE_LINK_LABEL_MAX_LENGTH });
		const id = randomToken(10);
		const secret = randomToken(20);
		const now = this.now();
		const record: ShareLinkRecord = {
			id,
			mapId,
			label,
			secretHash: hashSecret(secret),
			createdBy,
			createdAt: now,
			expiresAt: now + lifetimeMs,
			revokedAt: null
		};
		await this.storage.createShareLink(record);
		return { token: `${id}.${secret}`, record };
	}

	/** The live share link a token names, or null (unknown, wrong secret, revoked or expired). */
	async validateShareToken(token: string | null | undefined): Promise<ShareLinkRecord | null> {
		const parts = token ? splitToken(token) : null;
		if (!parts) return null;
		const link = await this.storage.getShareLink(parts.id);
		if (!link || !secretMatches(parts.secret, link.secretHash)) return null;
		if (link.revokedAt !== null || this.now() >= link.expiresAt) return null;
		return link;
	}

	/** Revokes a map's share link; sockets opened with it close at once. */
	async revokeShareLink(mapId: string, id: string): Promise<boolean> {
		const revoked = await this.storage.revokeShareLink(mapId, id, this.now());
		if (revoked) this.emitRevoked([], undefined, [], [id]);
		return revoked;
	}

	/** The request's identity from `Authorization: Bearer` or else the session cookie. */
	async authenticate(input: { bearer: string | null; sessionToken: string | null }): Promise<Authentication | null> {
		if (input.bearer) return this.validateApiToken(input.bearer);
		return this.validateSessionToken(input.sessionToken);
	}
}

/**
 * Writes that only keep records (last use, sliding expiry, removing an expired session): when
 * storage refuses writes, reading still works, so people keep access to what they may see and
 * the write errors surface only where something is being changed. True when it was written.
 */
async function bookkeeping(what: string, write: () => Promise<void>): Promise<boolean> {
	try {
		await write();
		return true;
	} catch (error) {
		log.warn('auth.bookkeeping_failed', { what, error });
		return false;
	}
}

export function bearerToken(authorization: string | null | undefined): string | null {
	if (!authorization) return null;
	const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
	return match ? match[1]! : null;
}

/** The identity a share-link visitor has on the map: a guest, never a member, always a viewer. */
export function guestUser(link: Pick<ShareLinkRecord, 'id' | 'label'>): AuthenticatedUser {
	return { id: `share:${link.id}`, username: 'guest', displayName: link.label, isAdmin: false };
}
