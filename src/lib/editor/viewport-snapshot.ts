// While the view pans or zooms, moves the last WebGL frame with a CSS transform instead of redrawing every element, then redraws once the view rests; only when full frames are too slow to follow the pointer.
import type cytoscape from 'cytoscape';
import type { WebglRenderer } from './webgl-internals';

/**
 * The view is at rest after this long without a pan or zoom; the map is then drawn anew. Longer than
 * a slow frame of the moving snapshot, so a pan in progress is not interrupted by a full draw.
 */
export const VIEW_REST_MS = 250;
/** A full frame slower than this (30 fps) makes the next pan or zoom move a snapshot instead. */
export const FRAME_BUDGET_MS = 1000 / 30;

export interface ViewState {
	pan: cytoscape.Position;
	zoom: number;
}

/** The CSS transform that puts a frame drawn at `drawn` where the view `now` shows it (origin top left). */
export function snapshotTransform(drawn: ViewState, now: ViewState): string {
	const scale = now.zoom / drawn.zoom;
	const x = now.pan.x - drawn.pan.x * scale;
	const y = now.pan.y - drawn.pan.y * scale;
	return `translate(${x}px, ${y}px) scale(${scale})`;
}

/** Time, and when a frame has really been drawn; replaceable in tests. */
export interface FrameClock {
	now(): number;
	/** Calls back once what has been drawn so far is finished. */
	whenDrawn(callback: () => void): void;
}

/**
 * The browser's clock. A frame counts as drawn when a WebGL fence placed after it has passed, polled
 * once an animation frame: the page's next frame can come long before software WebGL has finished.
 */
export function browserClock(gl: WebGL2RenderingContext | null): FrameClock {
	return {
		now: () => performance.now(),
		whenDrawn(callback) {
			const fence = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0) ?? null;
			if (!gl || !fence) return void requestAnimationFrame(() => callback());
			gl.flush();
			const poll = () => {
				if (gl.isContextLost()) return;
				if (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) return void requestAnimationFrame(poll);
				gl.deleteSync(fence);
				callback();
			};
			requestAnimationFrame(poll);
		}
	};
}

/**
 * Cytoscape's own `textureOnViewport` does this for its canvas renderer only; its WebGL renderer
 * redraws every element on every frame of a pan. With software WebGL (no GPU) a 10,000-actor map
 * takes seconds per frame, so the view would jump a few times a minute; moving the last frame on
 * the compositor follows the pointer at the display's rate, with empty margins and a blurry zoom
 * until the view rests. Where full frames keep up (a GPU), nothing changes.
 */
export class ViewportSnapshot {
	readonly #cy: cytoscape.Core;
	readonly #renderer: WebglRenderer;
	readonly #canvas: HTMLCanvasElement;
	readonly #draw: WebglRenderer['render'];
	readonly #clock: FrameClock;
	/** The view the frame on screen was drawn at (null before the first frame). */
	#drawn: ViewState | null = null;
	/** How long the last full frame took, from drawing until it was drawn. */
	#frameMs = 0;
	#moving = false;
	#restTimer: ReturnType<typeof setTimeout> | null = null;
	readonly #onViewport = () => this.#follow();

	constructor(cy: cytoscape.Core, renderer: WebglRenderer, clock?: FrameClock) {
		this.#cy = cy;
		this.#renderer = renderer;
		this.#canvas = renderer.data.canvases[renderer.WEBGL]!;
		this.#canvas.style.transformOrigin = '0 0';
		this.#clock = clock ?? browserClock(renderer.data.contexts[renderer.WEBGL] as WebGL2RenderingContext | null);
		this.#draw = renderer.render;
		renderer.render = (options) => this.#render(options);
		cy.on('viewport', this.#onViewport);
	}

	/** True while a pan or zoom is shown by moving the last frame. */
	get moving(): boolean {
		return this.#moving;
	}

	destroy(): void {
		this.#cy.off('viewport', this.#onViewport);
		if (this.#restTimer !== null) clearTimeout(this.#restTimer);
		this.#renderer.render = this.#draw;
	}

	#render(options: unknown): void {
		// An image of the map (PNG export) is drawn into a context of its own and always wanted.
		if ((options as { forcedContext?: unknown } | undefined)?.forcedContext) return this.#draw.call(this.#renderer, options);
		// The moved snapshot stands in until the view rests.
		if (this.#moving) return;
		const drawsElements = this.#renderer.data.canvasNeedsRedraw[this.#renderer.NODE] === true;
		this.#draw.call(this.#renderer, options);
		if (!drawsElements) return;
		this.#drawn = { pan: { ...this.#cy.pan() }, zoom: this.#cy.zoom() };
		this.#canvas.style.transform = '';
		// With software WebGL the frame is finished seconds after this call returns.
		const start = this.#clock.now();
		this.#clock.whenDrawn(() => (this.#frameMs = this.#clock.now() - start));
	}

	#follow(): void {
		if (!this.#moving) {
			if (this.#drawn === null || this.#frameMs <= FRAME_BUDGET_MS) return;
			this.#moving = true;
		}
		this.#canvas.style.transform = snapshotTransform(this.#drawn!, { pan: this.#cy.pan(), zoom: this.#cy.zoom() });
		if (this.#restTimer !== null) clearTimeout(this.#restTimer);
		this.#restTimer = setTimeout(() => this.#rest(), VIEW_REST_MS);
	}

	#rest(): void {
		this.#restTimer = null;
		this.#moving = false;
		// Frames skipped while moving left their redraw flags set; ask for the frame itself.
		this.#cy.forceRender();
	}
}
