// The Cytoscape binding: mounts the graph, keeps it in step with the document, shows collaborators, and turns user drags into one committed move.
import cytoscape from 'cytoscape';
import { MAX_COORDINATE, type MapChange, type MapModel, type Position } from '$lib/map';
import type { PeerState } from '$lib/collab/awareness-state';
import { MAX_ZOOM, MIN_ZOOM } from './constants';
import type { LinkLabeler } from './elements';
import { GraphSync } from './graph-sync';
import { CursorLayer } from './cursors';
import { PeerLayer } from './peers';
import { freeSpotNear } from './placement';
import { renderingOptions } from './renderer';
import { HIDDEN_CLASS, stylesheet } from './style';
import { ViewLayer, type ViewReport, type ViewSettings } from './view-layer';
import { GraphLayout } from './graph-layout';
import type { LayoutName } from './layout/names';
import { webglRenderer } from './webgl-internals';
import { skipUnreadableLabels } from './webgl-labels';
import { ViewportSnapshot } from './viewport-snapshot';
import { resizeOnlyWhenSized } from './resize-guard';
import { viewImage, type ViewImageFormat } from './view-image';
import { markStage } from '$lib/shared/timing';
import { fitView } from './fit';
import { ignoreBoundsEchoOfDrawing } from './bounds-echo';

const VISIBLE = `.${HIDDEN_CLASS}`;

export interface GraphOptions {
	/** Viewers and commenters cannot move nodes. */
	readOnly: boolean;
	linkLabel: LinkLabeler;
	/** An element stacked over the container where collaborators' pointers are drawn. */
	cursorLayer: HTMLElement;
	/** Selected actor and link ids, in the order they were selected. */
	onSelectionChange(ids: string[]): void;
	/** Pointer over the canvas in model coordinates, or null when it leaves. */
	onPointer(position: Position | null): void;
	/** Live positions while the user drags, null when the drag ends. */
	onDrag(positions: ReadonlyMap<string, Position> | null): void;
	/** A drag is starting: the caller closes the current undo step. */
	onGestureStart(): void;
	/**
	 * The user's filter and style as the graph is built: applied before the first frame, so a big
	 * map's styles are computed once rather than drawn plain and then restyled.
	 */
	view?: ViewSettings;
}

/** The view: pan (screen px), zoom, and the canvas size it is shown on. */
export interface GraphViewport {
	pan: Position;
	zoom: number;
	width: number;
	height: number;
}

function clampCoordinate(value: number): number {
	return Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, value));
}

export class MapGraph {
	readonly #cy: cytoscape.Core;
	readonly #model: MapModel;
	readonly #options: GraphOptions;
	readonly #peers: PeerLayer;
	readonly #cursors: CursorLayer;
	readonly #unobserve: () => void;
	readonly #container: HTMLElement;
	readonly #sync: GraphSync;
	#selection: string[] = [];
	#selectionNotice = false;
	readonly #dragging = new Map<string, Position>();
	#commitScheduled = false;
	readonly #view: ViewLayer;
	#viewReporter: ((report: ViewReport) => void) | null = null;
	readonly #layout: GraphLayout;
	/** Pans a snapshot of the last frame while full WebGL frames are slow (null on the canvas renderer). */
	readonly #snapshot: ViewportSnapshot | null = null;
	readonly #stopBoundsEcho: (() => void) | null = null;
	/** True while setViewport runs, so viewport listeners can tell its changes from the user's. */
	#settingViewport = false;

