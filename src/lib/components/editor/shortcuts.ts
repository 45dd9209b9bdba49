// Keyboard shortcuts of the editor, decided from a key event (ignored while the user types in a field).

export type ShortcutAction = 'delete' | 'undo' | 'redo';

/** Text fields own their keys: Delete and Ctrl+Z there edit the text, not the map. */
function isTyping(target: EventTarget | null): boolean {
	if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
	if (target.isContentEditable) return true;
	if (target instanceof HTMLTextAreaElement) return true;
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
	return null;
}
