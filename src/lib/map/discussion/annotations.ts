// The discussion model's annotations: gaps, development targets and growth-sector notes, with validated edits and tolerant reads.
import * as Y from 'yjs';
import { MapValidationError, fieldError, type FieldError } from '../errors';
import { newId } from '../ids';
import type { ValidationResult } from '../checks';
import { newElement, writeFields } from '../write';
import { discussionParts, type DiscussionParts } from './doc';
import { readGap, readGrowthSectorNote, readTarget, type AnchorCheck } from './read';
import type {
	GapInput,
	GapPatch,
	GapView,
	GrowthSectorNoteInput,
	GrowthSectorNotePatch,
	GrowthSectorNoteView,
	TargetInput,
	TargetPatch,
	TargetView
} from './schema';
import {
	validateGapInput,
	validateGapPatch,
	validateGrowthSectorNoteInput,
	validateGrowthSectorNotePatch,
	validateTargetInput,
	validateTargetPatch
} from './validate';

/** Kinds of map-document elements an anchor can name; the discussion document cannot see them itself. */
export type MapAnchorKind = 'actor' | 'link' | 'region';

export interface DiscussionModelOptions {
	newId?: () => string;
	now?: () => number;
	/**
	 * Whether an actor, link or region exists in the map document; give it to refuse (and flag)
	 * anchors to deleted elements. Without it such anchors are accepted unchecked.
	 */
	mapHas?: (kind: MapAnchorKind, id: string) => boolean;
}

export function valueOf<T>(result: ValidationResult<T>): T {
	if (!result.ok) throw new MapValidationError(result.errors);
	return result.value;
}

export function byId<T extends { id: string }>(a: T, b: T): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Which annotation map holds an anchor kind of this document. */
const LOCAL_ANCHORS = { gap: 'gaps', target: 'targets', growthSector: 'growthSectors' } as const;

export class AnnotationModel {
	readonly doc: Y.Doc;
	/** Every mutation's transaction origin (for an UndoManager's trackedOrigins). */
	readonly origin: unknown;
	readonly parts: DiscussionParts;
	protected readonly createId: () => string;
	protected readonly now: () => number;
	protected readonly mapHas: DiscussionModelOptions['mapHas'];

	constructor(
		doc: Y.Doc,
		origin: unknown = Object.freeze({ kartta: 'discussion', clientID: doc.clientID }),
		options: DiscussionModelOptions = {}
	) {
		this.doc = doc;
		this.origin = origin;
		this.parts = discussionParts(doc);
		this.createId = options.newId ?? newId;
		this.now = options.now ?? Date.now;
		this.mapHas = options.mapHas;
	}

	transact<T>(fn: () => T): T {
		return this.doc.transact(fn, this.origin);
	}

	isLocalOrigin(origin: unknown): boolean {
		return origin === this.origin || (origin instanceof Y.UndoManager && origin.trackedOrigins.has(this.origin));
	}

	// ---- gaps

	addGap(input: GapInput): string {
		const value = valueOf(validateGapInput(input));
		this.#throwIfUnknownAnchor(value.anchor.kind === 'point' ? null : value.anchor);
		return this.#add(this.parts.gaps, value);
	}

	updateGap(id: string, patch: GapPatch): void {
		const value = valueOf(validateGapPatch(patch));
		const element = this.editable(this.parts.gaps, id, 'gap');
		if (value.anchor && value.anchor.kind !== 'point') this.#throwIfUnknownAnchor(value.anchor);
		this.transact(() => writeFields(element, value));
	}

	/** Deletes the gap and the threads about it in one transaction. */
	deleteGap(id: string): boolean {
		return this.#deleteAnnotation(this.parts.gaps, 'gap', id);
	}

	gaps(): GapView[] {
		const exists = this.anchorCheck();
		return this.#list(this.parts.gaps, (id, value) => readGap(id, value, exists));
	}

	gap(id: string): GapView | undefined {
		const value = this.parts.gaps.get(id);
		return value === undefined ? undefined : readGap(id, value, this.anchorCheck());
	}

	// ---- development targets

	addTarget(input: TargetInput): string {
		return this.#add(this.parts.targets, valueOf(validateTargetInput(input)));
	}

	updateTarget(id: string, patch: TargetPatch): void {
		const value = valueOf(validateTargetPatch(patch));
		const element = this.editable(this.parts.targets, id, 'target');
		this.transact(() => writeFields(element, value));
	}

