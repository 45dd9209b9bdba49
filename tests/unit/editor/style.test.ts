// The map's visual language: every kind has its own shape or line pattern (never colour alone), and every colour meets WCAG contrast.
import { describe, it, expect } from 'vitest';
import { ACTOR_KINDS, LINK_KINDS } from '$lib/map';
import { ACTOR_LOOKS, LINK_LOOKS, UNKNOWN_ACTOR_LOOK, UNKNOWN_LINK_LOOK, actorLook, legendEntries, linkLook, stylesheet } from '$lib/editor/style';
import { contrastRatio, GRAPHICS_CONTRAST, textColourOn, TEXT_CONTRAST } from '$lib/editor/colour';

const CANVAS = '#ffffff';

describe('actor and link looks', () => {
	it('gives every actor kind a shape of its own', () => {
		const shapes = ACTOR_KINDS.map((kind) => ACTOR_LOOKS[kind].shape);
		expect(new Set(shapes).size).toBe(ACTOR_KINDS.length);
	});

	it('gives every link kind its own line pattern and arrowhead combination', () => {
		const patterns = LINK_KINDS.map((kind) => `${LINK_LOOKS[kind].line}/${LINK_LOOKS[kind].arrow}`);
		expect(new Set(patterns).size).toBe(LINK_KINDS.length);
		expect(new Set(LINK_KINDS.map((kind) => LINK_LOOKS[kind].arrow)).size).toBe(LINK_KINDS.length);
	});

	it('draws every colour at 3:1 or more against the canvas (WCAG 1.4.11)', () => {
		const colours = [
			...Object.values(ACTOR_LOOKS).map((look) => look.colour),
			...Object.values(LINK_LOOKS).map((look) => look.colour),
			UNKNOWN_ACTOR_LOOK.colour,
			UNKNOWN_LINK_LOOK.colour
		];
		for (const colour of colours) expect(contrastRatio(colour, CANVAS), colour).toBeGreaterThanOrEqual(GRAPHICS_CONTRAST);
	});

	it('falls back to a plain look for kinds from a newer client', () => {
		expect(actorLook('quantum_lab')).toBe(UNKNOWN_ACTOR_LOOK);
		expect(linkLook('telepathy')).toBe(UNKNOWN_LINK_LOOK);
		expect(actorLook('rdi')).toBe(ACTOR_LOOKS.rdi);
	});

	it('styles each kind in the stylesheet', () => {
		const selectors = stylesheet().map((block) => block.selector);
		for (const kind of ACTOR_KINDS) expect(selectors).toContain(`node[kind = "${kind}"]`);
		for (const kind of LINK_KINDS) expect(selectors).toContain(`edge[kind = "${kind}"]`);
	});

	it('lists every kind in the legend, in schema order', () => {
		const { actors, links } = legendEntries();
		expect(actors.map((entry) => entry.kind)).toEqual([...ACTOR_KINDS]);
		expect(links.map((entry) => entry.kind)).toEqual([...LINK_KINDS]);
	});
});

describe('colour arithmetic', () => {
	it('matches the WCAG reference values', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
	});

	it('picks badge text that reads at 4.5:1 on any colour', () => {
		for (const background of ['#c2185b', '#1565c0', '#2e7d32', '#6a1b9a', '#ad1457', '#00695c', '#d84315', '#4527a0', '#ffeb3b', '#777777', '#808080', '#ff0000']) {
			expect(contrastRatio(textColourOn(background), background)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
		}
	});
});
