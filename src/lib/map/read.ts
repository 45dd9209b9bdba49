// Tolerant readers: turn whatever a client stored in the document into plain views, listing problems instead of throwing.
import * as Y from 'yjs';
import type { CustomFieldView } from './catalog-schema';
import { isPlainObject } from './checks';
import { readCustomValue } from './custom-values';
import { fieldError, type FieldError } from './errors';
import {
	fieldsOf,
	readBusinessId,
	readChoice,
	readCreatedAt,
	readKind,
	readOptionalCreatedAt,
	readOptionalText,
	readPosition,
	readReference,
	readRequiredText,
	readStrength,
	readStringList,
	readWebsite,
	readYears,
	type Getter
} from './read-values';
import {
	CUSTOM_KEY,
	MAX_DESCRIPTION_LENGTH,
	MAX_ID_LENGTH,
	MAX_NAME_LENGTH,
	MAX_TITLE_LENGTH,
	isActorKind,
	isLinkKind,
	type ActorView,
	type CustomValue,
	type LinkView,
	type MetaView,
	type RegionView
} from './schema';
import {
	ACTOR_ROLES,
	MAX_ACTOR_SECTORS,
	MAX_EVIDENCE_LENGTH,
	MAX_TAGS,
	MAX_TAG_LENGTH,
	isActorRole,
	isLinkDirection,
	isLinkStatus,
	isSizeClass,
	type CustomFieldTarget
} from './vocabulary';

export { readPosition } from './read-values';

/**
 * Lookups a reader uses to flag broken references; without one, references are not checked
 * (dangling stays false). The version-2 lookups are optional: without them sectors and custom
 * values are shown unchecked.
 */
export interface ReadContext {
	hasActor(id: string): boolean;
	hasRegion(id: string): boolean;
	hasSector?(id: string): boolean;
	customField?(id: string): CustomFieldView | undefined;
}

/** Custom values sorted by field id, so every replica produces the same JSON. */
function readCustom(get: Getter, kind: CustomFieldTarget, context: ReadContext | undefined, issues: FieldError[]) {
	const stored = get(CUSTOM_KEY);
	if (stored === undefined || stored === null) return undefined;
	let entries: [string, unknown][];
	if (stored instanceof Y.Map) entries = [...stored.entries()];
	else if (isPlainObject(stored)) {
		issues.push(fieldError(CUSTOM_KEY, 'invalid_type', 'The custom values are a plain object instead of a Y.Map.'));
		entries = Object.entries(stored);
	} else {
		issues.push(fieldError(CUSTOM_KEY, 'invalid_type', 'The custom values are not a map.'));
		return undefined;
	}
	const custom: Record<string, CustomValue> = {};
	for (const [fieldId, value] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		const definition = context?.customField ? context.customField(fieldId) : null;
		const shown = readCustomValue(fieldId, value, definition, kind, issues);
		if (shown !== undefined) custom[fieldId] = shown;
	}
	return Object.keys(custom).length === 0 ? undefined : custom;
}

function actorExtras(get: Getter, context: ReadContext | undefined, issues: FieldError[]) {
	const roles = readStringList(get('roles'), 'roles', {
		max: ACTOR_ROLES.length,
		check: (role, field, list) => {
			if (!isActorRole(role)) list.push(fieldError(field, 'invalid_choice', `Unknown role "${role}".`));
		}
	}, issues);
	const sectors = readStringList(get('sectors'), 'sectors', {
		max: MAX_ACTOR_SECTORS,
		check: (id, field, list) => {
			if (context?.hasSector && !context.hasSector(id)) list.push(fieldError(field, 'unknown_sector', 'A sector no longer exists.'));
		}
	}, issues);
	const businessId = readBusinessId(get('businessId'), issues);
	const sizeClass = readChoice(get('sizeClass'), 'sizeClass', isSizeClass, issues);
	const website = readWebsite(get('website'), issues);
	const tags = readStringList(get('tags'), 'tags', { max: MAX_TAGS, maxLength: MAX_TAG_LENGTH }, issues);
	const custom = readCustom(get, 'actor', context, issues);
	return { roles, sectors, businessId, sizeClass, website, tags, custom };
}

