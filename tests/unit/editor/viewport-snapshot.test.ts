// While full WebGL frames are slow, a pan or zoom moves the last frame instead of drawing every element, and the map is drawn anew once the view rests.
import { describe, it, expect, vi, afterEach } from 'vitest';
import cytoscape from 'cytoscape';
import { FRAME_BUDGET_MS, VIEW_REST_MS, ViewportSnapshot, snapshotTransform, type FrameClock } from '$lib/editor/viewport-snapshot';
import type { WebglRenderer } from '$lib/editor/webgl-internals';

/** A stand-in for Cytoscape's WebGL renderer: counts the frames it really draws. */
function fakeRenderer() {
	const canvas = { style: { transform: '', transformOrigin: '' } };
	const renderer = {
		webgl: true,
		drawn: 0,
		WEBGL: 3,
		NODE: 2,
		data: { canvases: [null, null, null, canvas], contexts: [], canvasNeedsRedraw: [false, false, true, false] },
		render() {
			if (!this.data.canvasNeedsRedraw[this.NODE]) return;
			this.data.canvasNeedsRedraw[this.NODE] = false;
			this.drawn++;
		},
		redraw() {}
	};
	return { renderer, canvas, asWebgl: renderer as unknown as WebglRenderer };
}

/** Frames are finished when the test says, `frameMs` after they were drawn. */
function fakeClock() {
	let time = 0;
	const pending: (() => void)[] = [];
	const clock: FrameClock = { now: () => time, whenDrawn: (callback) => void pending.push(callback) };
	return {
		clock,
		frame(frameMs: number) {
			time += frameMs;
			for (const callback of pending.splice(0)) callback();
		}
	};
}

function setUp(lastFrameMs: number) {
	vi.useFakeTimers();
	const cy = cytoscape({ headless: true });
	const { renderer, canvas, asWebgl } = fakeRenderer();
	const { clock, frame } = fakeClock();
	const ownDraw = asWebgl.render;
	const snapshot = new ViewportSnapshot(cy, asWebgl, clock);
	// Cytoscape's loop draws the first frame; it is finished `lastFrameMs` later.
	asWebgl.render();
	frame(lastFrameMs);
	const pan = (dx: number) => {
		cy.panBy({ x: dx, y: 0 });
		renderer.data.canvasNeedsRedraw[renderer.NODE] = true;
		asWebgl.render();
	};
	return { cy, renderer, canvas, asWebgl, snapshot, pan, ownDraw };
}

afterEach(() => {
	vi.useRealTimers();
});

describe('snapshotTransform', () => {
	it('puts a point drawn at one view where another view shows it', () => {
		const drawn = { pan: { x: 10, y: 20 }, zoom: 0.5 };
		const now = { pan: { x: -30, y: 45 }, zoom: 1 };
		const model = { x: 100, y: 60 };
		const onFrame = { x: model.x * drawn.zoom + drawn.pan.x, y: model.y * drawn.zoom + drawn.pan.y };
		const match = /translate\((.+)px, (.+)px\) scale\((.+)\)/.exec(snapshotTransform(drawn, now))!;
		const [x, y, scale] = match.slice(1).map(Number) as [number, number, number];
		expect(onFrame.x * scale + x).toBeCloseTo(model.x * now.zoom + now.pan.x);
		expect(onFrame.y * scale + y).toBeCloseTo(model.y * now.zoom + now.pan.y);
	});
});

describe('ViewportSnapshot', () => {
	it('draws every frame of a pan while full frames keep up', () => {
		const { renderer, canvas, pan, snapshot } = setUp(FRAME_BUDGET_MS / 2);
		pan(10);
		pan(10);
		expect(renderer.drawn).toBe(3);
		expect(snapshot.moving).toBe(false);
		expect(canvas.style.transform).toBe('');
	});

	it('moves the last frame while full frames are slow, and draws once the view rests', () => {
		const { renderer, canvas, pan, snapshot, asWebgl } = setUp(FRAME_BUDGET_MS * 10);
		pan(10);
		pan(15);
		expect(renderer.drawn).toBe(1);
		expect(snapshot.moving).toBe(true);
		expect(canvas.style.transform).toBe('translate(25px, 0px) scale(1)');
		vi.advanceTimersByTime(VIEW_REST_MS);
		expect(snapshot.moving).toBe(false);
		asWebgl.render();
		expect(renderer.drawn).toBe(2);
		expect(canvas.style.transform).toBe('');
	});

	it('still draws an image of the map (export) while moving a snapshot', () => {
		const { asWebgl, snapshot, pan, renderer } = setUp(FRAME_BUDGET_MS * 10);
		pan(10);
		expect(snapshot.moving).toBe(true);
		renderer.data.canvasNeedsRedraw[renderer.NODE] = true;
		asWebgl.render({ forcedContext: {} });
		expect(renderer.drawn).toBe(2);
	});

	it('gives the renderer its own draw back when destroyed', () => {
		const { asWebgl, snapshot, renderer, pan, ownDraw } = setUp(FRAME_BUDGET_MS * 10);
		snapshot.destroy();
		pan(10);
		expect(renderer.drawn).toBe(2);
		expect(asWebgl.render).toBe(ownDraw);
	});
});
