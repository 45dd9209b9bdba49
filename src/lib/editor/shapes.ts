// Outlines of the node shapes, in a [-1, 1] box: handed to Cytoscape as custom polygons and drawn by the legend, so both show the same thing.

export type LegendShape = 'ellipse' | 'triangle' | 'diamond' | 'rectangle' | 'hexagon' | 'star' | 'vee' | 'rhomboid';

/** Regular polygon as Cytoscape builds it (first vertex at the top; y grows downwards). */
function regularPolygon(sides: number, rotation = 0): number[] {
	const increment = (2 * Math.PI) / sides;
	const start = (sides % 2 === 0 ? Math.PI / 2 + increment / 2 : Math.PI / 2) + rotation;
	const points: number[] = [];
	for (let i = 0; i < sides; i++) {
		const angle = start + i * increment;
		points.push(Math.cos(angle), Math.sin(-angle));
	}
	return points;
}

/** Stretches a polygon to fill the [-1, 1] box, like Cytoscape fits shapes to the node's width and height. */
function fitToBox(points: number[]): number[] {
	const xs = points.filter((_, i) => i % 2 === 0);
	const ys = points.filter((_, i) => i % 2 === 1);
	const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	return points.map((v, i) =>
		i % 2 === 0 ? ((v - minX) / (maxX - minX)) * 2 - 1 : ((v - minY) / (maxY - minY)) * 2 - 1
	);
}

function star(): number[] {
	const outer = regularPolygon(5);
	// Cytoscape's inner radius for its five-pointed star.
	const innerRadius = 0.5 * (3 - Math.sqrt(5)) * 1.57;
	const inner = regularPolygon(5, Math.PI / 5).map((v) => v * innerRadius);
	const points: number[] = [];
	for (let i = 0; i < 5; i++) points.push(outer[2 * i]!, outer[2 * i + 1]!, inner[2 * i]!, inner[2 * i + 1]!);
	return points;
}

const POLYGONS: Record<Exclude<LegendShape, 'ellipse'>, number[]> = {
	triangle: fitToBox(regularPolygon(3)),
	diamond: [0, 1, 1, 0, 0, -1, -1, 0],
	rectangle: [-1, -1, 1, -1, 1, 1, -1, 1],
	hexagon: fitToBox(regularPolygon(6)),
	star: fitToBox(star()),
	vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
	rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1]
};

/**
 * Cytoscape 3.35 tests clicks with a vertical ray and counts a vertex twice when the ray passes
 * exactly through it: a click straight below a diamond's or star's centre misses the node (at zoom
 * 1 that is the column users aim at). Squeezing x by a hair keeps vertices off whole-pixel columns;
 * the shift (a thousandth of the node's half-width) is invisible.
 */
const HIT_TEST_NUDGE = 1e-3;

/** `shape-polygon-points` for a Cytoscape 'polygon' node; null for the ellipse (a built-in shape). */
export function cytoscapePolygon(shape: LegendShape): string | null {
	if (shape === 'ellipse') return null;
	return POLYGONS[shape]
		.map((v, i) => (i % 2 === 0 ? v * (1 - HIT_TEST_NUDGE) + HIT_TEST_NUDGE / 2 : v))
		.map((v) => Number(v.toFixed(5)))
		.join(' ');
}

/** A polygon shape's outline in the [-1, 1] box (x0, y0, x1, …); null for the ellipse. */
export function polygonPoints(shape: LegendShape): readonly number[] | null {
	return shape === 'ellipse' ? null : POLYGONS[shape];
}

/** SVG `points` for a polygon shape scaled to `radius` around (0, 0); null for the ellipse (draw a circle). */
export function svgPoints(shape: LegendShape, radius: number): string | null {
	if (shape === 'ellipse') return null;
	const points = POLYGONS[shape];
	const pairs: string[] = [];
	for (let i = 0; i < points.length; i += 2) {
		pairs.push(`${round(points[i]! * radius)},${round(points[i + 1]! * radius)}`);
	}
	return pairs.join(' ');
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

/** Arrowhead outlines pointing right with the tip at (0, 0), one unit long; like Cytoscape's arrow shapes. */
const ARROW_POLYGONS: Record<string, number[]> = {
	triangle: [0, 0, -1, -0.5, -1, 0.5],
	vee: [0, 0, -1, -0.5, -0.7, 0, -1, 0.5],
	square: [0, -0.4, -0.8, -0.4, -0.8, 0.4, 0, 0.4],
	diamond: [0, 0, -0.5, -0.4, -1, 0, -0.5, 0.4],
	chevron: [0, 0, -0.6, -0.5, -0.9, -0.5, -0.3, 0, -0.9, 0.5, -0.6, 0.5],
	tee: [0, -0.5, -0.2, -0.5, -0.2, 0.5, 0, 0.5]
};
const ARROW_CIRCLE_RADIUS = 0.4;

/** SVG path data for an arrowhead of `size` with its tip at (x, y); '' for 'none' or an unknown arrow. */
export function arrowPath(arrow: string, x: number, y: number, size: number): string {
	if (arrow === 'circle') {
		const r = round(ARROW_CIRCLE_RADIUS * size);
		return `M${round(x)},${round(y)} a${r},${r} 0 1,0 ${-2 * r},0 a${r},${r} 0 1,0 ${2 * r},0 Z`;
	}
	const points = ARROW_POLYGONS[arrow];
	if (!points) return '';
	const parts: string[] = [];
	for (let i = 0; i < points.length; i += 2) {
		parts.push(`${i === 0 ? 'M' : 'L'}${round(x + points[i]! * size)},${round(y + points[i + 1]! * size)}`);
	}
	return parts.join(' ') + ' Z';
}
