// Layouts turn a set of actors into positions: every actor gets one, none overlap, the result stays where the map was, and grouping keeps regions together.
import { describe, it, expect } from 'vitest';
import { computeLayout, type LayoutActor, type LayoutName } from '$lib/editor/layout/compute';
import { MAX_COORDINATE } from '$lib/map';

function ring(count: number, groups: string[] = ['a']): LayoutActor[] {
	return Array.from({ length: count }, (_, i) => ({ id: `n${i}`, group: groups[i % groups.length]!, pos: { x: 1000 + (i % 5) * 3, y: 500 + i } }));
}

const chain = (count: number) => Array.from({ length: count - 1 }, (_, i) => ({ source: `n${i}`, target: `n${i + 1}` }));

function centre(positions: Record<string, { x: number; y: number }>) {
	const list = Object.values(positions);
	const xs = list.map((p) => p.x);
	const ys = list.map((p) => p.y);
	return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

describe('computeLayout', () => {
	for (const name of ['fcose', 'regions', 'concentric', 'grid'] as LayoutName[]) {
		it(`${name}: places every actor at a distinct whole-number spot near where the map was`, () => {
			const actors = ring(24, ['a', 'b', 'c']);
			const positions = computeLayout({ name, actors, links: [...chain(24), { source: 'n0', target: 'gone' }] });
			expect(Object.keys(positions).sort()).toEqual(actors.map((a) => a.id).sort());
			const spots = new Set(Object.values(positions).map((p) => `${p.x},${p.y}`));
			expect(spots.size).toBe(24);
			for (const { x, y } of Object.values(positions)) {
				expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
				expect(Math.abs(x)).toBeLessThanOrEqual(MAX_COORDINATE);
			}
			const before = { x: 1006, y: 511.5 };
			const after = centre(positions);
			expect(Math.abs(after.x - before.x)).toBeLessThanOrEqual(2);
			expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(2);
		});
	}

	it('concentric puts the best-connected actor in the middle', () => {
		const actors = ring(9);
		const star = actors.slice(1).map((actor) => ({ source: 'n0', target: actor.id }));
		const positions = computeLayout({ name: 'concentric', actors, links: star });
		const middle = centre(positions);
		const distance = (id: string) => Math.hypot(positions[id]!.x - middle.x, positions[id]!.y - middle.y);
		for (const actor of actors.slice(1)) expect(distance('n0')).toBeLessThan(distance(actor.id));
	});

	it('grouped by region keeps each region closer to itself than to the others', () => {
		const actors = ring(30, ['north', 'south', 'east']);
		const positions = computeLayout({ name: 'regions', actors, links: [] });
		const groupCentre = (group: string) => centre(Object.fromEntries(actors.filter((a) => a.group === group).map((a) => [a.id, positions[a.id]!])));
		const centres = Object.fromEntries(['north', 'south', 'east'].map((g) => [g, groupCentre(g)]));
		for (const actor of actors) {
			const own = centres[actor.group!]!;
			const dOwn = Math.hypot(positions[actor.id]!.x - own.x, positions[actor.id]!.y - own.y);
			for (const [group, other] of Object.entries(centres)) {
				if (group === actor.group) continue;
				expect(dOwn).toBeLessThan(Math.hypot(positions[actor.id]!.x - other.x, positions[actor.id]!.y - other.y));
			}
		}
	});

	it('returns nothing for no actors', () => {
		expect(computeLayout({ name: 'fcose', actors: [], links: [] })).toEqual({});
	});
});
