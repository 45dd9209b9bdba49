// Overviews computed from stored bytes: by the bundled worker thread (the production path; `npm test`
// builds it first) and in this thread where the worker's script is absent (dev server, unit runs).
// Both give the answer the route gave from a live Doc; bytes that do not parse fail the one request
// and the worker goes on serving the next.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { MapModel } from '../../../src/lib/map';
import { overviewAnswer } from '../../../src/lib/server/overview';
import { OverviewBuilder } from '../../../server/overview/overview-builder';

const BUILT_WORKER = resolve('build/overview-worker.js');

function aMap(): Uint8Array {
	const doc = new Y.Doc();
	const model = new MapModel(doc);
	const raahe = model.addActor({ name: 'Raahen Porvari', kind: 'company', pos: { x: 10, y: 20 } });
	const savonia = model.addActor({ name: 'Savonia', kind: 'education', pos: { x: -5.25, y: 3 } });
	model.addLink({ source: raahe, target: savonia, kind: 'education' });
	return Y.encodeStateAsUpdate(doc);
}

function expected(update: Uint8Array) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, update);
	return overviewAnswer(doc);
}

describe('overviews from stored bytes', () => {
	const builders: OverviewBuilder[] = [];
	afterEach(async () => {
		for (const builder of builders.splice(0)) await builder.close();
	});
	const builder = (url: URL | null) => {
		const made = new OverviewBuilder(url);
		builders.push(made);
		return made;
	};

	it('the bundled worker answers what a live Doc gives, refuses bytes that do not parse, and serves the next request', async () => {
		expect(existsSync(BUILT_WORKER), 'npm test builds the worker first').toBe(true);
		const overviews = builder(pathToFileURL(BUILT_WORKER));
		const update = aMap();
		const answer = await overviews.overviewOf(update);
		expect(answer).toEqual(expected(update));
		const { positions, links } = JSON.parse(answer.json) as { positions: number[]; links: number[] };
		expect(positions.length).toBe(4);
		expect(positions).toEqual(expect.arrayContaining([10, 20, 3]));
		expect([...links].sort()).toEqual([0, 1]);
		expect(answer.elements).toBe(3);

		await expect(overviews.overviewOf(new Uint8Array([5, 200, 1, 7, 7, 7, 255, 255, 255]))).rejects.toThrow();
		const [again, other] = await Promise.all([overviews.overviewOf(update), overviews.overviewOf(Y.encodeStateAsUpdate(new Y.Doc()))]);
		expect(again).toEqual(answer);
		expect(other.elements).toBe(0);
	});

	it('without the worker script, computes the same in this thread', async () => {
		const update = aMap();
		expect(await builder(null).overviewOf(update)).toEqual(expected(update));
		await expect(builder(null).overviewOf(new Uint8Array([5, 200, 1]))).rejects.toThrow();
	});

	it('tells a caller still waiting when it is closed', async () => {
		const overviews = builder(pathToFileURL(BUILT_WORKER));
		const refused = expect(overviews.overviewOf(aMap())).rejects.toThrow(/shutting down/);
		await overviews.close();
		await refused;
	});
});
