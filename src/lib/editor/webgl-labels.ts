// Makes Cytoscape's WebGL renderer skip labels the canvas renderer would skip: too small to read at this zoom, or far off screen.
import type cytoscape from 'cytoscape';
import { LABEL_TEXTURE_TYPES, type WebglRenderer } from './webgl-internals';

/**
 * How far outside the view (screen px) a node's label is still drawn: a label hangs below and
 * beside its node by up to about its maximum width.
 */
export const LABEL_VIEW_MARGIN_PX = 200;

interface View {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/** True when a model point lies inside the view grown by `margin` model units on every side. */
export function nearView(position: cytoscape.Position, view: View, margin: number): boolean {
	return position.x >= view.x1 - margin && position.x <= view.x2 + margin && position.y >= view.y1 - margin && position.y <= view.y2 + margin;
}

/**
 * The WebGL renderer draws every label into its texture atlases, whatever the zoom: on a
 * 10,000-actor map that is seconds of text drawing and hundreds of MB of textures before the
 * first frame, for labels under a pixel high. This keeps its own visibility test and adds the
 * canvas renderer's `min-zoomed-font-size` rule, and leaves out node labels far off screen, so
 * zooming in draws the few names in view, not all of them.
 */
export function skipUnreadableLabels(cy: cytoscape.Core, renderer: WebglRenderer): void {
	let viewKey = '';
	let view: View = { x1: 0, y1: 0, x2: 0, y2: 0 };
	// The view changes per frame at most, while the test runs per label: read it once per change.
	const currentView = (): View => {
		const pan = cy.pan();
		const key = `${pan.x} ${pan.y} ${cy.zoom()} ${cy.width()} ${cy.height()}`;
		if (key !== viewKey) {
			viewKey = key;
			view = cy.extent();
		}
		return view;
	};
	for (const type of LABEL_TEXTURE_TYPES) {
		const options = renderer.drawing.atlasManager.getRenderTypeOpts(type);
		if (!options) continue;
		const ownTest = options.isVisible;
		options.isVisible = (element) => {
			if (!renderer.eleTextBiggerThanMin(element)) return false;
			if (element.isNode() && !nearView(element.position(), currentView(), LABEL_VIEW_MARGIN_PX / cy.zoom())) return false;
			return ownTest ? ownTest(element) : true;
		};
	}
}
