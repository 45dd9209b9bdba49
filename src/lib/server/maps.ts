// Maps and their members: creating a map (the server writes its first document), checking a
// caller's role, and changing who may do what.
import * as Y from 'yjs';
import { MapModel, initializeDocument, populateDemoMap, type MapSnapshot } from '../map';
import { initializeDiscussionDocument } from '../map/discussion';
import { documentId } from './documents';
import type { MapRecord, MapRole } from './storage/types';
import type { AppServices } from './context';
import { AppError, badRequest, conflict, forbidden, notFound } from './errors';
import { MAP_TITLE_MAX_LENGTH } from './limits';
import { newId } from './ids';
import { audit } from './audit';
import { findUserByUsername } from './accounts';
import { requireLine } from './text';

export const DEMO_MAP_TITLE = 'Demo — seutukaupunkien innovaatioverkosto';

const ROLE_RANK: Record<MapRole, number> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };

export function roleAtLeast(role: MapRole | null, minimum: MapRole): boolean {
	return role !== null && ROLE_RANK[role] >= ROLE_RANK[minimum];
}

export function checkMapTitle(raw: unknown): string {
	return requireLine(raw, { code: 'invalid_title', noun: 'title', whenBlank: 'Give the map a title.', maxLength: MAP_TITLE_MAX_LENGTH });
}

/** Creates a map owned by `ownerId`; its first documents (graph and discussion) are written by the server, never a client. */
export async function createMap(
	services: AppServices,
	ownerId: string,
	rawTitle: unknown,
	options: { demo?: boolean } = {}
): Promise<MapRecord> {
	const title = options.demo ? DEMO_MAP_TITLE : checkMapTitle(rawTitle);
	const doc = new Y.Doc();
	initializeDocument(doc);
	const model = new MapModel(doc);
	model.setTitle(title);
	if (options.demo) populateDemoMap(model);
	const discussion = new Y.Doc();
	initializeDiscussionDocument(discussion);
	const record: MapRecord = { id: newId(), title, createdBy: ownerId, createdAt: Date.now() };
	const documents = new Map([
		[documentId(record.id, 'graph'), Y.encodeStateAsUpdate(doc)],
		[documentId(record.id, 'discussion'), Y.encodeStateAsUpdate(discussion)]
	]);
	await services.storage.createMap(record, ownerId, documents);
	doc.destroy();
	discussion.destroy();
	return record;
}

/** The caller's role on a map, or 404 when the map does not exist or they are not a member. */
export async function requireRole(
	services: AppServices,
	mapId: string,
	userId: string,
	minimum: MapRole
): Promise<{ map: MapRecord; role: MapRole }> {
	const [map, role] = await Promise.all([services.storage.getMap(mapId), services.storage.getRole(mapId, userId)]);
	// Non-members learn nothing about the map, not even that it exists.
	if (!map || !role) throw notFound('No such map, or you are not a member of it.');
	if (!roleAtLeast(role, minimum)) throw forbidden(`This needs the ${minimum} role on the map.`);
	return { map, role };
}

export function parseRole(raw: unknown): MapRole {
	if (raw === 'owner' || raw === 'editor' || raw === 'commenter' || raw === 'viewer') return raw;
	throw badRequest('invalid_role', 'The role must be owner, editor, commenter or viewer.');
}

async function assertNotLastOwner(services: AppServices, mapId: string, userId: string): Promise<void> {
	const members = await services.storage.listMembers(mapId);
	const owners = members.filter((m) => m.role === 'owner');
	if (owners.length === 1 && owners[0]!.userId === userId)
		throw conflict('last_owner', 'A map needs at least one owner: make someone else owner first.');
}

/** Who is making a change, for the audit log. */
export interface Actor {
	id: string;
	username: string;
}

export async function setMemberRole(services: AppServices, by: Actor, mapId: string, username: string, role: MapRole) {
	const user = await findUserByUsername(services.storage, username);
	if (!user || user.disabled) throw new AppError(404, 'unknown_user', `There is no user "${username}".`);
	const current = await services.storage.getRole(mapId, user.id);
	if (current === 'owner' && role !== 'owner') await assertNotLastOwner(services, mapId, user.id);
	await services.storage.setMember(mapId, user.id, role);
	await services.sync.membershipChanged(mapId, user.id);
	await audit(services.storage, 'member_role_set', { actorId: by.id, username: by.username }, { mapId, member: user.username, from: current, to: role });
	return { username: user.username, displayName: user.displayName, role };
}

export async function removeMember(services: AppServices, by: Actor, mapId: string, username: string): Promise<void> {
	const user = await findUserByUsername(services.storage, username);
	const current = user ? await services.storage.getRole(mapId, user.id) : null;
	if (!user || !current) throw new AppError(404, 'not_a_member', `"${username}" is not a member of this map.`);
	if (current === 'owner') await assertNotLastOwner(services, mapId, user.id);
	await services.storage.removeMember(mapId, user.id);
	await services.sync.membershipChanged(mapId, user.id);
	await audit(services.storage, 'member_removed', { actorId: by.id, username: by.username }, { mapId, member: user.username, role: current });
}

export async function mapSnapshot(services: AppServices, mapId: string): Promise<MapSnapshot> {
	const doc = await services.sync.readDocument(mapId);
	return new MapModel(doc).snapshot();
}
