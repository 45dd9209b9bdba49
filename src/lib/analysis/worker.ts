// Module Web Worker entry: analyses a map snapshot off the main thread, one request at a time.
import { handleAnalysisRequest, type AnalysisRequest, type AnalysisResponse } from './messages';

/** The part of DedicatedWorkerGlobalScope used here (the project's TypeScript lib is the DOM's, not the worker's). */
interface WorkerScope {
	onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
	postMessage(message: AnalysisResponse): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(handleAnalysisRequest(event.data));
