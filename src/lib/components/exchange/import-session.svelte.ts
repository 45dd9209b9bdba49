// One import in the dialog: reads and plans the file in a worker, keeps the mapping the user edits, and applies the plan as one undoable edit.
import * as Y from 'yjs';
import type { EditorSession } from '$lib/components/editor/editor-session.svelte';
import type { ActorColumnTarget, ImportFormat, ImportMapping, ImportPlan, ImportResult, LinkColumnTarget, RowError } from '$lib/exchange/types';
import { ImportFileError } from '$lib/exchange/types';
import { MAX_IMPORT_BYTES } from '$lib/exchange/limits';
import { MapValidationError } from '$lib/map';
import type { SourcePreview, WorkerReply, WorkerRequest } from './import-protocol';
import type { ValueField } from './import-labels';

export type ImportStage = 'choose' | 'working' | 'preview' | 'failed';

export interface ImportProgress {
	done: number;
	total: number;
	phase: 'read' | 'plan' | 'write';
}

export interface ImportFailure {
	code: string;
	message: string;
	errors: RowError[];
}

type Pending = { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void };

/** Rows that will be written or kept (everything not refused), and those refused. */
export function rowCounts(plan: ImportPlan): { importable: number; refused: number; writes: number } {
	const { actors, links } = plan.summary;
	const refused = actors.refused + links.refused;
	const writes = actors.create + actors.update + links.create + links.update;
	return { importable: actors.create + actors.update + actors.unchanged + links.create + links.update + links.unchanged, refused, writes };
}

export class ImportSession {
	stage = $state<ImportStage>('choose');
	fileName = $state('');
	progress = $state.raw<ImportProgress | null>(null);
	preview = $state.raw<SourcePreview | null>(null);
	mapping = $state.raw<ImportMapping | null>(null);
	plan = $state.raw<ImportPlan | null>(null);
	failure = $state.raw<ImportFailure | null>(null);
	/** True while a changed mapping is being re-planned (the preview shown is the previous one). */
	replanning = $state(false);

	readonly #editor: EditorSession;
	#worker: Worker | null = null;
	#nextId = 1;
	/** Only the newest plan request counts: an older answer arriving late is dropped. */
	#latestPlan = 0;
	readonly #pending = new Map<number, Pending>();

	constructor(editor: EditorSession) {
		this.#editor = editor;
	}

