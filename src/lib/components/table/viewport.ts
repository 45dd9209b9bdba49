// Windowed rendering of a long table: which rows to draw for a scroll position, and where to scroll to keep a row in view.

/** Rows drawn above and below the visible ones, so fast scrolling and arrow keys rarely show a blank. */
export const OVERSCAN_ROWS = 8;

/** Rows [start, end) to render. */
export interface RowWindow {
	start: number;
	end: number;
}

/**
 * `offset` is the scroll position relative to the first data row (the scroll top minus the header
 * height). Every row has the same height, so the window is plain arithmetic.
 */
export function rowWindow(offset: number, viewportHeight: number, rowHeight: number, total: number, overscan = OVERSCAN_ROWS): RowWindow {
	if (total === 0 || rowHeight <= 0) return { start: 0, end: 0 };
	const first = Math.floor(Math.max(0, offset) / rowHeight);
	const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
	const start = Math.max(0, Math.min(first - overscan, total - 1));
	const end = Math.min(total, first + visible + overscan);
	return { start, end: Math.max(start + 1, end) };
}

/** What the table body draws, top to bottom: runs of rows, and empty space standing for the rows between. */
export type BodySegment = { kind: 'rows'; start: number; end: number } | { kind: 'gap'; rows: number };

/**
 * The window's rows, plus the row with keyboard focus in its place when it is outside the window
 * (the user scrolled away with the mouse, or others' edits moved it): focus must never sit on a
 * row that is not drawn, and drawing everything between would defeat the window.
 */
export function bodySegments(range: RowWindow, focus: number | null, total: number): BodySegment[] {
	const runs: [number, number][] = [];
	if (range.end > range.start) runs.push([range.start, range.end]);
	if (focus !== null && focus >= 0 && focus < total && (focus < range.start || focus >= range.end)) runs.push([focus, focus + 1]);
	runs.sort((a, b) => a[0] - b[0]);
	const segments: BodySegment[] = [];
	let next = 0;
	for (const [start, end] of runs) {
		if (start > next) segments.push({ kind: 'gap', rows: start - next });
		segments.push({ kind: 'rows', start, end });
		next = end;
	}
	if (total > next) segments.push({ kind: 'gap', rows: total - next });
	return segments;
}

/**
 * The scroll top that brings row `index` fully into view below a sticky header of `headerHeight`,
 * moving as little as possible; the current scroll top when it is already in view.
 */
export function scrollTopShowing(index: number, rowHeight: number, headerHeight: number, scrollTop: number, viewportHeight: number): number {
	const top = headerHeight + index * rowHeight;
	const bottom = top + rowHeight;
	if (top - headerHeight < scrollTop) return Math.max(0, top - headerHeight);
	if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
	return scrollTop;
}

/** Whether row `index` is (at least partly) visible at this scroll top. */
export function isRowVisible(index: number, rowHeight: number, headerHeight: number, scrollTop: number, viewportHeight: number): boolean {
	const top = headerHeight + index * rowHeight;
	return top + rowHeight > scrollTop + headerHeight && top < scrollTop + viewportHeight;
}
