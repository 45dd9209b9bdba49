// The map model: MapModel adds the map's catalogues (sectors, custom fields, saved views), custom values and snapshots.
import * as Y from 'yjs';
import type {
	CustomFieldInput,
	CustomFieldPatch,
	CustomFieldView,
	SavedView,
	SavedViewInput,
	SavedViewPatch,
	SectorInput,
	SectorPatch,
	SectorView
} from './catalog-schema';
import { clearDanglingRegions, clearDanglingSectors, deleteDanglingLinks, deleteOrphanCustomValues, sectorsWithout } from './cleanup';
import { MapValidationError, fieldError, type FieldError } from './errors';
import { byId, throwIfAny, valueOf } from './model-base';
import { ElementModel } from './model-elements';
import { readCustomField, readSavedView, readSector } from './read-catalog';
import { CUSTOM_KEY, type CustomValueInput, type MapSnapshot } from './schema';
import {
	validateCustomFieldInput,
	validateCustomFieldPatch,
	validateSavedViewInput,
	validateSavedViewPatch,
	validateSectorInput,
	validateSectorPatch
} from './validate-catalog';
import type { CustomFieldTarget } from './vocabulary';
import { elementMaps, newElement, writeFields } from './write';

export type { MapModelOptions } from './model-base';

/** How many references each housekeeping step removed. */
export interface CleanupReport {
	links: number;
	regions: number;
	sectors: number;
	customValues: number;
}

export class MapModel extends ElementModel {
	// ---- sectors

	addSector(input: SectorInput): string {
		const value = valueOf(validateSectorInput(input));
		const id = this.createId();
		this.transact(() => this.parts.sectors.set(id, newElement(value)));
		return id;
	}

	updateSector(id: string, patch: SectorPatch): void {
		const value = valueOf(validateSectorPatch(patch));
		const element = this.editable(this.parts.sectors, id, 'sector');
		this.transact(() => writeFields(element, value));
	}

	/** Removes the sector from every actor's `sectors` in the same transaction (one undo step restores all). */
	deleteSector(id: string): boolean {
		if (!this.parts.sectors.has(id)) return false;
		const members = elementMaps(this.parts.actors).filter((actor) => {
			const sectors = actor.get('sectors');
			return Array.isArray(sectors) && sectors.includes(id);
		});
		this.transact(() => {
			for (const actor of members) writeFields(actor, { sectors: sectorsWithout(actor.get('sectors'), (s) => s === id) });
			this.parts.sectors.delete(id);
		});
		return true;
	}

	sectors(): SectorView[] {
		const views: SectorView[] = [];
		this.parts.sectors.forEach((value, id) => views.push(readSector(id, value)));
		return views.sort(byId);
	}

	sector(id: string): SectorView | undefined {
		const value = this.parts.sectors.get(id);
		return value === undefined ? undefined : readSector(id, value);
	}

	// ---- custom field definitions

	addField(input: CustomFieldInput): string {
		const value = valueOf(validateCustomFieldInput(input));
		const id = this.createId();
		this.transact(() => this.parts.fields.set(id, newElement(value)));
		return id;
	}

	/** A new type keeps the stored values: readers flag the ones that no longer fit, and nothing is lost if it changes back. */
	updateField(id: string, patch: CustomFieldPatch): void {
		const element = this.editable(this.parts.fields, id, 'custom field');
		const stored = readCustomField(id, element);
		const value = valueOf(validateCustomFieldPatch(patch, { type: stored.type, hasOptions: stored.options !== undefined }));
		this.transact(() => writeFields(element, value));
	}

	/** Deletes the field and its values on every actor and link in one transaction (one undo step restores all). */
	deleteField(id: string): boolean {
		if (!this.parts.fields.has(id)) return false;
		const holders = [...elementMaps(this.parts.actors), ...elementMaps(this.parts.links)]
			.map((element) => element.get(CUSTOM_KEY))
			.filter((custom): custom is Y.Map<unknown> => custom instanceof Y.Map && custom.has(id));
		this.transact(() => {
			for (const custom of holders) custom.delete(id);
			this.parts.fields.delete(id);
		});
		return true;
	}

	fields(): CustomFieldView[] {
		const views: CustomFieldView[] = [];
		this.parts.fields.forEach((value, id) => views.push(readCustomField(id, value)));
		return views.sort(byId);
	}

	/**
	 * Sets one custom value, checked against the field's type and options; null, '' or [] removes
	 * it. Unlike a whole-element update, it touches only this field, so it merges with others' edits.
	 */
	setCustomValue(elementKind: CustomFieldTarget, id: string, fieldId: string, value: CustomValueInput | null): void {
		const map = elementKind === 'actor' ? this.parts.actors : elementKind === 'link' ? this.parts.links : null;
		if (map === null) {
			throw new MapValidationError([fieldError('elementKind', 'invalid_choice', 'The element kind must be actor or link.')]);
		}
		const element = this.editable(map, id, elementKind);
		const errors: FieldError[] = [];
		const writes = this.checkCustomValues(elementKind, { [fieldId]: value }, errors);
		throwIfAny(errors);
		this.transact(() => this.writeCustom(element, writes));
	}

	// ---- saved views

	addView(input: SavedViewInput): string {
		const value = valueOf(validateSavedViewInput(input));
		const id = this.createId();
		this.transact(() => this.parts.views.set(id, newElement(value)));
		return id;
	}

	updateView(id: string, patch: SavedViewPatch): void {
		const value = valueOf(validateSavedViewPatch(patch));
		const element = this.editable(this.parts.views, id, 'view');
		this.transact(() => writeFields(element, value));
	}

	deleteView(id: string): boolean {
		if (!this.parts.views.has(id)) return false;
		this.transact(() => this.parts.views.delete(id));
		return true;
	}

	views(): SavedView[] {
		const views: SavedView[] = [];
		this.parts.views.forEach((value, id) => views.push(readSavedView(id, value)));
		return views.sort(byId);
	}

	view(id: string): SavedView | undefined {
		const value = this.parts.views.get(id);
		return value === undefined ? undefined : readSavedView(id, value);
	}

	// ---- the whole map

	/** Sorted by id, so equal documents give equal snapshots on every replica. */
	snapshot(): MapSnapshot {
		const { schemaVersion, title } = this.meta();
		return {
			schemaVersion,
			title,
			actors: this.actors(),
			links: this.links(),
			regions: this.regions(),
			sectors: this.sectors(),
			fields: this.fields(),
			views: this.views()
		};
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

	/** Removes deleted sectors' ids from actors (concurrent sector delete + assignment). Idempotent. */
	cleanupDanglingSectors(): number {
		return clearDanglingSectors(this.doc, this.parts);
	}

	/** Deletes values of custom fields that no longer exist (concurrent field delete + value set). Idempotent. */
	cleanupOrphanCustomValues(): number {
		return deleteOrphanCustomValues(this.doc, this.parts);
	}

	/** Every housekeeping step, links first (they may point at nothing once actors are gone). */
	cleanup(): CleanupReport {
		return {
			links: this.cleanupDanglingLinks(),
			regions: this.cleanupDanglingRegions(),
			sectors: this.cleanupDanglingSectors(),
			customValues: this.cleanupOrphanCustomValues()
		};
	}
}
