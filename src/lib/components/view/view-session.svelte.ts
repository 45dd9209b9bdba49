// The user's way of seeing the map: filter, style, saved views, layouts, search, clipboard and selection tools, as reactive state over the editor session's graph.
import { getContext, setContext } from 'svelte';
import { MapValidationError, type CustomFieldView, type MapModel, type SavedView, type SectorView } from '$lib/map';
import type { EditorSession } from '$lib/components/editor/editor-session.svelte';
import type { ViewReport, ViewSettings } from '$lib/editor/view-layer';
import type { ActorMetricValues } from '$lib/editor/view/style-types';
import { defaultStyle, emptyFilter, filterToJson, parseFilter, parseStyle, styleToJson, usesMetric, type ViewFilter, type ViewStyle } from '$lib/editor/view/view-state';
import { isLayoutName, PRESET_LAYOUT, type LayoutName } from '$lib/editor/layout/names';
import { copyActors, parseClipboard, pasteActors, PASTE_OFFSET, type ClipboardPayload } from '$lib/editor/clipboard';
import { m } from '$lib/paraglide/messages';
import { styleNames } from './view-labels';

export type ViewPanel = 'filter' | 'style' | 'views';

const CONTEXT_KEY = Symbol('kartta-map-view');

export class MapViewSession {
	filter = $state.raw<ViewFilter>(emptyFilter());
	style = $state.raw<ViewStyle>(defaultStyle());
	/** Legend and counts from the last refresh of the canvas. */
	report = $state.raw<ViewReport | null>(null);
	savedViews = $state.raw<SavedView[]>([]);
	/** The map's sectors and custom fields, by name: the filter and style menus offer them. */
	sectors = $state.raw<SectorView[]>([]);
	fields = $state.raw<CustomFieldView[]>([]);
	/** The saved view last applied (its name is shown; "update" writes to it). */
	activeViewId = $state<string | null>(null);
	panel = $state<ViewPanel | null>(null);
	/** A layout being computed (buttons wait), or null. */
	busyLayout = $state<LayoutName | null>(null);
	/** A saved view's layout shown on this screen only, or null. */
	arranged = $state<LayoutName | null>(null);
	boxSelect = $state(false);
	/** Where the last layout was computed (the main thread or the worker), for diagnostics and tests. */
	layoutWhere = $state<'main' | 'worker' | null>(null);
	helpOpen = $state(false);
	/** A short result of the last action, for the status line ("3 actors pasted"). */
	message = $state('');
	readOnly = $state(true);
	session = $state.raw<EditorSession | null>(null);
	/** Figures of the latest network analysis, for styling by a metric (set by the analysis panel). */
	metrics = $state.raw<ActorMetricValues | null>(null);

	/** Actors shown whatever the filter says, because the user jumped to them from search. */
	#revealed = new Set<string>();
	#clipboard: ClipboardPayload | null = null;
	#pastes = 0;
	/** Set when the user changed what is shown: the next report's counts are read out. */
	#announceCount = false;
	#cleanups: (() => void)[] = [];

