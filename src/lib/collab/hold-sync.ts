// Holds the server's sync messages until a promise settles, then handles them in order. Opening a
// large map, the first of them is the whole document, and applying it takes the main thread for a
// second or more: the editor holds it until its overview picture is on screen, which would otherwise
// wait behind it. Presence and other messages pass meanwhile.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageSync, type WebsocketProvider } from 'y-websocket';

export function holdSyncMessages(provider: WebsocketProvider, until: Promise<unknown>): void {
	const handle = provider.messageHandlers[messageSync]!;
	let held: { socket: WebSocket | null; payload: Uint8Array }[] | null = [];
	provider.messageHandlers[messageSync] = (encoder, decoder, from, emitSynced, messageType) => {
		if (held === null) return handle(encoder, decoder, from, emitSynced, messageType);
		// Nothing is written to `encoder`: the provider then sends no reply now.
		held.push({ socket: provider.ws, payload: decoding.readTailAsUint8Array(decoder) });
	};
	const release = () => {
		const messages = held ?? [];
		held = null;
		provider.messageHandlers[messageSync] = handle;
		for (const { socket, payload } of messages) {
			// A socket closed since then took its exchange with it: the next one starts its own sync.
			if (socket === null || socket !== provider.ws) continue;
			const encoder = encoding.createEncoder();
			handle(encoder, decoding.createDecoder(payload), provider, true, messageSync);
			if (encoding.length(encoder) > 1) socket.send(encoding.toUint8Array(encoder));
		}
	};
	void until.then(release, release);
}
