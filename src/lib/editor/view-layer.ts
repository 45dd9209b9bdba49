// Applies the user's filter and style to the Cytoscape graph: hides filtered-out elements (they stay in the document) and writes each element's look into its data.
import type cytoscape from 'cytoscape';
import type { ActorView, LinkView, MapChange, MapModel } from '$lib/map';
import { DATA, HIDDEN_CLASS } from './style';
import { visibleElements } from './view/filter';
import { applyStyle, type ActorMetricValues, type ActorVisual, type LinkVisual, type StyleLegend, type StyleNames } from './view/style-mapping';
import type { ViewFilter, ViewStyle } from './view/view-state';

export interface ViewReport {
	legend: StyleLegend;
	visibleActors: number;
	totalActors: number;
	visibleLinks: number;
	totalLinks: number;
}

export interface ViewSettings {
	filter: ViewFilter;
	style: ViewStyle;
	names: StyleNames;
	/** Actors shown whatever the filter says (found by search). */
	revealed: ReadonlySet<string>;
	/** The latest network analysis's figures, for `metric:<name>` attributes (absent until one has run). */
	metrics?: ActorMetricValues;
}

type ElementData = Record<string, string | number>;

function actorData(visual: ActorVisual): ElementData {
	return { [DATA.colour]: visual.colour, [DATA.shape]: visual.shape, [DATA.size]: visual.size, [DATA.viewLabel]: visual.label };
}

function linkData(visual: LinkVisual): ElementData {
	return {
		[DATA.colour]: visual.colour,
		[DATA.line]: visual.line,
		[DATA.width]: visual.width,
		[DATA.viewLabel]: visual.label,
		[DATA.sourceArrow]: visual.sourceArrow,
		[DATA.targetArrow]: visual.targetArrow
	};
}

function sameData(a: ElementData | undefined, b: ElementData): boolean {
	if (a === undefined) return false;
	for (const key in b) if (a[key] !== b[key]) return false;
	return true;
}

/** What of an actor the view depends on: everything but its position (moves are the most frequent change). */
function actorSignature(actor: ActorView): string {
	const { pos: _pos, ...rest } = actor;
	return JSON.stringify(rest);
}

interface Cached<T> {
	view: T;
	/** Computed when first compared: most elements never change after loading. */
	signature: string | null;
}

/**
 * Keeps its own copy of the actors and links and re-reads only the ones a change names, and
 * touches Cytoscape only for elements whose look or visibility changed: on a 10,000-actor map a
 * full pass over the model and the graph per remote edit would cost most of a second.
 */
export class ViewLayer {
	readonly #cy: cytoscape.Core;
	readonly #model: MapModel;
	readonly #onReport: (report: ViewReport) => void;
	readonly #patterns: boolean;
	#settings: ViewSettings | null = null;
	#frame: number | null = null;
	/** The model's actors and links as last read; `#stale` until the first full read. */
	#actors = new Map<string, Cached<ActorView>>();
	#links = new Map<string, Cached<LinkView>>();
	#stale = true;
	/** The look last written to each element, and the elements last hidden. */
	readonly #written = new Map<string, ElementData>();
	#hidden = new Set<string>();
	readonly #onAdd = (event: cytoscape.EventObject) => this.#forget(event.target.id());

