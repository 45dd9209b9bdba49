// Puts a map straight into storage the way the server's createMap does (a graph document and an
// empty discussion document), for maps too big to send through the sync protocol's 1 MiB frames.
import * as Y from 'yjs';
import { initializeDiscussionDocument } from '../../src/lib/map/discussion';
import { documentId } from '../../src/lib/server/documents';
import type { Storage } from '../../src/lib/server/storage/types';

export async function storeMap(storage: Storage, mapId: string, ownerId: string, graph: Y.Doc): Promise<void> {
	const discussion = new Y.Doc();
	initializeDiscussionDocument(discussion);
	const documents = new Map([
		[documentId(mapId, 'graph'), Y.encodeStateAsUpdate(graph)],
		[documentId(mapId, 'discussion'), Y.encodeStateAsUpdate(discussion)]
	]);
	await storage.createMap({ id: mapId, title: mapId, createdBy: ownerId, createdAt: Date.now() }, ownerId, documents);
	discussion.destroy();
}

/** A user row for scratch databases (the maps' owner); never logs in. */
export async function createOwner(storage: Storage, id = 'owner'): Promise<string> {
	await storage.createUser({ id, username: id, displayName: 'Owner', passwordHash: '-', isAdmin: true, disabled: false, createdAt: 0 });
	return id;
}
