// The few internals of Cytoscape 3.35's WebGL renderer the editor adjusts, typed and found in one place (null when absent).
import type cytoscape from 'cytoscape';

/** One texture render type of the WebGL renderer (node labels, link labels). */
export interface WebglTextureType {
	isVisible?: (element: cytoscape.SingularElementReturnValue) => boolean;
}

/** The WebGL renderer as seen through `cy.renderer()`: its canvases, draw call and texture types. */
export interface WebglRenderer {
	webgl: true;
	/** Cytoscape's render loop calls this once per frame that needs drawing. */
	render(options?: unknown): void;
	/** Asks for a frame on the next animation frame. */
	redraw(): void;
	/** Whether a label is big enough on screen to draw (the canvas renderer's own test, by `min-zoomed-font-size`). */
	eleTextBiggerThanMin(element: cytoscape.SingularElementReturnValue): boolean;
	data: { canvases: HTMLCanvasElement[]; contexts: unknown[]; canvasNeedsRedraw: boolean[] };
	WEBGL: number;
	NODE: number;
	drawing: { atlasManager: { getRenderTypeOpts(type: string): WebglTextureType | undefined } };
}

/** The texture types that draw text: a node's or link's label and a link's end labels. */
export const LABEL_TEXTURE_TYPES = ['label', 'edge-source-label', 'edge-target-label'] as const;

/** The WebGL renderer of `cy`, or null when Cytoscape draws on a plain canvas or its internals have moved. */
export function webglRenderer(cy: cytoscape.Core): WebglRenderer | null {
	const renderer = (cy as unknown as { renderer(): Partial<WebglRenderer> | undefined }).renderer();
	if (!renderer || renderer.webgl !== true) return null;
	const complete =
		typeof renderer.render === 'function' &&
		typeof renderer.redraw === 'function' &&
		typeof renderer.eleTextBiggerThanMin === 'function' &&
		typeof renderer.WEBGL === 'number' &&
		renderer.data?.canvases?.[renderer.WEBGL] instanceof HTMLCanvasElement &&
		typeof renderer.drawing?.atlasManager?.getRenderTypeOpts === 'function';
	return complete ? (renderer as WebglRenderer) : null;
}