	destroy(): void {
		this.#worker?.terminate();
		this.#worker = null;
		for (const pending of this.#pending.values()) pending.reject(new Error('closed'));
		this.#pending.clear();
	}

	/** Back to choosing a file; the worker (and the file's rows in it) is let go. */
	reset(): void {
		this.destroy();
		this.stage = 'choose';
		this.fileName = '';
		this.progress = null;
		this.preview = null;
		this.mapping = null;
		this.plan = null;
		this.failure = null;
		this.replanning = false;
	}

	async read(file: File, format?: ImportFormat): Promise<void> {
		this.reset();
		this.fileName = file.name;
		if (file.size > MAX_IMPORT_BYTES) {
			this.#fail({ code: 'file_too_large', message: `The file is larger than ${MAX_IMPORT_BYTES} bytes.`, errors: [] });
			return;
		}
		this.stage = 'working';
		try {
			const bytes = await file.arrayBuffer();
			const reply = await this.#ask({ type: 'read', id: 0, bytes, fileName: file.name, format, snapshot: this.#editor.model.snapshot() }, [bytes]);
			if (reply.type === 'error') return this.#fail(reply);
			if (reply.type !== 'read') return;
			this.preview = reply.preview;
			this.mapping = reply.mapping;
			this.plan = reply.plan;
			this.stage = 'preview';
		} catch (error) {
			this.#fail({ code: 'internal_error', message: error instanceof Error ? error.message : String(error), errors: [] });
		} finally {
			this.progress = null;
		}
	}

	setColumn(sheet: 'elements', column: string, target: ActorColumnTarget): void;
	setColumn(sheet: 'connections', column: string, target: LinkColumnTarget): void;
	setColumn(sheet: 'elements' | 'connections', column: string, target: string): void {
		if (!this.mapping) return;
		this.#remap({ ...this.mapping, [sheet]: { ...this.mapping[sheet], [column]: target } });
	}

	/** `karttaValue` '' removes the mapping of that file value (the row then gets the default, or is refused). */
	setValue(field: ValueField, fileValue: string, karttaValue: string): void {
		if (!this.mapping) return;
		const values = { ...this.mapping.values[field] } as Record<string, string>;
		if (karttaValue === '') delete values[fileValue];
		else values[fileValue] = karttaValue;
		this.#remap({ ...this.mapping, values: { ...this.mapping.values, [field]: values } });
	}

	setDefaultActorKind(kind: ImportMapping['defaultActorKind']): void {
		if (this.mapping) this.#remap({ ...this.mapping, defaultActorKind: kind });
	}

	setDefaultLinkKind(kind: ImportMapping['defaultLinkKind']): void {
		if (this.mapping) this.#remap({ ...this.mapping, defaultLinkKind: kind });
	}

	/**
	 * Re-plans against the map as it is now (others may have edited since the preview), then applies
	 * that plan in the same turn, through the editor: one undo step, synced to everyone like any edit.
	 * A large file is written in several transactions (each update small enough to sync), still one
	 * undo step, and undone whole if any part fails. Returns what was done, or null (the failure says why).
	 */
	async apply(): Promise<ImportResult | null> {
		if (!this.mapping || !this.preview || this.stage !== 'preview') return null;
		const connectionsSheet = this.preview.connections?.name ?? null;
		this.stage = 'working';
		try {
			const { applyParts } = await import('./import-parts');
			const state = Y.encodeStateAsUpdate(this.#editor.model.doc);
			const reply = await this.#ask({ type: 'prepare', id: 0, mapping: $state.snapshot(this.mapping) as ImportMapping, state }, [state.buffer]);
			if (reply.type === 'error') {
				this.#fail(reply);
				return null;
			}
			if (reply.type !== 'prepare') return null;
			const refusal = reply.parts.find((part) => part.plan.fileErrors.length > 0);
			if (refusal) {
				const first = refusal.plan.fileErrors[0]!;
				this.#fail({ code: first.code, message: first.message, errors: refusal.plan.fileErrors });
				return null;
			}
			// Between parts the page repaints and the bar moves; the dialog is modal, so no edit of
			// this user's can slip into the import's undo step meanwhile.
			const repaint = async (done: number, total: number) => {
				this.progress = { done, total, phase: 'write' };
				await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
			};
			await repaint(0, reply.parts.length);
			let result: ImportResult | null = null;
			const outcome = await this.#editor.editAsOne(async (model) => {
				result = await applyParts(model, reply.parts, connectionsSheet, repaint);
			});
			if (!outcome.ok) {
				this.#fail({ code: 'invalid_value', message: outcome.errors.map((e) => `${e.field}: ${e.code}`).join('; '), errors: [] });
				return null;
			}
			return result;
		} catch (error) {
			if (error instanceof ImportFileError) this.#fail({ code: error.code, message: error.message, errors: error.errors });
			else if (error instanceof MapValidationError) this.#fail({ code: 'invalid_value', message: error.message, errors: [] });
			else this.#fail({ code: 'internal_error', message: error instanceof Error ? error.message : String(error), errors: [] });
			return null;
		} finally {
			this.progress = null;
		}
	}

	#fail(failure: ImportFailure): void {
		this.failure = { code: failure.code, message: failure.message, errors: failure.errors };
		this.stage = 'failed';
	}

	async #remap(mapping: ImportMapping): Promise<void> {
		this.mapping = mapping;
		this.replanning = true;
		try {
			const reply = await this.#planNow(mapping);
			if (reply.type === 'plan' && mapping === this.mapping) this.plan = reply.plan;
			else if (reply.type === 'error') this.#fail(reply);
		} catch {
			// Superseded by a newer mapping, or the dialog closed.
		} finally {
			if (mapping === this.mapping) this.replanning = false;
		}
	}

	#planNow(mapping: ImportMapping): Promise<WorkerReply> {
		const request: WorkerRequest = { type: 'plan', id: 0, mapping: $state.snapshot(mapping) as ImportMapping, snapshot: this.#editor.model.snapshot() };
		return this.#ask(request);
	}

	#ask(request: WorkerRequest, transfer: Transferable[] = []): Promise<WorkerReply> {
		const id = this.#nextId++;
		if (request.type === 'plan') this.#latestPlan = id;
		const worker = this.#ensureWorker();
		return new Promise<WorkerReply>((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			worker.postMessage({ ...request, id }, transfer);
		});
	}

	#ensureWorker(): Worker {
		if (this.#worker) return this.#worker;
		// Vite bundles the worker and the exchange core it imports from this exact pattern.
		const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<WorkerReply>) => this.#onReply(event.data);
		worker.onerror = (event) => {
			for (const pending of this.#pending.values()) pending.reject(new Error(event.message || 'the import worker failed'));
			this.#pending.clear();
		};
		this.#worker = worker;
		return worker;
	}

	#onReply(reply: WorkerReply): void {
		if (reply.type === 'progress') {
			this.progress = { done: reply.done, total: reply.total, phase: reply.phase };
			return;
		}
		const pending = this.#pending.get(reply.id);
		if (!pending) return;
		this.#pending.delete(reply.id);
		if (reply.type === 'plan' && reply.id !== this.#latestPlan) pending.reject(new Error('superseded'));
		else pending.resolve(reply);
	}
}
