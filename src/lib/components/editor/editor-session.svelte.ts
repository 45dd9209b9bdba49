// One open map in the editor: wires the connection, model, undo, presence, activity feed and graph together, and exposes reactive state and actions to the components.
import { MapModel, MapValidationError, type ActorView, type FieldError, type LinkKind, type LinkView, type RegionView, type ActorKind } from '$lib/map';
import { openConnection, type MapConnection } from '$lib/collab/connection';
import type { ConnectionStatus } from '$lib/collab/connection-status';
import { createUndoHistory, type UndoHistory } from '$lib/collab/undo';
import { Presence } from '$lib/collab/presence';
import type { Person } from '$lib/collab/awareness-state';
import { ActivityFeed, type Activity } from '$lib/collab/activity';
import type { MapGraph } from '$lib/editor';
import type { ViewSettings } from '$lib/editor/view-layer';
import type { Awareness } from 'y-protocols/awareness';
import { getLocale } from '$lib/paraglide/runtime';
import { markStage } from '$lib/shared/timing';
import type { CustomFieldView, Position, SectorView } from '$lib/map';

/** Lists in the side panel refresh at most this often: cheap even while someone drags on a big map. */
export const LIST_REFRESH_MS = 250;
/** The graph waits this long at most for a large map's overview: a second of picture against seconds of a frozen page. */
export const FIRST_WAIT_MS = 1_000;

export type ActionResult = { ok: true } | { ok: false; errors: FieldError[] };

const OK: ActionResult = { ok: true };

/** Model mutations throw MapValidationError before writing anything; the UI shows its field errors. */
function attempt(action: () => void): ActionResult {
	try {
		action();
		return OK;
	} catch (error) {
		if (error instanceof MapValidationError) return { ok: false, errors: error.errors };
		throw error;
	}
}

type Named = { name: string; id: string };

