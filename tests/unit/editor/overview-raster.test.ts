// The overview's pixels: actors and links where the graph's "fit" would draw them, in their kinds' colours.
import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, LINK_KINDS, type MapOverview } from '$lib/map';
import { rasterOverview } from '$lib/editor/overview/raster';
import { ACTOR_LOOKS, LINK_LOOKS } from '$lib/editor/style';

function rgbOf(hex: string): number[] {
	const value = Number.parseInt(hex.slice(1), 16);
	return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function pixelAt(raster: ReturnType<typeof rasterOverview>, x: number, y: number): number[] {
	const at = (Math.floor(y) * raster.width + Math.floor(x)) * 4;
	return [...raster.pixels.slice(at, at + 3)];
}

/** Two actors far apart, one link between them. */
function twoActors(kind: number, linkKind: number): MapOverview {
	return { version: 1, positions: [0, 0, 4000, 0], actorKinds: [kind, kind], links: [0, 1], linkKinds: [linkKind] };
}

describe('rasterOverview', () => {
	it('draws actors at their fitted places in their kind colour, on white elsewhere', () => {
		const company = ACTOR_KINDS.indexOf('company');
		const raster = rasterOverview(twoActors(company, 0), 800, 400);
		expect([raster.width, raster.height]).toEqual([800, 400]);
		const { zoom, pan } = raster.view;
		const colour = rgbOf(ACTOR_LOOKS.company.colour);
		expect(pixelAt(raster, 0 * zoom + pan.x, pan.y)).toEqual(colour);
		expect(pixelAt(raster, 4000 * zoom + pan.x, pan.y)).toEqual(colour);
		expect(pixelAt(raster, 5, 5)).toEqual([255, 255, 255]);
	});

	it('draws a link between its actors, tinted with its kind colour', () => {
		const funding = LINK_KINDS.indexOf('funding');
		const raster = rasterOverview(twoActors(0, funding), 800, 400);
		const { zoom, pan } = raster.view;
		const middle = pixelAt(raster, 2000 * zoom + pan.x, pan.y);
		expect(middle).not.toEqual([255, 255, 255]);
		// A thin line is blended over the white: each channel lies between white and the kind's colour.
		const target = rgbOf(LINK_LOOKS.funding.colour);
		middle.forEach((channel, i) => expect(channel).toBeGreaterThanOrEqual(target[i]! - 1));
		// Off the line stays white.
		expect(pixelAt(raster, 2000 * zoom + pan.x, pan.y + 50)).toEqual([255, 255, 255]);
	});

	it('draws shapes once actors are big enough to tell them apart, with their white ring', () => {
		// One actor alone is shown at the largest zoom: a triangle 120 px wide.
		const education = ACTOR_KINDS.indexOf('education');
		const raster = rasterOverview({ version: 1, positions: [0, 0], actorKinds: [education], links: [], linkKinds: [] }, 400, 400);
		const { zoom, pan } = raster.view;
		const colour = rgbOf(ACTOR_LOOKS.education.colour);
		const half = (30 * zoom) / 2;
		// Inside near the base, and the top corners of its box are outside the triangle.
		expect(pixelAt(raster, pan.x, pan.y + half * 0.6)).toEqual(colour);
		expect(pixelAt(raster, pan.x - half * 0.9, pan.y - half * 0.9)).toEqual([255, 255, 255]);
	});

	it('scales to the device pixel ratio', () => {
		const raster = rasterOverview(twoActors(0, 0), 300, 200, 2);
		expect([raster.width, raster.height]).toEqual([600, 400]);
		expect(raster.pixels).toHaveLength(600 * 400 * 4);
	});
});
