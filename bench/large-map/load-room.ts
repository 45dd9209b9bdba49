// Child process of the large-map benchmark: opens a map the way the server does on its first
// connection (SqliteStorage + SyncRoom) in a fresh process, and prints how long each part took:
// until the room can answer a client's first sync, and until its Y.Doc is built (on the first write).
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { SqliteStorage } from '../../server/storage/sqlite';
import { SyncRoom } from '../../server/sync/room';
import type { SyncConnection } from '../../server/sync/connection';
import { documentId } from '../../src/lib/server/documents';

const [file, mapId] = process.argv.slice(2);
if (!file || !mapId) throw new Error('usage: load-room <sqlite file> <map id>');

const storage = new SqliteStorage({ file });
// The same room the server creates, timed from construction until it has answered a fresh client's
// sync step 1 (a new tab: an empty state vector), as the server does on a first connection.
const roomStart = performance.now();
const docId = documentId(mapId, 'graph');
const room = new SyncRoom({ mapId, kind: 'graph', docId }, storage, () => {});
await room.ready;
const sent: Uint8Array[] = [];
/** Stands in for a socket: only what the room sends matters here. */
const client = { canWrite: true, send: (message: Uint8Array) => sent.push(message), close: () => {} } as unknown as SyncConnection;
room.attach(client);
room.handleMessage(client, { type: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
const roomMs = performance.now() - roomStart;
const answerBytes = sent.find((m) => m[0] === 0 && m[1] === 1)?.byteLength ?? 0;
if (answerBytes === 0) throw new Error('the room sent no sync step 2');
room.detach(client);

// A returning client (it has the map up to a few edits ago): the room reads its state vector from the
// stored bytes and diffs them, still without building the Doc.
const stored = await storage.loadDocument(docId);
const theirs = Y.encodeStateVectorFromUpdate(stored.snapshot!);
const returningStart = performance.now();
const returning = { canWrite: true, send: (message: Uint8Array) => sent.push(message), close: () => {} } as unknown as SyncConnection;
room.attach(returning);
room.handleMessage(returning, { type: 'sync-step1', stateVector: theirs });
const returningMs = performance.now() - returningStart;
room.detach(returning);
if (room.built) throw new Error('the room built its document to answer a first sync');

// What the first write (or a server change, an API read) then pays once: building the Y.Doc.
const buildStart = performance.now();
const doc = room.document();
const buildMs = performance.now() - buildStart;
if (doc.getMap('actors').size === 0) throw new Error(`map ${mapId} loaded empty`);

// The two halves of the old, eager load on their own, for the report: reading the rows, and
// applying them into a Doc.
const readStart = performance.now();
await storage.loadDocument(docId);
const readMs = performance.now() - readStart;
const applyStart = performance.now();
const fresh = new Y.Doc();
Y.transact(fresh, () => {
	if (stored.snapshot) Y.applyUpdate(fresh, stored.snapshot);
	for (const update of stored.updates) Y.applyUpdate(fresh, update);
});
const applyMs = performance.now() - applyStart;

await room.close();
await storage.close();
process.stdout.write(JSON.stringify({ roomMs, answerBytes, returningMs, buildMs, readMs, applyMs, heapUsed: process.memoryUsage().heapUsed }) + '\n');
