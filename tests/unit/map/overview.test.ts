// The overview the editor draws before a large map's live document is in: what the server sends, and
// what the page accepts from the network.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ACTOR_KINDS, LINK_KINDS, mapOverview, parseMapOverview, OVERVIEW_VERSION } from '$lib/map';
import { replica } from './helpers';

function sample() {
	const { model } = replica();
	const a = model.addActor({ name: 'Iisalmen kaupunki', kind: 'public', pos: { x: 10.04, y: -20.06 } });
	const b = model.addActor({ name: 'Savonia', kind: 'education', pos: { x: 300, y: 40 } });
	const c = model.addActor({ name: 'Raahen Yritys Oy', kind: 'company', pos: { x: -5, y: 7 } });
	model.addLink({ source: a, target: b, kind: 'funding' });
	model.addLink({ source: c, target: a, kind: 'mobility' });
	return { model, a, b, c };
}

describe('mapOverview', () => {
	it('lists every actor position and kind, and links as index pairs with their kinds', () => {
		const { model } = sample();
		const overview = mapOverview(model);
		expect(overview.version).toBe(OVERVIEW_VERSION);
		const actors = model.actors();
		expect(overview.actorKinds).toEqual(actors.map((actor) => ACTOR_KINDS.indexOf(actor.kind as never)));
		expect(overview.positions).toEqual(actors.flatMap((actor) => [Math.round(actor.pos.x * 10) / 10, Math.round(actor.pos.y * 10) / 10]));
		const indexOf = new Map(actors.map((actor, i) => [actor.id, i]));
		expect(overview.links).toEqual(model.links().flatMap((link) => [indexOf.get(link.source), indexOf.get(link.target)]));
		expect(overview.linkKinds).toEqual(model.links().map((link) => LINK_KINDS.indexOf(link.kind as never)));
		expect(overview.positions).toContain(10);
		expect(overview.positions).toContain(-20.1);
	});

	it('marks kinds this version does not know as -1 and leaves out links missing an end', () => {
		const { model, a, c } = sample();
		(model.parts.actors.get(a) as Y.Map<unknown>).set('kind', 'spaceship');
		// A concurrent delete can leave a link pointing at an actor that is gone.
		model.parts.actors.delete(c);
		const overview = mapOverview(model);
		expect(overview.actorKinds).toHaveLength(2);
		expect(overview.actorKinds).toContain(-1);
		expect(overview.links).toHaveLength(2);
		expect(overview.linkKinds).toEqual([LINK_KINDS.indexOf('funding')]);
	});

	it('survives the trip through JSON and back through parseMapOverview', () => {
		const overview = mapOverview(sample().model);
		expect(parseMapOverview(JSON.parse(JSON.stringify(overview)))).toEqual(overview);
	});
});

describe('parseMapOverview', () => {
	const valid = () => ({ version: 1, positions: [0, 0, 5, 5], actorKinds: [0, -1], links: [0, 1], linkKinds: [3] });

	it('accepts a well-formed overview', () => {
		expect(parseMapOverview(valid())).toEqual(valid());
	});

	it.each([
		['not an object', null],
		['another version', { ...valid(), version: 2 }],
		['a position that is not a number', { ...valid(), positions: [0, 'x', 5, 5] }],
		['an infinite position', { ...valid(), positions: [0, 0, Infinity, 5] }],
		['positions not two per actor', { ...valid(), positions: [0, 0, 5] }],
		['an actor kind out of range', { ...valid(), actorKinds: [0, ACTOR_KINDS.length] }],
		['a link to an actor that is not there', { ...valid(), links: [0, 2] }],
		['a fractional actor index', { ...valid(), links: [0, 0.5] }],
		['ends not two per link', { ...valid(), links: [0, 1, 1] }],
		['a link kind out of range', { ...valid(), linkKinds: [-2] }]
	])('refuses %s', (_name, data) => {
		expect(parseMapOverview(data)).toBeNull();
	});
});
