// Following over real y-protocols awareness relayed through the server's stamping code: the viewport maths,
// following a chosen person, stopping on one's own pan, and the presenter's "bring everyone" with opting out.
import { describe, it, expect, vi, afterEach } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { FollowController, fitViewport, parseViewport, viewCentre, VIEWPORT_THROTTLE_MS, type Viewport, type ViewportControl } from '$lib/collab/follow';
import { decodeAwarenessUpdate, encodeAwarenessEntries, stampAwareness, type PresenceUser } from '../../../server/sync/awareness-guard';

const MAX_STATE_BYTES = 64 * 1024;

function relay(from: awarenessProtocol.Awareness, to: awarenessProtocol.Awareness, user: PresenceUser): void {
	const connection = {};
	from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
		const update = awarenessProtocol.encodeAwarenessUpdate(from, [...added, ...updated, ...removed]);
		// Only the sender's own entry: what it merely received from others is not its to relay.
		const own = decodeAwarenessUpdate(update, MAX_STATE_BYTES)!.filter((entry) => entry.clientID === from.clientID);
		const stamped = stampAwareness(own, user, connection, () => connection);
		if (stamped.length > 0) awarenessProtocol.applyAwarenessUpdate(to, encodeAwarenessEntries(stamped), 'server');
	});
}

const people: Record<string, PresenceUser> = {
	pia: { id: 'u-pia', name: 'Pia', username: 'pia', color: '#c2185b', role: 'owner' },
	fred: { id: 'u-fred', name: 'Fred', username: 'fred', color: '#1565c0', role: 'editor' },
	greta: { id: 'u-greta', name: 'Greta', username: 'greta', color: '#2e7d32', role: 'viewer' }
};

/** A canvas stand-in: a viewport that the user (or the controller) changes. */
class FakeCanvas implements ViewportControl {
	viewport: Viewport;
	listeners = new Set<(viewport: Viewport, byUser: boolean) => void>();
	constructor(width = 1000, height = 600) {
		this.viewport = { pan: { x: width / 2, y: height / 2 }, zoom: 1, width, height };
	}
	get(): Viewport {
		return { ...this.viewport, pan: { ...this.viewport.pan } };
	}
	set(view: { pan: { x: number; y: number }; zoom: number }): void {
		this.viewport = { ...this.viewport, pan: { ...view.pan }, zoom: view.zoom };
		for (const listener of this.listeners) listener(this.get(), false);
	}
	userPan(dx: number, dy: number): void {
		this.viewport = { ...this.viewport, pan: { x: this.viewport.pan.x + dx, y: this.viewport.pan.y + dy } };
		for (const listener of this.listeners) listener(this.get(), true);
	}
	onChange(listener: (viewport: Viewport, byUser: boolean) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}
}

function room(names: (keyof typeof people)[]) {
	const awarenesses = names.map(() => new awarenessProtocol.Awareness(new Y.Doc()));
	names.forEach((name, i) => {
		awarenesses[i]!.setLocalState({ cursor: null });
		for (let j = 0; j < names.length; j++) if (j !== i) relay(awarenesses[i]!, awarenesses[j]!, people[name]!);
	});
	// Each tab publishes once so the others know it.
	for (const awareness of awarenesses) awareness.setLocalStateField('cursor', null);
	const tabs = names.map((name, i) => {
		const canvas = new FakeCanvas(i === 0 ? 1000 : 800, 600);
		const states: (string | null)[] = [];
		const follow = new FollowController(awarenesses[i]!, { userId: people[name]!.id, onChange: (state) => states.push(state ? `${state.reason}:${state.userId}` : null) });
		follow.attach(canvas);
		return { name, canvas, follow, states };
	});
	return tabs;
}

afterEach(() => vi.useRealTimers());

