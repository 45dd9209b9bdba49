// Keeps a Cytoscape graph equal to the map document: one full build, then only the elements each change names.
import type cytoscape from 'cytoscape';
import type { ActorView, LinkView, MapChange, MapModel } from '$lib/map';
import { actorElement, linkElement, type LinkLabeler } from './elements';
import { DATA, INVALID_CLASS } from './style';

export interface GraphSyncOptions {
	linkLabel: LinkLabeler;
	/** True while something else owns a node's position (a collaborator's live drag). */
	holdsPosition(id: string): boolean;
}

export class GraphSync {
	readonly #cy: cytoscape.Core;
	readonly #model: MapModel;
	readonly #options: GraphSyncOptions;
	/** Links not drawn because an actor is missing, by that actor's id: drawn when it (re)appears. */
	readonly #waiting = new Map<string, Set<string>>();
	/** The same, by link id: the actors each waiting link waits for. */
	readonly #waitingFor = new Map<string, string[]>();

	constructor(cy: cytoscape.Core, model: MapModel, options: GraphSyncOptions) {
		this.#cy = cy;
		this.#model = model;
		this.#options = options;
	}

	/**
	 * Draws the whole document in one add (much faster than one by one on big maps); call once on an
	 * empty graph. Returns the actors and links it read, for others that need them at the same moment.
	 */
	build(): { actors: ActorView[]; links: LinkView[] } {
		const actors = this.#model.actors();
		const drawn = new Set(actors.map((actor) => actor.id));
		const elements = actors.map(actorElement);
		const links = this.#model.links();
		for (const link of links) {
			const definition = linkElement(link, (id) => drawn.has(id), this.#options.linkLabel);
			if (definition) elements.push(definition);
			else this.#wait(link.id, [link.source, link.target].filter((end) => end !== '' && !drawn.has(end)));
		}
		this.#cy.add(elements);
		return { actors, links };
	}

	/** Applies one transaction's changes; returns the ids of elements that were added to the graph. */
	apply(change: MapChange): string[] {
		const appeared: string[] = [];
		this.#cy.batch(() => {
			// Actors first, so links whose actors came back in the same change can be drawn.
			const linkIds = new Set(change.links);
			for (const id of change.actors) {
				if (this.#applyActor(id, linkIds)) appeared.push(id);
			}
			for (const id of linkIds) {
				if (this.#drawLink(id)) appeared.push(id);
			}
		});
		return appeared;
	}

	/** Returns true when the node was added; adds links that can now be drawn to `linkIds`. */
	#applyActor(id: string, linkIds: Set<string>): boolean {
		const actor = this.#model.actor(id);
		const node = this.#cy.getElementById(id);
		if (!actor) {
			if (node.nonempty()) {
				// Its edges vanish with it; they wait in case the actor returns (undo, concurrent edit).
				node.connectedEdges().forEach((edge) => this.#wait(edge.id(), [id]));
				node.remove();
			}
			return false;
		}
		if (node.empty()) {
			this.#cy.add(actorElement(actor));
			for (const linkId of this.#waiting.get(id) ?? []) linkIds.add(linkId);
			return true;
		}
		node.data({ [DATA.label]: actor.name, [DATA.kind]: actor.kind });
		node.toggleClass(INVALID_CLASS, actor.issues.length > 0);
		// The local user's hand and a peer's live drag take precedence until they let go.
		if (!node.grabbed() && !this.#options.holdsPosition(id)) node.position({ ...actor.pos });
		return false;
	}

	/** Adds, updates or removes one link's edge to match the document; returns true when it was added. */
	#drawLink(id: string): boolean {
		this.#unwait(id);
		const link = this.#model.link(id);
		const edge = this.#cy.getElementById(id);
		const hasNode = (actorId: string) => this.#cy.getElementById(actorId).nonempty();
		const definition = link ? linkElement(link, hasNode, this.#options.linkLabel) : null;
		if (!link || !definition) {
			if (edge.nonempty()) edge.remove();
			if (link) this.#wait(id, [link.source, link.target].filter((end) => end !== '' && !hasNode(end)));
			return false;
		}
		const { source, target } = definition.data;
		// Cytoscape cannot re-attach an edge in place: a link with a new end is drawn anew.
		if (edge.nonempty() && (edge.source().id() !== source || edge.target().id() !== target)) edge.remove();
		if (this.#cy.getElementById(id).empty()) {
			this.#cy.add(definition);
			return true;
		}
		edge.data({ [DATA.kind]: link.kind, [DATA.label]: this.#options.linkLabel(link.kind) });
		edge.toggleClass(INVALID_CLASS, link.issues.length > 0);
		return false;
	}

	#wait(linkId: string, missingActors: readonly string[]): void {
		if (missingActors.length === 0) return;
		this.#waitingFor.set(linkId, [...missingActors]);
		for (const actorId of missingActors) {
			let links = this.#waiting.get(actorId);
			if (!links) this.#waiting.set(actorId, (links = new Set()));
			links.add(linkId);
		}
	}

	#unwait(linkId: string): void {
		for (const actorId of this.#waitingFor.get(linkId) ?? []) {
			const links = this.#waiting.get(actorId);
			if (links?.delete(linkId) && links.size === 0) this.#waiting.delete(actorId);
		}
		this.#waitingFor.delete(linkId);
	}
}
