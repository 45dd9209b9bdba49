// Elements whose box Cytoscape's WebGL renderer computes while drawing are not queued for a second,
// identical rendered-style pass; elements changed at any other time still are.
import { describe, it, expect } from 'vitest';
import cytoscape from 'cytoscape';
import { ignoreBoundsEchoOfDrawing } from '$lib/editor/bounds-echo';
import type { WebglRenderer } from '$lib/editor/webgl-internals';

type Internal = { _private: { rstyle: { clean?: boolean; cleanConnected?: boolean } } };
const rstyle = (element: cytoscape.CollectionReturnValue) => (element[0] as unknown as Internal)._private.rstyle;

function setUp() {
	const cy = cytoscape({
		headless: true,
		elements: [
			{ group: 'nodes', data: { id: 'a' }, position: { x: 0, y: 0 } },
			{ group: 'nodes', data: { id: 'b' }, position: { x: 50, y: 0 } }
		]
	});
	// Cytoscape's renderer marks an element dirty when it hears 'bounds' (rendered-style.mjs); the
	// stand-in does the same, and its draw computes a's box for the first time, which announces it.
	cy.on('bounds', (event) => {
		const state = rstyle(event.target);
		state.clean = false;
		state.cleanConnected = false;
	});
	const draws: number[] = [];
	const renderer = {
		render() {
			draws.push(draws.length);
			cy.$id('a').emit('bounds');
		}
	} as unknown as WebglRenderer;
	const stop = ignoreBoundsEchoOfDrawing(cy, renderer);
	return { cy, renderer, draws, stop };
}

describe('ignoreBoundsEchoOfDrawing', () => {
	it('leaves what the draw itself announced clean, and still draws', () => {
		const { cy, renderer, draws } = setUp();
		rstyle(cy.$id('a')).clean = true;
		renderer.render();
		expect(draws).toEqual([0]);
		expect(rstyle(cy.$id('a'))).toMatchObject({ clean: true, cleanConnected: true });
	});

	it('keeps changes outside a draw dirty, as Cytoscape marked them', () => {
		const { cy, renderer } = setUp();
		renderer.render();
		cy.$id('b').position({ x: 90, y: 10 });
		cy.$id('b').emit('bounds');
		expect(rstyle(cy.$id('b')).clean).toBe(false);
	});

	it('gives the renderer its own draw back when stopped', () => {
		const { cy, renderer, stop } = setUp();
		stop();
		renderer.render();
		expect(rstyle(cy.$id('a')).clean).toBe(false);
	});
});
