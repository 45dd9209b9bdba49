// A fresh SQLite database holding one map whose discussion document is `stored`, and that document's
// room, ready: for room tests that need real storage and nothing else. Removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '../../../server/storage/sqlite';
import { SyncRoom } from '../../../server/sync/room';

export async function withDiscussionRoom(
	mapId: string,
	stored: Uint8Array,
	test: (room: SyncRoom, storage: SqliteStorage) => Promise<void>
): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'kartta-room-'));
	const storage = new SqliteStorage({ file: join(dir, 'kartta.db') });
	try {
		await storage.createUser({ id: 'writer', username: 'writer', displayName: 'writer', passwordHash: '-', isAdmin: false, disabled: false, createdAt: 0 });
		await storage.createMap({ id: mapId, title: mapId, createdBy: 'writer', createdAt: 0 }, 'writer', new Map([[`${mapId}/discussion`, stored]]));
		const room = new SyncRoom({ mapId, kind: 'discussion', docId: `${mapId}/discussion` }, storage, () => {});
		await room.ready;
		try {
			await test(room, storage);
		} finally {
			if (room.state !== 'closed') await room.close();
		}
	} finally {
		await storage.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
