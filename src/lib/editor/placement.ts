// Where a new actor goes: the viewport centre, nudged along a spiral until it does not cover an existing actor.
import type { Position } from '$lib/map';

/** Actors closer than this (model units) to the spot count as covering it. */
export const PLACEMENT_CLEARANCE = 60;
/** Give up nudging after this many steps and use the centre: a crowded centre is still a valid spot. */
const MAX_PLACEMENT_STEPS = 64;
const SPIRAL_ANGLE_STEP = 2.4; // radians; close to the golden angle, so steps spread evenly

export function freeSpotNear(centre: Position, occupied: readonly Position[], clearance = PLACEMENT_CLEARANCE): Position {
	const isFree = (spot: Position) =>
		occupied.every((pos) => Math.hypot(pos.x - spot.x, pos.y - spot.y) >= clearance);
	for (let step = 0; step < MAX_PLACEMENT_STEPS; step++) {
		const radius = clearance * Math.sqrt(step);
		const angle = step * SPIRAL_ANGLE_STEP;
		const spot = { x: Math.round(centre.x + radius * Math.cos(angle)), y: Math.round(centre.y + radius * Math.sin(angle)) };
		if (isFree(spot)) return spot;
	}
	return { x: Math.round(centre.x), y: Math.round(centre.y) };
}
