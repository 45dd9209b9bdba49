// Large maps switch Cytoscape to its WebGL renderer when the browser has WebGL 2, and fall back quietly when not.
import { describe, it, expect } from 'vitest';
import { renderingOptions, WEBGL_ELEMENT_THRESHOLD } from '$lib/editor/renderer';

describe('renderingOptions', () => {
	it('keeps the canvas renderer for ordinary maps', () => {
		expect(renderingOptions(WEBGL_ELEMENT_THRESHOLD, () => true)).toEqual({});
	});

	it('uses WebGL above the threshold when available', () => {
		expect(renderingOptions(WEBGL_ELEMENT_THRESHOLD + 1, () => true)).toEqual({ webgl: true });
	});

	it('falls back to lighter canvas drawing without WebGL', () => {
		expect(renderingOptions(WEBGL_ELEMENT_THRESHOLD + 1, () => false)).toEqual({ hideEdgesOnViewport: true });
	});
});
