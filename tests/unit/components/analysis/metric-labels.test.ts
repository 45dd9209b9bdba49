// Figures as people read them: whole numbers as they are, fractions to three significant digits in the user's language, missing ones as a dash, communities from 1.
import { describe, it, expect } from 'vitest';
import { formatFigure, formatMetric, formatShare, isMetricName } from '$lib/components/analysis/metric-labels';

describe('metric labels', () => {
	it('writes whole numbers as they are and fractions to three significant digits', () => {
		expect(formatFigure(12, 'en')).toBe('12');
		expect(formatFigure(0.053912, 'en')).toBe('0.0539');
		expect(formatFigure(0.053912, 'fi')).toBe('0,0539');
		expect(formatFigure(2.6363, 'sv')).toBe('2,64');
	});

	it('writes a missing figure as a dash (no path, no directed links)', () => {
		expect(formatFigure(null, 'en')).toBe('–');
		expect(formatFigure(Number.NaN, 'en')).toBe('–');
	});

	it('numbers communities from 1', () => {
		expect(formatMetric('community', 0, 'en')).toBe('1');
		expect(formatMetric('pagerank', 0.25, 'en')).toBe('0.25');
	});

	it('writes shares as whole percentages', () => {
		expect(formatShare(0.5, 'en')).toBe('50%');
		expect(formatShare(1, 'fi').replace(/\s/g, ' ')).toBe('100 %');
	});

	it('knows the metric names of the analysis core', () => {
		expect(isMetricName('betweenness')).toBe(true);
		expect(isMetricName('toString')).toBe(false);
	});
});
