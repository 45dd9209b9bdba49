// The map model: validated, transactional edits and tolerant queries over one map's Y.Doc.
import * as Y from 'yjs';
import { mapParts, type MapParts } from './doc';
import { MapValidationError, fieldError, type FieldError } from './errors';
import { clearDanglingRegions, deleteDanglingLinks } from './cleanup';
import { newId } from './ids';
import { observeMapChanges, type MapChange } from './observe';
import { readActor, readLink, readMeta, readRegion, type ReadContext } from './read';
import {
	DEFAULT_POSITION,
	type ActorFields,
	type ActorInput,
	type ActorPatch,
	type ActorView,
	type LinkFields,
	type LinkInput,
	type LinkPatch,
	type LinkView,
	type MapSnapshot,
	type MetaView,
	type Position,
	type RegionInput,
	type RegionPatch,
	type RegionView
} from './schema';
import {
	checkNotSelfLink,
	validateActorInput,
	validateActorPatch,
	validateLinkInput,
	validateLinkPatch,
	validatePosition,
	validateRegionInput,
	validateRegionPatch,
	validateTitle,
	type ValidationResult
} from './validate';
import { elementMaps, endpointsOf, newElement, writeFields } from './write';

/** Seams for tests and the demo; production uses random ids and the clock. */
export interface MapModelOptions {
	newId?: () => string;
	now?: () => number;
}

function valueOf<T>(result: ValidationResult<T>): T {
	if (!result.ok) throw new MapValidationError(result.errors);
	return result.value;
}

function throwIfAny(errors: FieldError[]): void {
	if (errors.length > 0) throw new MapValidationError(errors);
}

