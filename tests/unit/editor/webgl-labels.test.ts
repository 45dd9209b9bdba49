// In WebGL mode labels follow the canvas renderer's rules: none below a readable size, and none for actors far off screen.
import { describe, it, expect } from 'vitest';
import cytoscape from 'cytoscape';
import { nearView, skipUnreadableLabels } from '$lib/editor/webgl-labels';
import type { WebglRenderer, WebglTextureType } from '$lib/editor/webgl-internals';

function setUp(readable: boolean) {
	const cy = cytoscape({
		headless: true,
		layout: { name: 'preset' },
		elements: [
			{ group: 'nodes', data: { id: 'near' }, position: { x: 0, y: 0 } },
			{ group: 'nodes', data: { id: 'far' }, position: { x: 100_000, y: 0 } },
			{ group: 'edges', data: { id: 'link', source: 'near', target: 'far' } }
		]
	});
	cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
	const types = new Map<string, WebglTextureType>([
		['label', { isVisible: (element) => element.id() !== 'hidden-by-cytoscape' }],
		['edge-source-label', {}],
		['edge-target-label', {}]
	]);
	const renderer = {
		eleTextBiggerThanMin: () => readable,
		drawing: { atlasManager: { getRenderTypeOpts: (type: string) => types.get(type) } }
	} as unknown as WebglRenderer;
	skipUnreadableLabels(cy, renderer);
	const shows = (type: string, id: string) => types.get(type)!.isVisible!(cy.getElementById(id));
	return { shows };
}

describe('nearView', () => {
	it('counts a point within the margin around the view as near', () => {
		const view = { x1: 0, y1: 0, x2: 100, y2: 100 };
		expect(nearView({ x: 120, y: 50 }, view, 30)).toBe(true);
		expect(nearView({ x: 140, y: 50 }, view, 30)).toBe(false);
		expect(nearView({ x: 50, y: -31 }, view, 30)).toBe(false);
	});
});

describe('skipUnreadableLabels', () => {
	it('draws readable labels of actors in view and of links', () => {
		const { shows } = setUp(true);
		expect(shows('label', 'near')).toBe(true);
		expect(shows('label', 'link')).toBe(true);
		expect(shows('edge-source-label', 'link')).toBe(true);
	});

	it('leaves out the labels of actors far off screen', () => {
		const { shows } = setUp(true);
		expect(shows('label', 'near')).toBe(true);
		expect(shows('label', 'far')).toBe(false);
	});

	it('leaves out every label too small to read', () => {
		const { shows } = setUp(false);
		expect(shows('label', 'near')).toBe(false);
		expect(shows('label', 'link')).toBe(false);
		expect(shows('edge-target-label', 'link')).toBe(false);
	});
});
