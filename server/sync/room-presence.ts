// Presence in one room: relays awareness between the room's connections, stamped with each
// session's user, remembers which connection owns which awareness ids and drops them when it leaves.
import type * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE } from '../../src/lib/server/limits';
import { encodeAwarenessMessage } from './protocol';
import { decodeAwarenessUpdate, encodeAwarenessEntries, stampAwareness } from './awareness-guard';
import type { SyncConnection } from './connection';

/** Largest JSON state one awareness entry may carry (cursor, selection, drag preview). */
const MAX_AWARENESS_STATE_BYTES = 16 * 1024;
/** Awareness client ids one connection may own (one per tab is normal; a few allow reloads). */
const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

export class RoomPresence {
	readonly awareness: awarenessProtocol.Awareness;
	/** Each connection with the awareness client ids it owns. */
	private owned = new Map<SyncConnection, Set<number>>();
	private owner = new Map<number, SyncConnection>();

	/** `doc` only lends the awareness its client id: presence never touches the document's content. */
	constructor(doc: Y.Doc) {
		this.awareness = new awarenessProtocol.Awareness(doc);
		// The server publishes no presence of its own.
		this.awareness.setLocalState(null);
		this.awareness.on('update', this.relay);
	}

	/** A new connection hears everyone present. */
	join(connection: SyncConnection): void {
		this.owned.set(connection, new Set());
		const states = this.awareness.getStates();
		if (states.size > 0) this.sendAll(connection);
	}

	/** Everyone else hears that the connection's ids are gone. */
	leave(connection: SyncConnection): void {
		const ids = this.owned.get(connection);
		if (!ids) return;
		this.owned.delete(connection);
		for (const id of ids) this.owner.delete(id);
		if (ids.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
	}

	sendAll(connection: SyncConnection): void {
		const ids = [...this.awareness.getStates().keys()];
		connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
	}

	apply(connection: SyncConnection, update: Uint8Array): void {
		const entries = decodeAwarenessUpdate(update, MAX_AWARENESS_STATE_BYTES);
		if (!entries) {
			connection.close(CLOSE.malformed, 'invalid awareness update');
			return;
		}
		const stamped = stampAwareness(entries, connection.presenceUser, connection, (id) => this.owner.get(id));
		const owned = this.owned.get(connection);
		if (!owned || stamped.length === 0) return;
		for (const entry of stamped) {
			if (entry.state === null || owned.has(entry.clientID)) continue;
			if (owned.size >= MAX_AWARENESS_IDS_PER_CONNECTION) {
				connection.close(CLOSE.malformed, 'too many presence ids on one connection');
				return;
			}
			owned.add(entry.clientID);
			this.owner.set(entry.clientID, connection);
		}
		awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(stamped), connection);
	}

	private relay = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
		const changed = [...added, ...updated, ...removed];
		if (changed.length === 0) return;
		const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
		for (const connection of this.owned.keys()) connection.send(message);
	};

	destroy(): void {
		this.awareness.destroy();
	}
}
