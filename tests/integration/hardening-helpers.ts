// Helpers for the hardening, fault and access tests (issue 7): a seeded random source, the document
// exactly as a crashed server left it on disk, and a fingerprint of what the database holds.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { TestServer } from '../support/server';
import { openDatabase } from './helpers';

/** A small seeded PRNG (mulberry32): the same seed gives the same run, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** KARTTA_TEST_SEED replays a run; otherwise a fresh seed, reported in every failure message. */
export function testSeed(): number {
	const fromEnv = Number(process.env.KARTTA_TEST_SEED);
	return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : 1 + Math.floor(Math.random() * 0x7fffffff);
}

/**
 * The document as the database files hold it after a crash: the files are copied (so nothing the
 * next server does can help) and opened read-write, so SQLite recovers the WAL exactly as a
 * restarted server would. Only committed transactions survive this.
 */
export function documentAfterCrash(dataDir: string, docId: string): Y.Doc {
	const scratch = mkdtempSync(join(tmpdir(), 'kartta-crash-copy-'));
	try {
		for (const suffix of ['', '-wal']) {
			const source = join(dataDir, `kartta.db${suffix}`);
			if (existsSync(source)) copyFileSync(source, join(scratch, `kartta.db${suffix}`));
		}
		const db = new Database(join(scratch, 'kartta.db'), { fileMustExist: true });
		try {
			const doc = new Y.Doc();
			const snap = db.prepare('SELECT snapshot FROM doc_snapshots WHERE doc_id = ?').get(docId) as { snapshot: Buffer } | undefined;
			if (snap) Y.applyUpdate(doc, new Uint8Array(snap.snapshot));
			const rows = db.prepare('SELECT update_data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(docId) as { update_data: Buffer }[];
			for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update_data));
			return doc;
		} finally {
			db.close();
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

/** Failures are audited on purpose; everything else must stay as it was. */
const UNFINGERPRINTED_TABLES = new Set(['audit_events']);
/** Documents are compared by content: compaction rewrites their rows without changing what they hold. */
const DOCUMENT_TABLES = new Set(['doc_snapshots', 'doc_updates']);

/**
 * Everything the database holds — accounts, access, maps, versions, meetings, documents — as one
 * string: equal before and after a refused request means nothing was half-written.
 */
export function storageFingerprint(server: TestServer): string {
	const db = openDatabase(server);
	try {
		const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
			.map((t) => t.name)
			.filter((name) => !UNFINGERPRINTED_TABLES.has(name) && !DOCUMENT_TABLES.has(name));
		const rows = tables.map((table) => {
			const all = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[];
			return `${table}:${JSON.stringify(all, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v))}`;
		});
		const docIds = (db.prepare('SELECT doc_id FROM doc_snapshots UNION SELECT doc_id FROM doc_updates ORDER BY 1').all() as { doc_id: string }[]).map((r) => r.doc_id);
		const documents = docIds.map((docId) => {
			const doc = new Y.Doc();
			const snap = db.prepare('SELECT snapshot FROM doc_snapshots WHERE doc_id = ?').get(docId) as { snapshot: Buffer } | undefined;
			if (snap) Y.applyUpdate(doc, new Uint8Array(snap.snapshot));
			for (const row of db.prepare('SELECT update_data FROM doc_updates WHERE doc_id = ? ORDER BY seq').all(docId) as { update_data: Buffer }[])
				Y.applyUpdate(doc, new Uint8Array(row.update_data));
			// State vector and delete set: what the document holds, however its log was compacted.
			const state = Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64');
			doc.destroy();
			return `document ${docId}: ${state}`;
		});
		return [...rows, ...documents].join('\n');
	} finally {
		db.close();
	}
}

/** How many rows a table has, read beside the running server. */
export function rowCount(server: TestServer, table: string): number {
	const db = openDatabase(server);
	try {
		return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
	} finally {
		db.close();
	}
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
