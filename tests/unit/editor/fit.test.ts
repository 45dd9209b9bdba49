// "Fit" from positions: the graph and the overview frame a map with the same function.
import { describe, expect, it } from 'vitest';
import { fitView, FIT_NODE_MARGIN, FIT_PADDING } from '$lib/editor/fit';
import { MAX_ZOOM, MIN_ZOOM } from '$lib/editor/constants';

describe('fitView', () => {
	it('centres the actors and scales them to the tighter side, with room for bodies and padding', () => {
		const view = fitView([0, 0, 1000, 500], 800, 600);
		const zoom = Math.min((800 - 2 * FIT_PADDING) / (1000 + 2 * FIT_NODE_MARGIN), (600 - 2 * FIT_PADDING) / (500 + 2 * FIT_NODE_MARGIN));
		expect(view.zoom).toBeCloseTo(zoom, 10);
		// The box's centre (500, 250) lands on the canvas's centre.
		expect(500 * view.zoom + view.pan.x).toBeCloseTo(400, 10);
		expect(250 * view.zoom + view.pan.y).toBeCloseTo(300, 10);
	});

	it('keeps the zoom within the editor limits', () => {
		expect(fitView([0, 0], 800, 600).zoom).toBe(MAX_ZOOM);
		expect(fitView([-1e6, -1e6, 1e6, 1e6], 800, 600).zoom).toBe(MIN_ZOOM);
	});

	it('shows the origin at zoom 1 when there are no actors', () => {
		expect(fitView([], 800, 600)).toEqual({ zoom: 1, pan: { x: 400, y: 300 } });
	});
});