describe('viewport maths', () => {
	it('shows the leader’s centre and whole visible area on a smaller canvas', () => {
		const leader: Viewport = { pan: { x: 100, y: 50 }, zoom: 2, width: 1000, height: 600 };
		const fitted = fitViewport(leader, { width: 500, height: 600 });
		expect(fitted.zoom).toBeCloseTo(1);
		expect(viewCentre({ ...fitted, width: 500, height: 600 })).toEqual(viewCentre(leader));
	});

	it('keeps the zoom within the editor’s limits', () => {
		const leader: Viewport = { pan: { x: 0, y: 0 }, zoom: 4, width: 1000, height: 1000 };
		expect(fitViewport(leader, { width: 4000, height: 4000 }, { minZoom: 0.05, maxZoom: 4 }).zoom).toBe(4);
	});

	it('refuses malformed viewports from other clients', () => {
		expect(parseViewport({ pan: { x: 1, y: 2 }, zoom: 1, width: 10, height: 10 })).not.toBeNull();
		for (const bad of [null, {}, { pan: { x: 'a', y: 0 }, zoom: 1, width: 1, height: 1 }, { pan: { x: 0, y: 0 }, zoom: 0, width: 1, height: 1 }, { pan: { x: 0, y: 0 }, zoom: 1, width: -1, height: 1 }, { pan: { x: Infinity, y: 0 }, zoom: 1, width: 1, height: 1 }])
			expect(parseViewport(bad)).toBeNull();
	});
});

describe('FollowController', () => {
	it('follows a chosen person’s pan, and stops when the follower pans', async () => {
		vi.useFakeTimers();
		const [pia, fred] = room(['pia', 'fred']);
		fred!.follow.follow('u-pia');
		expect(fred!.follow.state).toMatchObject({ userId: 'u-pia', reason: 'chosen', name: 'Pia' });
		pia!.canvas.userPan(-300, 120);
		vi.advanceTimersByTime(VIEWPORT_THROTTLE_MS + 1);
		const piaCentre = viewCentre(pia!.canvas.get());
		const fredCentre = viewCentre(fred!.canvas.get());
		expect(fredCentre.x).toBeCloseTo(piaCentre.x);
		expect(fredCentre.y).toBeCloseTo(piaCentre.y);

		fred!.canvas.userPan(40, 0);
		expect(fred!.follow.state).toBeNull();
		pia!.canvas.userPan(-500, 0);
		vi.advanceTimersByTime(VIEWPORT_THROTTLE_MS + 1);
		expect(viewCentre(fred!.canvas.get()).x).not.toBeCloseTo(viewCentre(pia!.canvas.get()).x);
	});

	it('brings everyone to the presenter; one who pans stays out until the next bring-everyone', () => {
		vi.useFakeTimers();
		const [pia, fred, greta] = room(['pia', 'fred', 'greta']);
		for (const tab of [pia, fred, greta]) tab!.follow.setPresenter('u-pia');
		vi.setSystemTime(1_000);
		pia!.follow.bringEveryone(true);
		expect(fred!.follow.state?.reason).toBe('brought');
		expect(greta!.follow.state?.reason).toBe('brought');
		expect(pia!.follow.state).toBeNull();

		greta!.canvas.userPan(10, 10);
		expect(greta!.follow.state).toBeNull();
		pia!.canvas.userPan(200, 0);
		vi.advanceTimersByTime(VIEWPORT_THROTTLE_MS + 1);
		expect(greta!.follow.state).toBeNull();
		expect(viewCentre(fred!.canvas.get()).x).toBeCloseTo(viewCentre(pia!.canvas.get()).x);

		vi.setSystemTime(2_000);
		pia!.follow.bringEveryone(true);
		expect(greta!.follow.state?.reason).toBe('brought');

		pia!.follow.bringEveryone(false);
		expect(fred!.follow.state).toBeNull();
		expect(greta!.follow.state).toBeNull();
	});

	it('ignores "bring everyone" from someone who is not the presenter', () => {
		const [pia, fred] = room(['pia', 'fred']);
		fred!.follow.setPresenter('u-greta');
		pia!.follow.bringEveryone(true);
		expect(fred!.follow.state).toBeNull();
	});
});
