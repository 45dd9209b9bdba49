// A stand-in for a client's socket in room tests: it records what the room sends it and how it is
// closed; the room, its storage and its protocol under test stay real.
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
