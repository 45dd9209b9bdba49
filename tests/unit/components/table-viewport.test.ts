// Windowed rendering: only the rows in view (and a margin) are drawn, and scrolling to a row moves as little as possible.
import { describe, it, expect } from 'vitest';
import { bodySegments, isRowVisible, rowWindow, scrollTopShowing } from '$lib/components/table/viewport';

describe('row window', () => {
	it('draws the visible rows and a margin, never past the ends', () => {
		expect(rowWindow(0, 360, 36, 10_000, 5)).toEqual({ start: 0, end: 16 });
		expect(rowWindow(36 * 100, 360, 36, 10_000, 5)).toEqual({ start: 95, end: 116 });
		expect(rowWindow(36 * 9_995, 360, 36, 10_000, 5)).toEqual({ start: 9_990, end: 10_000 });
	});

	it('draws a bounded number of rows however long the table is', () => {
		const { start, end } = rowWindow(36 * 5_000, 800, 36, 1_000_000);
		expect(end - start).toBeLessThan(60);
	});

	it('handles empty tables, negative offsets (overscroll) and offsets past the end', () => {
		expect(rowWindow(0, 500, 36, 0)).toEqual({ start: 0, end: 0 });
		expect(rowWindow(-100, 360, 36, 3, 5)).toEqual({ start: 0, end: 3 });
		expect(rowWindow(36 * 1_000, 360, 36, 3, 5)).toEqual({ start: 2, end: 3 });
	});

	it('stands in for the rows outside the window with gaps, so the scroll height is the whole table', () => {
		expect(bodySegments({ start: 100, end: 130 }, null, 1_000)).toEqual([
			{ kind: 'gap', rows: 100 },
			{ kind: 'rows', start: 100, end: 130 },
			{ kind: 'gap', rows: 870 }
		]);
		expect(bodySegments({ start: 0, end: 3 }, 1, 3)).toEqual([{ kind: 'rows', start: 0, end: 3 }]);
		expect(bodySegments({ start: 0, end: 0 }, null, 0)).toEqual([]);
	});

	it('draws the focused row in its place even when it is far outside the window, without the rows between', () => {
		expect(bodySegments({ start: 100, end: 130 }, 5_000, 10_000)).toEqual([
			{ kind: 'gap', rows: 100 },
			{ kind: 'rows', start: 100, end: 130 },
			{ kind: 'gap', rows: 4_870 },
			{ kind: 'rows', start: 5_000, end: 5_001 },
			{ kind: 'gap', rows: 4_999 }
		]);
		expect(bodySegments({ start: 100, end: 130 }, 0, 200)).toEqual([
			{ kind: 'rows', start: 0, end: 1 },
			{ kind: 'gap', rows: 99 },
			{ kind: 'rows', start: 100, end: 130 },
			{ kind: 'gap', rows: 70 }
		]);
	});
});

describe('scrolling a row into view', () => {
	const row = 36;
	const header = 40;
	const viewport = 400;

	it('does not move when the row is already in view', () => {
		expect(scrollTopShowing(3, row, header, 0, viewport)).toBe(0);
	});

	it('brings a row above the view to just under the sticky header', () => {
		expect(scrollTopShowing(10, row, header, 36 * 50, viewport)).toBe(36 * 10);
	});

	it('brings a row below the view to the bottom edge', () => {
		const top = scrollTopShowing(100, row, header, 0, viewport);
		expect(top).toBe(header + 101 * row - viewport);
		expect(isRowVisible(100, row, header, top, viewport)).toBe(true);
	});

	it('tells whether a row is visible', () => {
		expect(isRowVisible(0, row, header, 0, viewport)).toBe(true);
		expect(isRowVisible(50, row, header, 0, viewport)).toBe(false);
	});
});