	constructor(container: HTMLElement, model: MapModel, options: GraphOptions) {
		this.#container = container;
		this.#model = model;
		this.#options = options;
		const rendering = renderingOptions(model.parts.actors.size + model.parts.links.size);
		this.#cy = cytoscape({
			container,
			style: stylesheet(),
			minZoom: MIN_ZOOM,
			maxZoom: MAX_ZOOM,
			boxSelectionEnabled: true,
			autoungrabify: options.readOnly,
			...rendering
		});
		markStage('cytoscape');
		const webgl = webglRenderer(this.#cy);
		if (webgl) {
			skipUnreadableLabels(this.#cy, webgl);
			this.#snapshot = new ViewportSnapshot(this.#cy, webgl);
			// Wraps the snapshot's draw: it must see the frames really drawn.
			this.#stopBoundsEcho = ignoreBoundsEchoOfDrawing(this.#cy, webgl);
		}
		this.#peers = new PeerLayer(this.#cy, (id) => this.#model.actor(id)?.pos);
		this.#cursors = new CursorLayer(options.cursorLayer, this.#cy);
		this.#sync = new GraphSync(this.#cy, model, {
			linkLabel: options.linkLabel,
			holdsPosition: (id) => this.#peers.holdsPosition(id) || this.#layout.holdsPosition(id)
		});
		this.#layout = new GraphLayout(this.#cy, model, { readOnly: options.readOnly, onGestureStart: () => options.onGestureStart() });
		// WebGL mode draws every line solid: the view layer then names link statuses in labels.
		this.#view = new ViewLayer(this.#cy, model, (report) => this.#viewReporter?.(report), rendering.webgl !== true);
		const built = this.#sync.build();
		markStage('elements');
		this.#view.prime(built.actors, built.links);
		if (options.view) this.#view.set(options.view);
		markStage('view');
		this.fit();
		this.#listen();
		this.#unobserve = model.observe((change) => this.#apply(change));
		// Cytoscape observes its container's size itself (and its attributes, which need no redraw).
		resizeOnlyWhenSized(this.#cy, container);
		markStage('graph');
	}

	destroy(): void {
		this.#unobserve();
		this.#view.destroy();
		this.#layout.destroy();
		this.#container.removeEventListener('pointerleave', this.#onPointerLeave);
		this.#peers.destroy();
		this.#cursors.destroy();
		this.#stopBoundsEcho?.();
		this.#snapshot?.destroy();
		this.#cy.destroy();
	}

	// ---- collaborators

	showPeers(peers: readonly PeerState[]): void {
		this.#peers.update(peers);
		this.#cursors.update(peers);
	}

	// ---- selection

	get selection(): readonly string[] {
		return this.#selection;
	}

	select(ids: readonly string[]): void {
		this.#cy.batch(() => {
			this.#cy.elements(':selected').unselect();
			for (const id of ids) this.#cy.getElementById(id).select();
		});
		// Keep the caller's order (it decides a new link's direction), not Cytoscape's.
		this.#selection = ids.filter((id) => this.#cy.getElementById(id).nonempty());
		this.#notifySelection();
	}

	// ---- viewport

	fit(): void {
		// From positions alone: a bounding box needs every element's style (1 s for 10,000 actors,
		// before the first frame computes it anyway); fit.ts leaves room for bodies and labels instead.
		const positions: number[] = [];
		this.#cy.nodes().not(VISIBLE).forEach((node) => {
			const { x, y } = node.position();
			positions.push(x, y);
		});
		this.#cy.viewport(fitView(positions, this.#cy.width(), this.#cy.height()));
	}

	zoomBy(factor: number): void {
		this.#cy.zoom({
			level: Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, this.#cy.zoom() * factor)),
			renderedPosition: { x: this.#cy.width() / 2, y: this.#cy.height() / 2 }
		});
	}

	/** Pan, zoom and the canvas size (following someone's view, meeting slides). */
	viewport(): GraphViewport {
		return { pan: { ...this.#cy.pan() }, zoom: this.#cy.zoom(), width: this.#cy.width(), height: this.#cy.height() };
	}

	/** Sets pan and zoom; viewport listeners hear it with `byUser` false. */
	setViewport(view: { pan: Position; zoom: number }): void {
		this.#settingViewport = true;
		try {
			this.#cy.viewport({ zoom: Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, view.zoom)), pan: { ...view.pan } });
		} finally {
			this.#settingViewport = false;
		}
	}

	/**
	 * Calls `listener` after every pan, zoom or canvas resize; `byUser` is false for setViewport's
	 * changes and resizes. Returns the unsubscribe function.
	 */
	onViewportChange(listener: (viewport: GraphViewport, byUser: boolean) => void): () => void {
		const handler = (event: cytoscape.EventObject) => listener(this.viewport(), event.type === 'viewport' && !this.#settingViewport);
		this.#cy.on('viewport resize', handler);
		return () => this.#cy.off('viewport resize', handler);
	}

	/** The current view as an image (the export menu's PNG and SVG). */
	viewImage(format: ViewImageFormat): Promise<Blob> {
		return viewImage(this.#cy, format);
	}

	// ---- view: filter, style, layouts

	/** Closes the current undo step, so what follows is one of its own (paste, saving a view). */
	beginGesture(): void {
		this.#options.onGestureStart();
	}

	/** Receives the legend and counts after every filter, style or document change. */
	onViewReport(reporter: (report: ViewReport) => void): void {
		this.#viewReporter = reporter;
	}

	setView(settings: ViewSettings): void {
		this.#view.set(settings);
	}

	isHidden(id: string): boolean {
		return this.#view.isHidden(id);
	}

	/** Selects every actor and link the filter shows. */
	selectAll(): void {
		const shown = this.#cy.elements().not(VISIBLE);
		this.select([...shown.nodes().map((node) => node.id()), ...shown.edges().map((edge) => edge.id())]);
	}

	/** Dragging the background draws a selection box instead of panning (shift+drag always does). */
	setBoxSelect(on: boolean): void {
		this.#cy.userPanningEnabled(!on);
		this.#cy.boxSelectionEnabled(true);
	}

	/** Lays out the visible actors as one committed move (one undo step); returns where it ran. */
	applyLayout(name: LayoutName): Promise<'main' | 'worker'> {
		return this.#layout.apply(name);
	}

	/** Shows a saved view's layout on this screen only; the document keeps its positions. */
	arrange(name: LayoutName): Promise<void> {
		return this.#layout.arrange(name);
	}

	get arranged(): boolean {
		return this.#layout.arranged;
	}

	clearArrangement(): void {
		this.#layout.clearArrangement();
	}

	keepArrangement(): void {
		this.#layout.keepArrangement();
	}

	/** A free spot near the middle of the view, in model coordinates, for a new actor. */
	spotForNewActor(): Position {
		const { x1, y1, x2, y2 } = this.#cy.extent();
		const centre = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
		const nearby: Position[] = [];
		this.#cy.nodes().forEach((node) => {
			const p = node.position();
			if (p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2) nearby.push({ x: p.x, y: p.y });
		});
		return freeSpotNear(centre, nearby);
	}

	/** Brings an element into view if it is outside it (e.g. chosen from the keyboard list). */
	reveal(id: string): void {
		const element = this.#cy.getElementById(id);
		if (element.empty()) return;
		const box = element.boundingBox();
		const view = this.#cy.extent();
		const inside = box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
		if (!inside) this.#cy.center(element);
	}

	/** Centres the view on a model point (annotations and threads jump to what they are about). */
	centreOn(position: Position): void {
		const zoom = this.#cy.zoom();
		this.#cy.pan({ x: this.#cy.width() / 2 - position.x * zoom, y: this.#cy.height() / 2 - position.y * zoom });
	}

	/** The model point in the middle of the view (where a new point annotation goes). */
	viewCentre(): Position {
		const { x1, y1, x2, y2 } = this.#cy.extent();
		return { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
	}

	// ---- document -> graph

	#apply(change: MapChange): void {
		const appeared = this.#sync.apply(change);
		this.#peers.refresh(appeared);
		this.#pruneSelection();
		this.#view.schedule(change);
	}

	// ---- user input -> document

	#listen(): void {
		const cy = this.#cy;
		cy.on('select', (event) => {
			const id = event.target.id() as string;
			if (!this.#selection.includes(id)) this.#selection = [...this.#selection, id];
			this.#notifySelection();
		});
		cy.on('unselect remove', (event) => {
			const id = event.target.id() as string;
			if (!this.#selection.includes(id)) return;
			this.#selection = this.#selection.filter((selected) => selected !== id);
			this.#notifySelection();
		});
		cy.on('mousemove', (event) => this.#options.onPointer({ ...event.position }));
		this.#container.addEventListener('pointerleave', this.#onPointerLeave);
		if (this.#options.readOnly) return;
		cy.on('grabon', 'node', () => {
			if (this.#dragging.size === 0) this.#options.onGestureStart();
		});
		cy.on('drag', 'node', (event) => {
			const node = event.target as cytoscape.NodeSingular;
			this.#dragging.set(node.id(), { ...node.position() });
			this.#options.onDrag(this.#dragging);
		});
		// A node deleted by a collaborator mid-drag never reports its release.
		cy.on('remove', 'node', (event) => {
			if (!this.#dragging.delete(event.target.id()) || this.#dragging.size > 0) return;
			this.#options.onDrag(null);
		});
		// 'dragfree' fires once per released node: gather them and commit once.
		cy.on('dragfree', 'node', () => {
			if (this.#commitScheduled) return;
			this.#commitScheduled = true;
			queueMicrotask(() => this.#commitDrag());
		});
	}

	#onPointerLeave = () => this.#options.onPointer(null);

	/** One transaction for the whole dragged selection: one update on the wire, one undo step. */
	#commitDrag(): void {
		this.#commitScheduled = false;
		const positions = new Map<string, Position>();
		for (const id of this.#dragging.keys()) {
			const node = this.#cy.getElementById(id);
			if (node.empty()) continue;
			const { x, y } = node.position();
			positions.set(id, { x: clampCoordinate(Math.round(x)), y: clampCoordinate(Math.round(y)) });
		}
		this.#dragging.clear();
		if (positions.size > 0) this.#model.moveActors(positions);
		this.#options.onDrag(null);
	}

	#pruneSelection(): void {
		const kept = this.#selection.filter((id) => this.#cy.getElementById(id).nonempty());
		if (kept.length === this.#selection.length) return;
		this.#selection = kept;
		this.#notifySelection();
	}

	/** Selection events come one per element; report the settled selection once. */
	#notifySelection(): void {
		if (this.#selectionNotice) return;
		this.#selectionNotice = true;
		queueMicrotask(() => {
			this.#selectionNotice = false;
			this.#options.onSelectionChange([...this.#selection]);
		});
	}
}
