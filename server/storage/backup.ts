// Restoring a backup: the file is checked to be a Kartta database before it replaces the live one,
// and the old database is kept beside it, so a wrong file loses nothing.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';

export async function restoreDatabase(backupFile: string, databaseFile: string): Promise<void> {
	if (!existsSync(backupFile)) throw new Error(`No such file: ${backupFile}`);
	let check: Database.Database | null = null;
	try {
		check = new Database(backupFile, { readonly: true, fileMustExist: true });
		const ok = check.pragma('integrity_check', { simple: true });
		if (ok !== 'ok') throw new Error(`The backup fails SQLite's integrity check: ${ok}`);
		check.prepare('SELECT count(*) FROM maps').get();
	} catch (error) {
		throw new Error(`${backupFile} is not a Kartta backup: ${(error as Error).message}`);
	} finally {
		check?.close();
	}
	if (existsSync(databaseFile)) {
		const aside = `${databaseFile}.before-restore-${Date.now()}`;
		renameSync(databaseFile, aside);
		// The WAL moves with it: after a crash it holds the last commits, and SQLite replays it when
		// the copy kept aside is opened. Deleting it would lose them. The stale index is not needed.
		if (existsSync(databaseFile + '-wal')) renameSync(databaseFile + '-wal', aside + '-wal');
		if (existsSync(databaseFile + '-shm')) rmSync(databaseFile + '-shm');
		console.error(`The previous database was kept as ${aside}.`);
	}
	copyFileSync(backupFile, databaseFile);
}
