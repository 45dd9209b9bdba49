// The overview JSON the server sends: kept per live document, so it must never outlive a change.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapModel, mapOverview, parseMapOverview } from '$lib/map';
import { overviewAnswer } from '$lib/server/overview';

describe('overviewAnswer', () => {
	it('is the map overview as JSON, and follows every change of the document', () => {
		const doc = new Y.Doc();
		const model = new MapModel(doc);
		const a = model.addActor({ name: 'Heinolan kaupunki', kind: 'public', pos: { x: 1, y: 2 } });
		const first = overviewAnswer(doc);
		expect(parseMapOverview(JSON.parse(first.json))).toEqual(mapOverview(model));
		expect(first.elements).toBe(1);
		expect(overviewAnswer(doc)).toEqual(first);

		model.addActor({ name: 'Heinola Oy', kind: 'company', pos: { x: 50, y: 2 } });
		model.addLink({ source: a, target: model.actors().find((actor) => actor.id !== a)!.id, kind: 'membership' });
		const second = overviewAnswer(doc);
		expect(JSON.parse(second.json).actorKinds).toHaveLength(2);
		expect(JSON.parse(second.json).linkKinds).toHaveLength(1);
		expect(second.elements).toBe(3);
	});
});
