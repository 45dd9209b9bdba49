// Child process of the large-map benchmark: opens a map the way the server does on its first
// connection (SqliteStorage + SyncRoom) in a fresh process, and prints how long each part took.
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { SqliteStorage } from '../../server/storage/sqlite';
import { SyncRoom } from '../../server/sync/room';
import { documentId } from '../../src/lib/server/documents';

const [file, mapId] = process.argv.slice(2);
if (!file || !mapId) throw new Error('usage: load-room <sqlite file> <map id>');

const storage = new SqliteStorage({ file });
// The same room the server creates, timed from construction to ready (read + apply + migrate).
const roomStart = performance.now();
const docId = documentId(mapId, 'graph');
const room = new SyncRoom({ mapId, kind: 'graph', docId }, storage, () => {});
await room.ready;
if (room.doc.getMap('actors').size === 0) throw new Error(`map ${mapId} loaded empty`);
const roomMs = performance.now() - roomStart;

// The two halves on their own, for the report: reading the rows, and applying them into a Doc.
const readStart = performance.now();
const stored = await storage.loadDocument(docId);
const readMs = performance.now() - readStart;
const applyStart = performance.now();
const doc = new Y.Doc();
Y.transact(doc, () => {
	if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
	for (const update of stored.updates) Y.applyUpdate(doc, update);
});
const applyMs = performance.now() - applyStart;

await room.close();
await storage.close();
process.stdout.write(JSON.stringify({ roomMs, readMs, applyMs, heapUsed: process.memoryUsage().heapUsed }) + '\n');
