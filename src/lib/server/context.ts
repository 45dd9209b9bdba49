// The running server's services, shared between the SvelteKit handler and the WebSocket server.
// They live on globalThis because the two are bundled separately but run in one process.
import type { OverviewAnswer } from './overview';
import type * as Y from 'yjs';
import type { AppConfig } from './config';
import type { Storage } from './storage/types';
import type { SessionService } from './auth/sessions';
import type { DocumentKind } from './documents';
import type { LoginThrottle } from './auth/throttle';

/** What routes may ask of the sync server. */
export interface SyncControl {
	readDocument(mapId: string, kind?: DocumentKind): Promise<Y.Doc>;
	/** A map's overview (src/lib/map/overview.ts) as JSON, with its number of actors + links. */
	readOverview(mapId: string): Promise<OverviewAnswer>;
	/** One server-made change to a map's document, stored and broadcast to everyone connected. */
	changeDocument(mapId: string, kind: DocumentKind, apply: (doc: Y.Doc) => void, onBehalfOf: string | null): Promise<void>;
	membershipChanged(mapId: string, userId: string): Promise<void>;
	/** The people with a socket open on any of a map's documents, once each. */
	connectedUsers(mapId: string): { id: string; username: string; displayName: string }[];
	closeUser(userId: string, reason: string): number;
	/** Resolves once the activity records of every stored edit are written (they follow in batches). */
	activityWritten(): Promise<void>;
	stats(): { rooms: number; connections: number };
}

export interface AppServices {
	config: AppConfig;
	storage: Storage;
	sessions: SessionService;
	loginThrottle: LoginThrottle;
	sync: SyncControl;
	startedAt: number;
}

const KEY = Symbol.for('kartta.services');
type Holder = { [KEY]?: AppServices };

export function setServices(services: AppServices | undefined): void {
	(globalThis as Holder)[KEY] = services;
}

export function services(): AppServices {
	const found = (globalThis as Holder)[KEY];
	if (!found) throw new Error('Kartta services are not started: run the app with `npm start` or `npm run dev`.');
	return found;
}