	/** `patterns`: whether the renderer draws dashes, dots and arrowhead shapes (not in WebGL mode). */
	constructor(cy: cytoscape.Core, model: MapModel, onReport: (report: ViewReport) => void, patterns = true) {
		this.#cy = cy;
		this.#model = model;
		this.#onReport = onReport;
		this.#patterns = patterns;
		// An element drawn anew (an undone delete, a link whose actor came back) has none of our data.
		cy.on('add', this.#onAdd);
	}

	get settings(): ViewSettings | null {
		return this.#settings;
	}

	/** Applies new settings at once (the user is waiting for them). */
	set(settings: ViewSettings): void {
		this.#settings = settings;
		this.refresh();
	}

	/**
	 * The document changed: re-apply once per frame however many changes arrive. A change that only
	 * moves actors touches neither filter nor style, so it costs nothing here.
	 */
	schedule(change: MapChange): void {
		if (this.#settings === null || this.#stale) {
			this.#stale = true;
			return;
		}
		let dirty = change.regions.size > 0 || change.sectors.size > 0 || change.fields.size > 0;
		for (const id of change.actors) dirty = this.#reread(this.#actors, id, this.#model.actor(id), actorSignature) || dirty;
		for (const id of change.links) dirty = this.#reread(this.#links, id, this.#model.link(id), (link) => JSON.stringify(link)) || dirty;
		if (!dirty || this.#frame !== null) return;
		const run = () => {
			this.#frame = null;
			this.refresh();
		};
		this.#frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : (setTimeout(run, 16) as unknown as number);
	}

	isHidden(id: string): boolean {
		return this.#hidden.has(id);
	}

	refresh(): void {
		const settings = this.#settings;
		if (settings === null) return;
		if (this.#stale) this.#readAll();
		const actors = [...this.#actors.values()].map((cached) => cached.view);
		const links = [...this.#links.values()].map((cached) => cached.view);
		const styled = applyStyle(
			{ actors, links, regions: this.#model.regions(), sectors: this.#model.sectors(), fields: this.#model.fields(), metrics: settings.metrics },
			settings.style,
			settings.names,
			{ patterns: this.#patterns }
		);
		const visible = visibleElements(actors, links, settings.filter);
		for (const id of settings.revealed) if (this.#actors.has(id)) visible.actors.add(id);

		const hidden = new Set<string>();
		for (const actor of actors) if (!visible.actors.has(actor.id)) hidden.add(actor.id);
		for (const link of links) if (!visible.links.has(link.id) || hidden.has(link.source) || hidden.has(link.target)) hidden.add(link.id);

		const cy = this.#cy;
		cy.batch(() => {
			const write = (id: string, data: ElementData) => {
				if (sameData(this.#written.get(id), data)) return;
				const element = cy.getElementById(id);
				if (element.empty()) return;
				element.data(data);
				this.#written.set(id, data);
			};
			for (const [id, visual] of styled.actors) write(id, actorData(visual));
			for (const [id, visual] of styled.links) write(id, linkData(visual));
			for (const id of this.#hidden) if (!hidden.has(id)) cy.getElementById(id).removeClass(HIDDEN_CLASS);
			for (const id of hidden) if (!this.#hidden.has(id)) cy.getElementById(id).addClass(HIDDEN_CLASS);
			// A hidden element must not stay selected: Delete would remove what the user cannot see.
			cy.$(':selected')
				.filter((element) => hidden.has(element.id()))
				.unselect();
		});
		this.#hidden = hidden;

		// Counted from our copy, not the graph: a Cytoscape collection pass over 20,000 edges is slow.
		const drawable = links.filter((link) => !link.dangling);
		this.#onReport({
			legend: styled.legend,
			visibleActors: actors.length - actors.filter((actor) => hidden.has(actor.id)).length,
			totalActors: actors.length,
			visibleLinks: drawable.filter((link) => !hidden.has(link.id)).length,
			totalLinks: drawable.length
		});
	}

	destroy(): void {
		this.#cy.off('add', this.#onAdd);
		if (this.#frame === null) return;
		if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.#frame);
		else clearTimeout(this.#frame);
	}

	/** Takes the model's actors and links as just read (the graph's first build), so they are not read twice. */
	prime(actors: readonly ActorView[], links: readonly LinkView[]): void {
		this.#actors = new Map(actors.map((actor) => [actor.id, { view: actor, signature: null }]));
		this.#links = new Map(links.map((link) => [link.id, { view: link, signature: null }]));
		this.#stale = false;
	}

	#readAll(): void {
		this.prime(this.#model.actors(), this.#model.links());
	}

	/** Updates one cached element; returns true when the view may look different (not for a mere move). */
	#reread<T>(cache: Map<string, Cached<T>>, id: string, view: T | undefined, signatureOf: (view: T) => string): boolean {
		if (view === undefined) {
			this.#forget(id);
			return cache.delete(id);
		}
		const signature = signatureOf(view);
		const cached = cache.get(id);
		const changed = cached === undefined || (cached.signature ?? signatureOf(cached.view)) !== signature;
		cache.set(id, { view, signature });
		return changed;
	}

	#forget(id: string): void {
		this.#written.delete(id);
		this.#hidden.delete(id);
	}
}
