// Shading of a link-matrix cell: a few steps of one hue by the count's share of the largest, each with a text colour readable on it (pure).

/** Light to dark; the first three carry dark text, the last two white (each pair at least 4.5:1). */
export const HEAT_STEPS = [
	{ background: '#e3f0fb', ink: '#1b1f24' },
	{ background: '#b9d8f2', ink: '#1b1f24' },
	{ background: '#84b9e6', ink: '#1b1f24' },
	{ background: '#1f6fb0', ink: '#ffffff' },
	{ background: '#0b3f6e', ink: '#ffffff' }
] as const;

/** The step of a positive count, 0..HEAT_STEPS.length-1; null for 0 (an empty cell: a gap, marked in words and pattern). */
export function heatStep(count: number, max: number): number | null {
	if (count <= 0 || max <= 0) return null;
	return Math.min(HEAT_STEPS.length - 1, Math.floor((count / max) * HEAT_STEPS.length - Number.EPSILON));
}
