// Colours, shapes, line patterns and widths the style maps categories onto; every colour has 3:1 contrast with the white canvas (WCAG 1.4.11).
import type { LegendShape } from '../shapes';

/** Categorical colours, in the order categories get them (tests/unit/editor/view/style-mapping.test.ts checks contrast). */
export const CATEGORY_COLOURS = [
	'#1565c0',
	'#c62828',
	'#00695c',
	'#6a1b9a',
	'#8a6500',
	'#ad1457',
	'#2e7d32',
	'#455a64',
	'#d84315',
	'#5d4037'
] as const;

/** For "no value" and categories past the palette's end (they are merged into "other" in the legend). */
export const NEUTRAL_COLOUR = '#6b6b6b';

/** Ordered bins of a number (low to high): one hue family would be too pale for 3:1, so the hue walks. */
export const RAMP_COLOURS = ['#0d47a1', '#00695c', '#558b2f', '#a15c00', '#b71c1c'] as const;

/** Every node shape, in the order categories get them; "ellipse" first, as for companies. */
export const CATEGORY_SHAPES: readonly LegendShape[] = ['ellipse', 'triangle', 'diamond', 'rectangle', 'hexagon', 'star', 'vee', 'rhomboid'];

/** Links whose status is a gap stand out in a colour no kind uses, as well as by their dashes. */
export const GAP_COLOUR = '#e65100';
export const STATUS_COLOURS: Readonly<Record<string, string>> = {
	existing: '#37474f',
	planned: '#1565c0',
	gap: GAP_COLOUR
};
export const STATUS_LINES: Readonly<Record<string, 'solid' | 'dashed' | 'dotted'>> = {
	existing: 'solid',
	planned: 'dotted',
	gap: 'dashed'
};
export const PLAIN_LINK_COLOUR = '#5d6b78';

// Sizes in model units.
export const DEFAULT_NODE_SIZE = 30;
export const MIN_NODE_SIZE = 18;
export const MAX_NODE_SIZE = 64;
export const DEFAULT_LINK_WIDTH = 2;
/** Link width for strengths 1..5. */
export const STRENGTH_WIDTHS = [1.5, 2.5, 3.5, 5, 6.5] as const;
/** Numbers are put into at most this many bins for colour and shape. */
export const MAX_BINS = RAMP_COLOURS.length;