/** Keeps only the keys that have a value: the JSON then reads like the contract. */
function defined<T extends object>(fields: T): Partial<T> {
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function readActor(id: string, value: unknown, context?: ReadContext): ActorView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const name = readRequiredText(get('name'), 'name', MAX_NAME_LENGTH, issues);
	const kind = readKind(get('kind'), isActorKind, issues);
	const region = readReference(get('region'), 'region', issues);
	if (region !== undefined && context && !context.hasRegion(region)) {
		issues.push(fieldError('region', 'unknown_region', 'The region no longer exists.'));
	}
	const pos = readPosition(get('pos'), issues);
	const description = readOptionalText(get('description'), 'description', MAX_DESCRIPTION_LENGTH, issues);
	const createdAt = readCreatedAt(get('createdAt'), issues);
	const extras = actorExtras(get, context, issues);
	// Keys in schema order, optional ones only when present, so the JSON reads like the contract.
	return {
		id,
		name,
		kind,
		...(region !== undefined && { region }),
		pos,
		...(description !== undefined && { description }),
		createdAt,
		...defined(extras),
		issues
	};
}

/** What places an actor in a picture of the whole map: its kind and position, read as readActor reads them. */
export type ActorPlacement = Pick<ActorView, 'id' | 'kind' | 'pos'>;
/** What draws a link in a picture of the whole map: its ends and kind, read as readLink reads them. */
export type LinkEnds = Pick<LinkView, 'id' | 'source' | 'target' | 'kind'>;

/**
 * Only the fields an overview draws: reading every actor in full costs several times more on a large
 * map (every field validated, descriptions and custom values copied), and the overview is on the
 * path of a large map's first open.
 */
export function readActorPlacement(id: string, value: unknown): ActorPlacement {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	return { id, kind: readKind(get('kind'), isActorKind, issues), pos: readPosition(get('pos'), issues) };
}

export function readLinkEnds(id: string, value: unknown): LinkEnds {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	return {
		id,
		source: readRequiredText(get('source'), 'source', MAX_ID_LENGTH, issues),
		target: readRequiredText(get('target'), 'target', MAX_ID_LENGTH, issues),
		kind: readKind(get('kind'), isLinkKind, issues)
	};
}

export function readLink(id: string, value: unknown, context?: ReadContext): LinkView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	const source = readRequiredText(get('source'), 'source', MAX_ID_LENGTH, issues);
	const target = readRequiredText(get('target'), 'target', MAX_ID_LENGTH, issues);
	const kind = readKind(get('kind'), isLinkKind, issues);
	const description = readOptionalText(get('description'), 'description', MAX_DESCRIPTION_LENGTH, issues);
	if (source !== '' && source === target) {
		issues.push(fieldError('target', 'self_link', 'The link connects an actor to itself.'));
	}
	// A missing endpoint field counts as dangling too: there is nothing to draw the link to.
	let dangling = false;
	if (context) {
		for (const [field, end] of [['source', source], ['target', target]] as const) {
			if (end !== '' && context.hasActor(end)) continue;
			dangling = true;
			if (end !== '') issues.push(fieldError(field, 'unknown_actor', `The ${field} actor no longer exists.`));
		}
	}
	const extras = {
		strength: readStrength(get('strength'), issues),
		direction: readChoice(get('direction'), 'direction', isLinkDirection, issues),
		status: readChoice(get('status'), 'status', isLinkStatus, issues),
		years: readYears(get('years'), issues),
		evidence: readOptionalText(get('evidence'), 'evidence', MAX_EVIDENCE_LENGTH, issues),
		createdAt: readOptionalCreatedAt(get('createdAt'), issues),
		custom: readCustom(get, 'link', context, issues)
	};
	return {
		id,
		source,
		target,
		kind,
		...(description !== undefined && { description }),
		...defined(extras),
		dangling,
		issues
	};
}

export function readRegion(id: string, value: unknown): RegionView {
	const issues: FieldError[] = [];
	const get = fieldsOf(value, issues);
	return { id, name: readRequiredText(get('name'), 'name', MAX_NAME_LENGTH, issues), issues };
}

/** A missing schemaVersion is not an issue here: an unsynced or uninitialised document has none. */
export function readMeta(meta: Y.Map<unknown>): MetaView {
	const issues: FieldError[] = [];
	const version = meta.get('schemaVersion');
	let schemaVersion: number | null = null;
	if (Number.isInteger(version) && (version as number) > 0) schemaVersion = version as number;
	else if (version !== undefined) {
		issues.push(fieldError('schemaVersion', 'invalid_number', 'The schema version is not a positive whole number.'));
	}
	const title = readOptionalText(meta.get('title'), 'title', MAX_TITLE_LENGTH, issues) ?? null;
	return { schemaVersion, title, issues };
}
