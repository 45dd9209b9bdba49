// Section 3 of `npm run bench`: what 10,000 edits cost in SQLite. The edits go through the real
// SyncRoom (store each update, compact every SYNC.compactAfterUpdates) on the real SqliteStorage;
// a second database keeps the raw log without compaction for comparison.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { ACTOR_KINDS, LINK_KINDS, MapModel, initializeDocument } from '../src/lib/map';
import { SYNC } from '../src/lib/server/limits';
import { SqliteStorage } from '../server/storage/sqlite';
import { SyncRoom } from '../server/sync/room';
import { pick } from './large-map/generate';
import { createOwner, storeMap } from './lib/store-map';
import { documentId } from '../src/lib/server/documents';
import { fmtBytes, fmtMs, fmtRatio, table, type TargetCheck } from './lib/stats';

const SEED = 7;
const INITIAL_ACTORS = 50;
const MAX_ACTORS = 400;
const STORED_TARGET_RATIO = 1.2;
const MAP_ID = 'storagebench';
/** The graph document's storage key (the discussion document stays empty here). */
const DOC_ID = documentId(MAP_ID, 'graph');

/** A deterministic mix of what editors do: mostly moves, some renames, adds and deletes. */
function* edits(model: MapModel, count: number, seed: number): Generator<void> {
	const gen = prng.create(seed);
	const actors = () => [...model.parts.actors.keys()];
	const links = () => [...model.parts.links.keys()];
	for (let i = 0; i < INITIAL_ACTORS; i++) model.addActor({ name: `Toimija ${i}`, kind: pick(gen, ACTOR_KINDS) });
	for (let i = 0; i < count; i++) {
		const roll = prng.real53(gen);
		const ids = actors();
		if (roll < 0.65 || ids.length < 2) {
			model.moveActor(prng.oneOf(gen, ids), { x: (prng.real53(gen) - 0.5) * 4000, y: (prng.real53(gen) - 0.5) * 4000 });
		} else if (roll < 0.8) {
			model.updateActor(prng.oneOf(gen, ids), { name: `Toimija ${prng.word(gen, 4, 12)}` });
		} else if (roll < 0.88 && ids.length < MAX_ACTORS) {
			model.addActor({ name: `Uusi ${i}`, kind: pick(gen, ACTOR_KINDS), pos: { x: i % 1000, y: 0 } });
		} else if (roll < 0.95) {
			const source = prng.oneOf(gen, ids);
			const target = ids.find((id) => id !== source)!;
			model.addLink({ source, target, kind: pick(gen, LINK_KINDS) });
		} else if (roll < 0.98 && links().length > 0) {
			model.deleteLink(prng.oneOf(gen, links()));
		} else {
			model.deleteActor(prng.oneOf(gen, ids));
		}
		yield;
	}
}

interface StoredBytes {
	/** Bytes of the document rows (snapshot + update log), as the storage reports them. */
	rows: number;
	/** Pages the document tables and their index occupy (dbstat), i.e. what the rows cost on disk. */
	pages: number;
	/** The whole database file (after a WAL checkpoint), free pages included. */
	file: number;
}

function storedBytes(storage: SqliteStorage, file: string): StoredBytes {
	const db = storage.db;
	db.pragma('wal_checkpoint(TRUNCATE)');
	// The document tables and every index on them, whatever the indexes are called.
	const row = db
		.prepare(
			`SELECT coalesce(sum(pgsize), 0) AS bytes FROM dbstat
			 WHERE name IN (SELECT name FROM sqlite_schema WHERE tbl_name IN ('doc_snapshots', 'doc_updates'))`
		)
		.get() as { bytes: number };
	const docRows = db
		.prepare(
			`SELECT (SELECT coalesce(sum(length(snapshot)), 0) FROM doc_snapshots) +
			        (SELECT coalesce(sum(length(update_data)), 0) FROM doc_updates) AS bytes`
		)
		.get() as { bytes: number };
	return { rows: docRows.bytes, pages: row.bytes, file: statSync(file).size };
}

async function newStorage(dir: string, name: string): Promise<{ storage: SqliteStorage; file: string }> {
	const file = join(dir, `${name}.db`);
	const storage = new SqliteStorage({ file });
	const doc = new Y.Doc();
	initializeDocument(doc, { title: 'Storage benchmark' });
	await storeMap(storage, MAP_ID, await createOwner(storage), doc);
	doc.destroy();
	return { storage, file };
}

