// Filters hide actors and links by their fields, a focus walks 1–3 steps in a direction, and search finds actors as the user types.
import { describe, it, expect } from 'vitest';
import { neighbourhood, searchActors, visibleElements } from '$lib/editor/view/filter';
import { emptyFilter, isFilterActive, parseFilter, filterToJson, type ViewFilter } from '$lib/editor/view/view-state';
import { smallMap } from './fixtures';

const { model, ids } = smallMap();
const actors = model.actors();
const links = model.links();
const show = (patch: Partial<ViewFilter>) => visibleElements(actors, links, { ...emptyFilter(), ...patch });
const sorted = (set: Set<string>) => [...set].sort();

describe('visibleElements', () => {
	it('shows everything without a filter', () => {
		const all = show({});
		expect(all.actors.size).toBe(5);
		expect(all.links.size).toBe(4);
		expect(isFilterActive(emptyFilter())).toBe(false);
	});

	it('filters actors by kind, region, sector and tag, and drops links to hidden actors', () => {
		expect(sorted(show({ kinds: ['company'] }).actors)).toEqual(sorted(new Set([ids.a, ids.b])));
		expect(sorted(show({ kinds: ['company'] }).links)).toEqual([ids.ab]);
		expect(sorted(show({ regions: [ids.iisalmi] }).actors)).toEqual(sorted(new Set([ids.a, ids.d])));
		expect(show({ regions: [''] }).actors).toEqual(new Set([ids.e]));
		expect(sorted(show({ sectors: [ids.bio] }).actors)).toEqual(sorted(new Set([ids.a, ids.c])));
		// Tags match without case.
		expect(sorted(show({ tags: ['PUU'] }).actors)).toEqual(sorted(new Set([ids.a, ids.d])));
	});

	it('filters links by status, kind and minimum strength; a link without strength fails a minimum', () => {
		expect(show({ statuses: ['gap'] }).links).toEqual(new Set([ids.dc]));
		expect(show({ statuses: ['existing'] }).links).toEqual(new Set([ids.ab, ids.ad]));
		expect(show({ linkKinds: ['funding'] }).links).toEqual(new Set([ids.dc]));
		expect(show({ minStrength: 2 }).links).toEqual(new Set([ids.ab, ids.cb]));
		// Link filters hide links only, never actors.
		expect(show({ minStrength: 5 }).actors.size).toBe(5);
	});

	it('hides unconnected actors after the other filters', () => {
		expect(show({ hideUnconnected: true }).actors.has(ids.e)).toBe(false);
		expect(sorted(show({ hideUnconnected: true, statuses: ['gap'] }).actors)).toEqual(sorted(new Set([ids.c, ids.d])));
	});

	it('focuses on an actor’s neighbourhood', () => {
		expect(sorted(show({ focus: { actor: ids.a, depth: 1, direction: 'all' } }).actors)).toEqual(sorted(new Set([ids.a, ids.b, ids.d])));
		expect(show({ focus: { actor: ids.a, depth: 2, direction: 'all' } }).actors.size).toBe(4);
		// A hidden focus shows nothing rather than everything.
		expect(show({ kinds: ['company'], focus: { actor: ids.d, depth: 2, direction: 'all' } }).actors.size).toBe(0);
		// A focus on an actor that no longer exists is ignored.
		expect(show({ focus: { actor: 'deleted-actor', depth: 1, direction: 'all' } }).actors.size).toBe(5);
	});
});

describe('neighbourhood', () => {
	it('follows directed links one way and two-way links both ways', () => {
		// a→b (directed), c↔b (mutual), d→c (directed), a–d (undirected)
		expect(sorted(neighbourhood(links, ids.a, 1, 'out'))).toEqual(sorted(new Set([ids.a, ids.b, ids.d])));
		expect(sorted(neighbourhood(links, ids.b, 1, 'in'))).toEqual(sorted(new Set([ids.a, ids.b, ids.c])));
		expect(sorted(neighbourhood(links, ids.b, 1, 'out'))).toEqual(sorted(new Set([ids.b, ids.c])));
		expect(sorted(neighbourhood(links, ids.c, 1, 'in'))).toEqual(sorted(new Set([ids.b, ids.c, ids.d])));
	});

	it('stops after the given number of steps', () => {
		const line = [0, 1, 2, 3, 4].map((i) => ({ id: `l${i}`, source: `n${i}`, target: `n${i + 1}` }));
		for (const depth of [1, 2, 3]) expect(neighbourhood(line, 'n0', depth, 'out').size).toBe(depth + 1);
		expect(neighbourhood(line, 'n3', 3, 'in')).toEqual(new Set(['n3', 'n2', 'n1', 'n0']));
		expect(neighbourhood(line, 'n2', 1, 'all')).toEqual(new Set(['n1', 'n2', 'n3']));
	});
});

describe('searchActors', () => {
	it('finds by start of name first, then word starts, ignoring case and accents', () => {
		expect(searchActors(actors, 'aane').map((a) => a.name)).toEqual(['Äänekosken Yksinäinen']);
		expect(searchActors(actors, 'sav').map((a) => a.name)).toEqual(['Savonia', 'Ylä-Savon kehitys']);
		expect(searchActors(actors, 'oy').map((a) => a.name)).toEqual(['Alfa Oy', 'Beta Oy']);
		expect(searchActors(actors, 'energ').map((a) => a.name)).toEqual(['Ylä-Savon kehitys']);
		expect(searchActors(actors, '  ')).toEqual([]);
	});
});

describe('saved filter JSON', () => {
	it('round-trips and tolerates junk from other clients', () => {
		const filter: ViewFilter = { ...emptyFilter(), kinds: ['rdi'], minStrength: 3, focus: { actor: 'x', depth: 2, direction: 'in' } };
		expect(parseFilter(JSON.parse(JSON.stringify(filterToJson(filter))))).toEqual(filter);
		const junk = parseFilter({ kinds: 'rdi', regions: [1, 'r', 'r'], minStrength: 99, focus: { actor: 'x', depth: 9, direction: 'up' }, hideUnconnected: 'yes' });
		expect(junk).toEqual({ ...emptyFilter(), regions: ['r'], minStrength: 5, focus: { actor: 'x', depth: 3, direction: 'all' } });
		expect(parseFilter(null)).toEqual(emptyFilter());
	});
});
