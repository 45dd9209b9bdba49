// Keeps Cytoscape's WebGL renderer from recomputing, one frame after drawing, what it has just computed.
import type cytoscape from 'cytoscape';
import type { WebglRenderer } from './webgl-internals';

/** The part of an element's private state Cytoscape keeps its rendered-style bookkeeping in. */
interface RenderedStyleState {
	_private?: { rstyle?: { clean?: boolean; cleanConnected?: boolean } };
}

/**
 * Cytoscape computes an element's bounding box the first time its WebGL renderer draws it, and
 * computing a box for the first time emits 'bounds', which queues the element's rendered style
 * (edge geometry, label sizes) to be computed again in the next frame. Nothing changed: that style
 * was computed at the start of the same frame. On a 10,000-actor map this echo was a second pass
 * over every element, 1.8 s after the first frame. Elements announced while the renderer draws are
 * marked clean again once it has drawn; anything changed later dirties them as usual.
 */
export function ignoreBoundsEchoOfDrawing(cy: cytoscape.Core, renderer: WebglRenderer): () => void {
	const announced: RenderedStyleState[] = [];
	let drawing = false;
	const onBounds = (event: cytoscape.EventObject) => {
		if (drawing) announced.push(event.target as RenderedStyleState);
	};
	cy.on('bounds', onBounds);
	const draw = renderer.render;
	renderer.render = (options) => {
		drawing = true;
		try {
			draw.call(renderer, options);
		} finally {
			drawing = false;
		}
		for (const element of announced) {
			const rstyle = element._private?.rstyle;
			if (!rstyle) continue;
			rstyle.clean = true;
			rstyle.cleanConnected = true;
		}
		announced.length = 0;
	};
	return () => {
		cy.off('bounds', onBounds);
		renderer.render = draw;
	};
}
