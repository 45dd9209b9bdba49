// Element ids: URL-safe, fixed length, random.
import { describe, it, expect } from 'vitest';
import { ID_LENGTH, newId } from '$lib/map';

describe('newId', () => {
	it('makes URL-safe ids of the fixed length', () => {
		for (let i = 0; i < 1000; i++) {
			const id = newId();
			expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
			expect(id).toHaveLength(ID_LENGTH);
			expect(encodeURIComponent(id)).toBe(id);
		}
	});

	it('does not repeat over many ids and uses the whole alphabet', () => {
		const ids = Array.from({ length: 20_000 }, newId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(new Set(ids.join('')).size).toBe(64);
	});
});
