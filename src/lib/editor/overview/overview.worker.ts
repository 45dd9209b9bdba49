// Module Web Worker: reads a map's overview and rasterises it, off the main thread, which is busy
// applying the live document at the same time.
import { parseMapOverview } from '$lib/map/overview';
import { rasterOverview } from './raster';
import type { OverviewReply, OverviewRequest } from './messages';

/** The part of DedicatedWorkerGlobalScope used here (the project's TypeScript lib is the DOM's, not the worker's). */
interface WorkerScope {
	onmessage: ((event: MessageEvent<OverviewRequest>) => void) | null;
	postMessage(message: OverviewReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

function reply(request: OverviewRequest): OverviewReply {
	let data: unknown;
	try {
		data = JSON.parse(new TextDecoder().decode(request.body));
	} catch {
		return { type: 'skipped', reason: 'the overview is not JSON' };
	}
	const overview = parseMapOverview(data);
	if (overview === null) return { type: 'skipped', reason: 'the server sent no overview this version can draw' };
	if (overview.actorKinds.length + overview.linkKinds.length < request.minElements) return { type: 'skipped', reason: 'a small map' };
	const { pixels, width, height } = rasterOverview(overview, request.width, request.height, request.ratio);
	return { type: 'drawn', pixels: pixels.buffer as ArrayBuffer, width, height, actors: overview.actorKinds.length, links: overview.linkKinds.length };
}

scope.onmessage = (event) => {
	const answer = reply(event.data);
	scope.postMessage(answer, answer.type === 'drawn' ? [answer.pixels] : []);
};