/** Resolves once the browser has painted the next frame (a task queued from its animation frame runs after the paint). */
function afterNextPaint(): Promise<void> {
	if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
	return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** The user's language decides the order (å, ä, ö sort differently in fi and sv); numbers sort as numbers. */
function nameOrder(): (a: Named, b: Named) => number {
	const collator = new Intl.Collator(getLocale(), { numeric: true });
	return (a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface SessionOptions {
	mapId: string;
	/** Whose offline copy of the map to keep in this browser. */
	userId?: string;
	readOnly: boolean;
	linkLabel(kind: string): string;
	newActorName(): string;
	/** Apply the live document only once this settles (the overview is on screen), see hold-sync.ts. */
	holdSyncUntil?: Promise<unknown>;
}

export class EditorSession {
	status = $state<ConnectionStatus>('connecting');
	/** The role the server announced after a change by an owner (null: as the page was loaded). */
	serverRole = $state<string | null>(null);
	/** Why the server ended the connection for good (access removed, session ended), if it did. */
	refusal = $state.raw<{ code: number; reason: string } | null>(null);
	/** Local changes not yet in step with the server (non-zero only while offline or resyncing). */
	unsynced = $state(0);
	/** True once the document has synced and the graph is drawn. */
	ready = $state(false);
	actors = $state.raw<ActorView[]>([]);
	regions = $state.raw<RegionView[]>([]);
	/** The map's sectors and custom field definitions, by name (side panel, table, catalog). */
	sectors = $state.raw<SectorView[]>([]);
	fields = $state.raw<CustomFieldView[]>([]);
	linkCount = $state(0);
	/** Bumps after document changes, so views of selected elements re-read the model. */
	revision = $state(0);
	selection = $state.raw<string[]>([]);
	canUndo = $state(false);
	canRedo = $state(false);
	people = $state.raw<Person[]>([]);
	/** The latest batch of collaborators' changes, for the live region. */
	activities = $state.raw<Activity[]>([]);

	readonly options: SessionOptions;
	readonly model: MapModel;
	readonly #connection: MapConnection;
	readonly #undo: UndoHistory;
	readonly #presence: Presence;
	#graph: MapGraph | null = null;
	#feed: ActivityFeed | null = null;
	#refreshTimer: ReturnType<typeof setTimeout> | null = null;
	#cleanups: (() => void)[] = [];
	readonly #byName = nameOrder();
	#destroyed = false;

	constructor(options: SessionOptions) {
		this.options = options;
		markStage('session');
		this.#connection = openConnection(options.mapId, { userId: options.userId, holdSyncUntil: options.holdSyncUntil });
		this.model = new MapModel(this.#connection.doc);
		this.#undo = createUndoHistory(this.model);
		this.#presence = new Presence(this.#connection.provider.awareness);
		this.#cleanups.push(
			this.#connection.status.subscribe((status) => (this.status = status)),
			this.#connection.role.subscribe((role) => (this.serverRole = role)),
			this.#connection.refusal.subscribe((refusal) => (this.refusal = refusal)),
			this.#connection.unsynced.subscribe((count) => (this.unsynced = count)),
			this.#undo.canUndo.subscribe((value) => (this.canUndo = value)),
			this.#undo.canRedo.subscribe((value) => (this.canRedo = value)),
			this.#presence.subscribe((peers) => {
				this.people = this.#presence.people();
				this.#graph?.showPeers(peers);
			}),
			// Own edits show at once; collaborators' (possibly a stream of them) are coalesced.
			this.model.observe((change) => (change.local ? this.#refresh() : this.#scheduleRefresh()))
		);
	}

	/**
	 * Draws the map once the document has arrived; Cytoscape is loaded only then (browser only).
	 * `view`: the user's filter and style, applied as the graph is built. `first`: something to show
	 * before the graph (a large map's overview), waited for at most FIRST_WAIT_MS once the document is in.
	 */
	async mount(container: HTMLElement, cursorLayer: HTMLElement, view?: () => ViewSettings, first?: Promise<unknown>): Promise<void> {
		const [{ MapGraph }] = await Promise.all([
			import('$lib/editor').then((module) => (markStage('graph-code'), module)),
			this.#connection.firstSync.then(() => markStage('synced'))
		]);
		// Building a large graph holds the page for seconds: let a large map's overview reach the
		// screen first, if it is nearly there.
		if (first) await Promise.race([first, new Promise((resolve) => setTimeout(resolve, FIRST_WAIT_MS))]);
		await afterNextPaint();
		if (this.#destroyed) return;
		this.#graph = new MapGraph(container, this.model, {
			readOnly: this.options.readOnly,
			linkLabel: this.options.linkLabel,
			cursorLayer,
			onSelectionChange: (ids) => {
				this.selection = ids;
				this.#presence.setSelection(ids);
			},
			onPointer: (position) => this.#presence.setCursor(position),
			onDrag: (positions) => (positions ? this.#presence.setDrag(positions) : this.#presence.endDrag()),
			onGestureStart: () => this.#undo.stopCapturing(),
			view: view?.()
		});
		this.#graph.showPeers(this.#presence.peers);
		// Started after the first sync, so loading the map is not announced as someone's change.
		this.#feed = new ActivityFeed(this.model, {
			nameOf: (clientID) => this.#presence.peer(clientID)?.user.name ?? null,
			othersHere: () => this.#presence.people().map((person) => person.user.name),
			onReport: (activities) => (this.activities = activities)
		});
		this.#refresh();
		this.ready = true;
		markStage('ready');
	}

	destroy(): void {
		this.#destroyed = true;
		for (const cleanup of this.#cleanups) cleanup();
		if (this.#refreshTimer !== null) clearTimeout(this.#refreshTimer);
		this.#feed?.destroy();
		this.#graph?.destroy();
		this.#presence.destroy();
		this.#undo.destroy();
		this.#connection.destroy();
	}

	// ---- reading

	get selectedActor(): ActorView | undefined {
		void this.revision;
		return this.selection.length === 1 ? this.model.actor(this.selection[0]!) : undefined;
	}

	get selectedLink(): LinkView | undefined {
		void this.revision;
		return this.selection.length === 1 ? this.model.link(this.selection[0]!) : undefined;
	}

	/** The selected actors, in the order they were selected. */
	get selectedActorIds(): string[] {
		void this.revision;
		return this.selection.filter((id) => this.model.actor(id) !== undefined);
	}

	linksOf(actorId: string): LinkView[] {
		void this.revision;
		return this.model.linksOf(actorId);
	}

	actorName(id: string): string {
		void this.revision;
		return this.model.actor(id)?.name ?? '';
	}

	// ---- selection and view

	select(ids: string[]): void {
		this.#graph?.select(ids);
		if (ids.length === 1) this.#graph?.reveal(ids[0]!);
	}

	fit(): void {
		this.#graph?.fit();
	}

	/** Selects one actor or link and centres the view on it (annotations and threads jump there). */
	focusElement(id: string): void {
		const actor = this.model.actor(id);
		const link = actor ? undefined : this.model.link(id);
		const ends = link ? [this.model.actor(link.source)?.pos, this.model.actor(link.target)?.pos] : [];
		const centre = actor?.pos ?? (ends[0] && ends[1] ? { x: (ends[0].x + ends[1].x) / 2, y: (ends[0].y + ends[1].y) / 2 } : null);
		this.#graph?.select([id]);
		if (centre) this.#graph?.centreOn(centre);
	}

	/** Selects the given actors (maybe none) and centres the view on a model point. */
	focusPoint(position: { x: number; y: number }, ids: string[] = []): void {
		this.#graph?.select(ids);
		this.#graph?.centreOn(position);
	}

	/** The model point in the middle of the view, once the map is drawn. */
	viewCentre(): { x: number; y: number } | null {
		return this.#graph?.viewCentre() ?? null;
	}

	zoomBy(factor: number): void {
		this.#graph?.zoomBy(factor);
	}

	/** This map's presence channel: following and meetings publish the view there too. */
	get awareness(): Awareness {
		return this.#connection.provider.awareness;
	}

	/** The drawn graph (following and meeting slides read and set its view); null until `ready`. */
	get graph(): MapGraph | null {
		return this.#graph;
	}

	// ---- editing (each call is one gesture: one undo step)

	undo(): void {
		if (this.options.readOnly) return;
		this.#undo.undo();
	}

	redo(): void {
		if (this.options.readOnly) return;
		this.#undo.redo();
	}

	/** Adds an actor at a free spot in the middle of the view and selects it; returns its id. */
	addActor(region: string | null): string | null {
		if (this.options.readOnly || !this.#graph) return null;
		this.#undo.stopCapturing();
		const id = this.model.addActor({
			name: this.options.newActorName(),
			kind: 'other',
			region: region ?? undefined,
			pos: this.#graph.spotForNewActor()
		});
		this.select([id]);
		return id;
	}

	updateActor(id: string, patch: { name?: string; kind?: ActorKind; region?: string | null }): ActionResult {
		if (this.options.readOnly) return OK;
		this.#undo.stopCapturing();
		return attempt(() => this.model.updateActor(id, patch));
	}

	addLink(source: string, target: string, kind: LinkKind): ActionResult {
		if (this.options.readOnly) return OK;
		this.#undo.stopCapturing();
		return attempt(() => void this.model.addLink({ source, target, kind }));
	}

	updateLink(id: string, kind: LinkKind): ActionResult {
		if (this.options.readOnly) return OK;
		this.#undo.stopCapturing();
		return attempt(() => this.model.updateLink(id, { kind }));
	}

	deleteLink(id: string): void {
		if (this.options.readOnly) return;
		this.#undo.stopCapturing();
		this.model.deleteLink(id);
	}

	/** Deletes the selected actors (with their links) and links in one transaction: one undo step. */
	deleteSelected(): void {
		if (this.options.readOnly || this.selection.length === 0) return;
		const ids = [...this.selection];
		this.#undo.stopCapturing();
		this.model.transact(() => {
			this.model.deleteActors(ids);
			for (const id of ids) this.model.deleteLink(id);
		});
	}

	/**
	 * Any model edit as one gesture (one undo step): the side panel's fields, the table and the
	 * catalog use it. Validation errors come back as field errors; nothing is written then.
	 */
	edit(action: (model: MapModel) => void): ActionResult {
		if (this.options.readOnly) return OK;
		this.#undo.stopCapturing();
		return attempt(() => action(this.model));
	}

	/**
	 * As edit(), for an action that writes in several transactions and may await between them (a
	 * large import): together they are one undo step. Validation errors come back as field errors.
	 */
	async editAsOne(action: (model: MapModel) => Promise<void>): Promise<ActionResult> {
		if (this.options.readOnly) return OK;
		return this.#undo.group(async () => {
			try {
				await action(this.model);
				return OK;
			} catch (error) {
				if (error instanceof MapValidationError) return { ok: false, errors: error.errors } as ActionResult;
				throw error;
			}
		});
	}

	/** Where a new actor goes on the canvas: a free spot in the middle of the view (the table adds actors too). */
	spotForNewActor(): Position {
		return this.#graph?.spotForNewActor() ?? { x: 0, y: 0 };
	}

	// ---- internals

	#scheduleRefresh(): void {
		this.#refreshTimer ??= setTimeout(() => this.#refresh(), LIST_REFRESH_MS);
	}

	#refresh(): void {
		if (this.#refreshTimer !== null) clearTimeout(this.#refreshTimer);
		this.#refreshTimer = null;
		if (this.#destroyed) return;
		this.actors = this.model.actors().sort(this.#byName);
		this.regions = this.model.regions().sort(this.#byName);
		this.sectors = this.model.sectors().sort(this.#byName);
		this.fields = this.model.fields().sort(this.#byName);
		this.linkCount = this.model.parts.links.size;
		this.revision++;
	}
}
