// Applies the user's filter and style to the Cytoscape graph: hides filtered-out elements (they stay in the document) and writes each element's look into its data.
import type cytoscape from 'cytoscape';
import type { ActorView, LinkView, MapChange, MapModel } from '$lib/map';
import { DATA, HIDDEN_CLASS } from './style';
import { visibleElements } from './view/filter';
import { applyStyle, type ActorVisual, type LinkVisual, type StyleLegend, type StyleNames } from './view/style-mapping';
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
}

type NodeData = Record<string, string | number>;

function actorData(visual: ActorVisual): NodeData {
	return { [DATA.colour]: visual.colour, [DATA.shape]: visual.shape, [DATA.size]: visual.size, [DATA.viewLabel]: visual.label };
}

function linkData(visual: LinkVisual): NodeData {
	return {
		[DATA.colour]: visual.colour,
		[DATA.line]: visual.line,
		[DATA.width]: visual.width,
		[DATA.viewLabel]: visual.label,
		[DATA.sourceArrow]: visual.sourceArrow,
		[DATA.targetArrow]: visual.targetArrow
	};
}

/** What of an actor the view depends on: everything but its position (moves are the most frequent change). */
function actorSignature(actor: ActorView | undefined): string | undefined {
	if (!actor) return undefined;
	const { pos: _pos, ...rest } = actor;
	return JSON.stringify(rest);
}

function linkSignature(link: LinkView | undefined): string | undefined {
	return link ? JSON.stringify(link) : undefined;
}

function sameData(element: cytoscape.NodeSingular | cytoscape.EdgeSingular, data: NodeData): boolean {
	for (const key in data) if (element.data(key) !== data[key]) return false;
	return true;
}

export class ViewLayer {
	readonly #cy: cytoscape.Core;
	readonly #model: MapModel;
	readonly #onReport: (report: ViewReport) => void;
	readonly #patterns: boolean;
	#settings: ViewSettings | null = null;
	#frame: number | null = null;
	/** Actors and links the last refresh hid, so a refresh touches only what changed. */
	#hidden = new Set<string>();
	/** Each element as the last refresh saw it (without positions): a change that leaves these alone needs no refresh. */
	#actorSignatures = new Map<string, string>();
	#linkSignatures = new Map<string, string>();

	/** `patterns`: whether the renderer draws dashes, dots and arrowhead shapes (not in WebGL mode). */
	constructor(cy: cytoscape.Core, model: MapModel, onReport: (report: ViewReport) => void, patterns = true) {
		this.#cy = cy;
		this.#model = model;
		this.#onReport = onReport;
		this.#patterns = patterns;
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
	 * moved actors touches neither filter nor style, so it costs nothing here (on a 5,000-actor map a
	 * refresh takes a few hundred milliseconds).
	 */
	schedule(change: MapChange): void {
		if (this.#settings === null || this.#frame !== null || !this.#matters(change)) return;
		const run = () => {
			this.#frame = null;
			this.refresh();
		};
		this.#frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : (setTimeout(run, 16) as unknown as number);
	}

	#matters(change: MapChange): boolean {
		if (change.regions.size > 0 || change.sectors.size > 0 || change.fields.size > 0) return true;
		for (const id of change.actors) if (actorSignature(this.#model.actor(id)) !== this.#actorSignatures.get(id)) return true;
		for (const id of change.links) if (linkSignature(this.#model.link(id)) !== this.#linkSignatures.get(id)) return true;
		return false;
	}

	isHidden(id: string): boolean {
		return this.#hidden.has(id);
	}

	refresh(): void {
		const settings = this.#settings;
		if (settings === null) return;
		const actors = this.#model.actors();
		const links = this.#model.links();
		this.#actorSignatures = new Map(actors.map((actor) => [actor.id, actorSignature(actor)!]));
		this.#linkSignatures = new Map(links.map((link) => [link.id, linkSignature(link)!]));
		const styled = applyStyle(
			{ actors, links, regions: this.#model.regions(), sectors: this.#model.sectors(), fields: this.#model.fields() },
			settings.style,
			settings.names,
			{ patterns: this.#patterns }
		);
		const visible = visibleElements(actors, links, settings.filter);
		for (const id of settings.revealed) if (this.#model.actor(id)) visible.actors.add(id);
		const hidden = new Set<string>();
		const cy = this.#cy;
		cy.batch(() => {
			cy.nodes().forEach((node) => {
				const id = node.id();
				const visual = styled.actors.get(id);
				if (visual) {
					const data = actorData(visual);
					if (!sameData(node, data)) node.data(data);
				}
				if (!visible.actors.has(id)) hidden.add(id);
			});
			cy.edges().forEach((edge) => {
				const id = edge.id();
				const visual = styled.links.get(id);
				if (visual) {
					const data = linkData(visual);
					if (!sameData(edge, data)) edge.data(data);
				}
				// data('source') rather than source().id(): no collection per edge on big maps.
				if (!visible.links.has(id) || hidden.has(edge.data('source')) || hidden.has(edge.data('target'))) hidden.add(id);
			});
			for (const id of this.#hidden) if (!hidden.has(id)) cy.getElementById(id).removeClass(HIDDEN_CLASS);
			for (const id of hidden) if (!this.#hidden.has(id)) cy.getElementById(id).addClass(HIDDEN_CLASS);
			// A hidden element must not stay selected: Delete would remove what the user cannot see.
			cy.$(':selected')
				.filter((element) => hidden.has(element.id()))
				.unselect();
		});
		this.#hidden = hidden;
		const drawnLinks = cy.edges().length;
		const visibleActors = actors.filter((actor) => !hidden.has(actor.id)).length;
		this.#onReport({
			legend: styled.legend,
			visibleActors,
			totalActors: actors.length,
			visibleLinks: drawnLinks - (hidden.size - (cy.nodes().length - visibleActors)),
			totalLinks: drawnLinks
		});
	}

	destroy(): void {
		if (this.#frame === null) return;
		if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(this.#frame);
		else clearTimeout(this.#frame);
	}
}
