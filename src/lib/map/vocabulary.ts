// The ecosystem vocabulary of schema version 2: actor roles, size classes, link qualities, custom field types and their limits.

/** Roles an actor plays in its ecosystem; an actor may have several. */
export const ACTOR_ROLES = [
	'orchestrator',
	'leader',
	'complementor',
	'supplier',
	'user',
	'expert',
	'funder',
	'regulator'
] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

/** Statistics Finland's personnel size classes (number of employees). */
export const SIZE_CLASSES = ['1-4', '5-9', '10-19', '20-49', '50-99', '100-249', '250-499', '500-999', '1000+'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** `mutual` = both parties commit (e.g. a partnership); `undirected` = the direction carries no meaning. */
export const LINK_DIRECTIONS = ['directed', 'undirected', 'mutual'] as const;
export type LinkDirection = (typeof LINK_DIRECTIONS)[number];

/** `gap` = a link that should exist but does not: the point of many ecosystem workshops. */
export const LINK_STATUSES = ['existing', 'planned', 'gap'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** How readers interpret an absent `direction` / `status` (every version-1 link has neither). */
export const DEFAULT_LINK_DIRECTION: LinkDirection = 'directed';
export const DEFAULT_LINK_STATUS: LinkStatus = 'existing';

export const MIN_LINK_STRENGTH = 1;
export const MAX_LINK_STRENGTH = 5;
/** Years a link was active: whole years in this range. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'choice', 'multi_choice', 'url'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
/** Field types whose values come from the field's `options`. */
export const CHOICE_FIELD_TYPES: readonly CustomFieldType[] = ['choice', 'multi_choice'];

/** Which elements a custom field belongs to. */
export const CUSTOM_FIELD_TARGETS = ['actor', 'link'] as const;
export type CustomFieldTarget = (typeof CUSTOM_FIELD_TARGETS)[number];

// Limits for the version-2 fields: they keep one update small, like the limits in schema.ts.
export const MAX_TAGS = 30;
export const MAX_TAG_LENGTH = 60;
export const MAX_ACTOR_SECTORS = 30;
export const MAX_URL_LENGTH = 2000;
export const MAX_EVIDENCE_LENGTH = 5000;
export const MAX_CUSTOM_TEXT_LENGTH = 2000;
export const MAX_CHOICE_OPTIONS = 100;
export const MAX_OPTION_LENGTH = 100;
/** A saved view's `filter` and `style` are opaque JSON for the editor; these caps keep them small and shallow. */
export const MAX_VIEW_JSON_LENGTH = 16_384;
export const MAX_VIEW_JSON_DEPTH = 12;
export const MAX_LAYOUT_LENGTH = 60;
export const MAX_ZOOM = 100;
/** Pan is in screen pixels, so it may exceed MAX_COORDINATE at high zoom. */
export const MAX_PAN = 1e9;

function isOneOf<T extends string>(list: readonly T[]): (value: unknown) => value is T {
	return (value: unknown): value is T => (list as readonly unknown[]).includes(value);
}

export const isActorRole = isOneOf(ACTOR_ROLES);
export const isSizeClass = isOneOf(SIZE_CLASSES);
export const isLinkDirection = isOneOf(LINK_DIRECTIONS);
export const isLinkStatus = isOneOf(LINK_STATUSES);
export const isCustomFieldType = isOneOf(CUSTOM_FIELD_TYPES);
export const isCustomFieldTarget = isOneOf(CUSTOM_FIELD_TARGETS);
