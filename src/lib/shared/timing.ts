// Named stages of opening a map, as User Timing marks (`kartta:<stage>`): they show in the browser's
// performance panel, and the large-map benchmark (bench/large-map/browser.ts) reads them back to say
// where the time to first render goes. A mark costs microseconds; outside a browser it is skipped.

export type OpeningStage =
	| 'session'
	| 'overview'
	| 'synced'
	| 'graph-code'
	| 'cytoscape'
	| 'elements'
	| 'view'
	| 'graph'
	| 'ready';

export function markStage(stage: OpeningStage): void {
	if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`kartta:${stage}`);
}
