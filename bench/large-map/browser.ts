// Browser half of the large-map benchmark: time from navigation to a complete first render, and
// frames per second while panning with Cytoscape's WebGL renderer, in headless Chromium.
export interface BrowserResult {
	firstRenderMs: number | null;
	panFps: number | null;
	/** Why a number is missing. */
	reason?: string;
	summary: string;
}

export async function measureBrowser(_options: { port: number; mapId: string; cookie: string; actors: number }): Promise<BrowserResult> {
	const reason = 'the editor exposes no render-complete signal yet';
	return { firstRenderMs: null, panFps: null, reason, summary: `not measured: ${reason}` };
}
