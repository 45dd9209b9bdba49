// A map's discussion as the server reads it: the snapshot for the API, and the caller's @mentions across their maps (in-app notifications).
import { MapModel } from '../map';
import { DiscussionModel, type DiscussionSnapshot, type ThreadAnchor } from '../map/discussion';
import { readMarkers } from '../map/discussion/read';
import type { AppServices } from './context';
import { canWriteDocument } from './documents';
import { badRequest } from './errors';
import type { MemberRecord } from './storage/types';
import type { AuthenticatedUser } from './auth/sessions';

export const NOTIFICATIONS = {
	/** Entries returned when the caller names no limit. */
	defaultLimit: 50,
	/** The most a caller may ask for in one answer. */
	maxLimit: 200,
	/** Discussion documents read at once while collecting mentions. */
	readConcurrency: 4
} as const;

export interface PersonRef {
	id: string;
	username: string;
	displayName: string;
}

export interface Notification {
	mapId: string;
	mapTitle: string;
	threadId: string;
	anchor: ThreadAnchor | null;
	commentId: string;
	/** null when the author is no longer a member of the map. */
	author: PersonRef | null;
	text: string;
	/** ISO 8601, from the writer's clock. */
	createdAt: string;
	/** Newer than the caller's read marker of the thread. */
	unread: boolean;
}

export interface NotificationList {
	notifications: Notification[];
	/** Unread mentions in all the caller's maps (not only those returned). */
	unread: number;
	/** Mentions in all the caller's maps. */
	total: number;
}

/** The `limit` query parameter: a whole number 0…maxLimit (0 = counts only). */
export function parseNotificationLimit(raw: string | null): number {
	if (raw === null || raw === '') return NOTIFICATIONS.defaultLimit;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0 || value > NOTIFICATIONS.maxLimit)
		throw badRequest('invalid_limit', `The limit must be a whole number from 0 to ${NOTIFICATIONS.maxLimit}.`);
	return value;
}

/**
 * The discussion of a map as JSON. Anchors are checked against the map document, so threads
 * and gaps about deleted actors, links or regions carry an `unknown_anchor` issue.
 */
export async function discussionSnapshot(services: AppServices, mapId: string): Promise<DiscussionSnapshot> {
	const [graph, discussion] = await Promise.all([services.sync.readDocument(mapId, 'graph'), services.sync.readDocument(mapId, 'discussion')]);
	const map = new MapModel(graph);
	const parts = { actor: map.parts.actors, link: map.parts.links, region: map.parts.regions };
	return new DiscussionModel(discussion, undefined, { mapHas: (kind, id) => parts[kind].has(id) }).snapshot();
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
	return results;
}

function personOf(member: MemberRecord | undefined): PersonRef | null {
	return member ? { id: member.userId, username: member.username, displayName: member.displayName } : null;
}

/**
 * Comments by others that mention the user, in every map they belong to, newest first. Viewers
 * cannot write read markers (the server drops their discussion updates), so mentions on maps where
 * the user is a viewer never count as unread.
 */
export async function listNotifications(services: AppServices, user: AuthenticatedUser, limit: number): Promise<NotificationList> {
	const maps = await services.storage.listMapsForUser(user.id);
	const perMap = await inBatches(maps, NOTIFICATIONS.readConcurrency, async (map) => {
		const [doc, members] = await Promise.all([services.sync.readDocument(map.id, 'discussion'), services.storage.listMembers(map.id)]);
		const model = new DiscussionModel(doc);
		const markers = readMarkers(model.parts.reads, user.id);
		const byId = new Map(members.map((member) => [member.userId, member]));
		const canMark = canWriteDocument(map.role, 'discussion');
		return model
			.mentionsOf(user.username)
			.filter((mention) => mention.comment.author !== user.id)
			.map((mention): Notification & { at: number } => ({
				mapId: map.id,
				mapTitle: map.title,
				threadId: mention.threadId,
				anchor: mention.anchor,
				commentId: mention.comment.id,
				author: personOf(byId.get(mention.comment.author)),
				text: mention.comment.text,
				createdAt: new Date(mention.comment.createdAt).toISOString(),
				unread: canMark && mention.comment.createdAt > (markers.get(mention.threadId) ?? Number.NEGATIVE_INFINITY),
				at: mention.comment.createdAt
			}));
	});
	const all = perMap.flat().sort((a, b) => b.at - a.at || (a.mapId < b.mapId ? -1 : a.mapId > b.mapId ? 1 : 0) || (a.commentId < b.commentId ? -1 : 1));
	return {
		notifications: all.slice(0, limit).map(({ at: _at, ...notification }) => notification),
		unread: all.filter((notification) => notification.unread).length,
		total: all.length
	};
}
