// The layout worker: computes a layout off the main thread, so a big map stays responsive while fcose runs.
import { computeLayout, type LayoutInput } from './compute';

export interface LayoutRequest {
	id: number;
	input: LayoutInput;
}

export type LayoutReply = { id: number; positions: ReturnType<typeof computeLayout> } | { id: number; error: string };

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
	const { id, input } = event.data;
	let reply: LayoutReply;
	try {
		reply = { id, positions: computeLayout(input) };
	} catch (error) {
		reply = { id, error: error instanceof Error ? error.message : String(error) };
	}
	self.postMessage(reply);
};
