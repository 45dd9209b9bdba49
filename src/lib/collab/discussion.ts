// Opens a map's discussion document (annotations, comments, read markers): a second provider on /sync/<mapId>/discussion, set up like the graph's.
import { openConnection, type MapConnection } from './connection';

/** The room of a map's discussion; the server lets commenters write it (the graph stays read-only for them). */
export function discussionRoom(mapId: string): string {
	return `${mapId}/discussion`;
}

/**
 * Same origin and cookie as the graph connection, BroadcastChannel off, same reconnect backoff,
 * and its own offline copy for the user (comments written offline are sent on reconnect).
 */
export function openDiscussionConnection(mapId: string, userId?: string): MapConnection {
	return openConnection(discussionRoom(mapId), { userId });
}