	/** Called once the editor session exists (before its graph is drawn). */
	connect(session: EditorSession): void {
		this.session = session;
		this.readOnly = session.options.readOnly;
		this.#cleanups.push(
			session.model.observe((change) => {
				if (change.views.size > 0) this.#readViews();
				if (change.sectors.size > 0 || change.fields.size > 0) this.#readCatalog();
			})
		);
		this.#readViews();
		this.#readCatalog();
	}

	/** Called when the graph is drawn: from now on the canvas follows this state. */
	attach(): void {
		const graph = this.session?.graph;
		if (!graph) return;
		graph.onViewReport((report) => {
			this.report = report;
			if (!this.#announceCount) return;
			this.#announceCount = false;
			this.message = m.view_count_filtered({ shown: String(report.visibleActors), total: String(report.totalActors) });
		});
		this.#readViews();
		this.#readCatalog();
		this.#push();
	}

	destroy(): void {
		for (const cleanup of this.#cleanups) cleanup();
		this.#cleanups = [];
	}

	// ---- filter and style (local to this user until saved into a view)

	setFilter(patch: Partial<ViewFilter>): void {
		this.filter = { ...this.filter, ...patch };
		this.#announceCount = true;
		this.#revealed.clear();
		this.#push();
	}

	clearFilter(): void {
		this.filter = emptyFilter();
		this.#announceCount = true;
		this.#revealed.clear();
		this.#push();
	}

	setStyle(patch: Partial<ViewStyle>): void {
		this.style = { ...this.style, ...patch };
		this.#push();
	}

	/** New analysis results: actors styled by a metric take their new values (a style without metrics needs no redraw). */
	setMetrics(metrics: ActorMetricValues | null): void {
		this.metrics = metrics;
		if (usesMetric(this.style)) this.#push();
	}

	resetStyle(): void {
		this.style = defaultStyle();
		this.#push();
	}

	togglePanel(panel: ViewPanel): void {
		this.panel = this.panel === panel ? null : panel;
	}

	/** The filter and style as the canvas takes them (the graph is built with them, then follows #push). */
	settings(): ViewSettings {
		return { filter: this.filter, style: this.style, names: styleNames, revealed: this.#revealed, metrics: this.metrics ?? undefined };
	}

	#push(): void {
		this.session?.graph?.setView(this.settings());
	}

	// ---- saved views (shared with everyone through the document)

	get activeView(): SavedView | undefined {
		return this.savedViews.find((view) => view.id === this.activeViewId);
	}

	/** True when the filter or style differ from the applied view's ("update" would change it). */
	get activeViewChanged(): boolean {
		const view = this.activeView;
		if (!view) return false;
		const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
		return !same(filterToJson(parseFilter(view.filter)), filterToJson(this.filter)) || !same(styleToJson(parseStyle(view.style)), styleToJson(this.style));
	}

	#readCatalog(): void {
		const model = this.session?.model;
		if (!model) return;
		const collator = new Intl.Collator(undefined, { numeric: true });
		const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
		this.sectors = model.sectors().sort(byName);
		this.fields = model.fields().sort(byName);
	}

	/**
	 * One gesture on the model (one undo step): the graph closes the current undo step first, like
	 * a drag. Returns false when the model refused the input (it then wrote nothing).
	 */
	#edit(action: (model: MapModel) => void): boolean {
		const session = this.session;
		if (!session || this.readOnly) return false;
		session.graph?.beginGesture();
		try {
			action(session.model);
			return true;
		} catch (error) {
			if (error instanceof MapValidationError) return false;
			throw error;
		}
	}

	#readViews(): void {
		const model = this.session?.model;
		if (!model) return;
		const collator = new Intl.Collator(undefined, { numeric: true });
		this.savedViews = model.views().sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
		if (this.activeViewId !== null && !this.savedViews.some((view) => view.id === this.activeViewId)) this.activeViewId = null;
	}

	async applyView(id: string): Promise<void> {
		const view = this.session?.model.view(id);
		const graph = this.session?.graph;
		if (!view || !graph) return;
		this.filter = parseFilter(view.filter);
		this.style = parseStyle(view.style);
		this.#revealed.clear();
		this.activeViewId = id;
		this.#push();
		if (isLayoutName(view.layout)) {
			this.busyLayout = view.layout;
			try {
				await graph.arrange(view.layout);
				this.arranged = view.layout;
			} finally {
				this.busyLayout = null;
			}
		} else {
			graph.clearArrangement();
			this.arranged = null;
		}
		if (view.viewport) graph.setViewport(view.viewport);
		else if (!isLayoutName(view.layout)) graph.fit();
		this.message = m.view_applied({ name: view.name });
	}

	/** What a saved view stores: this filter and style, the screen-only layout if any, and the viewport. */
	#current() {
		const viewport = this.session?.graph?.viewport();
		return {
			filter: filterToJson(this.filter),
			style: styleToJson(this.style),
			layout: this.arranged ?? PRESET_LAYOUT,
			viewport: viewport ? { zoom: viewport.zoom, pan: { x: Math.round(viewport.pan.x), y: Math.round(viewport.pan.y) } } : null
		};
	}

	saveAsNew(name: string): boolean {
		const session = this.session;
		if (!session || this.readOnly || name.trim() === '') return false;
		let id: string | null = null;
		const ok = this.#edit((model) => (id = model.addView({ name, ...this.#current() })));
		if (!ok || id === null) {
			this.message = m.view_save_failed();
			return false;
		}
		this.activeViewId = id;
		this.#readViews();
		this.message = m.view_saved({ name: name.trim() });
		return true;
	}

	updateView(id: string): void {
		const session = this.session;
		if (!session || this.readOnly) return;
		const ok = this.#edit((model) => model.updateView(id, this.#current()));
		this.message = ok ? m.view_updated({ name: session.model.view(id)?.name ?? '' }) : m.view_save_failed();
	}

	renameView(id: string, name: string): boolean {
		const session = this.session;
		if (!session || this.readOnly || name.trim() === '') return false;
		const ok = this.#edit((model) => model.updateView(id, { name }));
		if (!ok) this.message = m.view_save_failed();
		return ok;
	}

	deleteView(id: string): void {
		const session = this.session;
		if (!session || this.readOnly) return;
		const name = session.model.view(id)?.name ?? '';
		this.#edit((model) => void model.deleteView(id));
		if (this.activeViewId === id) this.activeViewId = null;
		this.message = m.view_deleted({ name });
	}

	// ---- layouts

	/** Lays out the visible actors and writes the positions as one change (one undo step). */
	async layout(name: LayoutName): Promise<void> {
		const graph = this.session?.graph;
		if (!graph || this.readOnly || this.busyLayout !== null) return;
		this.busyLayout = name;
		this.arranged = null;
		try {
			this.layoutWhere = await graph.applyLayout(name);
			this.message = m.layout_done();
		} catch {
			this.message = m.layout_failed();
		} finally {
			this.busyLayout = null;
		}
	}

	keepArrangement(): void {
		if (this.readOnly) return;
		this.session?.graph?.keepArrangement();
		this.arranged = null;
		this.message = m.layout_done();
	}

	clearArrangement(): void {
		this.session?.graph?.clearArrangement();
		this.arranged = null;
	}

	// ---- search and selection

	/** Selects the actor and puts it in the middle; an actor the filter hides is shown. */
	jumpTo(id: string): void {
		const session = this.session;
		const graph = session?.graph;
		const actor = session?.model.actor(id);
		if (!session || !graph || !actor) return;
		if (graph.isHidden(id)) {
			this.#revealed.add(id);
			this.#push();
		}
		session.select([id]);
		graph.centreOn(actor.pos);
	}

	selectAll(): void {
		this.session?.graph?.selectAll();
	}

	clearSelection(): void {
		this.session?.select([]);
	}

	toggleBoxSelect(): void {
		this.boxSelect = !this.boxSelect;
		this.session?.graph?.setBoxSelect(this.boxSelect);
	}

	// ---- clipboard

	/** Copies the selected actors and the links among them; returns the JSON for the system clipboard. */
	copy(): string | null {
		const session = this.session;
		if (!session) return null;
		const payload = copyActors(session.model, session.selectedActorIds);
		if (!payload) return null;
		this.#clipboard = payload;
		this.#pastes = 0;
		this.message = m.view_copied({ count: String(payload.actors.length) });
		return JSON.stringify(payload);
	}

	/** Pastes JSON from the system clipboard when it is ours, else what was copied in this tab. */
	paste(text?: string): void {
		const payload = (text ? parseClipboard(text) : null) ?? this.#clipboard;
		if (!payload) return;
		if (payload !== this.#clipboard) {
			this.#clipboard = payload;
			this.#pastes = 0;
		}
		this.#pastes += 1;
		this.#insert(payload, this.#pastes);
	}

	/** Copies and pastes in one go, without touching the clipboard. */
	duplicate(): void {
		const session = this.session;
		if (!session) return;
		const payload = copyActors(session.model, session.selectedActorIds);
		if (payload) this.#insert(payload, 1);
	}

	#insert(payload: ClipboardPayload, step: number): void {
		const session = this.session;
		if (!session || this.readOnly) return;
		let ids: string[] = [];
		const offset = { x: PASTE_OFFSET * step, y: PASTE_OFFSET * step };
		this.#edit((model) => (ids = pasteActors(model, payload, offset)));
		if (ids.length === 0) return;
		// Pasted actors are what the user works with next, even under a filter that would hide them.
		for (const id of ids) this.#revealed.add(id);
		this.#push();
		session.select(ids);
		this.message = m.view_pasted({ count: String(ids.length) });
	}
}

export function setMapView(view: MapViewSession): void {
	setContext(CONTEXT_KEY, view);
}

/** The editor's view state, or undefined outside an editor (the legend then shows the default key). */
export function getMapView(): MapViewSession | undefined {
	return getContext<MapViewSession | undefined>(CONTEXT_KEY);
}
