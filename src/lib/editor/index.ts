// Public API of the editor's Cytoscape binding (browser only; import it dynamically from pages).
export { MapGraph } from './graph';
export { MIN_ZOOM, MAX_ZOOM, ZOOM_STEP } from './constants';
export type { GraphOptions } from './graph';
export { CURSOR_CLASS } from './cursors';
