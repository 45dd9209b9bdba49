// Viewport limits and steps, apart from graph.ts so components can use them without loading Cytoscape.
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;
/** One press of zoom in/out scales by this much. */
export const ZOOM_STEP = 1.25;
