import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapModel, compareSnapshots } from '../../../src/lib/map';
import { diffPicture } from '../../../src/lib/components/history/diff-layout';

describe('diffPicture', () => {
	it('draws both states at once and marks each actor and link by how it changed', () => {
		const doc = new Y.Doc();
		const model = new MapModel(doc);
		const kept = model.addActor({ name: 'Kept', kind: 'company', pos: { x: 0, y: 0 } });
		const gone = model.addActor({ name: 'Gone', kind: 'rdi', pos: { x: 200, y: 0 } });
		const renamed = model.addActor({ name: 'Old', kind: 'education', pos: { x: 0, y: 300 } });
		const link = model.addLink({ source: kept, target: gone, kind: 'rdi_project' });
		const before = model.snapshot();
		model.deleteActor(gone);
		model.updateActor(renamed, { name: 'New' });
		const added = model.addActor({ name: 'Added', kind: 'funding', pos: { x: -100, y: 100 } });
		const after = model.snapshot();
		const picture = diffPicture(before, after, compareSnapshots(before, after));
		const status = Object.fromEntries(picture.nodes.map((n) => [n.id, n.status]));
		expect(status).toEqual({ [kept]: 'same', [gone]: 'removed', [renamed]: 'changed', [added]: 'added' });
		expect(picture.edges).toEqual([expect.objectContaining({ id: link, status: 'removed', x1: 0, y1: 0, x2: 200, y2: 0 })]);
		// The view box holds every actor with a margin.
		const [minX, minY, width, height] = picture.viewBox.split(' ').map(Number);
		expect(minX! < -100 && minY! < 0 && minX! + width! > 200 && minY! + height! > 300).toBe(true);
	});
});
