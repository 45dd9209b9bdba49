// Decides, before any WebSocket exists, whether a request may open a map: the path names a map,
// the Origin is ours, the caller is logged in (cookie or API token) and is a member of the map.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseCookie } from 'cookie';
import type { Storage } from '../../src/lib/server/storage/types';
import { bearerToken, guestUser, type SessionService } from '../../src/lib/server/auth/sessions';
import { parseDocumentPath, type DocumentAddress } from '../../src/lib/server/documents';
import type { ConnectionIdentity } from './connection';

export const SYNC_PATH_PREFIX = '/sync/';

export type UpgradeDecision =
	| { ok: true; address: DocumentAddress; identity: ConnectionIdentity }
	| { ok: false; status: number; code: string; message: string };

export interface UpgradeContext {
	storage: Storage;
	sessions: SessionService;
	allowedOrigin: (origin: string, host: string | undefined) => boolean;
	cookieName: string;
	/** The cookie a read-only share link leaves in a guest's browser. */
	shareCookieName?: string;
}

/**
 * `/sync/<mapId>` (the graph) or `/sync/<mapId>/discussion`, with an optional query string
 * (y-websocket appends its parameters).
 */
export function documentFromPath(url: string): DocumentAddress | null {
	const path = url.split('?')[0]!;
	if (!path.startsWith(SYNC_PATH_PREFIX)) return null;
	let rest: string;
	try {
		rest = decodeURIComponent(path.slice(SYNC_PATH_PREFIX.length));
	} catch {
		return null;
	}
	return parseDocumentPath(rest);
}

/** The map id of a sync path, whichever of its documents it names. */
export function mapIdFromPath(url: string): string | null {
	return documentFromPath(url)?.mapId ?? null;
}

export async function authorizeUpgrade(request: IncomingMessage, context: UpgradeContext): Promise<UpgradeDecision> {
	const address = documentFromPath(request.url ?? '');
	if (!address) return { ok: false, status: 404, code: 'not_found', message: 'No such map.' };

	// Browsers always send Origin on WebSocket upgrades; a foreign one is cross-site hijacking.
	// Scripts (Node clients) send none and authenticate with a token or cookie of their own.
	const origin = request.headers.origin;
	if (origin !== undefined && !context.allowedOrigin(origin, request.headers.host)) {
		return { ok: false, status: 403, code: 'origin_not_allowed', message: 'Cross-site WebSocket refused.' };
	}

	const bearer = bearerToken(request.headers.authorization);
	const cookies = parseCookie(request.headers.cookie ?? '');
	const auth = await context.sessions.authenticate({
		bearer,
		sessionToken: cookies[context.cookieName] ?? null
	});
	if (!auth) {
		// A guest with a read-only share link for this very map: a viewer, never more.
		const shareToken = context.shareCookieName ? cookies[context.shareCookieName] : undefined;
		const link = shareToken ? await context.sessions.validateShareToken(shareToken) : null;
		if (link && link.mapId === address.mapId) {
			return {
				ok: true,
				address,
				identity: { user: guestUser(link), role: 'viewer', sessionId: null, tokenId: null, shareId: link.id }
			};
		}
		return { ok: false, status: 401, code: 'unauthorized', message: 'Log in to open this map.' };
	}

	const role = await context.storage.getRole(address.mapId, auth.user.id);
	if (!role) {
		// 403 for both "no such map" and "not a member": the answer does not reveal which maps exist.
		return { ok: false, status: 403, code: 'forbidden', message: 'You are not a member of this map.' };
	}
	return { ok: true, address, identity: { user: auth.user, role, sessionId: auth.sessionId, tokenId: auth.tokenId } };
}

const STATUS_TEXT: Record<number, string> = {
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	503: 'Service Unavailable'
};

/** Answers a refused upgrade with a plain HTTP response and closes the socket. */
export function rejectUpgrade(socket: Duplex, status: number, code: string, message: string): void {
	if (!socket.writable) return void socket.destroy();
	const body = JSON.stringify({ error: { code, message } });
	socket.end(
		`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
			'Connection: close\r\n' +
			'Content-Type: application/json; charset=utf-8\r\n' +
			`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
			body
	);
}