export async function runStorageSection(options: { edits: number; log: (line: string) => void }): Promise<{ text: string; checks: TargetCheck[] }> {
	const dir = mkdtempSync(join(tmpdir(), 'kartta-bench-storage-'));
	try {
		// The real room: a client's updates arrive one by one; the room stores each before it would
		// broadcast and compacts every SYNC.compactAfterUpdates.
		const live = await newStorage(dir, 'room');
		const room = new SyncRoom({ mapId: MAP_ID, kind: 'graph', docId: DOC_ID }, live.storage, () => {});
		await room.ready;
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(room.document()));
		const clientModel = new MapModel(client);
		const updates: Uint8Array[] = [];
		client.on('update', (update: Uint8Array) => {
			updates.push(update);
			Y.applyUpdate(room.document(), update, 'client');
		});
		const roomStart = performance.now();
		let n = 0;
		for (const _ of edits(clientModel, options.edits, SEED)) {
			// Let the room store what arrived, as the event loop would between socket reads.
			if (++n % 10 === 0) await new Promise((r) => setImmediate(r));
		}
		await room.drain();
		const editMs = performance.now() - roomStart;
		const stateBytes = Y.encodeStateAsUpdate(room.document()).byteLength;
		const afterEdits = storedBytes(live.storage, live.file);
		const compactStart = performance.now();
		await room.compact();
		const roomCompactMs = performance.now() - compactStart;
		const afterCompaction = storedBytes(live.storage, live.file);
		await room.close();
		await live.storage.close();

		// The same updates as a raw log (no compaction), then compacted the way the room does it
		// after a load: read the log, apply it into a Doc, write one snapshot.
		const raw = await newStorage(dir, 'log');
		for (const update of updates) await raw.storage.appendUpdates(DOC_ID, [update]);
		const logOnly = storedBytes(raw.storage, raw.file);
		const phases = { read: 0, apply: 0, encode: 0, write: 0 };
		const start = performance.now();
		let t = start;
		const stored = await raw.storage.loadDocument(DOC_ID);
		phases.read = performance.now() - t;
		t = performance.now();
		const doc = new Y.Doc();
		Y.transact(doc, () => {
			if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
			for (const update of stored.updates) Y.applyUpdate(doc, update);
		});
		phases.apply = performance.now() - t;
		t = performance.now();
		const snapshot = Y.encodeStateAsUpdate(doc);
		phases.encode = performance.now() - t;
		t = performance.now();
		await raw.storage.compact(DOC_ID, snapshot, stored.lastSeq);
		phases.write = performance.now() - t;
		const fullCompactMs = performance.now() - start;
		const logCompacted = storedBytes(raw.storage, raw.file);
		await raw.storage.close();
		const sameDocument = JSON.stringify(new MapModel(doc).snapshot()) === JSON.stringify(clientModel.snapshot());
		options.log(`  ${options.edits} edits through the room in ${fmtMs(editMs)} ms; state ${fmtBytes(stateBytes)}`);

		const ratio = (b: StoredBytes) => `${fmtRatio(b.rows / stateBytes)} / ${fmtRatio(b.pages / stateBytes)}`;
		const rows = [
			['encodeStateAsUpdate (the document)', fmtBytes(stateBytes), '', '', ''],
			[`room after ${options.edits} edits (compacts every ${SYNC.compactAfterUpdates})`, fmtBytes(afterEdits.rows), fmtBytes(afterEdits.pages), fmtBytes(afterEdits.file), ratio(afterEdits)],
			['room after a final compaction', fmtBytes(afterCompaction.rows), fmtBytes(afterCompaction.pages), fmtBytes(afterCompaction.file), ratio(afterCompaction)],
			[`raw log of ${updates.length} updates, never compacted`, fmtBytes(logOnly.rows), fmtBytes(logOnly.pages), fmtBytes(logOnly.file), ratio(logOnly)],
			['raw log after compaction', fmtBytes(logCompacted.rows), fmtBytes(logCompacted.pages), fmtBytes(logCompacted.file), ratio(logCompacted)]
		];
		const text = [
			`${options.edits} edits (65% moves, 15% renames, adds, links, deletes; seed ${SEED}) from one client, through SyncRoom`,
			`on SqliteStorage. rows = snapshot + log bytes; pages = SQLite pages of the document tables and index`,
			`(dbstat); file = the whole database after a WAL checkpoint (free pages stay until VACUUM).`,
			'',
			table(['stored', 'rows', 'pages', 'file', 'rows / pages ÷ state'], rows),
			'',
			`Compaction: room.compact() (state already in memory) ${fmtMs(roomCompactMs)} ms; from the raw log of ${stored.updates.length} updates ` +
				`${fmtMs(fullCompactMs)} ms (read ${fmtMs(phases.read)} + apply ${fmtMs(phases.apply)} + encode ${fmtMs(phases.encode)} + write ${fmtMs(phases.write)}); ` +
				`compacted map equal to the client's: ${sameDocument ? 'yes' : 'NO'}.`
		].join('\n');
		const checks: TargetCheck[] = [
			{
				name: 'stored bytes after compaction ÷ encodeStateAsUpdate',
				measured: `${fmtRatio(afterCompaction.pages / stateBytes)} (pages; rows ${fmtRatio(afterCompaction.rows / stateBytes)})`,
				target: `≤ ${STORED_TARGET_RATIO}×`,
				holds: afterCompaction.pages <= STORED_TARGET_RATIO * stateBytes
			}
		];
		return { text, checks };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
