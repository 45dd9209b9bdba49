// Converts the model's actor and link views into Cytoscape element definitions (links that cannot be drawn become null).
import type cytoscape from 'cytoscape';
import type { ActorView, LinkView } from '$lib/map';
import { DATA, INVALID_CLASS } from './style';

/** Translated link-kind names for edge labels; the editor itself carries no language. */
export type LinkLabeler = (kind: string) => string;

export function actorElement(actor: ActorView): cytoscape.ElementDefinition {
	return {
		group: 'nodes',
		data: { id: actor.id, [DATA.label]: actor.name, [DATA.kind]: actor.kind },
		position: { x: actor.pos.x, y: actor.pos.y },
		classes: actor.issues.length > 0 ? [INVALID_CLASS] : []
	};
}

/**
 * A link is drawn only when both its actors are drawn: dangling links (an endpoint was deleted
 * concurrently) wait for cleanup, and Cytoscape cannot draw an edge to a missing node anyway.
 */
export function linkElement(
	link: LinkView,
	hasNode: (id: string) => boolean,
	label: LinkLabeler
): cytoscape.ElementDefinition | null {
	if (link.dangling || !hasNode(link.source) || !hasNode(link.target)) return null;
	return {
		group: 'edges',
		data: { id: link.id, source: link.source, target: link.target, [DATA.kind]: link.kind, [DATA.label]: label(link.kind) },
		classes: link.issues.length > 0 ? [INVALID_CLASS] : []
	};
}