function byId<T extends { id: string }>(a: T, b: T): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class MapModel {
	readonly doc: Y.Doc;
	/** Every mutation's transaction origin: give it to `Y.UndoManager({ trackedOrigins })`. */
	readonly origin: unknown;
	readonly parts: MapParts;
	readonly #newId: () => string;
	readonly #now: () => number;
	readonly #context: ReadContext;

	constructor(
		doc: Y.Doc,
		origin: unknown = Object.freeze({ kartta: 'local', clientID: doc.clientID }),
		options: MapModelOptions = {}
	) {
		this.doc = doc;
		this.origin = origin;
		this.parts = mapParts(doc);
		this.#newId = options.newId ?? newId;
		this.#now = options.now ?? Date.now;
		this.#context = {
			hasActor: (id) => this.parts.actors.has(id),
			hasRegion: (id) => this.parts.regions.has(id)
		};
	}

	/**
	 * Runs several edits as one transaction: one update on the wire, one undo step. Yjs has no
	 * rollback, so if `fn` throws, the edits it made before the throw stay.
	 */
	transact<T>(fn: () => T): T {
		return this.doc.transact(fn, this.origin);
	}

	/** Undo and redo run under the undo manager's origin; they still count as this user's edits. */
	isLocalOrigin(origin: unknown): boolean {
		return origin === this.origin || (origin instanceof Y.UndoManager && origin.trackedOrigins.has(this.origin));
	}

	addActor(input: ActorInput): string {
		const value = valueOf(validateActorInput(input));
		const errors: FieldError[] = [];
		this.#checkRegionExists(value.region, errors);
		throwIfAny(errors);
		const fields: ActorFields = {
			name: value.name,
			kind: value.kind,
			pos: value.pos ?? { ...DEFAULT_POSITION },
			createdAt: this.#now()
		};
		if (value.region !== undefined) fields.region = value.region;
		if (value.description !== undefined) fields.description = value.description;
		const id = this.#newId();
		this.transact(() => this.parts.actors.set(id, newElement(fields)));
		return id;
	}

	updateActor(id: string, patch: ActorPatch): void {
		const value = valueOf(validateActorPatch(patch));
		const element = this.#editable(this.parts.actors, id, 'actor');
		const errors: FieldError[] = [];
		if (typeof value.region === 'string') this.#checkRegionExists(value.region, errors);
		throwIfAny(errors);
		this.transact(() => writeFields(element, value));
	}

	/**
	 * Returns false when the actor is gone: a drop must not fail because a collaborator deleted
	 * the actor meanwhile. An invalid position still throws.
	 */
	moveActor(id: string, pos: Position): boolean {
		return this.moveActors(new Map([[id, pos]])) === 1;
	}

	/** Moves a selection in one transaction; returns how many actors moved (missing ones are skipped). */
	moveActors(positions: ReadonlyMap<string, Position> | Readonly<Record<string, Position>>): number {
		const entries = positions instanceof Map ? [...positions] : Object.entries(positions);
		const errors: FieldError[] = [];
		const moves: [Y.Map<unknown>, Position][] = [];
		for (const [id, pos] of entries) {
			const result = validatePosition(pos, `positions.${id}`);
			const element = this.parts.actors.get(id);
			if (!result.ok) errors.push(...result.errors);
			else if (element instanceof Y.Map) moves.push([element, result.value]);
		}
		throwIfAny(errors);
		if (moves.length > 0) this.transact(() => moves.forEach(([element, pos]) => writeFields(element, { pos })));
		return moves.length;
	}

	/** Deletes the actor and its links in one transaction (one undo step restores all). */
	deleteActor(id: string): boolean {
		return this.deleteActors([id]) === 1;
	}

	/** Ids already gone are skipped, so a repeated or concurrent delete is harmless; returns how many were deleted. */
	deleteActors(ids: Iterable<string>): number {
		const doomed = new Set([...ids].filter((id) => this.parts.actors.has(id)));
		if (doomed.size === 0) return 0;
		const doomedLinks: string[] = [];
		this.parts.links.forEach((link, linkId) => {
			const [source, target] = endpointsOf(link);
			if (doomed.has(source as string) || doomed.has(target as string)) doomedLinks.push(linkId);
		});
		this.transact(() => {
			for (const linkId of doomedLinks) this.parts.links.delete(linkId);
			for (const id of doomed) this.parts.actors.delete(id);
		});
		return doomed.size;
	}

	addLink(input: LinkInput): string {
		const value = valueOf(validateLinkInput(input));
		const errors: FieldError[] = [];
		this.#checkActorExists(value.source, 'source', errors);
		this.#checkActorExists(value.target, 'target', errors);
		throwIfAny(errors);
		const fields: LinkFields = value;
		const id = this.#newId();
		this.transact(() => this.parts.links.set(id, newElement(fields)));
		return id;
	}

	updateLink(id: string, patch: LinkPatch): void {
		const value = valueOf(validateLinkPatch(patch));
		const element = this.#editable(this.parts.links, id, 'link');
		const errors: FieldError[] = [];
		if (value.source !== undefined) this.#checkActorExists(value.source, 'source', errors);
		if (value.target !== undefined) this.#checkActorExists(value.target, 'target', errors);
		if (value.source !== undefined || value.target !== undefined) {
			const [source, target] = endpointsOf(element);
			checkNotSelfLink(value.source ?? (source as string), value.target ?? (target as string), errors);
		}
		throwIfAny(errors);
		this.transact(() => writeFields(element, value));
	}

	deleteLink(id: string): boolean {
		if (!this.parts.links.has(id)) return false;
		this.transact(() => this.parts.links.delete(id));
		return true;
	}

	addRegion(input: RegionInput): string {
		const value = valueOf(validateRegionInput(input));
		const id = this.#newId();
		this.transact(() => this.parts.regions.set(id, newElement(value)));
		return id;
	}

	updateRegion(id: string, patch: RegionPatch): void {
		const value = valueOf(validateRegionPatch(patch));
		const element = this.#editable(this.parts.regions, id, 'region');
		this.transact(() => writeFields(element, value));
	}

	/** Clears the region of its actors in the same transaction; the actors themselves stay. */
	deleteRegion(id: string): boolean {
		if (!this.parts.regions.has(id)) return false;
		const members = elementMaps(this.parts.actors).filter((actor) => actor.get('region') === id);
		this.transact(() => {
			for (const actor of members) actor.delete('region');
			this.parts.regions.delete(id);
		});
		return true;
	}

	/** null or blank removes the title. */
	setTitle(title: string | null): void {
		const value = valueOf(validateTitle(title));
		this.transact(() => writeFields(this.parts.meta, { title: value }));
	}

	actors(): ActorView[] {
		const views: ActorView[] = [];
		this.parts.actors.forEach((value, id) => views.push(readActor(id, value, this.#context)));
		return views.sort(byId);
	}

	actor(id: string): ActorView | undefined {
		const value = this.parts.actors.get(id);
		return value === undefined ? undefined : readActor(id, value, this.#context);
	}

	links(): LinkView[] {
		const views: LinkView[] = [];
		this.parts.links.forEach((value, id) => views.push(readLink(id, value, this.#context)));
		return views.sort(byId);
	}

	link(id: string): LinkView | undefined {
		const value = this.parts.links.get(id);
		return value === undefined ? undefined : readLink(id, value, this.#context);
	}

	/** Links with the actor at either end. */
	linksOf(actorId: string): LinkView[] {
		return this.links().filter((link) => link.source === actorId || link.target === actorId);
	}

	regions(): RegionView[] {
		const views: RegionView[] = [];
		this.parts.regions.forEach((value, id) => views.push(readRegion(id, value)));
		return views.sort(byId);
	}

	region(id: string): RegionView | undefined {
		const value = this.parts.regions.get(id);
		return value === undefined ? undefined : readRegion(id, value);
	}

	meta(): MetaView {
		return readMeta(this.parts.meta);
	}

	/** Sorted by id, so equal documents give equal snapshots on every replica. */
	snapshot(): MapSnapshot {
		const { schemaVersion, title } = this.meta();
		return { schemaVersion, title, actors: this.actors(), links: this.links(), regions: this.regions() };
	}

	/**
	 * Deletes links whose endpoint no longer exists (concurrent deletes can leave them). Idempotent;
	 * runs under MAINTENANCE_ORIGIN, so nobody's undo brings them back. Returns how many it deleted.
	 */
	cleanupDanglingLinks(): number {
		return deleteDanglingLinks(this.doc, this.parts);
	}

	/** Clears actors' references to deleted regions (concurrent region delete + assignment). Idempotent. */
	cleanupDanglingRegions(): number {
		return clearDanglingRegions(this.doc, this.parts);
	}

	/** Reports each transaction's changed ids once; returns the unsubscribe function. */
	observe(callback: (change: MapChange) => void): () => void {
		return observeMapChanges(this.doc, this.parts, (origin) => this.isLocalOrigin(origin), callback);
	}

	/** Elements not stored as Y.Maps cannot be edited field by field: they can only be deleted. */
	#editable(map: Y.Map<unknown>, id: string, what: string): Y.Map<unknown> {
		const element = map.get(id);
		if (element instanceof Y.Map) return element;
		const error =
			element === undefined
				? fieldError('id', 'not_found', `There is no ${what} with id "${id}"; it may have been deleted.`)
				: fieldError('id', 'invalid_type', `The ${what} "${id}" is stored unreadably; delete it and add it again.`);
		throw new MapValidationError([error]);
	}

	#checkActorExists(id: string, field: string, errors: FieldError[]): void {
		if (!this.parts.actors.has(id)) {
			errors.push(fieldError(field, 'unknown_actor', `There is no actor with id "${id}".`));
		}
	}

	#checkRegionExists(id: string | undefined, errors: FieldError[]): void {
		if (id !== undefined && !this.parts.regions.has(id)) {
			errors.push(fieldError('region', 'unknown_region', `There is no region with id "${id}".`));
		}
	}
}
