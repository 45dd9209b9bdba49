// Checks the optional `mapping` form field of an import (JSON from outside) before it reaches the planner.
import { z } from 'zod';
import { ACTOR_KINDS, ACTOR_ROLES, LINK_DIRECTIONS, LINK_KINDS, LINK_STATUSES, SIZE_CLASSES } from '$lib/map';
import type { ActorColumnTarget, ImportMapping, LinkColumnTarget } from '$lib/exchange/types';
import { badRequest } from './errors';

/** A mapping names at most this many columns per sheet and values per enumerated field. */
export const MAX_MAPPED_COLUMNS = 500;
export const MAX_MAPPED_VALUES = 1000;
export const MAX_COLUMN_NAME_LENGTH = 200;
export const MAX_LIST_SEPARATOR_LENGTH = 5;
/** The mapping field is JSON text; this bounds it before parsing. */
export const MAX_MAPPING_JSON_LENGTH = 256 * 1024;

const ACTOR_TARGETS = ['id', 'name', 'kind', 'region', 'description', 'roles', 'sectors', 'businessId', 'sizeClass', 'website', 'tags', 'x', 'y', 'newField', 'ignore'] as const;
const LINK_TARGETS = ['id', 'source', 'target', 'kind', 'description', 'strength', 'direction', 'status', 'yearFrom', 'yearTo', 'evidence', 'newField', 'ignore'] as const;
/** `field:<id>` names an existing custom field by its id. */
const FIELD_TARGET = /^field:[A-Za-z0-9_-]{1,64}$/;

const columnName = z.string().max(MAX_COLUMN_NAME_LENGTH);
const fieldTarget = z.string().regex(FIELD_TARGET) as unknown as z.ZodType<`field:${string}`>;
const actorTarget: z.ZodType<ActorColumnTarget> = z.union([z.enum(ACTOR_TARGETS), fieldTarget]);
const linkTarget: z.ZodType<LinkColumnTarget> = z.union([z.enum(LINK_TARGETS), fieldTarget]);

function boundedRecord<T extends z.ZodType>(value: T, max: number) {
	return z.record(columnName, value).refine((record) => Object.keys(record).length <= max, { message: `at most ${max} entries` });
}

const valuesSchema = z
	.object({
		actorKind: boundedRecord(z.enum(ACTOR_KINDS), MAX_MAPPED_VALUES),
		role: boundedRecord(z.enum(ACTOR_ROLES), MAX_MAPPED_VALUES),
		sizeClass: boundedRecord(z.enum(SIZE_CLASSES), MAX_MAPPED_VALUES),
		linkKind: boundedRecord(z.enum(LINK_KINDS), MAX_MAPPED_VALUES),
		direction: boundedRecord(z.enum(LINK_DIRECTIONS), MAX_MAPPED_VALUES),
		status: boundedRecord(z.enum(LINK_STATUSES), MAX_MAPPED_VALUES)
	})
	.partial()
	.strict();

/** What a caller may send: any part of an ImportMapping; the rest comes from the suggested mapping. */
export const mappingOverrideSchema = z
	.object({
		elements: boundedRecord(actorTarget, MAX_MAPPED_COLUMNS),
		connections: boundedRecord(linkTarget, MAX_MAPPED_COLUMNS),
		values: valuesSchema,
		defaultActorKind: z.enum(ACTOR_KINDS).nullable(),
		defaultLinkKind: z.enum(LINK_KINDS).nullable(),
		listSeparator: z.string().min(1).max(MAX_LIST_SEPARATOR_LENGTH)
	})
	.partial()
	.strict();

export type MappingOverride = z.infer<typeof mappingOverrideSchema>;

/** Reads the `mapping` field's JSON text; a bad one is a 400 naming the first problem. */
export function parseMappingOverride(text: string): MappingOverride {
	if (text.length > MAX_MAPPING_JSON_LENGTH) throw badRequest('invalid_mapping', `The mapping is longer than ${MAX_MAPPING_JSON_LENGTH} characters.`);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw badRequest('invalid_mapping', 'The mapping is not valid JSON.');
	}
	const result = mappingOverrideSchema.safeParse(data);
	if (!result.success) {
		const issues = result.error.issues.map((i) => ({ field: i.path.join('.') || '(mapping)', message: i.message }));
		throw badRequest('invalid_mapping', `mapping.${issues[0]!.field}: ${issues[0]!.message}`, { issues });
	}
	return result.data;
}

/** The suggested mapping with the caller's choices laid over it (columns and values merge; the rest replaces). */
export function mergeMapping(suggested: ImportMapping, override: MappingOverride): ImportMapping {
	const values = override.values ?? {};
	return {
		elements: { ...suggested.elements, ...override.elements },
		connections: { ...suggested.connections, ...override.connections },
		values: {
			actorKind: { ...suggested.values.actorKind, ...values.actorKind },
			role: { ...suggested.values.role, ...values.role },
			sizeClass: { ...suggested.values.sizeClass, ...values.sizeClass },
			linkKind: { ...suggested.values.linkKind, ...values.linkKind },
			direction: { ...suggested.values.direction, ...values.direction },
			status: { ...suggested.values.status, ...values.status }
		},
		defaultActorKind: override.defaultActorKind !== undefined ? override.defaultActorKind : suggested.defaultActorKind,
		defaultLinkKind: override.defaultLinkKind !== undefined ? override.defaultLinkKind : suggested.defaultLinkKind,
		listSeparator: override.listSeparator ?? suggested.listSeparator
	};
}