	deleteTarget(id: string): boolean {
		return this.#deleteAnnotation(this.parts.targets, 'target', id);
	}

	targets(): TargetView[] {
		return this.#list(this.parts.targets, readTarget);
	}

	target(id: string): TargetView | undefined {
		const value = this.parts.targets.get(id);
		return value === undefined ? undefined : readTarget(id, value);
	}

	// ---- notes on growth sectors

	addGrowthSectorNote(input: GrowthSectorNoteInput): string {
		return this.#add(this.parts.growthSectors, valueOf(validateGrowthSectorNoteInput(input)));
	}

	updateGrowthSectorNote(id: string, patch: GrowthSectorNotePatch): void {
		const value = valueOf(validateGrowthSectorNotePatch(patch));
		const element = this.editable(this.parts.growthSectors, id, 'growth-sector note');
		this.transact(() => writeFields(element, value));
	}

	deleteGrowthSectorNote(id: string): boolean {
		return this.#deleteAnnotation(this.parts.growthSectors, 'growthSector', id);
	}

	growthSectorNotes(): GrowthSectorNoteView[] {
		return this.#list(this.parts.growthSectors, readGrowthSectorNote);
	}

	growthSectorNote(id: string): GrowthSectorNoteView | undefined {
		const value = this.parts.growthSectors.get(id);
		return value === undefined ? undefined : readGrowthSectorNote(id, value);
	}

	// ---- shared

	/** false = the anchored thing is known to be gone; undefined = cannot tell (map element without `mapHas`). */
	protected anchorCheck(): AnchorCheck {
		return (kind, id) => {
			if (kind in LOCAL_ANCHORS) return this.parts[LOCAL_ANCHORS[kind as keyof typeof LOCAL_ANCHORS]].has(id);
			if ((kind === 'actor' || kind === 'link' || kind === 'region') && this.mapHas) return this.mapHas(kind, id);
			return undefined;
		};
	}

	protected throwIfUnknownAnchorOf(anchor: { kind: string; id: string }): void {
		this.#throwIfUnknownAnchor(anchor);
	}

	protected editable(map: Y.Map<unknown>, id: string, what: string): Y.Map<unknown> {
		const element = map.get(id);
		if (element instanceof Y.Map) return element;
		const error =
			element === undefined
				? fieldError('id', 'not_found', `There is no ${what} with id "${id}"; it may have been deleted.`)
				: fieldError('id', 'invalid_type', `The ${what} "${id}" is stored unreadably; delete it and add it again.`);
		throw new MapValidationError([error]);
	}

	/** Ids of threads anchored to the given annotation (or map element). */
	protected threadIdsAbout(kind: string, id: string): string[] {
		const ids: string[] = [];
		this.parts.threads.forEach((thread, threadId) => {
			const anchor = thread instanceof Y.Map ? thread.get('anchor') : undefined;
			const matches = typeof anchor === 'object' && anchor !== null && (anchor as { kind?: unknown }).kind === kind;
			if (matches && (anchor as { id?: unknown }).id === id) ids.push(threadId);
		});
		return ids;
	}

	#throwIfUnknownAnchor(anchor: { kind: string; id: string } | null): void {
		if (anchor && this.anchorCheck()(anchor.kind, anchor.id) === false) {
			const errors: FieldError[] = [fieldError('anchor', 'unknown_anchor', `There is no ${anchor.kind} with id "${anchor.id}".`)];
			throw new MapValidationError(errors);
		}
	}

	#add(map: Y.Map<unknown>, fields: object): string {
		const id = this.createId();
		this.transact(() => map.set(id, newElement({ ...fields, createdAt: this.now() })));
		return id;
	}

	/** The annotation and every thread about it go in one transaction: no thread is left about nothing. */
	#deleteAnnotation(map: Y.Map<unknown>, anchorKind: string, id: string): boolean {
		if (!map.has(id)) return false;
		const threads = this.threadIdsAbout(anchorKind, id);
		this.transact(() => {
			for (const threadId of threads) this.parts.threads.delete(threadId);
			map.delete(id);
		});
		return true;
	}

	#list<T extends { id: string }>(map: Y.Map<unknown>, read: (id: string, value: unknown) => T): T[] {
		const views: T[] = [];
		map.forEach((value, id) => views.push(read(id, value)));
		return views.sort(byId);
	}
}
