// A real y-websocket client (WebsocketProvider from the `y-websocket` package) in Node,
// authenticated with a session cookie or an API token, as a script would use Kartta.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

export interface SyncClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	synced: Promise<void>;
	destroy(): void;
}

export function connectClient(
	wsUrl: string,
	mapId: string,
	auth: { cookie?: string; token?: string; origin?: string },
	options: { connect?: boolean; maxBackoffTime?: number } = {}
): SyncClient {
	const headers: Record<string, string> = {};
	if (auth.cookie) headers.cookie = auth.cookie;
	if (auth.token) headers.authorization = `Bearer ${auth.token}`;
	if (auth.origin) headers.origin = auth.origin;
	class AuthenticatedWebSocket extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { headers });
		}
	}
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(wsUrl, mapId, doc, {
		WebSocketPolyfill: AuthenticatedWebSocket as unknown as typeof globalThis.WebSocket,
		connect: options.connect ?? true,
		maxBackoffTime: options.maxBackoffTime ?? 500,
		disableBc: true
	});
	const synced = new Promise<void>((resolve) => {
		if (provider.synced) resolve();
		provider.on('sync', (isSynced: boolean) => {
			if (isSynced) resolve();
		});
	});
	return {
		doc,
		provider,
		synced,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** Waits until `check` holds, polling; fails with `message` after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, message: string, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 20));
	}
	throw new Error(`timed out: ${message}`);
}

/** Tries a raw WebSocket upgrade and reports the HTTP status it was refused with (or 101). */
export function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(url, { headers });
		socket.on('open', () => {
			socket.close();
			resolve(101);
		});
		socket.on('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			res.resume();
		});
		socket.on('error', (error) => {
			if (!/Unexpected server response/.test(String(error))) reject(error);
		});
	});
}
