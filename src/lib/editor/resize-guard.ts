// Keeps Cytoscape from redrawing the whole map when something about its container changes but not its size.
import type cytoscape from 'cytoscape';

/**
 * Cytoscape calls `cy.resize()` when its container is first observed and on every attribute change
 * of it (a MutationObserver), such as the actor count the page writes into `data-actors`; each call
 * redraws every element, seconds of work for a large map in software WebGL. This lets a resize
 * through only when the container's size has changed since the last one.
 */
export function resizeOnlyWhenSized(cy: cytoscape.Core, container: HTMLElement): void {
	const resize = cy.resize.bind(cy);
	let size = `${container.clientWidth}×${container.clientHeight}`;
	cy.resize = () => {
		const now = `${container.clientWidth}×${container.clientHeight}`;
		if (now === size) return cy;
		size = now;
		return resize();
	};
}
