// The gap finder's rules on small hand-built maps with known answers, and hiding handled suggestions.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DiscussionModel } from '$lib/map/discussion';
import { analyseMap, findGaps, pendingSuggestions, type GapRule, type GapSuggestion } from '$lib/analysis';
import { addActor, addLink, addRegion, T0, testMap, type TestMap } from './maps';
import { threeTowns } from './towns-map';

const DAY = 24 * 60 * 60 * 1000;

function gaps(map: TestMap, now = T0): GapSuggestion[] {
	const snapshot = map.snapshot();
	return findGaps(snapshot, analyseMap(snapshot), { now });
}

function ofRule(suggestions: GapSuggestion[], rule: GapRule): GapSuggestion[] {
	return suggestions.filter((suggestion) => suggestion.rule === rule);
}

describe('findGaps on the three-town map', () => {
	const map = threeTowns();
	const found = gaps(map);

	it('(1) suggests a growth company with no link to rdi or education, and not those that have one', () => {
		expect(ofRule(found, 'growth_company_without_knowledge_link')).toEqual([
			{
				key: `growth_company_without_knowledge_link:${map.id('G1')}`,
				rule: 'growth_company_without_knowledge_link',
				anchor: { kind: 'actor', id: map.id('G1') },
				params: { actor: 'G1', sector: 'Wind', town: 'Gamma' }
			}
		]);
	});

	it('(2) suggests each town and growth sector whose actors have no link to another town', () => {
		const suggestions = ofRule(found, 'town_without_cross_town_link_in_sector');
		expect(suggestions.map((suggestion) => suggestion.params)).toEqual(
			expect.arrayContaining([
				{ town: 'Alfa', sector: 'Wind', actors: 1 },
				{ town: 'Beta', sector: 'Food', actors: 1 }
			])
		);
		expect(suggestions).toHaveLength(2);
		expect(suggestions.map((suggestion) => suggestion.key)).toContain(`town_without_cross_town_link_in_sector:${map.id('Alfa')}:${map.id('Wind')}`);
		expect(suggestions.every((suggestion) => suggestion.anchor.kind === 'region')).toBe(true);
	});

	it('(3) suggests every single point of failure, the biggest broker first, with the parts it holds together', () => {
		const suggestions = ofRule(found, 'single_point_of_failure');
		expect(suggestions.map((suggestion) => suggestion.params.actor)).toEqual(['A3', 'A4', 'B2', 'G1']);
		// Without A3: {A1}, {B1, B2, B3} and {A2, A4, G1, N1}; four actors lose the largest part.
		expect(suggestions[0]).toEqual({
			key: `single_point_of_failure:${map.id('A3')}`,
			rule: 'single_point_of_failure',
			anchor: { kind: 'actor', id: map.id('A3') },
			params: { actor: 'A3', town: 'Alfa', parts: 3, cutOff: 4 }
		});
		expect(suggestions[3]!.params).toEqual({ actor: 'G1', town: 'Gamma', parts: 2, cutOff: 1 });
	});

	it('(4) suggests a missing orchestrator in each town with actors but none playing the role', () => {
		const suggestions = ofRule(found, 'missing_role_in_town');
		expect(suggestions).toHaveLength(2);
		expect(suggestions).toEqual(
			expect.arrayContaining(
				(['Beta', 'Gamma'] as const).map((town) => ({
					key: `missing_role_in_town:${map.id(town)}:orchestrator`,
					rule: 'missing_role_in_town',
					anchor: { kind: 'region', id: map.id(town) },
					params: { town, role: 'orchestrator', actors: town === 'Beta' ? 3 : 1 }
				}))
			)
		);
	});

	it('(4) checks the roles the caller expects', () => {
		const snapshot = map.snapshot();
		const suggestions = findGaps(snapshot, analyseMap(snapshot), { now: T0, expectedRoles: ['orchestrator', 'funder'] });
		expect(ofRule(suggestions, 'missing_role_in_town')).toHaveLength(5);
		expect(ofRule(findGaps(snapshot, analyseMap(snapshot), { now: T0, expectedRoles: [] }), 'missing_role_in_town')).toEqual([]);
	});

	it('lists suggestions rule by rule and gives the same list every run', () => {
		const order = found.map((suggestion) => suggestion.rule);
		expect(order).toEqual([...order].sort((a, b) => RULE_ORDER.indexOf(a) - RULE_ORDER.indexOf(b)));
		expect(gaps(map)).toEqual(found);
		expect(new Set(found.map((suggestion) => suggestion.key)).size).toBe(found.length);
	});
});

const RULE_ORDER: GapRule[] = [
	'growth_company_without_knowledge_link',
	'town_without_cross_town_link_in_sector',
	'single_point_of_failure',
	'missing_role_in_town',
	'stale_planned_link'
];

