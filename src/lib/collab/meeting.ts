// Opens a map's meeting document (`/sync/<mapId>/meeting`), which only the server writes: participants
// read the running meeting from it live. No offline copy: a stale meeting is worse than none.
import { openConnection, type MapConnection } from './connection';
import { MEETING_MAP, readMeetingState, type MeetingState } from './meeting-doc';

export function meetingRoom(mapId: string): string {
	return `${mapId}/meeting`;
}

export interface MeetingConnection {
	readonly connection: MapConnection;
	/** Calls `listener` with the running meeting (or null) now and after every change; returns the unsubscribe function. */
	subscribe(listener: (meeting: MeetingState | null) => void): () => void;
	destroy(): void;
}

export function openMeetingConnection(mapId: string): MeetingConnection {
	const connection = openConnection(meetingRoom(mapId));
	// Presence lives on the graph's socket; this one publishes none.
	connection.provider.awareness.setLocalState(null);
	const map = connection.doc.getMap(MEETING_MAP);
	return {
		connection,
		subscribe(listener) {
			const read = () => listener(readMeetingState(connection.doc));
			map.observe(read);
			read();
			return () => map.unobserve(read);
		},
		destroy() {
			connection.destroy();
		}
	};
}
