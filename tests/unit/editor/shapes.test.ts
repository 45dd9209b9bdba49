// Legend drawings: each shape and arrowhead produces valid SVG geometry inside its box.
import { describe, it, expect } from 'vitest';
import { arrowPath, cytoscapePolygon, svgPoints, type LegendShape } from '$lib/editor/shapes';
import { ACTOR_LOOKS, LINK_LOOKS } from '$lib/editor/style';

describe('legend shapes', () => {
	it('draws every actor shape within its radius', () => {
		for (const { shape } of Object.values(ACTOR_LOOKS)) {
			const points = svgPoints(shape as LegendShape, 10);
			if (shape === 'ellipse') {
				expect(points).toBeNull();
				continue;
			}
			const numbers = points!.split(/[ ,]/).map(Number);
			expect(numbers.length % 2, shape).toBe(0);
			for (const n of numbers) expect(Math.abs(n), shape).toBeLessThanOrEqual(10.001);
			// A shape fills its box, as Cytoscape stretches it to the node's size.
			expect(Math.max(...numbers.map(Math.abs)), shape).toBeGreaterThan(9.9);
		}
	});

	it('draws every arrowhead except none, with its tip where asked', () => {
		for (const { arrow } of Object.values(LINK_LOOKS)) {
			const d = arrowPath(arrow, 30, 8, 10);
			if (arrow === 'none') expect(d).toBe('');
			else expect(d, arrow).toMatch(/^M[\d.-]+,[\d.-]+ .*Z$/);
		}
		expect(arrowPath('triangle', 30, 8, 10)).toBe('M30,8 L20,3 L20,13 Z');
	});
});

describe('canvas polygons', () => {
	// Cytoscape's own point-in-polygon test (not in its public exports, hence the file path).
	const CYTOSCAPE_MATH: string = '../../../node_modules/cytoscape/src/math.mjs';
	const math = import(/* @vite-ignore */ CYTOSCAPE_MATH) as Promise<{
		pointInsidePolygon(x: number, y: number, points: number[], cx: number, cy: number, w: number, h: number, direction: number[], padding: number): boolean;
	}>;
	const NODE_SIZE = 30;

	it('lets a click anywhere on the centre column of any shape hit the node', async () => {
		const { pointInsidePolygon } = await math;
		for (const { shape } of Object.values(ACTOR_LOOKS)) {
			const points = cytoscapePolygon(shape as LegendShape);
			if (points === null) continue;
			const numbers = points.split(' ').map(Number);
			for (const padding of [0, 1]) {
				for (let y = -3; y <= 3; y++) {
					expect(pointInsidePolygon(100, 100 + y, numbers, 100, 100, NODE_SIZE, NODE_SIZE, [0, -1], padding), `${shape} y=${y}`).toBe(true);
				}
			}
		}
	});

	it('keeps every polygon inside the [-1, 1] box Cytoscape expects', () => {
		for (const { shape } of Object.values(ACTOR_LOOKS)) {
			for (const v of (cytoscapePolygon(shape as LegendShape) ?? '').split(' ').filter(Boolean).map(Number)) {
				expect(Math.abs(v), shape).toBeLessThanOrEqual(1);
			}
		}
	});
});