describe('findGaps: negative cases', () => {
	it('(1) no suggestion once the company has an education partner', () => {
		const map = threeTowns();
		addActor(map, 'School', 'education');
		addLink(map, 'G1', 'School');
		expect(ofRule(gaps(map), 'growth_company_without_knowledge_link')).toEqual([]);
	});

	it('(1) a planned knowledge link does not count, and a company outside growth sectors is never suggested', () => {
		const map = testMap();
		addActor(map, 'Firm', 'company');
		addActor(map, 'Lab', 'rdi');
		addLink(map, 'Firm', 'Lab', { status: 'planned' });
		expect(ofRule(gaps(map), 'growth_company_without_knowledge_link')).toEqual([]);
	});

	it('(2) no suggestion once one actor of the town in that sector links to another town', () => {
		const map = threeTowns();
		addLink(map, 'B1', 'G1');
		const suggestions = ofRule(gaps(map), 'town_without_cross_town_link_in_sector');
		expect(suggestions.map((suggestion) => suggestion.params.town)).toEqual(['Alfa']);
	});

	it('(3) a cycle has no single point of failure, nor has a pair', () => {
		const map = testMap();
		for (const name of ['A', 'B', 'C', 'D', 'E']) addActor(map, name, 'company');
		addLink(map, 'A', 'B');
		addLink(map, 'B', 'C');
		addLink(map, 'C', 'A');
		addLink(map, 'D', 'E');
		expect(ofRule(gaps(map), 'single_point_of_failure')).toEqual([]);
		addActor(map, 'F', 'company');
		addLink(map, 'E', 'F');
		expect(ofRule(gaps(map), 'single_point_of_failure').map((s) => s.params)).toEqual([{ actor: 'E', town: '', parts: 2, cutOff: 1 }]);
	});

	it('(3) ignores planned links: a planned bypass does not remove a single point of failure', () => {
		const map = testMap();
		for (const name of ['A', 'B', 'C']) addActor(map, name, 'company');
		addLink(map, 'A', 'B');
		addLink(map, 'B', 'C');
		addLink(map, 'A', 'C', { status: 'planned' });
		expect(ofRule(gaps(map), 'single_point_of_failure').map((s) => s.params.actor)).toEqual(['B']);
	});

	it('(4) a town without actors is not suggested', () => {
		const map = testMap();
		addRegion(map, 'Empty');
		expect(gaps(map)).toEqual([]);
	});
});

describe('findGaps: stale planned links', () => {
	/** Two companies and one planned link per case, written at the given time. */
	function plannedAt(createdAt: number | null, years?: { from?: number }): { map: TestMap; link: string } {
		const map = testMap();
		addActor(map, 'Firm', 'company');
		addActor(map, 'Lab', 'company');
		map.setNow(createdAt ?? T0);
		const link = addLink(map, 'Firm', 'Lab', { status: 'planned', years });
		// Links written before createdAt existed have none: remove it as such a writer would have left it.
		if (createdAt === null) (map.model.parts.links.get(link) as Y.Map<unknown>).delete('createdAt');
		return { map, link };
	}

	it('(5) suggests a planned link created more than a year ago, with its age in months', () => {
		const { map, link } = plannedAt(T0 - 400 * DAY);
		expect(ofRule(gaps(map), 'stale_planned_link')).toEqual([
			{
				key: `stale_planned_link:${link}`,
				rule: 'stale_planned_link',
				anchor: { kind: 'link', id: link },
				params: { source: 'Firm', target: 'Lab', months: 13 }
			}
		]);
	});

	it('(5) not a planned link younger than a year, nor an old existing one', () => {
		expect(ofRule(gaps(plannedAt(T0 - 300 * DAY).map), 'stale_planned_link')).toEqual([]);
		const map = testMap();
		addActor(map, 'Firm', 'company');
		addActor(map, 'Lab', 'rdi');
		map.setNow(T0 - 900 * DAY);
		addLink(map, 'Firm', 'Lab');
		expect(ofRule(gaps(map), 'stale_planned_link')).toEqual([]);
	});

	it('(5) honours a shorter staleness limit', () => {
		const { map } = plannedAt(T0 - 100 * DAY);
		const snapshot = map.snapshot();
		expect(ofRule(findGaps(snapshot, analyseMap(snapshot), { now: T0, staleAfterMs: 90 * DAY }), 'stale_planned_link')).toHaveLength(1);
	});

	it('(5) dates an older link without createdAt by its first year, when that is before last year', () => {
		const old = plannedAt(null, { from: 2023 });
		expect(old.map.snapshot().links[0]).not.toHaveProperty('createdAt');
		expect(ofRule(gaps(old.map), 'stale_planned_link').map((s) => s.params.months)).toEqual([36]);
		expect(ofRule(gaps(plannedAt(null, { from: 2025 }).map), 'stale_planned_link')).toEqual([]);
		expect(ofRule(gaps(plannedAt(null).map), 'stale_planned_link')).toEqual([]);
	});
});

describe('pendingSuggestions', () => {
	it('hides suggestions accepted (an open gap) or dismissed in the discussion, and keeps the rest', () => {
		const map = threeTowns();
		const found = gaps(map);
		const [accepted, dismissed, ...rest] = found as [GapSuggestion, GapSuggestion, ...GapSuggestion[]];
		const discussion = new DiscussionModel(new Y.Doc());
		discussion.addGap({ type: 'missing_link', title: 'Hyväksytty', anchor: accepted.anchor, suggestion: accepted.key, createdBy: 'u1' });
		discussion.addGap({ type: 'other', title: 'Hylätty', anchor: dismissed.anchor, status: 'dismissed', suggestion: dismissed.key, createdBy: 'u1' });
		discussion.addGap({ type: 'other', title: 'Käsin', anchor: { kind: 'point', x: 0, y: 0 }, createdBy: 'u1' });
		expect(pendingSuggestions(found, discussion.gaps())).toEqual(rest);
		expect(pendingSuggestions(found, [])).toEqual(found);
	});
});
