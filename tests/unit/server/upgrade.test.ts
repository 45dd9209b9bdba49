// Which request paths name a map on the sync endpoint.
import { describe, expect, it } from 'vitest';
import { mapIdFromPath } from '../../../server/sync/upgrade';

describe('mapIdFromPath', () => {
	it('reads the map id from /sync/<mapId>, with or without a query string', () => {
		expect(mapIdFromPath('/sync/abc123')).toBe('abc123');
		expect(mapIdFromPath('/sync/7hup3454q5yio2ot?foo=bar')).toBe('7hup3454q5yio2ot');
		expect(mapIdFromPath('/sync/a_b-c')).toBe('a_b-c');
		expect(mapIdFromPath('/sync/ab%63')).toBe('abc');
	});

	it('refuses other paths, empty or malformed ids and anything that could traverse', () => {
		for (const bad of [
			'',
			'/',
			'/sync',
			'/sync/',
			'/sync/?x=1',
			'/other/abc',
			'/api/v1/sync/abc',
			'/sync/ABC',
			'/sync/a/b',
			'/sync/abc/',
			'/sync/..',
			'/sync/%2e%2e',
			'/sync/ab%2Fcd',
			'/sync/%zz',
			'/sync/-abc',
			'/sync/_abc',
			'/sync/a b',
			'/sync/abc%00',
			`/sync/${'a'.repeat(65)}`
		]) {
			expect(mapIdFromPath(bad), bad).toBeNull();
		}
		expect(mapIdFromPath(`/sync/${'a'.repeat(64)}`)).toBe('a'.repeat(64));
	});
});
