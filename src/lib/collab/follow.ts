// Following another person's view: every tab publishes its viewport in awareness (throttled); a follower
// shows the area its leader sees, and a meeting's presenter can bring everyone along until each opts out.
import type { Awareness } from 'y-protocols/awareness';
import { parsePresenceUser } from './awareness-state';
import { throttle, type Throttled } from './throttle';

/** Viewports go out at most this often: smooth enough to follow a pan, light on the wire. */
export const VIEWPORT_THROTTLE_MS = 100;
/** Awareness fields this module owns (next to Presence's cursor, selection and drag). */
export const VIEWPORT_FIELD = 'viewport';
export const BRING_ALL_FIELD = 'bringAll';

const MAX_PAN = 1e9;
const MAX_ZOOM_VALUE = 100;
const MAX_CANVAS_PX = 100_000;

export interface Point {
	x: number;
	y: number;
}

/** A view: pan (screen px), zoom, and the size of the canvas it is shown on. */
export interface Viewport {
	pan: Point;
	zoom: number;
	width: number;
	height: number;
}

/** What the follower needs of its own canvas (the editor's graph, once drawn). */
export interface ViewportControl {
	get(): Viewport;
	set(view: { pan: Point; zoom: number }): void;
	/** `byUser`: a pan or zoom by this user (not set() and not a canvas resize). */
	onChange(listener: (viewport: Viewport, byUser: boolean) => void): () => void;
}

const finite = (value: unknown, max: number): value is number => typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= max;

/** A peer's published viewport, or null when it is missing or malformed (untrusted input). */
export function parseViewport(value: unknown): Viewport | null {
	if (typeof value !== 'object' || value === null) return null;
	const { pan, zoom, width, height } = value as Record<string, unknown>;
	if (typeof pan !== 'object' || pan === null) return null;
	const { x, y } = pan as Record<string, unknown>;
	if (!finite(x, MAX_PAN) || !finite(y, MAX_PAN) || !finite(zoom, MAX_ZOOM_VALUE) || zoom <= 0) return null;
	if (!finite(width, MAX_CANVAS_PX) || !finite(height, MAX_CANVAS_PX) || width <= 0 || height <= 0) return null;
	return { pan: { x, y }, zoom, width, height };
}

/** The model point in the middle of a view. */
export function viewCentre(view: Viewport): Point {
	return { x: (view.width / 2 - view.pan.x) / view.zoom, y: (view.height / 2 - view.pan.y) / view.zoom };
}

/**
 * The pan and zoom that show on a canvas of `size` what the leader sees: the same centre, and the
 * leader's whole visible area (a smaller canvas zooms out rather than cutting the edges off).
 */
export function fitViewport(
	leader: Viewport,
	size: { width: number; height: number },
	limits: { minZoom: number; maxZoom: number } = { minZoom: 0, maxZoom: Infinity }
): { pan: Point; zoom: number } {
	const centre = viewCentre(leader);
	const scale = Math.min(size.width / leader.width, size.height / leader.height);
	const zoom = Math.max(limits.minZoom, Math.min(limits.maxZoom, leader.zoom * scale));
	return { zoom, pan: { x: size.width / 2 - centre.x * zoom, y: size.height / 2 - centre.y * zoom } };
}

export type FollowReason = 'chosen' | 'brought';

export interface FollowState {
	userId: string;
	name: string;
	/** `chosen`: the user clicked the avatar; `brought`: the presenter brought everyone. */
	reason: FollowReason;
}

export interface FollowOptions {
	/** This user's id: their own other tabs are never brought along, nor followed. */
	userId: string;
	/** Called whenever whom we follow changes (null: nobody). */
	onChange(state: FollowState | null): void;
	/** Called with this tab's own view after each published change (for the page to show). */
	onOwnViewport?(viewport: Viewport): void;
	limits?: { minZoom: number; maxZoom: number };
}

interface Leader {
	clientID: number;
	name: string;
	viewport: Viewport | null;
	bringAll: number | null;
}

export class FollowController {
	readonly #awareness: Awareness;
	readonly #options: FollowOptions;
	readonly #publish: Throttled<[Viewport]>;
	#control: ViewportControl | null = null;
	#unlisten: (() => void) | null = null;
	#state: FollowState | null = null;
	/** The meeting's presenter: only their "bring everyone" counts. */
	#presenterId: string | null = null;
	/** The bring-everyone round this user stepped out of; they stay out until the next one. */
	#optedOut: number | null = null;
	/** When each peer tab last changed, so a person with several tabs is followed in the one they use. */
	readonly #lastSeen = new Map<number, number>();
	#tick = 0;
	/** Programmatic changes in progress (whileShowingLeader): they never stop following. */
	#busy = 0;

