// A stand-in for a client's socket in room tests: it records what the room sends it and how it is
// closed; the room, its storage and its protocol under test stay real.
import * as decoding from 'lib0/decoding';
import type { SyncConnection } from '../../../server/sync/connection';

export function recordingConnection(userId: string, username = userId) {
	const sent: Uint8Array[] = [];
	const closes: number[] = [];
	const connection = {
		user: { id: userId, username, displayName: username, isAdmin: false },
		role: 'editor',
		canWrite: true,
		refusedUpdates: 0,
		send: (message: Uint8Array) => sent.push(message),
		close: (code: number) => closes.push(code)
	};
	return { connection: connection as unknown as SyncConnection, sent, closes };
}

/** The payloads of the sync messages of one type (0 step 1, 1 step 2, 2 update) among `messages`. */
export function syncPayloads(messages: Uint8Array[], syncType: number): Uint8Array[] {
	return messages
		.filter((m) => m[0] === 0 && m[1] === syncType)
		.map((m) => {
			const decoder = decoding.createDecoder(m);
			decoding.readVarUint(decoder);
			decoding.readVarUint(decoder);
			return decoding.readVarUint8Array(decoder);
		});
}
