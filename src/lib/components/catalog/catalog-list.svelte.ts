// What the catalog's lists (sectors, custom fields) share: each row's last edit error, and deleting a row after a confirmation with the keyboard focus kept in a sensible place.
import { tick } from 'svelte';
import type { FieldError } from '$lib/map';

export class CatalogList {
	/** Row id -> why its last edit was refused ('' = it was not). */
	errors = $state<Record<string, string>>({});
	/** The row whose delete awaits confirmation. */
	confirming = $state<string | null>(null);
	readonly #uid: string;

	/** `uid` prefixes the element ids of the list: `-heading`, `-confirm-<row>`, `-delete-<row>`. */
	constructor(uid: string) {
		this.#uid = uid;
	}

	/** Keeps the outcome of an edit of row `id`; true when it was written. */
	edited(id: string, result: { ok: true } | { ok: false; errors: FieldError[] }, explain: (errors: FieldError[]) => string): boolean {
		this.errors = { ...this.errors, [id]: result.ok ? '' : explain(result.errors) };
		return result.ok;
	}

	async askDelete(id: string) {
		this.confirming = id;
		await tick();
		document.getElementById(`${this.#uid}-confirm-${id}`)?.focus();
	}

	async cancelDelete(id: string) {
		this.confirming = null;
		await tick();
		document.getElementById(`${this.#uid}-delete-${id}`)?.focus();
	}

	async remove(deleteRow: () => void) {
		this.confirming = null;
		deleteRow();
		// The row went with its buttons: focus goes to the list's heading (not into a text field, where Ctrl+Z would undo typing, not the delete).
		await tick();
		document.getElementById(`${this.#uid}-heading`)?.focus();
	}
}
