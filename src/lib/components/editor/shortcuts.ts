// Keyboard shortcuts of the editor, decided from a key event (ignored while the user types in a field), and the list the help dialog shows.

export type ShortcutAction =
	| 'delete'
	| 'undo'
	| 'redo'
	| 'copy'
	| 'paste'
	| 'duplicate'
	| 'selectAll'
	| 'clearSelection'
	| 'fit'
	| 'zoomIn'
	| 'zoomOut'
	| 'search'
	| 'boxSelect'
	| 'help';

/** Actions that change the map: viewers' keys for them do nothing. */
export const EDITING_ACTIONS: ReadonlySet<ShortcutAction> = new Set(['delete', 'undo', 'redo', 'paste', 'duplicate']);

/** Text fields own their keys: Delete and Ctrl+Z there edit the text, not the map. */
function isTyping(target: EventTarget | null): boolean {
	if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
	return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

export interface KeyLike {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	altKey: boolean;
	target: EventTarget | null;
}

export function shortcutFor(event: KeyLike): ShortcutAction | null {
	if (event.altKey || isTyping(event.target)) return null;
	const command = event.ctrlKey || event.metaKey;
	const key = event.key.toLowerCase();
	if (!command && !event.shiftKey && event.key === 'Delete') return 'delete';
	if (command && key === 'z') return event.shiftKey ? 'redo' : 'undo';
	if (command && !event.shiftKey && key === 'y') return 'redo';
	if (command && !event.shiftKey && key === 'c') return 'copy';
	if (command && !event.shiftKey && key === 'v') return 'paste';
	if (command && !event.shiftKey && key === 'd') return 'duplicate';
	if (command && !event.shiftKey && key === 'a') return 'selectAll';
	if (command) return null;
	// '?' and '+' need Shift on many layouts, so Shift is allowed for the single-character keys.
	if (event.key === '?') return 'help';
	if (event.key === '+' || event.key === '=') return 'zoomIn';
	if (event.key === '-') return 'zoomOut';
	if (event.shiftKey) return null;
	if (event.key === 'Escape') return 'clearSelection';
	if (event.key === '/') return 'search';
	if (key === 'f') return 'fit';
	if (key === 'b') return 'boxSelect';
	return null;
}

/** What the help dialog lists, in order: each action (or mouse gesture) with its keys. */
export interface ShortcutEntry {
	id: ShortcutAction | 'multiSelect' | 'boxSelectDrag' | 'moveMany';
	/** Each inner list is one combination, e.g. ['Control', 'Shift', 'Z']. */
	keys: string[][];
	editing: boolean;
}

export const SHORTCUT_LIST: readonly ShortcutEntry[] = [
	{ id: 'help', keys: [['?']], editing: false },
	{ id: 'search', keys: [['/']], editing: false },
	{ id: 'multiSelect', keys: [['Shift', 'click'], ['Control', 'click']], editing: false },
	{ id: 'boxSelectDrag', keys: [['Shift', 'drag']], editing: false },
	{ id: 'boxSelect', keys: [['B']], editing: false },
	{ id: 'selectAll', keys: [['Control', 'A']], editing: false },
	{ id: 'clearSelection', keys: [['Escape']], editing: false },
	{ id: 'fit', keys: [['F']], editing: false },
	{ id: 'zoomIn', keys: [['+']], editing: false },
	{ id: 'zoomOut', keys: [['-']], editing: false },
	{ id: 'copy', keys: [['Control', 'C']], editing: false },
	{ id: 'moveMany', keys: [['drag']], editing: true },
	{ id: 'paste', keys: [['Control', 'V']], editing: true },
	{ id: 'duplicate', keys: [['Control', 'D']], editing: true },
	{ id: 'delete', keys: [['Delete']], editing: true },
	{ id: 'undo', keys: [['Control', 'Z']], editing: true },
	{ id: 'redo', keys: [['Control', 'Shift', 'Z'], ['Control', 'Y']], editing: true }
];
