// The meeting document as participants read it: what the server writes comes back typed, and anything
// malformed (it should never be, but it arrives over the network) is left out rather than crashing a reader.
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { MEETING_MAP, clearMeetingState, readMeetingState, writeMeetingState } from '$lib/collab/meeting-doc';

const started = {
	id: 'm1',
	title: 'Kevätkokous',
	agenda: ['Tilannekatsaus', 'Äänestys'],
	startedAt: 1_700_000_000_000,
	presenter: { id: 'u1', name: 'Pia' },
	slides: [{ viewId: 'v1', name: 'Yleiskuva', note: '' }],
	slide: 0,
	vote: null,
	decisions: []
};

describe('the meeting document', () => {
	it('reads back what the server wrote, and nothing once the meeting is cleared', () => {
		const doc = new Y.Doc();
		expect(readMeetingState(doc)).toBeNull();
		writeMeetingState(doc, started);
		expect(readMeetingState(doc)).toEqual(started);
		clearMeetingState(doc);
		expect(readMeetingState(doc)).toBeNull();
	});

	it('never shows counts of a vote that is still open', () => {
		const doc = new Y.Doc();
		writeMeetingState(doc, started);
		doc.getMap(MEETING_MAP).set('vote', {
			id: 'v',
			question: 'Mikä ensin?',
			kind: 'targets',
			options: [{ id: 'a', label: 'A' }],
			votesPerPerson: 3,
			status: 'open',
			results: [{ optionId: 'a', count: 9 }],
			voters: 3
		});
		expect(readMeetingState(doc)?.vote).toMatchObject({ status: 'open', results: null, voters: null });
	});

	it('drops malformed entries and an out-of-range slide index', () => {
		const doc = new Y.Doc();
		writeMeetingState(doc, started);
		const map = doc.getMap(MEETING_MAP);
		map.set('slides', [{ viewId: 'v1', name: 'ok', note: '' }, { viewId: 5 }, 'junk']);
		map.set('slide', 7);
		map.set('decisions', [{ id: 'd', text: 'Päätös', at: 1, by: 'Pia' }, { text: 3 }]);
		map.set('vote', { id: 'v', kind: 'unknown' });
		const state = readMeetingState(doc)!;
		expect(state.slides).toHaveLength(1);
		expect(state.slide).toBe(-1);
		expect(state.decisions).toHaveLength(1);
		expect(state.vote).toBeNull();
	});
});
