// Schema versioning of map documents: server-side initialisation and ordered forward migrations.
import * as Y from 'yjs';
import { mapParts } from './doc';
import { MapValidationError } from './errors';
import { CUSTOM_KEY, SCHEMA_VERSION } from './schema';
import { validateTitle } from './validate';
import { elementMaps } from './write';

/** Origin of initialisation and migration transactions; no user's undo manager tracks them. */
export const MIGRATION_ORIGIN: unknown = Object.freeze({ kartta: 'migration' });

/**
 * One step forward. `up` must be a forward change made of sets and deletes that converges when
 * two servers happen to run it concurrently (set values; never append blindly).
 */
export interface Migration {
	version: number;
	description: string;
	up(doc: Y.Doc): void;
}

/**
 * Version 2 adds only optional fields and new top-level maps, so a version-1 document is already
 * valid. The step gives every existing actor and link its empty `custom` map, as new elements get
 * at creation: otherwise two people setting the first custom values of an old element at once
 * would each create one, and Yjs would keep only one of the two maps. Only where missing, so a
 * second run (or a concurrent one on another server) changes nothing that holds values.
 */
function addCustomMaps(doc: Y.Doc): void {
	const { actors, links } = mapParts(doc);
	for (const element of [...elementMaps(actors), ...elementMaps(links)]) {
		if (!element.has(CUSTOM_KEY)) element.set(CUSTOM_KEY, new Y.Map<unknown>());
	}
}

/** Ordered by version; the last entry's version is SCHEMA_VERSION. A new version = one more entry. */
export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		description: 'Base schema: actors, links, regions and meta as maps of nested Y.Maps.',
		up: () => {
			// Nothing to convert: version 1 is the first shape. Only the version stamp is written.
		}
	},
	{
		version: 2,
		description:
			'Ecosystem fields (roles, sectors, Business ID, size class, website, tags; link strength, direction, ' +
			'status, years, evidence), custom values, and the sectors, fields and views maps.',
		up: addCustomMaps
	}
];

export class SchemaTooNewError extends Error {
	readonly code = 'schema_too_new';

	constructor(
		readonly found: number,
		readonly supported: number
	) {
		super(
			`This map uses schema version ${found}, but this software supports up to ${supported}. ` +
				'Update Kartta to open it.'
		);
		this.name = 'SchemaTooNewError';
	}
}

export class SchemaVersionInvalidError extends Error {
	readonly code = 'schema_version_invalid';

	constructor(readonly found: unknown) {
		super(`The map's schema version ${JSON.stringify(found) ?? String(found)} is not a positive whole number.`);
		this.name = 'SchemaVersionInvalidError';
	}
}

/** The stored version; 0 for a document that has none yet. Throws on garbage rather than guessing. */
export function schemaVersionOf(doc: Y.Doc): number {
	const version = mapParts(doc).meta.get('schemaVersion');
	if (version === undefined) return 0;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		throw new SchemaVersionInvalidError(version);
	}
	return version;
}

/** For clients: throws SchemaTooNewError when the document must be opened read-only (or not at all). */
export function assertSchemaSupported(doc: Y.Doc): void {
	const version = schemaVersionOf(doc);
	if (version > SCHEMA_VERSION) throw new SchemaTooNewError(version, SCHEMA_VERSION);
}

/**
 * Server only, once, when a map is created: a fresh document is stamped with the current version
 * (it has no data to migrate). Returns false and changes nothing if the document has a version.
 */
export function initializeDocument(doc: Y.Doc, options: { title?: string } = {}): boolean {
	const meta = mapParts(doc).meta;
	if (meta.has('schemaVersion')) return false;
	const title = validateTitle(options.title ?? null);
	if (!title.ok) throw new MapValidationError(title.errors);
	doc.transact(() => {
		meta.set('schemaVersion', SCHEMA_VERSION);
		if (title.value !== null) meta.set('title', title.value);
	}, MIGRATION_ORIGIN);
	return true;
}

/**
 * Server only, when a document is loaded: applies every migration newer than the stored version.
 * The steps run on a scratch copy and reach `doc` as one update, so a migration that throws leaves
 * `doc` untouched (Yjs has no rollback) and clients see a single forward change.
 */
export function migrateDocument(
	doc: Y.Doc,
	migrations: readonly Migration[] = MIGRATIONS
): { from: number; to: number } {
	const from = schemaVersionOf(doc);
	const latest = migrations.at(-1)?.version ?? 0;
	if (from > latest) throw new SchemaTooNewError(from, latest);
	const pending = migrations.filter((migration) => migration.version > from);
	if (pending.length === 0) return { from, to: from };

	const scratch = new Y.Doc({ gc: doc.gc });
	try {
		Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
		const before = Y.encodeStateVector(scratch);
		scratch.transact(() => {
			for (const migration of pending) {
				migration.up(scratch);
				mapParts(scratch).meta.set('schemaVersion', migration.version);
			}
		}, MIGRATION_ORIGIN);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch, before), MIGRATION_ORIGIN);
	} finally {
		scratch.destroy();
	}
	return { from, to: latest };
}
