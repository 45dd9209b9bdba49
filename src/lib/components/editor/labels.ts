// The editor's words: kind names, connection states, validation errors and collaborators' activity, in the user's language.
import { m } from '$lib/paraglide/messages';
import type { FieldError } from '$lib/map';
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

const ERROR_TEXT: Record<string, () => string> = {
	required: m.editor_error_required,
	too_long: m.editor_error_too_long,
	invalid_kind: m.editor_error_invalid_kind,
	out_of_range: m.editor_error_out_of_range,
	not_found: m.editor_error_not_found,
	unknown_region: m.editor_error_unknown_region,
	unknown_actor: m.editor_error_unknown_actor,
	self_link: m.editor_error_self_link
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
	description: m.editor_field_description
};

/** The message alone, for showing under the field it belongs to. */
export function errorText(error: FieldError): string {
	return (ERROR_TEXT[error.code] ?? m.editor_error_invalid)();
}

/** The message with its field's name, for lists that are not next to the field. */
export function errorTextWithField(error: FieldError): string {
	const field = FIELD_NAMES[error.field];
	return field ? m.editor_error_field({ field: field(), message: errorText(error) }) : errorText(error);
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
