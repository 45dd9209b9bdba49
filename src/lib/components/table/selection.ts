// The table's row follows into the editor's selection, so the side panel shows every field of the row the user is on.
import type { EditorSession } from '$lib/components/editor/editor-session.svelte';

/** Arrow keys held down run through many rows; only the row the user stops on is selected (and shown to others). */
export const SELECTION_FOLLOW_MS = 150;

export function followSelection(session: () => Pick<EditorSession, 'select' | 'selection'>): (id: string) => void {
	let timer: ReturnType<typeof setTimeout> | null = null;
	return (id) => {
		if (timer !== null) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = null;
			const current = session();
			if (current.selection.length !== 1 || current.selection[0] !== id) current.select([id]);
		}, SELECTION_FOLLOW_MS);
	};
}
