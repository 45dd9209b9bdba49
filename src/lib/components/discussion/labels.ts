// The discussion's words: annotation kinds and states, what an anchor points at, validation errors and times, in the user's language.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { GapAnchor, ThreadAnchor } from '$lib/map/discussion';
import type { AnnotationKind } from './model';

const GAP_TYPE_NAMES: Record<string, () => string> = {
	missing_link: m.gap_type_missing_link,
	missing_capability: m.gap_type_missing_capability,
	other: m.gap_type_other
};

const GAP_STATUS_NAMES: Record<string, () => string> = {
	open: m.gap_status_open,
	accepted: m.gap_status_accepted,
	dismissed: m.gap_status_dismissed
};

const TARGET_STATUS_NAMES: Record<string, () => string> = {
	proposed: m.target_status_proposed,
	agreed: m.target_status_agreed,
	in_progress: m.target_status_in_progress,
	done: m.target_status_done,
	dropped: m.target_status_dropped
};

const KIND_NAMES: Record<AnnotationKind, () => string> = {
	gap: m.discussion_kind_gap,
	target: m.discussion_kind_target,
	growthSector: m.discussion_kind_note
};

/** Values from a newer client are shown as stored, never hidden. */
const named = (names: Record<string, () => string>, value: string) => names[value]?.() ?? m.discussion_unknown_value({ value });

export const gapTypeName = (type: string) => named(GAP_TYPE_NAMES, type);
export const gapStatusName = (status: string) => named(GAP_STATUS_NAMES, status);
export const targetStatusName = (status: string) => named(TARGET_STATUS_NAMES, status);
export const annotationKindName = (kind: AnnotationKind) => KIND_NAMES[kind]();

/** What the panel knows to name things on the map and in the discussion. */
export interface Namer {
	actorName(id: string): string | undefined;
	linkEnds(id: string): [string, string] | undefined;
	regionName(id: string): string | undefined;
	gapTitle(id: string): string | undefined;
	targetTitle(id: string): string | undefined;
	noteSector(id: string): string | undefined;
}

/** "Actor: Alfa Oy", "Link: Alfa Oy → Beta Oy", … — or that it has been deleted. */
export function anchorText(anchor: GapAnchor | ThreadAnchor | null, names: Namer): string {
	if (anchor === null) return m.discussion_anchor_unreadable();
	const gone = m.discussion_anchor_deleted();
	switch (anchor.kind) {
		case 'actor':
			return m.discussion_anchor_actor({ name: names.actorName(anchor.id) ?? gone });
		case 'link': {
			const ends = names.linkEnds(anchor.id);
			return m.discussion_anchor_link({ name: ends ? `${ends[0]} → ${ends[1]}` : gone });
		}
		case 'region':
			return m.discussion_anchor_region({ name: names.regionName(anchor.id) ?? gone });
		case 'point':
			return m.discussion_anchor_point();
		case 'gap':
			return m.discussion_anchor_gap({ name: names.gapTitle(anchor.id) ?? gone });
		case 'target':
			return m.discussion_anchor_target({ name: names.targetTitle(anchor.id) ?? gone });
		case 'growthSector':
			return m.discussion_anchor_note({ name: names.noteSector(anchor.id) ?? gone });
		default:
			return m.discussion_anchor_unreadable();
	}
}

const ERROR_TEXT: Record<string, () => string> = {
	required: m.editor_error_required,
	too_long: m.editor_error_too_long,
	not_found: m.discussion_error_not_found,
	unknown_anchor: m.discussion_error_unknown_anchor,
	invalid_date: m.discussion_error_invalid_date,
	invalid_choice: m.editor_error_invalid,
	forbidden: m.discussion_error_forbidden
};

const FIELD_NAMES: Record<string, () => string> = {
	title: m.discussion_field_title,
	description: m.discussion_field_description,
	text: m.comment_field_text,
	anchor: m.gap_field_anchor,
	'anchor.id': m.gap_field_anchor,
	type: m.gap_field_type,
	status: m.discussion_field_status,
	owner: m.target_field_owner,
	due: m.target_field_due,
	actors: m.discussion_field_actors,
	sectorId: m.discussion_field_sector
};

export function errorText(error: { field: string; code: string }): string {
	const message = (ERROR_TEXT[error.code] ?? m.editor_error_invalid)();
	const field = FIELD_NAMES[error.field];
	return field ? m.editor_error_field({ field: field(), message }) : message;
}

export function errorsText(errors: readonly { field: string; code: string }[]): string {
	return errors.map(errorText).join(' ');
}

/** A date and time in the user's language, e.g. "3.2.2026 klo 14.05". */
export function formatTime(ms: number): string {
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

/** A yyyy-mm-dd date in the user's language. */
export function formatDay(isoDay: string): string {
	const [year, month, day] = isoDay.split('-').map(Number);
	if (!year || !month || !day) return isoDay;
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}
