// The analysis runner and the worker's request handler, in Node (no Web Worker: the runner computes in the calling thread).
import { describe, expect, it } from 'vitest';
import { AnalysisSupersededError, analyseMap, createAnalysisRunner, isSuperseded } from '$lib/analysis';
import { handleAnalysisRequest } from '$lib/analysis/messages';
import { karateMap } from './maps';
import { threeTowns } from './towns-map';

const karate = karateMap().snapshot();
const towns = threeTowns().snapshot();

describe('handleAnalysisRequest (what the worker runs)', () => {
	it('answers with the request id and a structured-cloneable analysis', () => {
		const response = handleAnalysisRequest({ id: 7, snapshot: karate, options: { resolution: 2 } });
		expect(response).toEqual({ id: 7, analysis: analyseMap(karate, { resolution: 2 }) });
		expect(structuredClone(response)).toEqual(response);
	});

	it('answers a failure with the request id and a message instead of throwing', () => {
		const response = handleAnalysisRequest({ id: 8, snapshot: { actors: null } as never });
		expect(response).toMatchObject({ id: 8, error: expect.any(String) });
	});
});

describe('createAnalysisRunner', () => {
	it('analyses in the calling thread where there is no Worker', async () => {
		const runner = createAnalysisRunner();
		await expect(runner.analyse(towns, { seed: 3 })).resolves.toEqual(analyseMap(towns, { seed: 3 }));
		runner.destroy();
	});

	it('lets a newer request supersede an older one that has not finished', async () => {
		const runner = createAnalysisRunner();
		const older = runner.analyse(karate);
		const newer = runner.analyse(towns);
		await expect(older).rejects.toBeInstanceOf(AnalysisSupersededError);
		await expect(newer).resolves.toEqual(analyseMap(towns));
		runner.destroy();
	});

	it('rejects a pending request when destroyed, with an error callers can recognise and ignore', async () => {
		const runner = createAnalysisRunner();
		const pending = runner.analyse(karate);
		runner.destroy();
		const error = await pending.catch((reason: unknown) => reason);
		expect(isSuperseded(error)).toBe(true);
		expect(isSuperseded(new Error('other'))).toBe(false);
	});
});
