// The map model's elements: validated, transactional edits and tolerant queries of actors, links, regions and the title.
import * as Y from 'yjs';
import type { FieldError } from './errors';
import { MapModelBase, byId, throwIfAny, valueOf } from './model-base';
import { readActor, readActorPlacement, readLink, readLinkEnds, readRegion, type ActorPlacement, type LinkEnds } from './read';
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
	validateTitle
} from './validate';
import { elementMaps, endpointsOf, newCustomizableElement, newElement, writeFields } from './write';

/** Non-null values only: a new element stores no key for "none". */
function withoutNulls(custom: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(custom).filter(([, value]) => value !== null));
}

export class ElementModel extends MapModelBase {
	addActor(input: ActorInput): string {
		const { custom, ...value } = valueOf(validateActorInput(input));
		const errors: FieldError[] = [];
		this.checkRegionExists(value.region, errors);
		this.checkSectorsExist(value.sectors, errors);
		const customValues = this.checkCustomValues('actor', custom, errors);
		throwIfAny(errors);
		const fields: ActorFields = { ...value, pos: value.pos ?? { ...DEFAULT_POSITION }, createdAt: this.now() };
		const id = this.createId();
		this.transact(() => this.parts.actors.set(id, newCustomizableElement(fields, withoutNulls(customValues))));
		return id;
	}

	/** `custom` in the patch changes only the field ids it names; null removes one value. */
	updateActor(id: string, patch: ActorPatch): void {
		const { custom, ...value } = valueOf(validateActorPatch(patch));
		const element = this.editable(this.parts.actors, id, 'actor');
		const errors: FieldError[] = [];
		if (typeof value.region === 'string') this.checkRegionExists(value.region, errors);
		this.checkSectorsExist(value.sectors, errors);
		const customValues = this.checkCustomValues('actor', custom, errors);
		throwIfAny(errors);
		this.transact(() => {
			writeFields(element, value);
			this.writeCustom(element, customValues);
		});
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
		const { custom, ...value } = valueOf(validateLinkInput(input));
		const errors: FieldError[] = [];
		this.checkActorExists(value.source, 'source', errors);
		this.checkActorExists(value.target, 'target', errors);
		const customValues = this.checkCustomValues('link', custom, errors);
		throwIfAny(errors);
		const fields: LinkFields = { ...value, createdAt: this.now() };
		const id = this.createId();
		this.transact(() => this.parts.links.set(id, newCustomizableElement(fields, withoutNulls(customValues))));
		return id;
	}

	updateLink(id: string, patch: LinkPatch): void {
		const { custom, ...value } = valueOf(validateLinkPatch(patch));
		const element = this.editable(this.parts.links, id, 'link');
		const errors: FieldError[] = [];
		if (value.source !== undefined) this.checkActorExists(value.source, 'source', errors);
		if (value.target !== undefined) this.checkActorExists(value.target, 'target', errors);
		if (value.source !== undefined || value.target !== undefined) {
			const [source, target] = endpointsOf(element);
			checkNotSelfLink(value.source ?? (source as string), value.target ?? (target as string), errors);
		}
		const customValues = this.checkCustomValues('link', custom, errors);
		throwIfAny(errors);
		this.transact(() => {
			writeFields(element, value);
			this.writeCustom(element, customValues);
		});
	}

	deleteLink(id: string): boolean {
		if (!this.parts.links.has(id)) return false;
		this.transact(() => this.parts.links.delete(id));
		return true;
	}

	addRegion(input: RegionInput): string {
		const value = valueOf(validateRegionInput(input));
		const id = this.createId();
		this.transact(() => this.parts.regions.set(id, newElement(value)));
		return id;
	}

	updateRegion(id: string, patch: RegionPatch): void {
		const value = valueOf(validateRegionPatch(patch));
		const element = this.editable(this.parts.regions, id, 'region');
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
		const context = this.readContext();
		const views: ActorView[] = [];
		this.parts.actors.forEach((value, id) => views.push(readActor(id, value, context)));
		return views.sort(byId);
	}

	/** Every actor's kind and position (by id, as actors()): what a picture of the whole map needs. */
	actorPlacements(): ActorPlacement[] {
		const placements: ActorPlacement[] = [];
		this.parts.actors.forEach((value, id) => placements.push(readActorPlacement(id, value)));
		return placements.sort(byId);
	}

	actor(id: string): ActorView | undefined {
		const value = this.parts.actors.get(id);
		return value === undefined ? undefined : readActor(id, value, this.readContext());
	}

	links(): LinkView[] {
		const context = this.readContext();
		const views: LinkView[] = [];
		this.parts.links.forEach((value, id) => views.push(readLink(id, value, context)));
		return views.sort(byId);
	}

	/** Every link's ends and kind (by id, as links()). */
	linkEnds(): LinkEnds[] {
		const ends: LinkEnds[] = [];
		this.parts.links.forEach((value, id) => ends.push(readLinkEnds(id, value)));
		return ends.sort(byId);
	}

	link(id: string): LinkView | undefined {
		const value = this.parts.links.get(id);
		return value === undefined ? undefined : readLink(id, value, this.readContext());
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
}
