// Real sync clients in Node: y-websocket's WebsocketProvider (for Kartta, with a session cookie,
// and for @y/websocket-server) and Hocuspocus' own provider (its protocol is not y-websocket's).
// Each records the size of the document updates it puts on the wire.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { HOST, type ServerKind } from './servers';

export interface SyncClient {
	doc: Y.Doc;
	/** Resolves at the first complete sync with the server. */
	synced: Promise<void>;
	/** Payload bytes of each document-update message this client sent (WebSocket frame header excluded). */
	sentUpdateBytes: number[];
	destroy(): void;
}

export interface ClientOptions {
	/** Publish a presence state, as an editor in the browser does; idle sockets publish none. */
	presence?: boolean;
	/** Session cookie (Kartta). */
	cookie?: string;
}

const MESSAGE_SYNC = 0;
const SYNC_UPDATE = 2;
/** Give up on a client that cannot reconnect quickly: a benchmark must not hang. */
const MAX_BACKOFF_MS = 2_000;

function isUpdateMessage(kind: ServerKind, data: Uint8Array): boolean {
	try {
		const decoder = decoding.createDecoder(data);
		// Hocuspocus multiplexes documents: every message starts with the document name.
		if (kind === 'hocuspocus') decoding.readVarString(decoder);
		return decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === SYNC_UPDATE;
	} catch {
		return false;
	}
}

function recordingWebSocket(kind: ServerKind, sent: number[], headers: Record<string, string>) {
	return class RecordingWebSocket extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { headers });
		}
		override send(data: unknown, ...rest: unknown[]): void {
			if (data instanceof Uint8Array && isUpdateMessage(kind, data)) sent.push(data.byteLength);
			(super.send as (...args: unknown[]) => void)(data, ...rest);
		}
	};
}

/** Where a client of each server connects: Kartta serves /sync/<mapId>; the others take any path. */
export function syncUrl(kind: ServerKind, port: number): string {
	return kind === 'kartta' ? `ws://${HOST}:${port}/sync` : `ws://${HOST}:${port}`;
}

export function connectClient(kind: ServerKind, port: number, docName: string, options: ClientOptions = {}): SyncClient {
	const doc = new Y.Doc();
	const sentUpdateBytes: number[] = [];
	const awareness = new Awareness(doc);
	awareness.setLocalState(options.presence ? { cursor: null } : null);
	const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
	const Polyfill = recordingWebSocket(kind, sentUpdateBytes, headers);

	if (kind === 'hocuspocus') {
		let resolveSynced!: () => void;
		const synced = new Promise<void>((r) => (resolveSynced = r));
		// One socket per editor, as with y-websocket (Hocuspocus can also multiplex documents on one).
		const socket = new HocuspocusProviderWebsocket({ url: syncUrl(kind, port), WebSocketPolyfill: Polyfill, maxDelay: MAX_BACKOFF_MS });
		const provider = new HocuspocusProvider({
			websocketProvider: socket,
			name: docName,
			document: doc,
			awareness,
			onSynced: () => resolveSynced()
		});
		provider.attach();
		return {
			doc,
			synced,
			sentUpdateBytes,
			destroy() {
				provider.destroy();
				socket.destroy();
				doc.destroy();
			}
		};
	}

	const provider = new WebsocketProvider(syncUrl(kind, port), docName, doc, {
		WebSocketPolyfill: Polyfill as unknown as typeof globalThis.WebSocket,
		awareness,
		maxBackoffTime: MAX_BACKOFF_MS,
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
		synced,
		sentUpdateBytes,
		destroy() {
			provider.destroy();
			awareness.destroy();
			doc.destroy();
		}
	};
}

/** Rejects when `promise` takes longer than `ms`, naming what was awaited. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: ReturnType<typeof setTimeout>;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
