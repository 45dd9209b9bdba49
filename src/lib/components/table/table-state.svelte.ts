// What the actors and links tables share: text, kind and region filters, sort, the active cell, rows kept in view, the status line, and the row following the editor's selection.
import { untrack } from 'svelte';
import type { EditorSession } from '$lib/components/editor/editor-session.svelte';
import { rowSearchText } from './columns';
import { filterRows, filterWords, nextSort, sortRows, tableCollator, type SortState } from './rows';
import type { ActiveCell, GridColumn } from './grid-types';
import { followSelection } from './selection';

/** What a table asks of its DataGrid. */
export interface GridHandle {
	focusCell(rowId: string, col: string): Promise<void>;
	showRow(rowId: string): void;
}

/** The status line's text, and whether it offers an undo. */
export interface TableStatusText {
	text: string;
	undo: boolean;
}

export interface TableSource<Row> {
	session: () => EditorSession;
	/** The user's language, for the text filter and the sort order. */
	locale: string;
	/** The column sorted by and focused when the table opens. */
	firstColumn: string;
	/** Every row, before filtering. */
	items: () => readonly Row[];
	columns: () => GridColumn<Row>[];
	/** Whether the row belongs to the region chosen in the region filter. */
	inRegion(row: Row, region: string): boolean;
}

/** Create during a table component's initialisation: it follows the editor's selection with an effect. */
export class TableState<Row extends { id: string; kind: string }> {
	readonly #source: TableSource<Row>;
	readonly #select: (id: string) => void;
	readonly #collator: Intl.Collator;

	filter = $state('');
	kindFilter = $state('');
	regionFilter = $state('');
	sort = $state<SortState>({ column: '', direction: 'ascending' });
	active = $state<ActiveCell>({ row: null, col: '' });
	/** A row just added stays visible even if it does not match the filter, until the user moves on. */
	added = $state<string | null>(null);
	/** Whether those rows are kept: not once the user changes the filter, which is asking for other rows. */
	pinned = $state(true);
	grid = $state<GridHandle>();
	status = $state<TableStatusText>({ text: '', undo: false });

	readonly #textOf = $derived.by(() => rowSearchText(this.#source.columns(), this.#source.locale));
	readonly #filtered = $derived.by(() => {
		const { kindFilter, regionFilter } = this;
		return filterRows(this.#source.items(), {
			words: filterWords(this.filter, this.#source.locale),
			textOf: this.#textOf,
			accepts:
				kindFilter === '' && regionFilter === ''
					? undefined
					: (row) => (kindFilter === '' || row.kind === kindFilter) && (regionFilter === '' || this.#source.inRegion(row, regionFilter)),
			keep: this.pinned ? new Set([this.active.row, this.added].filter((id): id is string => id !== null)) : undefined
		});
	});
	readonly #sortColumn = $derived.by(() => {
		const columns = this.#source.columns();
		return columns.find((column) => column.key === this.sort.column) ?? columns[0]!;
	});
	/** The rows shown: filtered, then sorted. */
	readonly rows = $derived.by(() => sortRows(this.#filtered, this.#sortColumn.sortValue, this.sort.direction, this.#collator));
	/** Changes when the user asks for other rows, so the grid goes back to the top. */
	readonly viewKey = $derived(JSON.stringify([this.sort, this.filter, this.kindFilter, this.regionFilter]));

	constructor(source: TableSource<Row>) {
		this.#source = source;
		this.#collator = tableCollator(source.locale);
		this.sort = { column: source.firstColumn, direction: 'ascending' };
		this.active = { row: null, col: source.firstColumn };
		this.#select = followSelection(source.session);

		// The other way round: what is selected elsewhere (the side panel's list, "Show actor", the canvas) becomes the table's row.
		$effect(() => {
			const selection = source.session().selection;
			const id = selection.length === 1 ? selection[0]! : null;
			if (id !== null) untrack(() => this.grid?.showRow(id));
		});
	}

	/** The user changed a filter. */
	unpin = () => {
		this.pinned = false;
	};

	sortBy = (column: string) => {
		this.sort = nextSort(this.sort, column);
	};

	/** A row the user just added: kept in view, selected, and focused at `col` to fill in its other fields. */
	showAdded(id: string, col: string) {
		this.added = id;
		this.pinned = true;
		this.#source.session().select([id]);
		void this.grid?.focusCell(id, col);
	}

	/** The user moved onto a row; it becomes the editor's selection when `selectable`. */
	rowFocused = (id: string, selectable = true) => {
		if (id !== this.added) this.added = null;
		this.pinned = true;
		if (selectable) this.#select(id);
	};
}
