// Named and automatic versions of a map's graph: save, list, read, compare and restore. A restore
// is a forward change to the live document (see src/lib/map/restore.ts), never a rebuild.
import * as Y from 'yjs';
import { MapModel, compareSnapshots, restoreGraphTo, type MapDiff, type MapSnapshot } from '../map';
import type { AppServices } from './context';
import type { VersionKind, VersionRecord, VersionSummary } from './storage/types';
import { notFound } from './errors';
import { newId } from './ids';
import { requireLine } from './text';
import { audit } from './audit';

export const VERSION_NAME_MAX_LENGTH = 200;
/**
 * Automatic versions carry a reason code as their name; the history page translates it.
 * `before-restore:` is followed by the restored version's name, `before-import:` by the imported file's.
 */
export const AUTO_REASON = {
	hourly: 'hourly',
	lastEditorLeft: 'last-editor-left',
	beforeRestore: 'before-restore:',
	/** Followed by the imported file's name (imports over the API, which are in nobody's Undo). */
	beforeImport: 'before-import:'
} as const;

/** The comparison's other side when it is not a saved version. */
export const CURRENT = 'current';

export function checkVersionName(raw: unknown): string {
	return requireLine(raw, { code: 'invalid_version_name', noun: 'version name', whenBlank: 'Give the version a name.', maxLength: VERSION_NAME_MAX_LENGTH });
}

export async function saveVersion(
	services: AppServices,
	mapId: string,
	name: string,
	kind: VersionKind,
	by: { id: string } | null
): Promise<VersionRecord> {
	const doc = await services.sync.readDocument(mapId, 'graph');
	const version: VersionRecord = {
		id: newId(),
		mapId,
		name,
		kind,
		createdBy: by?.id ?? null,
		createdAt: Date.now(),
		snapshot: Y.encodeStateAsUpdate(doc)
	};
	await services.storage.createVersion(version);
	return version;
}

async function versionDoc(services: AppServices, mapId: string, versionId: string): Promise<{ record: VersionRecord; doc: Y.Doc }> {
	const record = await services.storage.getVersion(mapId, versionId);
	if (!record) throw notFound('No such version of this map.');
	const doc = new Y.Doc();
	Y.applyUpdate(doc, record.snapshot);
	return { record, doc };
}

/** A version's content, or the current map's for `current`, as the document API shows it. */
export async function versionSnapshot(services: AppServices, mapId: string, versionId: string): Promise<MapSnapshot> {
	if (versionId === CURRENT) return new MapModel(await services.sync.readDocument(mapId, 'graph')).snapshot();
	const { doc } = await versionDoc(services, mapId, versionId);
	return new MapModel(doc).snapshot();
}

export async function compareVersions(services: AppServices, mapId: string, from: string, to: string): Promise<MapDiff> {
	const [before, after] = await Promise.all([versionSnapshot(services, mapId, from), versionSnapshot(services, mapId, to)]);
	return compareSnapshots(before, after);
}

/**
 * Brings the live map back to a version, as one change everyone connected receives. The state
 * before the restore is saved first, so a restore can itself be undone from the history.
 */
export async function restoreVersion(
	services: AppServices,
	mapId: string,
	versionId: string,
	by: { id: string; username: string }
): Promise<{ restored: VersionRecord; saved: VersionRecord }> {
	const { record, doc } = await versionDoc(services, mapId, versionId);
	const saved = await saveVersion(services, mapId, `${AUTO_REASON.beforeRestore}${record.name || record.id}`, 'auto', by);
	await services.sync.changeDocument(mapId, 'graph', (live) => restoreGraphTo(live, doc), by.id);
	await audit(services.storage, 'version_restored', { actorId: by.id, username: by.username }, { mapId, versionId });
	return { restored: record, saved };
}

/** A version as the API shows it (without its content). */
export function versionJson(v: Omit<VersionSummary, 'bytes' | 'createdByName'> & Partial<Pick<VersionSummary, 'bytes' | 'createdByName'>>) {
	return {
		id: v.id,
		name: v.name,
		kind: v.kind,
		createdAt: new Date(v.createdAt).toISOString(),
		createdBy: v.createdByName ?? null,
		bytes: v.bytes
	};
}