	constructor(awareness: Awareness, options: FollowOptions) {
		this.#awareness = awareness;
		this.#options = options;
		this.#publish = throttle((viewport) => {
			this.#setField(VIEWPORT_FIELD, viewport);
			this.#options.onOwnViewport?.(viewport);
		}, VIEWPORT_THROTTLE_MS);
		awareness.on('change', this.#onAwareness);
	}

	get state(): FollowState | null {
		return this.#state;
	}

	/** Whether this tab asks everyone to follow it (the presenter's "bring everyone"). */
	get bringing(): boolean {
		return typeof this.#awareness.getLocalState()?.[BRING_ALL_FIELD] === 'number';
	}

	/** Starts reading and setting the canvas's view once the map is drawn. */
	attach(control: ViewportControl): void {
		this.#unlisten?.();
		this.#control = control;
		this.#unlisten = control.onChange((viewport, byUser) => {
			this.#publish(viewport);
			if (!this.#state) return;
			if (byUser && this.#busy === 0) this.stop();
			// Our canvas changed size: show the leader's area again.
			else this.#applyLeader();
		});
		this.#publish(control.get());
		this.#evaluate();
	}

	/** Follows a person (their most recently active tab); following yourself is ignored. */
	follow(userId: string): void {
		const leader = this.#leaderOf(userId);
		if (!leader || userId === this.#options.userId) return;
		this.#stepOutOfBringAll();
		this.#set({ userId, name: leader.name, reason: 'chosen' });
		this.#applyLeader();
	}

	/** Stops following; if the presenter brought us, we stay out until they bring everyone again. */
	stop(): void {
		if (!this.#state) return;
		this.#stepOutOfBringAll();
		this.#set(null);
	}

	/**
	 * Runs `work` (e.g. applying a slide's saved view) without it counting as the user's own pan or
	 * zoom, then shows the leader's area again.
	 */
	async whileShowingLeader(work: () => Promise<void> | void): Promise<void> {
		this.#busy++;
		try {
			await work();
		} finally {
			this.#busy--;
			this.#applyLeader();
		}
	}

	/** The running meeting's presenter (null: no meeting, nobody can bring everyone). */
	setPresenter(userId: string | null): void {
		if (userId === this.#presenterId) return;
		this.#presenterId = userId;
		if (userId === null && this.bringing) this.bringEveryone(false);
		this.#evaluate();
	}

	/** Presenter: asks everyone to follow this tab (a new round, so those who stepped out come back), or stops. */
	bringEveryone(on: boolean): void {
		this.#setField(BRING_ALL_FIELD, on ? Date.now() : null);
		if (on) this.stop();
	}

	destroy(): void {
		this.#publish.cancel();
		this.#unlisten?.();
		this.#awareness.off('change', this.#onAwareness);
		if (this.#awareness.getLocalState() !== null) {
			this.#setField(BRING_ALL_FIELD, null);
		}
	}

	// ---- internals

	#setField(field: string, value: unknown): void {
		if (this.#awareness.getLocalState() === null) return;
		this.#awareness.setLocalStateField(field, value);
	}

	#set(state: FollowState | null): void {
		const before = this.#state;
		if (before?.userId === state?.userId && before?.reason === state?.reason && before?.name === state?.name) return;
		this.#state = state;
		this.#options.onChange(state);
	}

	#stepOutOfBringAll(): void {
		if (this.#state?.reason !== 'brought') return;
		this.#optedOut = this.#leaderOf(this.#state.userId)?.bringAll ?? this.#optedOut;
	}

	/** The tab of `userId` to follow: among their tabs, the one that changed last. */
	#leaderOf(userId: string): Leader | null {
		let best: (Leader & { seen: number }) | null = null;
		this.#awareness.getStates().forEach((state, clientID) => {
			if (clientID === this.#awareness.clientID) return;
			const user = parsePresenceUser(state.user);
			if (user?.id !== userId) return;
			const viewport = parseViewport(state[VIEWPORT_FIELD]);
			const bring = state[BRING_ALL_FIELD];
			const candidate = {
				clientID,
				name: user.name,
				viewport,
				bringAll: typeof bring === 'number' && Number.isFinite(bring) ? bring : null,
				seen: this.#lastSeen.get(clientID) ?? 0
			};
			// A tab that brings everyone wins; then one with a view; then the most recent.
			const rank = (l: typeof candidate) => (l.bringAll !== null ? 2 : 0) + (l.viewport ? 1 : 0);
			if (!best || rank(candidate) > rank(best) || (rank(candidate) === rank(best) && candidate.seen > best.seen)) best = candidate;
		});
		return best;
	}

	#onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
		this.#tick++;
		for (const id of [...added, ...updated]) this.#lastSeen.set(id, this.#tick);
		for (const id of removed) this.#lastSeen.delete(id);
		this.#evaluate();
	};

	/** Re-decides whom to follow after presence changed, then shows the leader's view. */
	#evaluate(): void {
		const presenter = this.#presenterId !== null && this.#presenterId !== this.#options.userId ? this.#leaderOf(this.#presenterId) : null;
		const round = presenter?.bringAll ?? null;
		if (round !== null && round !== this.#optedOut && presenter) {
			this.#set({ userId: this.#presenterId!, name: presenter.name, reason: 'brought' });
		} else if (this.#state?.reason === 'brought') {
			// The presenter stopped bringing everyone (or left): so do their followers.
			this.#set(null);
		} else if (this.#state && !this.#leaderOf(this.#state.userId)) {
			// The person we followed left the map.
			this.#set(null);
		}
		this.#applyLeader();
	}

	#applyLeader(): void {
		const control = this.#control;
		if (!this.#state || !control) return;
		const leader = this.#leaderOf(this.#state.userId)?.viewport;
		if (!leader) return;
		const own = control.get();
		const target = fitViewport(leader, own, this.#options.limits);
		const close = Math.abs(target.zoom - own.zoom) < 1e-6 && Math.abs(target.pan.x - own.pan.x) < 0.5 && Math.abs(target.pan.y - own.pan.y) < 0.5;
		if (!close) control.set(target);
	}
}
