// The import worker: reads and plans a file off the main thread, so a 10,000-row file never freezes the page.
import * as Y from 'yjs';
import { MapModel } from '$lib/map';
import { parseImportFile, planImport, suggestMapping } from '$lib/exchange';
import { ImportFileError, type ImportSource } from '$lib/exchange/types';
import { previewSheet, type WorkerReply, type WorkerRequest } from './import-protocol';
import { planParts } from './import-parts';

/** The file last read: re-planning with another mapping needs its rows, which never leave the worker. */
let source: ImportSource | null = null;

function reply(message: WorkerReply): void {
	self.postMessage(message);
}

function progress(id: number) {
	return (done: number, total: number, phase: 'read' | 'plan' | 'write') => reply({ type: 'progress', id, done, total, phase });
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
	if (request.type === 'read') {
		source = null;
		const read = await parseImportFile(new Uint8Array(request.bytes), request.fileName, { format: request.format, onProgress: progress(request.id) });
		source = read;
		const mapping = suggestMapping(read, request.snapshot);
		const plan = planImport(read, mapping, request.snapshot, { onProgress: progress(request.id) });
		const preview = { format: read.format, elements: previewSheet(read.elements), connections: read.connections ? previewSheet(read.connections) : null };
		return { type: 'read', id: request.id, preview, mapping, plan };
	}
	if (source === null) return { type: 'error', id: request.id, code: 'no_file', message: 'No file has been read yet.', errors: [] };
	if (request.type === 'plan') return { type: 'plan', id: request.id, plan: planImport(source, request.mapping, request.snapshot, { onProgress: progress(request.id) }) };
	const replica = new Y.Doc();
	Y.applyUpdate(replica, request.state);
	return { type: 'prepare', id: request.id, parts: planParts(source, request.mapping, new MapModel(replica), progress(request.id)) };
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const { id } = event.data;
	try {
		reply(await handle(event.data));
	} catch (error) {
		if (error instanceof ImportFileError) reply({ type: 'error', id, code: error.code, message: error.message, errors: error.errors });
		else reply({ type: 'error', id, code: 'internal_error', message: error instanceof Error ? error.message : String(error), errors: [] });
	}
};
