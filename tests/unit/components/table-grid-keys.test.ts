// Keyboard movement in the table: arrows, Home/End, Page keys and Tab while editing go where the WAI-ARIA grid pattern says.
import { describe, it, expect } from 'vitest';
import { isTypingKey, moveCell, nextEditableCell } from '$lib/components/table/grid-keys';

const size = { rows: 100, cols: 5, page: 10 };

describe('grid movement', () => {
	it('moves one cell with the arrows and stops at the edges; row -1 is the header', () => {
		expect(moveCell({ row: 0, col: 0 }, { key: 'ArrowUp' }, size)).toEqual({ row: -1, col: 0 });
		expect(moveCell({ row: -1, col: 0 }, { key: 'ArrowUp' }, size)).toEqual({ row: -1, col: 0 });
		expect(moveCell({ row: 99, col: 4 }, { key: 'ArrowDown' }, size)).toEqual({ row: 99, col: 4 });
		expect(moveCell({ row: 5, col: 4 }, { key: 'ArrowRight' }, size)).toEqual({ row: 5, col: 4 });
		expect(moveCell({ row: 5, col: 0 }, { key: 'ArrowLeft' }, size)).toEqual({ row: 5, col: 0 });
		expect(moveCell({ row: 5, col: 2 }, { key: 'ArrowRight' }, size)).toEqual({ row: 5, col: 3 });
	});

	it('goes to the row ends with Home/End and to the table ends with Ctrl', () => {
		expect(moveCell({ row: 5, col: 2 }, { key: 'Home' }, size)).toEqual({ row: 5, col: 0 });
		expect(moveCell({ row: 5, col: 2 }, { key: 'End' }, size)).toEqual({ row: 5, col: 4 });
		expect(moveCell({ row: 5, col: 2 }, { key: 'Home', ctrlKey: true }, size)).toEqual({ row: 0, col: 0 });
		expect(moveCell({ row: 5, col: 2 }, { key: 'End', metaKey: true }, size)).toEqual({ row: 99, col: 4 });
	});

	it('pages by the visible rows, reaching the header from the first row', () => {
		expect(moveCell({ row: 5, col: 1 }, { key: 'PageDown' }, size)).toEqual({ row: 15, col: 1 });
		expect(moveCell({ row: 95, col: 1 }, { key: 'PageDown' }, size)).toEqual({ row: 99, col: 1 });
		expect(moveCell({ row: 5, col: 1 }, { key: 'PageUp' }, size)).toEqual({ row: 0, col: 1 });
		expect(moveCell({ row: 0, col: 1 }, { key: 'PageUp' }, size)).toEqual({ row: -1, col: 1 });
		expect(moveCell({ row: -1, col: 1 }, { key: 'PageDown' }, size)).toEqual({ row: 9, col: 1 });
	});

	it('stays on the header in an empty table', () => {
		const empty = { rows: 0, cols: 3, page: 10 };
		expect(moveCell({ row: -1, col: 1 }, { key: 'ArrowDown' }, empty)).toEqual({ row: -1, col: 1 });
		expect(moveCell({ row: -1, col: 1 }, { key: 'PageDown' }, empty)).toEqual({ row: -1, col: 1 });
	});

	it('ignores other keys', () => {
		expect(moveCell({ row: 1, col: 1 }, { key: 'a' }, size)).toBeNull();
	});
});

describe('Tab while editing', () => {
	const editable = (col: number) => col !== 2 && col !== 4;

	it('skips read-only columns and wraps to the next row', () => {
		expect(nextEditableCell({ row: 0, col: 1 }, true, size, editable)).toEqual({ row: 0, col: 3 });
		expect(nextEditableCell({ row: 0, col: 3 }, true, size, editable)).toEqual({ row: 1, col: 0 });
		expect(nextEditableCell({ row: 1, col: 0 }, false, size, editable)).toEqual({ row: 0, col: 3 });
	});

	it('stops at the ends of the table', () => {
		expect(nextEditableCell({ row: 99, col: 3 }, true, size, editable)).toBeNull();
		expect(nextEditableCell({ row: 0, col: 0 }, false, size, editable)).toBeNull();
		expect(nextEditableCell({ row: 0, col: 0 }, true, size, () => false)).toBeNull();
	});
});

describe('typing into a cell', () => {
	it('starts editing on a printable key, not on shortcuts or Space', () => {
		expect(isTypingKey({ key: 'a' })).toBe(true);
		expect(isTypingKey({ key: 'Ä' })).toBe(true);
		expect(isTypingKey({ key: ' ' })).toBe(false);
		expect(isTypingKey({ key: 'z', ctrlKey: true })).toBe(false);
		expect(isTypingKey({ key: 'Enter' })).toBe(false);
		expect(isTypingKey({ key: 'x', altKey: true })).toBe(false);
	});
});
