// Rasterises a map's overview (src/lib/map/overview.ts) into RGBA pixels: links as one-pixel lines,
// actors as their kind's shape and colour with the white ring, framed as the graph's "fit" frames
// them, so the live graph replaces it without a jump. No labels: at a large map's fitted zoom the
// graph draws none either. Plain array work, no canvas: it runs in a worker, and without a GPU a
// canvas there waits seconds on the busy software GPU; 20,000 links take about 150 ms this way.
import { ACTOR_KINDS, LINK_KINDS } from '$lib/map/schema';
import type { MapOverview } from '$lib/map/overview';
import { fitView, type Viewport } from '../fit';
import { ACTOR_LOOKS, LINK_LOOKS, LINK_WIDTH, NODE_RING_WIDTH, NODE_SIZE, UNKNOWN_ACTOR_LOOK, UNKNOWN_LINK_LOOK } from '../style';
import { polygonPoints } from '../shapes';
import { hexChannels } from '../colour';

/** Lines thinner than a pixel are drawn one pixel wide and this faint at the least. */
const MIN_LINE_ALPHA = 0.35;
/** Below this radius (px) an actor's shape cannot be made out: it is a square of its colour. */
const MIN_SHAPE_RADIUS_PX = 3;

type Rgb = readonly [number, number, number];
const WHITE: Rgb = [255, 255, 255];

export interface OverviewPixels {
	/** RGBA, row by row, `width` × `height` (device px). */
	pixels: Uint8ClampedArray;
	width: number;
	height: number;
	/** The view (CSS px) the map was framed with: the graph's fit of the same actors. */
	view: Viewport;
}

/** True when (x, y) lies inside the polygon (x0, y0, x1, …) scaled by `scale` (even-odd rule). */
function insidePolygon(outline: readonly number[], scale: number, x: number, y: number): boolean {
	let inside = false;
	for (let i = 0, j = outline.length - 2; i < outline.length; j = i, i += 2) {
		const xi = outline[i]! * scale;
		const yi = outline[i + 1]! * scale;
		const xj = outline[j]! * scale;
		const yj = outline[j + 1]! * scale;
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

class Raster {
	readonly pixels: Uint8ClampedArray;
	readonly width: number;
	readonly height: number;

	constructor(width: number, height: number) {
		this.width = width;
		this.height = height;
		this.pixels = new Uint8ClampedArray(width * height * 4).fill(255);
	}

	#blend(px: number, py: number, colour: Rgb, alpha: number): void {
		if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
		const p = this.pixels;
		const at = (py * this.width + px) * 4;
		p[at] = p[at]! + (colour[0] - p[at]!) * alpha;
		p[at + 1] = p[at + 1]! + (colour[1] - p[at + 1]!) * alpha;
		p[at + 2] = p[at + 2]! + (colour[2] - p[at + 2]!) * alpha;
	}

	/** A one-pixel line (DDA), blended over what is there. */
	line(x0: number, y0: number, x1: number, y1: number, colour: Rgb, alpha: number): void {
		// Ends far off the image (not in a fitted view) are not walked pixel by pixel.
		const limit = 4 * (this.width + this.height);
		const steps = Math.min(limit, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
		if (!Number.isFinite(steps)) return;
		const dx = steps === 0 ? 0 : (x1 - x0) / steps;
		const dy = steps === 0 ? 0 : (y1 - y0) / steps;
		for (let step = 0, x = x0, y = y0; step <= steps; step++, x += dx, y += dy) this.#blend(Math.floor(x), Math.floor(y), colour, alpha);
	}

	/** A filled square of `side` px centred on (x, y). */
	square(x: number, y: number, side: number, colour: Rgb): void {
		const left = Math.round(x - side / 2);
		const top = Math.round(y - side / 2);
		for (let row = top; row < top + side; row++) for (let column = left; column < left + side; column++) this.#blend(column, row, colour, 1);
	}

	/** An actor's shape (null: a circle) of `radius` px around (x, y), in `colour`, with a `ring` px white ring. */
	shape(x: number, y: number, radius: number, ring: number, outline: readonly number[] | null, colour: Rgb): void {
		const outer = radius + ring;
		const reach = Math.ceil(outer);
		const cx = Math.round(x);
		const cy = Math.round(y);
		for (let dy = -reach; dy <= reach; dy++) {
			for (let dx = -reach; dx <= reach; dx++) {
				// The pixel's offset from the actor's centre.
				const px = dx - (x - cx);
				const py = dy - (y - cy);
				const within = (scale: number) => (outline === null ? px * px + py * py <= scale * scale : insidePolygon(outline, scale, px, py));
				if (within(radius)) this.#blend(cx + dx, cy + dy, colour, 1);
				else if (ring > 0 && within(outer)) this.#blend(cx + dx, cy + dy, WHITE, 1);
			}
		}
	}
}

/** The overview as pixels for a canvas of `width` × `height` CSS px with `ratio` device px per CSS px. */
export function rasterOverview(overview: MapOverview, width: number, height: number, ratio = 1): OverviewPixels {
	const view = fitView(overview.positions, width, height);
	const { zoom, pan } = view;
	const { positions, links } = overview;
	const raster = new Raster(Math.max(1, Math.round(width * ratio)), Math.max(1, Math.round(height * ratio)));
	const screenX = (actor: number) => (positions[actor * 2]! * zoom + pan.x) * ratio;
	const screenY = (actor: number) => (positions[actor * 2 + 1]! * zoom + pan.y) * ratio;

	// Links first: the graph draws them under the actors.
	const linkAlpha = Math.min(1, Math.max(LINK_WIDTH * zoom * ratio, MIN_LINE_ALPHA));
	const linkColours = [UNKNOWN_LINK_LOOK, ...LINK_KINDS.map((kind) => LINK_LOOKS[kind])].map((look) => hexChannels(look.colour));
	for (let i = 0; i < overview.linkKinds.length; i++) {
		const colour = linkColours[overview.linkKinds[i]! + 1]!;
		raster.line(screenX(links[i * 2]!), screenY(links[i * 2]!), screenX(links[i * 2 + 1]!), screenY(links[i * 2 + 1]!), colour, linkAlpha);
	}

	const radius = (NODE_SIZE * zoom * ratio) / 2;
	const ring = NODE_RING_WIDTH * zoom * ratio;
	const looks = [UNKNOWN_ACTOR_LOOK, ...ACTOR_KINDS.map((kind) => ACTOR_LOOKS[kind])];
	const colours = looks.map((look) => hexChannels(look.colour));
	const outlines = looks.map((look) => polygonPoints(look.shape));
	const side = Math.max(1, Math.round(radius * 2));
	for (let actor = 0; actor < overview.actorKinds.length; actor++) {
		const look = overview.actorKinds[actor]! + 1;
		if (radius < MIN_SHAPE_RADIUS_PX) raster.square(screenX(actor), screenY(actor), side, colours[look]!);
		else raster.shape(screenX(actor), screenY(actor), radius, ring, outlines[look]!, colours[look]!);
	}
	return { pixels: raster.pixels, width: raster.width, height: raster.height, view };
}
