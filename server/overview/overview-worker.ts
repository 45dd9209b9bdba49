// Worker thread: turns a map's stored bytes into its overview JSON. Building a large map's Y.Doc
// takes the better part of a second (more with its garbage collection), and on the main thread that
// would hold up every other request, the page's own scripts included, while the map opens.
import { parentPort } from 'node:worker_threads';
import { computeOverview, type OverviewJob, type OverviewResult } from './compute';

parentPort?.on('message', (job: OverviewJob) => {
	let result: OverviewResult;
	try {
		result = { id: job.id, ok: true, answer: computeOverview(job.update) };
	} catch (error) {
		result = { id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) };
	}
	parentPort!.postMessage(result);
});
