// This user's undo history: one Y.UndoManager over everything users edit in the map, tracking only edits made through our model.
import * as Y from 'yjs';
import { writable, type Readable } from 'svelte/store';
import { undoScope, type MapModel } from '$lib/map';

/**
 * Edits closer together than this merge into one undo step. Every gesture calls stopCapturing()
 * first, so this only joins the transactions of a single gesture; kept short so separate quick
 * actions stay separate.
 */
export const UNDO_CAPTURE_TIMEOUT_MS = 300;

export interface UndoHistory {
	readonly canUndo: Readable<boolean>;
	readonly canRedo: Readable<boolean>;
	undo(): void;
	redo(): void;
	/** Call at the start of every gesture, so it becomes its own undo step. */
	stopCapturing(): void;
	/**
	 * Runs `fn` so that all its transactions, however long they take and however far apart (it may
	 * await between them), are one undo step of their own: a large import is written in several
	 * transactions, each small enough to sync, with the page repainting in between.
	 */
	group<T>(fn: () => Promise<T>): Promise<T>;
	destroy(): void;
}

export function createUndoHistory(model: MapModel): UndoHistory {
	// The whole scope (actors, links, regions, sectors, fields, views): deleting a sector or a field
	// also edits actors and links, and one undo step must restore both. Only our own origin: a
	// collaborator's edits are never undone by us.
	const manager = new Y.UndoManager(undoScope(model.parts), {
		trackedOrigins: new Set([model.origin]),
		captureTimeout: UNDO_CAPTURE_TIMEOUT_MS
	});
	const canUndo = writable(false);
	const canRedo = writable(false);
	const refresh = () => {
		canUndo.set(manager.canUndo());
		canRedo.set(manager.canRedo());
	};
	manager.on('stack-item-added', refresh);
	manager.on('stack-item-popped', refresh);
	manager.on('stack-cleared', refresh);

	return {
		canUndo: { subscribe: canUndo.subscribe },
		canRedo: { subscribe: canRedo.subscribe },
		undo: () => void manager.undo(),
		redo: () => void manager.redo(),
		stopCapturing: () => manager.stopCapturing(),
		async group(fn) {
			manager.stopCapturing();
			const timeout = manager.captureTimeout;
			manager.captureTimeout = Number.POSITIVE_INFINITY;
			try {
				return await fn();
			} finally {
				manager.captureTimeout = timeout;
				manager.stopCapturing();
			}
		},
		destroy() {
			manager.off('stack-item-added', refresh);
			manager.off('stack-item-popped', refresh);
			manager.off('stack-cleared', refresh);
			manager.destroy();
		}
	};
}
