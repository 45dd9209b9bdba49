// The table's order and filters: sorting by any column in the user's language, blanks last, stable ties, and rows that stay put.
import { describe, it, expect } from 'vitest';
import { compareSortValues, filterRows, filterWords, nextSort, searchText, sortRows, tableCollator } from '$lib/components/table/rows';

type Row = { id: string; name: string; size: number | null };
const rows: Row[] = [
	{ id: 'c', name: 'Öljy Oy', size: 10 },
	{ id: 'a', name: 'Åbo Akademi', size: null },
	{ id: 'b', name: 'Oy 10', size: 2 },
	{ id: 'd', name: 'Oy 9', size: 10 },
	{ id: 'e', name: '', size: 5 },
	{ id: 'f', name: 'Zeta', size: 1 }
];
const names = (list: Row[]) => list.map((row) => row.name);
const ids = (list: Row[]) => list.map((row) => row.id);

describe('sorting table rows', () => {
	it('sorts text in Finnish order, numbers inside names as numbers, blanks last', () => {
		const sorted = sortRows(rows, (row) => row.name, 'ascending', tableCollator('fi'));
		expect(names(sorted)).toEqual(['Oy 9', 'Oy 10', 'Zeta', 'Åbo Akademi', 'Öljy Oy', '']);
	});

	it('keeps blanks last when descending, too', () => {
		const sorted = sortRows(rows, (row) => row.name, 'descending', tableCollator('fi'));
		expect(names(sorted)).toEqual(['Öljy Oy', 'Åbo Akademi', 'Zeta', 'Oy 10', 'Oy 9', '']);
	});

	it('sorts numbers numerically and breaks ties by id, so every refresh gives the same order', () => {
		const sorted = sortRows(rows, (row) => row.size, 'ascending', tableCollator('en'));
		expect(ids(sorted)).toEqual(['f', 'b', 'e', 'c', 'd', 'a']);
		const reversed = sortRows([...rows].reverse(), (row) => row.size, 'ascending', tableCollator('en'));
		expect(ids(reversed)).toEqual(ids(sorted));
	});

	it('does not change the input list', () => {
		const copy = [...rows];
		sortRows(rows, (row) => row.name, 'ascending', tableCollator('fi'));
		expect(rows).toEqual(copy);
	});

	it('puts numbers before texts when invalid data mixes them in one column', () => {
		expect(compareSortValues(3, 'abc', tableCollator('en'))).toBeLessThan(0);
		expect(compareSortValues('abc', 3, tableCollator('en'))).toBeGreaterThan(0);
	});

	it('cycles a header: a new column ascends, the same column flips', () => {
		expect(nextSort(null, 'name')).toEqual({ column: 'name', direction: 'ascending' });
		expect(nextSort({ column: 'name', direction: 'ascending' }, 'name')).toEqual({ column: 'name', direction: 'descending' });
		expect(nextSort({ column: 'name', direction: 'descending' }, 'name')).toEqual({ column: 'name', direction: 'ascending' });
		expect(nextSort({ column: 'name', direction: 'descending' }, 'kind')).toEqual({ column: 'kind', direction: 'ascending' });
	});
});

describe('filtering table rows', () => {
	const textOf = (row: Row) => searchText(row.name, 'fi');

	it('matches every word anywhere, ignoring case but not accents', () => {
		const words = filterWords('  OY  9 ', 'fi');
		expect(words).toEqual(['oy', '9']);
		expect(ids(filterRows(rows, { words, textOf }))).toEqual(['d']);
		expect(ids(filterRows(rows, { words: filterWords('öljy', 'fi'), textOf }))).toEqual(['c']);
		expect(ids(filterRows(rows, { words: filterWords('oljy', 'fi'), textOf }))).toEqual([]);
	});

	it('combines the text with other conditions', () => {
		const accepts = (row: Row) => (row.size ?? 0) >= 5;
		expect(ids(filterRows(rows, { words: filterWords('oy', 'fi'), textOf, accepts }))).toEqual(['c', 'd']);
		expect(ids(filterRows(rows, { words: [], textOf, accepts }))).toEqual(['c', 'd', 'e']);
	});

	it('keeps the row the user is on even when it stops matching', () => {
		const kept = filterRows(rows, { words: filterWords('zeta', 'fi'), textOf, keep: new Set(['a']) });
		expect(ids(kept)).toEqual(['a', 'f']);
	});

	it('returns a copy of all rows without a filter', () => {
		const all = filterRows(rows, { words: [], textOf });
		expect(all).toEqual(rows);
		expect(all).not.toBe(rows);
	});
});
