// The map document's schema in one place: version, kinds, field names, limits and the plain view types.
import type { FieldError } from './errors';
import type { SectorView, CustomFieldView, SavedView } from './catalog-schema';
import type { ActorRole, LinkDirection, LinkStatus, SizeClass } from './vocabulary';

/** Bump together with a new entry in `MIGRATIONS` (migrations.ts). */
export const SCHEMA_VERSION = 2;

// Names of the top-level Y.Maps; they are the public contract with y-websocket scripts.
export const ACTORS_MAP = 'actors';
export const LINKS_MAP = 'links';
export const REGIONS_MAP = 'regions';
export const META_MAP = 'meta';
// Since version 2: the map's own catalogues.
export const SECTORS_MAP = 'sectors';
export const FIELDS_MAP = 'fields';
export const VIEWS_MAP = 'views';
/** The nested Y.Map on an actor or link holding its custom field values (field id -> value). */
export const CUSTOM_KEY = 'custom';

export const ACTOR_KINDS = [
	'company',
	'education',
	'rdi',
	'public',
	'development',
	'funding',
	'association',
	'other'
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const LINK_KINDS = [
	'rdi_project',
	'education',
	'customer_supplier',
	'funding',
	'pilot_environment',
	'mobility',
	'membership',
	'informal'
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

// Limits keep one element's update small and stop a client from bloating everyone's document.
export const MAX_NAME_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_TITLE_LENGTH = 200;
/** Canvas coordinates are bounded so a stray value cannot push the layout to infinity. */
export const MAX_COORDINATE = 1e6;
/** Ids we generate are ID_LENGTH long; ids written by other tools are accepted up to this. */
export const MAX_ID_LENGTH = 64;
/** 16 symbols from a 64-letter alphabet = 96 random bits: collisions are not a concern. */
export const ID_LENGTH = 16;

/** Where an actor without a stored or readable position is drawn. */
export const DEFAULT_POSITION: Readonly<Position> = Object.freeze({ x: 0, y: 0 });

export interface Position {
	x: number;
	y: number;
}

// Stored fields of each element, exactly as they appear in the nested Y.Map.
export interface ActorFields {
	name: string;
	kind: ActorKind;
	region?: string;
	/** One value, never separate x and y keys: concurrent moves then never interleave. */
	pos: Position;
	description?: string;
	createdAt: number;
	// Version 2. Lists are whole values: the last writer wins for the whole list.
	roles?: ActorRole[];
	/** Ids of entries in `sectors`. */
	sectors?: string[];
	/** Finnish Business ID (Y-tunnus), normalised to NNNNNNN-C with a valid check digit. */
	businessId?: string;
	sizeClass?: SizeClass;
	/** An http or https URL. */
	website?: string;
	tags?: string[];
}

export interface LinkFields {
	source: string;
	target: string;
	kind: LinkKind;
	description?: string;
	// Version 2.
	/** Whole number from MIN_LINK_STRENGTH to MAX_LINK_STRENGTH. */
	strength?: number;
	direction?: LinkDirection;
	status?: LinkStatus;
	/** One value, like `pos`, so a concurrent edit never pairs one person's `from` with another's `to`. */
	years?: YearRange;
	/** Where the link is known from: a source, a document, a person's statement. */
	evidence?: string;
	/**
	 * Milliseconds since 1970 UTC, set once by `addLink`. Optional: links written before it existed
	 * (or by scripts) have none, and readers must not flag that. The gap finder ages planned links by it.
	 */
	createdAt?: number;
}

/** Years a link was active; either end may be open. */
export interface YearRange {
	from?: number;
	to?: number;
}

/** A custom field's value as readers show it: text, date and choice as string, multi-choice as string[]. */
export type CustomValue = string | number | string[];
export type CustomValueInput = string | number | readonly string[];
/** In an input or patch, null (or an empty value) removes that field's value. */
export type CustomValuesInput = Readonly<Record<string, CustomValueInput | null | undefined>>;

export interface RegionFields {
	name: string;
}

export interface MetaFields {
	schemaVersion: number;
	title?: string;
}

// Valid records with their ids.
export type Actor = ActorFields & { id: string };
export type Link = LinkFields & { id: string };
export type Region = RegionFields & { id: string };

/** A stored kind the code does not know is kept as-is (shown as invalid), hence the open string. */
export type UnknownKind = string & {};

// What readers return: possibly-invalid data from other clients, with its problems listed.
export interface ActorView extends Omit<Actor, 'kind' | 'roles' | 'sizeClass'> {
	kind: ActorKind | UnknownKind;
	roles?: (ActorRole | UnknownKind)[];
	sizeClass?: SizeClass | UnknownKind;
	/** Field id -> value; present when the actor has at least one readable value. */
	custom?: Record<string, CustomValue>;
	issues: FieldError[];
}

export interface LinkView extends Omit<Link, 'kind' | 'direction' | 'status'> {
	kind: LinkKind | UnknownKind;
	direction?: LinkDirection | UnknownKind;
	status?: LinkStatus | UnknownKind;
	custom?: Record<string, CustomValue>;
	/** True when an endpoint no longer exists (concurrent delete); cleanup removes such links. */
	dangling: boolean;
	issues: FieldError[];
}

export interface RegionView extends Region {
	issues: FieldError[];
}

export interface MetaView {
	schemaVersion: number | null;
	title: string | null;
	issues: FieldError[];
}

/** Plain JSON of a whole map (the body of GET /api/v1/maps/:id/document); lists sorted by id. */
export interface MapSnapshot {
	schemaVersion: number | null;
	title: string | null;
	actors: ActorView[];
	links: LinkView[];
	regions: RegionView[];
	sectors: SectorView[];
	fields: CustomFieldView[];
	views: SavedView[];
}

// Inputs accepted by the model. In a patch, undefined (or a missing key) leaves a field as it is
// and null removes an optional field.
export interface ActorInput {
	name: string;
	kind: ActorKind;
	region?: string | null | undefined;
	pos?: Position | undefined;
	description?: string | null | undefined;
	roles?: readonly ActorRole[] | null | undefined;
	sectors?: readonly string[] | null | undefined;
	businessId?: string | null | undefined;
	sizeClass?: SizeClass | null | undefined;
	website?: string | null | undefined;
	tags?: readonly string[] | null | undefined;
	custom?: CustomValuesInput | undefined;
}

/** `custom` in a patch changes only the field ids it names. */
export interface ActorPatch {
	name?: string | undefined;
	kind?: ActorKind | undefined;
	region?: string | null | undefined;
	pos?: Position | undefined;
	description?: string | null | undefined;
	roles?: readonly ActorRole[] | null | undefined;
	sectors?: readonly string[] | null | undefined;
	businessId?: string | null | undefined;
	sizeClass?: SizeClass | null | undefined;
	website?: string | null | undefined;
	tags?: readonly string[] | null | undefined;
	custom?: CustomValuesInput | undefined;
}

export interface LinkInput {
	source: string;
	target: string;
	kind: LinkKind;
	description?: string | null | undefined;
	strength?: number | null | undefined;
	direction?: LinkDirection | null | undefined;
	status?: LinkStatus | null | undefined;
	years?: YearRange | null | undefined;
	evidence?: string | null | undefined;
	custom?: CustomValuesInput | undefined;
}

export interface LinkPatch {
	source?: string | undefined;
	target?: string | undefined;
	kind?: LinkKind | undefined;
	description?: string | null | undefined;
	strength?: number | null | undefined;
	direction?: LinkDirection | null | undefined;
	status?: LinkStatus | null | undefined;
	years?: YearRange | null | undefined;
	evidence?: string | null | undefined;
	custom?: CustomValuesInput | undefined;
}

export interface RegionInput {
	name: string;
}

export interface RegionPatch {
	name?: string | undefined;
}

export function isActorKind(value: unknown): value is ActorKind {
	return (ACTOR_KINDS as readonly unknown[]).includes(value);
}

export function isLinkKind(value: unknown): value is LinkKind {
	return (LINK_KINDS as readonly unknown[]).includes(value);
}
