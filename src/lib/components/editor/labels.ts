// The editor's words: kind and vocabulary names, connection states, validation errors and collaborators' activity, in the user's language.
import { m } from '$lib/paraglide/messages';
import { isSizeClass, parseBusinessId, type FieldError } from '$lib/map';
import type { Activity } from '$lib/collab/activity';
import type { ConnectionStatus } from '$lib/collab/connection-status';

const ACTOR_KIND_NAMES: Record<string, () => string> = {
	company: m.kind_company,
	education: m.kind_education,
	rdi: m.kind_rdi,
	public: m.kind_public,
	development: m.kind_development,
	funding: m.kind_funding,
	association: m.kind_association,
	other: m.kind_other
};

const LINK_KIND_NAMES: Record<string, () => string> = {
	rdi_project: m.linkkind_rdi_project,
	education: m.linkkind_education,
	customer_supplier: m.linkkind_customer_supplier,
	funding: m.linkkind_funding,
	pilot_environment: m.linkkind_pilot_environment,
	mobility: m.linkkind_mobility,
	membership: m.linkkind_membership,
	informal: m.linkkind_informal
};

/** A kind from a newer client is shown by its stored value, marked unknown, never hidden. */
export function actorKindName(kind: string): string {
	return ACTOR_KIND_NAMES[kind]?.() ?? m.editor_unknown_kind({ kind });
}

export function linkKindName(kind: string): string {
	return LINK_KIND_NAMES[kind]?.() ?? m.editor_unknown_kind({ kind });
}

const ROLE_NAMES: Record<string, () => string> = {
	orchestrator: m.vocab_role_orchestrator,
	leader: m.vocab_role_leader,
	complementor: m.vocab_role_complementor,
	supplier: m.vocab_role_supplier,
	user: m.vocab_role_user,
	expert: m.vocab_role_expert,
	funder: m.vocab_role_funder,
	regulator: m.vocab_role_regulator
};

const DIRECTION_NAMES: Record<string, () => string> = {
	directed: m.vocab_direction_directed,
	undirected: m.vocab_direction_undirected,
	mutual: m.vocab_direction_mutual
};

const LINK_STATUS_NAMES: Record<string, () => string> = {
	existing: m.vocab_status_existing,
	planned: m.vocab_status_planned,
	gap: m.vocab_status_gap
};

const FIELD_TYPE_NAMES: Record<string, () => string> = {
	text: m.vocab_type_text,
	number: m.vocab_type_number,
	date: m.vocab_type_date,
	choice: m.vocab_type_choice,
	multi_choice: m.vocab_type_multi_choice,
	url: m.vocab_type_url
};

const TARGET_NAMES: Record<string, () => string> = {
	actor: m.vocab_applies_actor,
	link: m.vocab_applies_link
};

const STRENGTH_NAMES: Record<string, () => string> = {
	'1': m.vocab_strength_1,
	'2': m.vocab_strength_2,
	'3': m.vocab_strength_3,
	'4': m.vocab_strength_4,
	'5': m.vocab_strength_5
};

/** Stored values this version does not know are shown as they are, marked unknown. */
function named(names: Record<string, () => string>, value: string): string {
	return names[value]?.() ?? m.vocab_unknown_value({ value });
}

export const roleName = (role: string): string => named(ROLE_NAMES, role);
export const directionName = (direction: string): string => named(DIRECTION_NAMES, direction);
export const linkStatusName = (status: string): string => named(LINK_STATUS_NAMES, status);
export const fieldTypeName = (type: string): string => named(FIELD_TYPE_NAMES, type);
export const fieldTargetName = (target: string): string => named(TARGET_NAMES, target);
export const strengthName = (strength: number): string => named(STRENGTH_NAMES, String(strength));

/** Statistics Finland's personnel size classes read the same in every language, with a word for "employees". */
export function sizeClassName(size: string): string {
	if (!isSizeClass(size)) return m.vocab_unknown_value({ value: size });
	return m.vocab_size_class({ size: size.replace('-', '–') });
}

const STATUS_TEXT: Record<ConnectionStatus, () => string> = {
	connecting: m.status_connecting,
	connected: m.status_connected,
	synced: m.status_synced,
	offline: m.status_offline,
	refused: m.status_refused
};

export function statusText(status: ConnectionStatus): string {
	return STATUS_TEXT[status]();
}

