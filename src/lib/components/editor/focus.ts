// Moves keyboard focus to an element that is about to render (after the selection and the side panel have updated).

/** Two frames: one for the selection to settle, one for Svelte to render the panel. */
export function focusSoon(id: string, selectText = false): void {
	requestAnimationFrame(() =>
		requestAnimationFrame(() => {
			const element = document.getElementById(id);
			if (!(element instanceof HTMLElement)) return;
			element.focus();
			if (selectText && element instanceof HTMLInputElement) element.select();
		})
	);
}
