// Where "Add actor" puts a new actor: the middle of the view, or the nearest spot that does not cover another actor.
import { describe, it, expect } from 'vitest';
import { freeSpotNear, PLACEMENT_CLEARANCE } from '$lib/editor/placement';

describe('freeSpotNear', () => {
	it('uses the centre when it is free', () => {
		expect(freeSpotNear({ x: 10.4, y: -20.6 }, [{ x: 500, y: 500 }])).toEqual({ x: 10, y: -21 });
	});

	it('moves off an occupied centre, keeping clear of every actor', () => {
		const occupied = [{ x: 0, y: 0 }, { x: PLACEMENT_CLEARANCE, y: 0 }, { x: 0, y: PLACEMENT_CLEARANCE }];
		const spot = freeSpotNear({ x: 0, y: 0 }, occupied);
		for (const pos of occupied) expect(Math.hypot(pos.x - spot.x, pos.y - spot.y)).toBeGreaterThanOrEqual(PLACEMENT_CLEARANCE);
		expect(Math.hypot(spot.x, spot.y)).toBeLessThan(PLACEMENT_CLEARANCE * 4);
	});

	it('falls back to the centre when everything nearby is taken', () => {
		const crowd = [];
		for (let x = -2000; x <= 2000; x += 20) for (let y = -2000; y <= 2000; y += 20) crowd.push({ x, y });
		expect(freeSpotNear({ x: 0, y: 0 }, crowd)).toEqual({ x: 0, y: 0 });
	});
});