/** One text per FieldErrorCode (tests/unit/components/labels.test.ts checks that none is missing). */
export const ERROR_TEXT: Record<string, () => string> = {
	required: m.editor_error_required,
	invalid_type: m.fields_error_invalid_type,
	too_long: m.editor_error_too_long,
	invalid_kind: m.editor_error_invalid_kind,
	invalid_number: m.fields_error_invalid_number,
	out_of_range: m.fields_error_out_of_range,
	unknown_field: m.fields_error_unknown_field,
	not_found: m.editor_error_not_found,
	unknown_region: m.editor_error_unknown_region,
	unknown_actor: m.editor_error_unknown_actor,
	self_link: m.editor_error_self_link,
	invalid_choice: m.fields_error_invalid_choice,
	invalid_business_id: m.fields_error_invalid_business_id,
	invalid_url: m.fields_error_invalid_url,
	invalid_date: m.fields_error_invalid_date,
	invalid_range: m.fields_error_invalid_range,
	too_many: m.fields_error_too_many,
	too_large: m.fields_error_too_large,
	unknown_sector: m.fields_error_unknown_sector,
	unknown_custom_field: m.fields_error_unknown_custom_field,
	type_mismatch: m.fields_error_type_mismatch,
	unknown_anchor: m.fields_error_unknown_anchor
};

const FIELD_NAMES: Record<string, () => string> = {
	name: m.editor_field_name,
	kind: m.editor_field_kind,
	region: m.editor_field_region,
	pos: m.editor_field_position,
	'pos.x': m.editor_field_position,
	'pos.y': m.editor_field_position,
	source: m.editor_field_source,
	target: m.editor_field_target,
	description: m.editor_field_description,
	roles: m.fields_roles,
	sectors: m.fields_sectors,
	businessId: m.fields_business_id,
	sizeClass: m.fields_size_class,
	website: m.fields_website,
	tags: m.fields_tags,
	createdAt: m.fields_created_at,
	strength: m.fields_strength,
	direction: m.fields_direction,
	status: m.fields_status,
	years: m.fields_years,
	'years.from': m.fields_year_from,
	'years.to': m.fields_year_to,
	evidence: m.fields_evidence,
	custom: m.fields_custom_heading,
	options: m.catalog_field_options,
	type: m.catalog_field_type,
	appliesTo: m.catalog_field_applies,
	growth: m.catalog_sector_growth
};

/** The field an error is about, in words: list entries (`tags.2`) count as their list; `custom.<id>` as the custom field's name. */
export function fieldName(field: string, customName?: (id: string) => string | undefined): string | undefined {
	if (field.startsWith('custom.')) return customName?.(field.slice('custom.'.length)) ?? m.fields_custom_heading();
	const name = FIELD_NAMES[field] ?? FIELD_NAMES[field.replace(/\.\d+$/, '')];
	return name?.();
}

/**
 * A Business ID's problem in words, decided from what was typed: the model's error does not say in
 * a structured way whether the form or the check digit is wrong, and the user needs to know which.
 */
export function businessIdErrorText(input: string): string {
	const parsed = parseBusinessId(input);
	if (parsed.ok) return '';
	return parsed.problem === 'format' ? m.fields_error_business_id_format() : m.fields_error_business_id_checksum();
}

/** The message alone, for showing under the field it belongs to. */
export function errorText(error: FieldError): string {
	return (ERROR_TEXT[error.code] ?? m.editor_error_invalid)();
}

/** The message with its field's name, for lists that are not next to the field (one argument: usable in `.map`). */
export function errorTextWithField(error: FieldError): string {
	return errorTextNamed(error);
}

/** As errorTextWithField, naming custom fields by their definitions. */
export function errorTextNamed(error: FieldError, customName?: (id: string) => string | undefined): string {
	const field = fieldName(error.field, customName);
	return field ? m.editor_error_field({ field, message: errorText(error) }) : errorText(error);
}

const ACTIVITY_TEXT: Record<Activity['kind'], (values: { who: string; name: string; target: string }) => string> = {
	actor_added: m.editor_activity_actor_added,
	actor_changed: m.editor_activity_actor_changed,
	actor_moved: m.editor_activity_actor_moved,
	actor_deleted: m.editor_activity_actor_deleted,
	link_added: m.editor_activity_link_added,
	link_changed: m.editor_activity_link_changed,
	link_deleted: m.editor_activity_link_deleted,
	region_added: m.editor_activity_region_added,
	region_changed: m.editor_activity_region_changed,
	region_deleted: m.editor_activity_region_deleted
};

/** A report of more changes than this is summarised as a count: a long list is noise when read aloud. */
export const MAX_SPOKEN_ACTIVITIES = 3;

/** What the live region says for a batch of collaborators' changes: each change, or a count when there are many. */
export function activityText(activities: readonly Activity[]): string {
	const whoOf = (activity: Activity) => activity.who ?? m.presence_someone();
	if (activities.length <= MAX_SPOKEN_ACTIVITIES) {
		return activities
			.map((activity) => ACTIVITY_TEXT[activity.kind]({ who: whoOf(activity), name: activity.name, target: activity.target ?? '' }))
			.join(' ');
	}
	const names = [...new Set(activities.map(whoOf))].join(', ');
	return m.editor_activity_many({ count: String(activities.length), who: names });
}
