// Opens a map's live connection: the Y.Doc, its y-websocket provider to /sync/<mapId>, an offline copy in
// IndexedDB, and a readable connection status with the number of changes still waiting to be sent.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { writable, type Readable } from 'svelte/store';
import * as decoding from 'lib0/decoding';
import { MESSAGE_ROLE } from '$lib/shared/wire';
import { holdSyncMessages } from './hold-sync';
import { LOCAL_DB_PREFIX } from './local-data';
import { useJitteredReconnect } from './reconnect';
import { INITIAL_STATUS, nextStatus, type ConnectionStatus, type ProviderEvent } from './connection-status';

/**
 * Reconnect backoff ceiling. y-websocket starts at 200 ms and doubles; 5 s keeps a restarted
 * server from being hammered by every open tab while a dropped Wi-Fi still recovers quickly.
 */
export const MAX_RECONNECT_BACKOFF_MS = 5_000;

export interface MapConnection {
	readonly doc: Y.Doc;
	readonly provider: WebsocketProvider;
	readonly status: Readable<ConnectionStatus>;
	/** Resolves when the document has synced with the server for the first time. */
	readonly firstSync: Promise<void>;
	/** The role the server last announced for this socket (null until it changes one). */
	readonly role: Readable<string | null>;
	/** Why the server refused or ended the connection for good (null while it has not). */
	readonly refusal: Readable<{ code: number; reason: string } | null>;
	/** Local changes made since the document was last in step with the server (shown while offline). */
	readonly unsynced: Readable<number>;
	destroy(): void;
}

/** Same origin as the page, so the browser sends the HttpOnly session cookie with the upgrade. */
export function syncUrl(location: Pick<Location, 'protocol' | 'host'>): string {
	return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/** The offline copy's name: per user and document, so users sharing a browser never see each other's copies. */
export function localCopyName(userId: string, docId: string): string {
	return `${LOCAL_DB_PREFIX}${userId}:${docId}`;
}

export interface ConnectionOptions {
	/** Keep an offline copy in IndexedDB for this user (cleared at logout); omit for none. */
	userId?: string;
	/** Hold the server's document until this settles (see hold-sync.ts); omit to apply it as it comes. */
	holdSyncUntil?: Promise<unknown>;
}

export function openConnection(mapId: string, options: ConnectionOptions = {}): MapConnection {
	const doc = new Y.Doc();
	// The offline copy: edits made while the network is down survive a closed tab and merge on reconnect.
	const localCopy =
		options.userId && typeof indexedDB !== 'undefined' ? new IndexeddbPersistence(localCopyName(options.userId, mapId), doc) : null;
	const provider = new WebsocketProvider(syncUrl(window.location), mapId, doc, {
		maxBackoffTime: MAX_RECONNECT_BACKOFF_MS,
		// Tab-to-tab BroadcastChannel bypasses the server, so its awareness states would lack the
		// server-stamped user; every change goes through the server instead.
		disableBc: true
	});
	if (options.holdSyncUntil) holdSyncMessages(provider, options.holdSyncUntil);
	// Spread reconnects out, so a server restart does not bring every open tab back in the same instant.
	const stopJitter = useJitteredReconnect(provider);

	// Listeners are attached at once (not on first subscribe), so no early event is missed.
	let state = INITIAL_STATUS;
	const status = writable<ConnectionStatus>(state.status);
	const apply = (event: ProviderEvent) => {
		state = nextStatus(state, event);
		status.set(state.status);
	};
	const onStatus = ({ status }: { status: 'connecting' | 'connected' | 'disconnected' }) => apply({ type: 'status', status });
	const onSync = (synced: boolean) => apply({ type: 'sync', synced });
	const onConnectionClose = () => apply({ type: 'connection-close' });
	const refusal = writable<{ code: number; reason: string } | null>(null);
	const onClosed = (close: { code: number; reason: string }) => {
		refusal.set(close);
		apply({ type: 'closed' });
	};
	const role = writable<string | null>(null);
	const unsynced = writable(0);
	let pending = 0;
	const onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
		// Updates from the server or the offline copy are not ours to send.
		if (origin === provider || origin === localCopy || state.status === 'synced') return;
		unsynced.set(++pending);
	};
	doc.on('update', onLocalUpdate);
	const onSynced = (synced: boolean) => {
		if (synced) unsynced.set((pending = 0));
	};
	provider.on('sync', onSynced);

	// A dead network can leave a socket looking open for a long time; the browser knows sooner.
	const goOffline = () => provider.disconnect();
	const goOnline = () => provider.connect();
	window.addEventListener('offline', goOffline);
	window.addEventListener('online', goOnline);
	provider.messageHandlers[MESSAGE_ROLE] = (_encoder, decoder) => role.set(decoding.readVarString(decoder));
	provider.on('status', onStatus);
	provider.on('sync', onSync);
	provider.on('connection-close', onConnectionClose);
	provider.on('closed', onClosed);

	const firstSync = new Promise<void>((resolve) => {
		if (provider.synced) return resolve();
		const onFirstSync = (synced: boolean) => {
			if (!synced) return;
			provider.off('sync', onFirstSync);
			resolve();
		};
		provider.on('sync', onFirstSync);
	});

	return {
		doc,
		provider,
		status: { subscribe: status.subscribe },
		firstSync,
		role: { subscribe: role.subscribe },
		unsynced: { subscribe: unsynced.subscribe },
		refusal: { subscribe: refusal.subscribe },
		destroy() {
			provider.off('status', onStatus);
			provider.off('sync', onSync);
			provider.off('connection-close', onConnectionClose);
			provider.off('closed', onClosed);
			provider.off('sync', onSynced);
			doc.off('update', onLocalUpdate);
			window.removeEventListener('offline', goOffline);
			window.removeEventListener('online', goOnline);
			stopJitter();
			void localCopy?.destroy();
			// Disconnecting sends a null awareness state first, so others see us leave at once.
			provider.destroy();
			doc.destroy();
		}
	};
}
