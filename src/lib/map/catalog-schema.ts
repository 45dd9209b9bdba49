// The map's catalogues (since schema version 2): sectors, custom field definitions and saved views, as stored and as read.
import type { FieldError } from './errors';
import type { UnknownKind } from './schema';
import type { CustomFieldTarget, CustomFieldType } from './vocabulary';

/** `sectors`: id -> Y.Map. Actors refer to sectors by id in their `sectors` list. */
export interface SectorFields {
	name: string;
	/** A growth sector the region's strategy singles out. */
	growth: boolean;
	description?: string;
}

/** `fields`: id -> Y.Map. Values live in each element's nested `custom` map under the field's id. */
export interface CustomFieldFields {
	name: string;
	type: CustomFieldType;
	/** Fixed at creation: moving a field between actors and links would orphan its values. */
	appliesTo: CustomFieldTarget;
	/** For `choice` and `multi_choice`; kept (unused) if the type changes to another. */
	options?: string[];
}

/** Plain JSON, as stored in a saved view's `filter` and `style` (opaque to the model). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface Viewport {
	zoom: number;
	pan: { x: number; y: number };
}

/** `views`: id -> Y.Map. A saved view: what to show and how, for the editor to apply. */
export interface SavedViewFields {
	name: string;
	filter: JsonObject;
	style: JsonObject;
	/** Name of a layout (e.g. 'preset', 'fcose'); the editor decides which names it knows. */
	layout?: string;
	viewport?: Viewport;
}

export interface SectorView extends SectorFields {
	id: string;
	issues: FieldError[];
}

export interface CustomFieldView extends Omit<CustomFieldFields, 'type' | 'appliesTo'> {
	id: string;
	type: CustomFieldType | UnknownKind;
	appliesTo: CustomFieldTarget | UnknownKind;
	issues: FieldError[];
}

export interface SavedView extends SavedViewFields {
	id: string;
	issues: FieldError[];
}

// Inputs; in a patch undefined leaves a field alone and null removes an optional one.
export interface SectorInput {
	name: string;
	growth?: boolean | undefined;
	description?: string | null | undefined;
}

export interface SectorPatch {
	name?: string | undefined;
	growth?: boolean | undefined;
	description?: string | null | undefined;
}

export interface CustomFieldInput {
	name: string;
	type: CustomFieldType;
	appliesTo: CustomFieldTarget;
	options?: readonly string[] | null | undefined;
}

/** Changing `type` keeps the stored values; readers flag those that no longer fit. */
export interface CustomFieldPatch {
	name?: string | undefined;
	type?: CustomFieldType | undefined;
	options?: readonly string[] | null | undefined;
}

export interface SavedViewInput {
	name: string;
	filter?: JsonObject | undefined;
	style?: JsonObject | undefined;
	layout?: string | null | undefined;
	viewport?: Viewport | null | undefined;
}

export interface SavedViewPatch {
	name?: string | undefined;
	filter?: JsonObject | undefined;
	style?: JsonObject | undefined;
	layout?: string | null | undefined;
	viewport?: Viewport | null | undefined;
}
