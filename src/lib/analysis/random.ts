// A tiny seeded pseudo-random generator, so Louvain's random walk gives the same communities for the same seed.

/**
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, floats in [0, 1). Hand-written
 * because the graph libraries take an `rng` function but ship none that can be seeded.
 */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
