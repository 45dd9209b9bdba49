// Sorting and filtering of table rows: pure functions over plain values (no Svelte, no Yjs), so the table's order is tested in unit tests.

/** What a column sorts by: text, a number, or null for "no value". */
export type SortValue = string | number | null;
export type SortDirection = 'ascending' | 'descending';

export interface SortState {
	column: string;
	direction: SortDirection;
}

/** Clicking a header: a new column sorts ascending, the sorted one flips direction. */
export function nextSort(current: SortState | null, column: string): SortState {
	if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
	return { column, direction: 'ascending' };
}

/** Texts by the user's language (å, ä, ö differ between fi and sv); "Oy 10" after "Oy 9". */
export function tableCollator(locale: string): Intl.Collator {
	return new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
}

/** Ascending order of two present values; numbers before texts when a column mixes them (invalid data). */
export function compareSortValues(a: string | number, b: string | number, collator: Intl.Collator): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'number') return -1;
	if (typeof b === 'number') return 1;
	return collator.compare(a, b);
}

function isEmpty(value: SortValue): value is null {
	return value === null || value === '';
}

/**
 * A sorted copy. Empty values go last in both directions (a sort should bring data to the top,
 * not blanks); ties keep id order, so every replica and every refresh shows the same order.
 * Keys are computed once per row, not once per comparison.
 */
export function sortRows<Row extends { id: string }>(
	rows: readonly Row[],
	key: (row: Row) => SortValue,
	direction: SortDirection,
	collator: Intl.Collator
): Row[] {
	const sign = direction === 'ascending' ? 1 : -1;
	const keyed = rows.map((row) => ({ row, key: key(row) }));
	keyed.sort((a, b) => {
		const aEmpty = isEmpty(a.key);
		const bEmpty = isEmpty(b.key);
		if (aEmpty !== bEmpty) return aEmpty ? 1 : -1;
		const order = aEmpty || bEmpty ? 0 : sign * compareSortValues(a.key as string | number, b.key as string | number, collator);
		return order || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
	});
	return keyed.map((entry) => entry.row);
}

/** Lower case in the user's language, whitespace collapsed. Accents stay: ä and a are different letters in Finnish and Swedish. */
export function searchText(text: string, locale: string): string {
	return text.toLocaleLowerCase(locale).replace(/\s+/g, ' ').trim();
}

/** The words of a filter: a row matches when each of them appears somewhere in it. */
export function filterWords(filter: string, locale: string): string[] {
	const text = searchText(filter, locale);
	return text === '' ? [] : text.split(' ');
}

export interface RowFilter<Row> {
	/** Words from filterWords(); empty = no text filter. */
	words: readonly string[];
	/** The row's searchable text, already passed through searchText(). */
	textOf(row: Row): string;
	/** Further conditions (kind, region); undefined = none. */
	accepts?: (row: Row) => boolean;
	/**
	 * Rows shown even when they no longer match: the row the user is on. Someone else's edit (or
	 * the user's own) must not pull the row, and the keyboard focus with it, out from under them.
	 */
	keep?: ReadonlySet<string>;
}

export function filterRows<Row extends { id: string }>(rows: readonly Row[], filter: RowFilter<Row>): Row[] {
	const { words, textOf, accepts, keep } = filter;
	if (words.length === 0 && !accepts) return [...rows];
	return rows.filter((row) => {
		if (keep?.has(row.id)) return true;
		if (accepts && !accepts(row)) return false;
		if (words.length === 0) return true;
		const text = textOf(row);
		return words.every((word) => text.includes(word));
	});
}
