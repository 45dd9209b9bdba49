// "Fit": the view that shows every actor, computed from positions alone, so the graph and the
// overview drawn before it (overview/draw.ts) frame a map identically.
import { MAX_ZOOM, MIN_ZOOM } from './constants';

/** Space (px) left around the map by "fit". */
export const FIT_PADDING = 40;
/** Room (model units) "fit" leaves around actors' centres for their bodies: about a default node. */
export const FIT_NODE_MARGIN = 30;

export interface Viewport {
	zoom: number;
	pan: { x: number; y: number };
}

/**
 * The view that fits actors at these centres (x0, y0, x1, …) into a `width` × `height` canvas, as
 * Cytoscape's fit() does for a box: zoom clamped to the editor's limits, the box centred. With no
 * actors, zoom 1 around the model origin.
 */
export function fitView(positions: ArrayLike<number>, width: number, height: number): Viewport {
	if (positions.length < 2) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
	let x1 = Infinity;
	let y1 = Infinity;
	let x2 = -Infinity;
	let y2 = -Infinity;
	for (let i = 0; i + 1 < positions.length; i += 2) {
		const x = positions[i]!;
		const y = positions[i + 1]!;
		if (x < x1) x1 = x;
		if (x > x2) x2 = x;
		if (y < y1) y1 = y;
		if (y > y2) y2 = y;
	}
	x1 -= FIT_NODE_MARGIN;
	y1 -= FIT_NODE_MARGIN;
	x2 += FIT_NODE_MARGIN;
	y2 += FIT_NODE_MARGIN;
	const fitted = Math.min((width - 2 * FIT_PADDING) / (x2 - x1), (height - 2 * FIT_PADDING) / (y2 - y1));
	const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Number.isFinite(fitted) && fitted > 0 ? fitted : 1));
	return { zoom, pan: { x: (width - zoom * (x1 + x2)) / 2, y: (height - zoom * (y1 + y2)) / 2 } };
}
