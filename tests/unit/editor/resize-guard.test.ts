// Cytoscape resizes (and redraws every element) only when its container's size has changed, not on every attribute change of it.
import { describe, it, expect } from 'vitest';
import cytoscape from 'cytoscape';
import { resizeOnlyWhenSized } from '$lib/editor/resize-guard';

describe('resizeOnlyWhenSized', () => {
	it('lets a resize through only after the container changed size', () => {
		const cy = cytoscape({ headless: true });
		const container = { clientWidth: 800, clientHeight: 600 };
		resizeOnlyWhenSized(cy, container as HTMLElement);
		let resizes = 0;
		cy.on('resize', () => resizes++);
		cy.resize();
		expect(resizes).toBe(0);
		container.clientHeight = 550;
		cy.resize();
		cy.resize();
		expect(resizes).toBe(1);
	});
});
