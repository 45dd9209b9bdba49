// Heatmap shading: zero is a gap (no shade), the largest count the darkest step, and every step's text is readable on it.
import { describe, it, expect } from 'vitest';
import { HEAT_STEPS, heatStep } from '$lib/components/analysis/heat';
import { contrastRatio, TEXT_CONTRAST } from '$lib/editor/colour';

describe('heatStep', () => {
	it('gives no step to an empty cell', () => {
		expect(heatStep(0, 10)).toBeNull();
		expect(heatStep(0, 0)).toBeNull();
	});

	it('grows with the count and reaches the darkest step at the maximum', () => {
		const steps = [1, 3, 5, 7, 10].map((count) => heatStep(count, 10)!);
		expect(steps).toEqual([...steps].sort((a, b) => a - b));
		expect(heatStep(10, 10)).toBe(HEAT_STEPS.length - 1);
		expect(heatStep(1, 100)).toBe(0);
	});

	it('pairs every shade with text of at least 4.5:1 contrast', () => {
		for (const step of HEAT_STEPS) expect(contrastRatio(step.background, step.ink), step.background).toBeGreaterThanOrEqual(TEXT_CONTRAST);
	});
});
