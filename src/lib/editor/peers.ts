// Shows collaborators on the graph without touching the document: their live drags move nodes, their selections glow in their colour.
import type cytoscape from 'cytoscape';
import type { Position } from '$lib/map';
import type { PeerState } from '$lib/collab/awareness-state';
import { DATA } from './style';

/**
 * After a peer's drag ends, its preview is kept this long while the committed move travels through
 * the server (awareness is not stored, the document is: the "drag ended" note can arrive first).
 * Without a document change by then, the node returns to its stored position.
 */
export const REMOTE_DRAG_SETTLE_MS = 1_500;

interface Override {
	pos: Position;
	live: boolean;
	timer: ReturnType<typeof setTimeout> | null;
}

export class PeerLayer {
	readonly #cy: cytoscape.Core;
	readonly #storedPosition: (id: string) => Position | undefined;
	readonly #overrides = new Map<string, Override>();
	#highlighted = new Map<string, string>();

	constructor(cy: cytoscape.Core, storedPosition: (id: string) => Position | undefined) {
		this.#cy = cy;
		this.#storedPosition = storedPosition;
	}

	update(peers: readonly PeerState[]): void {
		this.#cy.batch(() => {
			this.#updateDrags(peers);
			this.#updateHighlights(peers);
		});
	}

	/**
	 * The document moved an actor. Returns true while a peer's live drag still owns its position
	 * (the preview stays); otherwise any settling preview is dropped and the stored position wins.
	 */
	holdsPosition(id: string): boolean {
		const override = this.#overrides.get(id);
		if (!override) return false;
		if (override.live) return true;
		this.#release(id);
		return false;
	}

	/** Re-applies highlights to elements that were just (re)added to the graph. */
	refresh(ids: Iterable<string>): void {
		for (const id of ids) {
			const colour = this.#highlighted.get(id);
			if (colour !== undefined) this.#cy.getElementById(id).data(DATA.peerColour, colour);
			const override = this.#overrides.get(id);
			if (override) this.#place(id, override.pos);
		}
	}

	destroy(): void {
		for (const override of this.#overrides.values()) if (override.timer !== null) clearTimeout(override.timer);
		this.#overrides.clear();
	}

	#updateDrags(peers: readonly PeerState[]): void {
		const live = new Map<string, Position>();
		for (const peer of peers) peer.drag?.forEach((pos, id) => live.set(id, pos));
		for (const [id, pos] of live) {
			const override = this.#overrides.get(id);
			if (override?.timer) clearTimeout(override.timer);
			this.#overrides.set(id, { pos, live: true, timer: null });
			this.#place(id, pos);
		}
		for (const [id, override] of this.#overrides) {
			if (live.has(id) || !override.live) continue;
			override.live = false;
			override.timer = setTimeout(() => {
				this.#release(id);
				const stored = this.#storedPosition(id);
				if (stored) this.#place(id, stored);
			}, REMOTE_DRAG_SETTLE_MS);
		}
	}

	#release(id: string): void {
		const override = this.#overrides.get(id);
		if (override?.timer) clearTimeout(override.timer);
		this.#overrides.delete(id);
	}

	/** Never fights the local user: a node they are holding stays under their pointer. */
	#place(id: string, pos: Position): void {
		const node = this.#cy.getElementById(id);
		if (node.nonempty() && node.isNode() && !node.grabbed()) node.position({ x: pos.x, y: pos.y });
	}

	/** The lowest client id wins when several people select the same element: stable, no flicker. */
	#updateHighlights(peers: readonly PeerState[]): void {
		const next = new Map<string, string>();
		for (const peer of peers) {
			for (const id of peer.selection) if (!next.has(id)) next.set(id, peer.user.color);
		}
		for (const id of this.#highlighted.keys()) {
			if (!next.has(id)) this.#cy.getElementById(id).removeData(DATA.peerColour);
		}
		for (const [id, colour] of next) {
			if (this.#highlighted.get(id) !== colour) this.#cy.getElementById(id).data(DATA.peerColour, colour);
		}
		this.#highlighted = next;
	}
}
