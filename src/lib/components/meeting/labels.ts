// The meeting panel's words for server error codes and vote kinds, in the user's language.
import { m } from '$lib/paraglide/messages';
import { errorText } from '$lib/i18n/errors';
import { getLocale } from '$lib/paraglide/runtime';

const ERRORS: Record<string, () => string> = {
	meeting_running: m.meeting_error_running,
	meeting_ended: m.meeting_error_ended,
	vote_open: m.vote_error_open,
	vote_closed: m.vote_error_closed,
	vote_revealed: m.vote_error_closed,
	no_options: m.vote_error_no_options,
	too_many_votes: m.vote_error_too_many,
	unknown_view: m.meeting_error_unknown_view,
	unknown_actor: m.vote_error_unknown_actor,
	results_hidden: m.vote_results_hidden,
	invalid_body: m.meeting_error_invalid,
	network: m.meeting_error_network
};

export function meetingErrorText(code: string): string {
	const own = ERRORS[code];
	return own ? own() : errorText(code);
}

export function voteKindName(kind: string): string {
	if (kind === 'targets') return m.vote_kind_targets();
	if (kind === 'growthSectors') return m.vote_kind_growth_sectors();
	return m.vote_kind_actors();
}

/** Times in the user's chosen language (not the browser's), e.g. "14.05" in fi, "2:05 PM" in en. */
export function shortTime(at: number): string {
	return new Date(at).toLocaleTimeString(getLocale(), { timeStyle: 'short' });
}

export function dateAndTime(at: number): string {
	return new Date(at).toLocaleString(getLocale(), { dateStyle: 'medium', timeStyle: 'short' });
}
