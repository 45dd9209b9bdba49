// The gap finder: runs every rule over a map and hides the suggestions a consultant has already accepted or dismissed.
import type { MapSnapshot } from '../map';
import {
	growthCompaniesWithoutKnowledgeLink,
	missingRolesInTowns,
	ruleContext,
	singlePointsOfFailure,
	stalePlannedLinks,
	townsWithoutCrossTownLinkInSector
} from './gap-rules';
import { DEFAULT_EXPECTED_ROLES, DEFAULT_STALE_AFTER_MS, type Analysis, type GapFinderOptions, type GapRule, type GapSuggestion } from './types';

/** The discussion gap type a suggestion becomes when accepted: a missing tie, or a missing actor or role. */
export const GAP_TYPE_OF_RULE: Readonly<Record<GapRule, 'missing_link' | 'missing_capability'>> = {
	growth_company_without_knowledge_link: 'missing_link',
	town_without_cross_town_link_in_sector: 'missing_link',
	single_point_of_failure: 'missing_link',
	missing_role_in_town: 'missing_capability',
	stale_planned_link: 'missing_link'
};

/** Suggestions in GAP_RULES order; within a rule in the map's (id) order, single points of failure by betweenness. */
export function findGaps(snapshot: MapSnapshot, analysis: Analysis, options: GapFinderOptions): GapSuggestion[] {
	const context = ruleContext(snapshot, analysis);
	return [
		...growthCompaniesWithoutKnowledgeLink(context),
		...townsWithoutCrossTownLinkInSector(context),
		...singlePointsOfFailure(context),
		...missingRolesInTowns(context, options.expectedRoles ?? DEFAULT_EXPECTED_ROLES),
		...stalePlannedLinks(context, options.now, options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS)
	];
}

/** Hides suggestions whose key a gap already carries: accepted ones (an open gap) and dismissed ones alike. */
export function pendingSuggestions(suggestions: GapSuggestion[], gaps: readonly { suggestion?: string }[]): GapSuggestion[] {
	const handled = new Set(gaps.map((gap) => gap.suggestion).filter((key): key is string => key !== undefined));
	return suggestions.filter((suggestion) => !handled.has(suggestion.key));
}
