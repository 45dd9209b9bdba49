// A gap suggestion in words: its reason per rule with its names and counts, and the gap annotation accepting it makes.
import { m } from '$lib/paraglide/messages';
import { MAX_TITLE_LENGTH } from '$lib/map';
import type { GapInput, GapType } from '$lib/map/discussion';
import type { GapSuggestion } from '$lib/analysis/types';
import { roleName } from '$lib/components/editor/labels';

/** Params come from the analysis core; a missing one reads as empty rather than "undefined". */
function param(suggestion: GapSuggestion, name: string): string {
	const value = suggestion.params[name];
	return value === undefined ? '' : String(value);
}

/** "Name (Town)", or the name alone for an actor with no town. */
function actorWithTown(suggestion: GapSuggestion): string {
	const town = param(suggestion, 'town');
	return town ? `${param(suggestion, 'actor')} (${town})` : param(suggestion, 'actor');
}

export function suggestionReason(suggestion: GapSuggestion): string {
	const p = (name: string) => param(suggestion, name);
	switch (suggestion.rule) {
		case 'growth_company_without_knowledge_link':
			return m.gaps_finder_reason_growth_company({ actor: actorWithTown(suggestion), sector: p('sector') });
		case 'town_without_cross_town_link_in_sector':
			return m.gaps_finder_reason_cross_town({ town: p('town'), sector: p('sector'), actors: p('actors') });
		case 'single_point_of_failure':
			return m.gaps_finder_reason_single_point({ actor: actorWithTown(suggestion), parts: p('parts'), cutOff: p('cutOff') });
		case 'missing_role_in_town':
			return m.gaps_finder_reason_missing_role({ town: p('town'), role: roleName(p('role')), actors: p('actors') });
		case 'stale_planned_link':
			return m.gaps_finder_reason_stale_link({ source: p('source'), target: p('target'), months: p('months') });
	}
	return suggestion.key;
}

/** What accepting (or dismissing) writes: the reason as the title, anchored where the suggestion points. */
export function suggestionGap(suggestion: GapSuggestion, type: GapType): Omit<GapInput, 'createdBy' | 'status'> {
	const reason = suggestionReason(suggestion);
	return {
		type,
		title: reason.length > MAX_TITLE_LENGTH ? `${reason.slice(0, MAX_TITLE_LENGTH - 1)}…` : reason,
		description: m.gaps_finder_gap_description(),
		anchor: suggestion.anchor
	};
}
