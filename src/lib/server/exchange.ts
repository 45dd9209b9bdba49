// Import into and export from a map's live graph document, for the API: the server's glue around the pure exchange core.
import { MapModel, type ActorView, type MapSnapshot } from '$lib/map';
import {
	EXPORT_FORMATS,
	IMPORT_FORMATS,
	ImportFileError,
	type ExportFile,
	type ExportFormat,
	type ImportFormat,
	type ImportPlan,
	type ImportResult,
	type ImportSource,
	type RowError
} from '$lib/exchange/types';
import { MAX_IMPORT_BYTES } from '$lib/exchange/limits';
import { applyImportPlan, exportMap, parseImportFile, planImport, suggestMapping } from '$lib/exchange';
import { actorLook } from '$lib/editor/style';
import type { AppServices } from './context';
import { AppError, badRequest } from './errors';
import { mergeMapping, parseMappingOverride, type MappingOverride } from './import-mapping';
import { AUTO_REASON, saveVersion } from './versions';
import { downloadBaseName } from '$lib/shared/download-name';
import { log } from './log';

/** The file's name in a "before import" version's name is cut to this. */
const MAX_VERSION_FILE_NAME_LENGTH = 100;

/** Unreadable files and refused imports are 422: the request was well formed, its content was not. */
const UNPROCESSABLE = 422;

export const CSV_PARTS = ['elements', 'connections'] as const;
export type CsvPart = (typeof CSV_PARTS)[number];

/** What an import request asks, read from its multipart fields. */
export interface ImportRequest {
	fileName: string;
	bytes: Uint8Array;
	format?: ImportFormat;
	/** JSON text of a partial ImportMapping, laid over the suggested one. */
	mapping?: string;
	/** Write nothing when any row is refused. */
	strict: boolean;
}

/** An unreadable file or a refused import: the rows' problems ride along (`{error: {code, message, errors}}`). */
export class ImportRefusedError extends AppError {
	constructor(
		code: string,
		message: string,
		readonly errors: RowError[]
	) {
		super(UNPROCESSABLE, code, message);
	}

	toJSON(): { error: { code: string; message: string; errors: RowError[] } } {
		return { error: { code: this.code, message: this.message, errors: this.errors } };
	}
}

const importRefused = (code: string, message: string, errors: RowError[]) => new ImportRefusedError(code, message, errors);

export function parseImportFormat(raw: string | undefined): ImportFormat | undefined {
	if (raw === undefined || raw === '') return undefined;
	if ((IMPORT_FORMATS as readonly string[]).includes(raw)) return raw as ImportFormat;
	throw badRequest('invalid_format', `The format must be one of ${IMPORT_FORMATS.join(', ')}.`);
}

export function parseStrict(raw: string | undefined): boolean {
	if (raw === undefined || raw === '' || raw === 'false') return false;
	if (raw === 'true') return true;
	throw badRequest('invalid_strict', 'strict must be true or false.');
}

export function parseExportFormat(raw: string | null): ExportFormat {
	if (raw !== null && (EXPORT_FORMATS as readonly string[]).includes(raw)) return raw as ExportFormat;
	throw badRequest('invalid_format', `Give format as one of ${EXPORT_FORMATS.join(', ')}.`);
}

export function parseCsvPart(raw: string | null): CsvPart {
	if (raw === null || raw === '') return 'elements';
	if ((CSV_PARTS as readonly string[]).includes(raw)) return raw as CsvPart;
	throw badRequest('invalid_part', `part must be ${CSV_PARTS.join(' or ')}.`);
}

function refusedRowErrors(plan: ImportPlan): RowError[] {
	return plan.rows.filter((row) => row.action === 'refused').flatMap((row) => row.errors);
}

type Outcome = { result: ImportResult } | { refusal: ImportRefusedError };

/**
 * Reads the file, then plans and applies it inside one server change of the live document: the
 * plan is made against exactly what it is applied to, the change is stored before anyone receives
 * it, and the activity log records it as the caller's. Nothing is written when the file has
 * problems as a whole, or (strict) when any row is refused.
 */
export async function importIntoMap(services: AppServices, mapId: string, request: ImportRequest, by: { id: string }): Promise<ImportResult> {
	if (request.bytes.byteLength > MAX_IMPORT_BYTES)
		throw new AppError(413, 'file_too_large', `The file is larger than ${MAX_IMPORT_BYTES} bytes, the most an import takes.`);
	// Checked before the (slow) parse, so a bad mapping is told at once.
	const override = request.mapping === undefined ? {} : parseMappingOverride(request.mapping);
	let source: ImportSource;
	try {
		source = await parseImportFile(request.bytes, request.fileName, { format: request.format });
	} catch (error) {
		if (error instanceof ImportFileError) throw importRefused(error.code, error.message, error.errors);
		throw error;
	}
	// A dry run first: when the import would write, the map as it was is saved as a version, so
	// an API import (which is in nobody's Undo) can be reverted from the history.
	const dryRun = checkedPlan(source, override, new MapModel(await services.sync.readDocument(mapId, 'graph')).snapshot(), request.strict);
	if ('refusal' in dryRun) throw dryRun.refusal;
	if (writesAnything(dryRun.plan)) await saveVersion(services, mapId, `${AUTO_REASON.beforeImport}${request.fileName.slice(0, MAX_VERSION_FILE_NAME_LENGTH)}`, 'auto', by);
	let outcome: Outcome | null = null;
	await services.sync.changeDocument(
		mapId,
		'graph',
		(doc) => {
			// Planned again against exactly what it is applied to: someone may have edited meanwhile.
			const model = new MapModel(doc);
			const checked = checkedPlan(source, override, model.snapshot(), request.strict);
			outcome = 'refusal' in checked ? checked : { result: applyImportPlan(model, checked.plan) };
		},
		by.id
	);
	// TypeScript cannot see the callback assign it.
	const done = outcome as Outcome | null;
	if (done === null) throw new Error('the import was not applied');
	if ('refusal' in done) throw done.refusal;
	log.info('import.applied', { mapId, userId: by.id, format: source.format, summary: done.result.summary });
	return done.result;
}

function writesAnything(plan: ImportPlan): boolean {
	const { actors, links, newRegions, newSectors, newFields } = plan.summary;
	return actors.create + actors.update + links.create + links.update + newRegions.length + newSectors.length + newFields.length > 0;
}

/** The plan, or why nothing may be written: problems with the file as a whole, or (strict) any refused row. */
function checkedPlan(source: ImportSource, override: MappingOverride, snapshot: MapSnapshot, strict: boolean): { plan: ImportPlan } | { refusal: ImportRefusedError } {
	const plan = planImport(source, mergeMapping(suggestMapping(source, snapshot), override), snapshot);
	if (plan.fileErrors.length > 0) return { refusal: importRefused(plan.fileErrors[0]!.code, plan.fileErrors[0]!.message, plan.fileErrors) };
	const refused = refusedRowErrors(plan);
	if (strict && refused.length > 0) {
		const count = plan.rows.filter((row) => row.action === 'refused').length;
		return { refusal: importRefused('rows_refused', `${count} rows were refused, so nothing was imported (strict mode).`, refused) };
	}
	return { plan };
}

/** A GEXF (and any coloured format) shows each actor in its kind's colour on the canvas. */
function actorColour(actor: ActorView): string {
	return actorLook(actor.kind).colour;
}

export async function exportOfMap(snapshot: MapSnapshot, title: string, format: ExportFormat, part: CsvPart): Promise<ExportFile> {
	return exportMap(snapshot, format, { baseName: downloadBaseName(title), part, actorColour });
}
