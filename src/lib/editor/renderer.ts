// Chooses Cytoscape's renderer: the plain canvas for ordinary maps, its WebGL mode for large ones when the browser can.
import type cytoscape from 'cytoscape';

/** Above this many elements (actors + links) the canvas renderer gets sluggish when panning. */
export const WEBGL_ELEMENT_THRESHOLD = 1_500;

/** Cytoscape 3.31+ draws through WebGL 2 when `renderer.webgl` is set; it needs a webgl2 context. */
function supportsWebgl2(): boolean {
	try {
		const canvas = document.createElement('canvas');
		return canvas.getContext('webgl2') !== null;
	} catch {
		return false;
	}
}

/**
 * Rendering options for a map of this size. Cytoscape reads renderer hints from the top-level
 * options (its core merges them with `options.renderer`), which is also where its types declare them.
 */
export function renderingOptions(
	elementCount: number,
	webglAvailable: () => boolean = supportsWebgl2
): Pick<cytoscape.CytoscapeOptions, 'webgl' | 'hideEdgesOnViewport'> {
	if (elementCount <= WEBGL_ELEMENT_THRESHOLD) return {};
	// Without WebGL, a big map stays usable by skipping edges while panning and zooming.
	return webglAvailable() ? { webgl: true } : { hideEdgesOnViewport: true };
}
