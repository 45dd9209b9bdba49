// Which request paths name a map on the sync endpoint.
import { describe, expect, it } from 'vitest';
import { documentFromPath, mapIdFromPath } from '../../../server/sync/upgrade';
import { canWriteDocument } from '../../../src/lib/server/documents';

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

describe('documentFromPath', () => {
	it('names the graph by the map id and the discussion by <mapId>/discussion', () => {
		expect(documentFromPath('/sync/abc123')).toEqual({ mapId: 'abc123', kind: 'graph', docId: 'abc123' });
		expect(documentFromPath('/sync/abc123/discussion?x=1')).toEqual({ mapId: 'abc123', kind: 'discussion', docId: 'abc123/discussion' });
	});

	it('refuses unknown document kinds and an explicit /graph suffix', () => {
		for (const bad of ['/sync/abc/graph', '/sync/abc/comments', '/sync/abc/discussion/x', '/sync/abc/Discussion']) {
			expect(documentFromPath(bad), bad).toBeNull();
		}
	});
});

describe('who may write which document', () => {
	it('lets commenters write the discussion but not the graph; viewers neither', () => {
		expect(canWriteDocument('editor', 'graph')).toBe(true);
		expect(canWriteDocument('owner', 'discussion')).toBe(true);
		expect(canWriteDocument('commenter', 'graph')).toBe(false);
		expect(canWriteDocument('commenter', 'discussion')).toBe(true);
		expect(canWriteDocument('viewer', 'graph')).toBe(false);
		expect(canWriteDocument('viewer', 'discussion')).toBe(false);
	});
});
