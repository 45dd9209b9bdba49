// Keyboard movement in the data grid (the WAI-ARIA grid pattern): where focus goes for a key, as a pure function of the position.

/** Row -1 is the header row. */
export interface CellPosition {
	row: number;
	col: number;
}

export interface GridSize {
	rows: number;
	cols: number;
	/** Rows per page for Page Up / Page Down. */
	page: number;
}

export interface KeyPress {
	key: string;
	ctrlKey?: boolean;
	metaKey?: boolean;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/** The new position for a navigation key, or null when the key does not move focus. */
export function moveCell(position: CellPosition, press: KeyPress, size: GridSize): CellPosition | null {
	const lastRow = size.rows - 1;
	const lastCol = size.cols - 1;
	const command = press.ctrlKey === true || press.metaKey === true;
	const { row, col } = position;
	switch (press.key) {
		case 'ArrowUp':
			return { row: Math.max(-1, row - 1), col };
		case 'ArrowDown':
			return { row: Math.min(lastRow, row + 1), col };
		case 'ArrowLeft':
			return { row, col: Math.max(0, col - 1) };
		case 'ArrowRight':
			return { row, col: Math.min(lastCol, col + 1) };
		case 'Home':
			return command ? { row: Math.min(0, lastRow), col: 0 } : { row, col: 0 };
		case 'End':
			return command ? { row: lastRow, col: lastCol } : { row, col: lastCol };
		case 'PageUp':
			return { row: row <= 0 ? -1 : Math.max(0, row - size.page), col };
		case 'PageDown':
			return { row: clamp(row + size.page, Math.min(0, lastRow), lastRow), col };
		default:
			return null;
	}
}

/**
 * The next (or previous) editable cell for Tab while editing: along the row, then on to the next
 * row's first editable cell. Null at either end of the table.
 */
export function nextEditableCell(
	position: CellPosition,
	forward: boolean,
	size: Pick<GridSize, 'rows' | 'cols'>,
	editable: (col: number) => boolean
): CellPosition | null {
	const step = forward ? 1 : -1;
	let { row, col } = position;
	for (let i = 0; i < size.rows * size.cols; i++) {
		col += step;
		if (col >= size.cols) {
			col = 0;
			row++;
		} else if (col < 0) {
			col = size.cols - 1;
			row--;
		}
		if (row < 0 || row >= size.rows) return null;
		if (editable(col)) return { row, col };
	}
	return null;
}

/** A key that starts editing a text cell with what was typed, as in a spreadsheet. */
export function isTypingKey(event: KeyPress & { altKey?: boolean }): boolean {
	return event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
}
