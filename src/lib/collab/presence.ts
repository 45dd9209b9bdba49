// Presence over Yjs awareness: publishes this tab's cursor, selection and drag preview, and reads everyone else's as validated values.
import type { Awareness } from 'y-protocols/awareness';
import type { Position } from '$lib/map';
import { parsePeerState, peopleOf, type LocalPresence, type PeerState, type Person } from './awareness-state';
import { throttle, type Throttled } from './throttle';

/** Pointer and drag previews go out at most this often (~20/s): smooth enough, and well under the server's message budget. */
export const PRESENCE_THROTTLE_MS = 50;

export class Presence {
	readonly #awareness: Awareness;
	readonly #publishCursor: Throttled<[Position | null]>;
	readonly #publishDrag: Throttled<[Record<string, Position>]>;
	#peers: PeerState[] = [];
	readonly #listeners = new Set<(peers: readonly PeerState[]) => void>();

	constructor(awareness: Awareness) {
		this.#awareness = awareness;
		this.#publishCursor = throttle((cursor) => this.#set('cursor', cursor), PRESENCE_THROTTLE_MS);
		this.#publishDrag = throttle((drag) => this.#set('drag', drag), PRESENCE_THROTTLE_MS);
		const initial: LocalPresence = { cursor: null, selection: [], drag: null };
		// Merge rather than replace: never write `user` ourselves, the server stamps it.
		awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), ...initial });
		awareness.on('change', this.#onChange);
		this.#read();
	}

	get clientID(): number {
		return this.#awareness.clientID;
	}

	/** Everyone else's tabs (never this one), validated; malformed states are left out. */
	get peers(): readonly PeerState[] {
		return this.#peers;
	}

	/** Other people here, one entry per user. */
	people(): Person[] {
		return peopleOf(this.#peers);
	}

	peer(clientID: number): PeerState | undefined {
		return this.#peers.find((peer) => peer.clientID === clientID);
	}

	/** Called with the current peers at once and after every change; returns the unsubscribe function. */
	subscribe(listener: (peers: readonly PeerState[]) => void): () => void {
		this.#listeners.add(listener);
		listener(this.#peers);
		return () => this.#listeners.delete(listener);
	}

	setCursor(cursor: Position | null): void {
		if (cursor === null) {
			// Leaving the canvas is sent at once, so a stale pointer does not linger for others.
			this.#publishCursor.cancel();
			this.#set('cursor', null);
		} else this.#publishCursor(cursor);
	}

	setSelection(ids: readonly string[]): void {
		this.#set('selection', [...ids]);
	}

	/** Live positions while dragging; throttled. */
	setDrag(positions: ReadonlyMap<string, Position>): void {
		this.#publishDrag(Object.fromEntries(positions));
	}

	/** Ends a drag preview at once (the committed positions travel in the document). */
	endDrag(): void {
		this.#publishDrag.cancel();
		this.#set('drag', null);
	}

	destroy(): void {
		this.#publishCursor.cancel();
		this.#publishDrag.cancel();
		this.#awareness.off('change', this.#onChange);
		this.#listeners.clear();
	}

	#set<K extends keyof LocalPresence>(field: K, value: LocalPresence[K]): void {
		if (this.#awareness.getLocalState() === null) return;
		this.#awareness.setLocalStateField(field, value);
	}

	#onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
		// Our own cursor moves also fire 'change'; only others' states matter here.
		const own = this.#awareness.clientID;
		if ([...added, ...updated, ...removed].every((id) => id === own)) return;
		this.#read();
		for (const listener of this.#listeners) listener(this.#peers);
	};

	#read(): void {
		const peers: PeerState[] = [];
		this.#awareness.getStates().forEach((state, clientID) => {
			if (clientID === this.#awareness.clientID) return;
			const peer = parsePeerState(clientID, state);
			if (peer) peers.push(peer);
		});
		this.#peers = peers.sort((a, b) => a.clientID - b.clientID);
	}
}
