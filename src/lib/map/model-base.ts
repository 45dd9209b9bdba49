// What every part of the map model shares: the document, the origin, read contexts and the checks against stored data.
import * as Y from 'yjs';
import type { CustomFieldView } from './catalog-schema';
import { validateCustomValue } from './custom-values';
import { mapParts, type MapParts } from './doc';
import { MapValidationError, fieldError, type FieldError } from './errors';
import { newId } from './ids';
import { observeMapChanges, type MapChange } from './observe';
import { readMeta, type ReadContext } from './read';
import { readCustomField } from './read-catalog';
import { CUSTOM_KEY, type CustomValue, type MetaView } from './schema';
import type { ValidationResult } from './checks';
import { isCustomFieldType, type CustomFieldTarget } from './vocabulary';
import { customMapOf, writeFields } from './write';

/** Seams for tests and the demo; production uses random ids and the clock. */
export interface MapModelOptions {
	newId?: () => string;
	now?: () => number;
}

export function valueOf<T>(result: ValidationResult<T>): T {
	if (!result.ok) throw new MapValidationError(result.errors);
	return result.value;
}

export function throwIfAny(errors: FieldError[]): void {
	if (errors.length > 0) throw new MapValidationError(errors);
}

export function byId<T extends { id: string }>(a: T, b: T): number {
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Checked custom values: field id -> value, null = remove. */
export type CustomWrites = Record<string, CustomValue | null>;

export class MapModelBase {
	readonly doc: Y.Doc;
	/** Every mutation's transaction origin: give it to `Y.UndoManager({ trackedOrigins })`. */
	readonly origin: unknown;
	readonly parts: MapParts;
	protected readonly createId: () => string;
	protected readonly now: () => number;

	constructor(
		doc: Y.Doc,
		origin: unknown = Object.freeze({ kartta: 'local', clientID: doc.clientID }),
		options: MapModelOptions = {}
	) {
		this.doc = doc;
		this.origin = origin;
		this.parts = mapParts(doc);
		this.createId = options.newId ?? newId;
		this.now = options.now ?? Date.now;
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

	meta(): MetaView {
		return readMeta(this.parts.meta);
	}

	/** Reports each transaction's changed ids once; returns the unsubscribe function. */
	observe(callback: (change: MapChange) => void): () => void {
		return observeMapChanges(this.doc, this.parts, (origin) => this.isLocalOrigin(origin), callback);
	}

	/** The stored field definition, read tolerantly; undefined when there is none. */
	field(id: string): CustomFieldView | undefined {
		const value = this.parts.fields.get(id);
		return value === undefined ? undefined : readCustomField(id, value);
	}

	/** Lookups for one read: field definitions are read once per context, not once per element. */
	protected readContext(): ReadContext {
		const fields = new Map<string, CustomFieldView | undefined>();
		return {
			hasActor: (id) => this.parts.actors.has(id),
			hasRegion: (id) => this.parts.regions.has(id),
			hasSector: (id) => this.parts.sectors.has(id),
			customField: (id) => {
				if (!fields.has(id)) fields.set(id, this.field(id));
				return fields.get(id);
			}
		};
	}

	/** Elements not stored as Y.Maps cannot be edited field by field: they can only be deleted. */
	protected editable(map: Y.Map<unknown>, id: string, what: string): Y.Map<unknown> {
		const element = map.get(id);
		if (element instanceof Y.Map) return element;
		const error =
			element === undefined
				? fieldError('id', 'not_found', `There is no ${what} with id "${id}"; it may have been deleted.`)
				: fieldError('id', 'invalid_type', `The ${what} "${id}" is stored unreadably; delete it and add it again.`);
		throw new MapValidationError([error]);
	}

	protected checkActorExists(id: string, field: string, errors: FieldError[]): void {
		if (!this.parts.actors.has(id)) errors.push(fieldError(field, 'unknown_actor', `There is no actor with id "${id}".`));
	}

	protected checkRegionExists(id: string | undefined, errors: FieldError[]): void {
		if (id !== undefined && !this.parts.regions.has(id)) {
			errors.push(fieldError('region', 'unknown_region', `There is no region with id "${id}".`));
		}
	}

	protected checkSectorsExist(ids: readonly string[] | null | undefined, errors: FieldError[]): void {
		ids?.forEach((id, index) => {
			if (!this.parts.sectors.has(id)) {
				errors.push(fieldError(`sectors.${index}`, 'unknown_sector', `There is no sector with id "${id}".`));
			}
		});
	}

	/** Checks each value against its field's definition; null (or an empty value) means remove. */
	protected checkCustomValues(kind: CustomFieldTarget, values: Record<string, unknown> | undefined, errors: FieldError[]): CustomWrites {
		const writes: CustomWrites = {};
		for (const [fieldId, value] of Object.entries(values ?? {})) {
			const path = `custom.${fieldId}`;
			const field = this.field(fieldId);
			if (field === undefined) {
				errors.push(fieldError(path, 'unknown_custom_field', `There is no custom field with id "${fieldId}".`));
			} else if (field.appliesTo !== kind) {
				errors.push(fieldError(path, 'unknown_custom_field', `The field "${field.name}" is not for ${kind}s.`));
			} else if (!isCustomFieldType(field.type)) {
				errors.push(fieldError(path, 'unknown_custom_field', `The field "${field.name}" has a type this version does not know.`));
			} else if (value === null) {
				writes[fieldId] = null;
			} else {
				const checked = validateCustomValue(field, value, path);
				if (checked.ok) writes[fieldId] = checked.value;
				else errors.push(...checked.errors);
			}
		}
		return writes;
	}

	/** Writes checked custom values, creating the element's `custom` map only when a value is set. */
	protected writeCustom(element: Y.Map<unknown>, writes: CustomWrites): void {
		const entries = Object.entries(writes);
		const hasMap = element.get(CUSTOM_KEY) instanceof Y.Map;
		if (entries.length === 0 || (!hasMap && entries.every(([, value]) => value === null))) return;
		writeFields(customMapOf(element), writes);
	}
}
