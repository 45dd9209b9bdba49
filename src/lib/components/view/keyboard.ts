// Routes the editor's keyboard shortcuts and clipboard events to the editor and view sessions.
import type { EditorSession } from '$lib/components/editor/editor-session.svelte';
import { EDITING_ACTIONS, shortcutFor } from '$lib/components/editor/shortcuts';
import { ZOOM_STEP } from '$lib/editor/constants';
import type { MapViewSession } from './view-session.svelte';

export const SEARCH_INPUT_ID = 'view-search';

/** Text the user selected on the page is theirs to copy; our Ctrl+C then stays out of the way. */
function pageHasTextSelection(): boolean {
	const selection = typeof getSelection === 'function' ? getSelection() : null;
	return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}

function isTyping(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Set by the clipboard events; a key press whose event never came falls back to this tab's clipboard. */
let clipboardEventSeen = false;

export function handleEditorKey(event: KeyboardEvent, session: EditorSession, view: MapViewSession, readOnly: boolean): void {
	if (view.helpOpen || event.defaultPrevented) return;
	const action = shortcutFor(event);
	if (action === null) return;
	if (readOnly && EDITING_ACTIONS.has(action)) return;
	switch (action) {
		case 'copy':
		case 'paste':
			// The browser's copy/paste events follow and reach the system clipboard; wait one turn for them.
			if (pageHasTextSelection() && action === 'copy') return;
			clipboardEventSeen = false;
			setTimeout(() => {
				if (clipboardEventSeen) return;
				if (action === 'copy') view.copy();
				else view.paste();
			}, 0);
			return;
		case 'delete':
			session.deleteSelected();
			break;
		case 'undo':
			session.undo();
			break;
		case 'redo':
			session.redo();
			break;
		case 'duplicate':
			view.duplicate();
			break;
		case 'selectAll':
			view.selectAll();
			break;
		case 'clearSelection':
			if (view.panel !== null) view.panel = null;
			else view.clearSelection();
			break;
		case 'fit':
			session.fit();
			break;
		case 'zoomIn':
			session.zoomBy(ZOOM_STEP);
			break;
		case 'zoomOut':
			session.zoomBy(1 / ZOOM_STEP);
			break;
		case 'search':
			document.getElementById(SEARCH_INPUT_ID)?.focus();
			break;
		case 'boxSelect':
			view.toggleBoxSelect();
			break;
		case 'help':
			view.helpOpen = true;
			break;
	}
	event.preventDefault();
}

/** Ctrl+C on the map: our JSON goes to the system clipboard (no permission needed inside the copy event). */
export function handleCopy(event: ClipboardEvent, view: MapViewSession): void {
	if (isTyping(event.target) || pageHasTextSelection() || view.helpOpen) return;
	clipboardEventSeen = true;
	const json = view.copy();
	if (json === null || !event.clipboardData) return;
	event.clipboardData.setData('text/plain', json);
	event.preventDefault();
}

export function handlePaste(event: ClipboardEvent, view: MapViewSession, readOnly: boolean): void {
	if (isTyping(event.target) || readOnly || view.helpOpen) return;
	clipboardEventSeen = true;
	view.paste(event.clipboardData?.getData('text/plain') ?? undefined);
	event.preventDefault();
}
