// Test helpers for the map model: replicas, syncing and update capture.
import * as Y from 'yjs';
import { MapModel, type MapModelOptions } from '$lib/map';

/** Origin used when applying another replica's updates, like a network provider would. */
export const REMOTE = Object.freeze({ test: 'remote' });

export function replica(options: MapModelOptions = {}): { doc: Y.Doc; model: MapModel } {
	const doc = new Y.Doc();
	return { doc, model: new MapModel(doc, undefined, options) };
}

/** Brings every doc up to date with every other (full mesh, both directions). */
export function syncAll(...docs: Y.Doc[]): void {
	for (const from of docs) {
		for (const to of docs) {
			if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
		}
	}
}

/** Records every update a doc emits from now on. */
export function captureUpdates(doc: Y.Doc): Uint8Array[] {
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	return updates;
}

/** Counts transactions that changed something (Yjs also runs empty ones). */
export function countChangingTransactions(doc: Y.Doc): { count: number; origins: unknown[] } {
	const result = { count: 0, origins: [] as unknown[] };
	doc.on('afterTransaction', (transaction: Y.Transaction) => {
		if (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0) {
			result.count++;
			result.origins.push(transaction.origin);
		}
	});
	return result;
}

/** Runs `fn`, expecting it to throw a MapValidationError; returns the error codes by field. */
export function rejectionOf(fn: () => unknown): { field: string; code: string }[] {
	try {
		fn();
	} catch (error) {
		if (error instanceof Error && error.name === 'MapValidationError' && 'errors' in error) {
			return (error.errors as { field: string; code: string }[]).map(({ field, code }) => ({ field, code }));
		}
		throw error;
	}
	throw new Error('Expected a MapValidationError, but nothing was thrown.');
}
