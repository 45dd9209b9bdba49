// The messages between the analysis runner and its Web Worker, and the handler the worker runs for each.
import type { MapSnapshot } from '../map';
import { analyseMap } from './analyse';
import type { Analysis, AnalysisOptions } from './types';

export interface AnalysisRequest {
	id: number;
	snapshot: MapSnapshot;
	options?: AnalysisOptions;
}

export type AnalysisResponse = { id: number; analysis: Analysis } | { id: number; error: string };

/** Never throws: a failure travels back as a message, since a worker's exception would lose the request id. */
export function handleAnalysisRequest(request: AnalysisRequest): AnalysisResponse {
	try {
		return { id: request.id, analysis: analyseMap(request.snapshot, request.options) };
	} catch (error) {
		return { id: request.id, error: error instanceof Error ? error.message : String(error) };
	}
}
