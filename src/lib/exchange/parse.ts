// parseImportFile: picks the reader by format or file extension, after the checks every file gets (size, emptiness).
import { fileError } from './errors';
import { MAX_IMPORT_BYTES } from './limits';
import { readCsv } from './read-csv';
import { readGexf } from './read-gexf';
import { readGraphml } from './read-graphml';
import { readKarttaJson } from './read-json';
import { readXlsx } from './read-xlsx';
import { IMPORT_FORMATS, ImportFileError, type ImportFormat, type ImportSource, type ProgressCallback } from './types';

const EXTENSIONS: Record<string, ImportFormat> = {
	xlsx: 'xlsx',
	csv: 'csv',
	txt: 'csv',
	tsv: 'csv',
	graphml: 'graphml',
	gexf: 'gexf',
	json: 'json'
};

/** The format a file name says, or null when its extension is not one Kartta reads. */
export function formatOfFileName(fileName: string): ImportFormat | null {
	const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
	return EXTENSIONS[extension] ?? null;
}

export interface ParseOptions {
	format?: ImportFormat;
	onProgress?: ProgressCallback;
}

export async function parseImportFile(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Promise<ImportSource> {
	const format = options.format ?? formatOfFileName(fileName);
	if (format === null || !IMPORT_FORMATS.includes(format)) {
		throw fileError('unknown_format', `Kartta cannot tell the format of "${fileName}"; it reads ${IMPORT_FORMATS.join(', ')}.`);
	}
	if (bytes.byteLength === 0) throw fileError('empty_file', `"${fileName}" is empty.`);
	if (bytes.byteLength > MAX_IMPORT_BYTES) {
		const megabytes = (MAX_IMPORT_BYTES / 1024 / 1024).toFixed(0);
		throw fileError('file_too_large', `"${fileName}" is larger than ${megabytes} MB.`);
	}
	options.onProgress?.(0, 1, 'read');
	let source: ImportSource;
	try {
		source = await read(format, bytes, fileName);
	} catch (error) {
		// A reader's own refusals pass through; anything else (a library choking on odd input,
		// a stack overflow on absurd nesting) still reaches the user as a clear file error.
		if (error instanceof ImportFileError) throw error;
		const detail = error instanceof Error ? error.message : String(error);
		throw fileError('malformed_file', `"${fileName}" could not be read as ${format.toUpperCase()} (${detail}).`);
	}
	options.onProgress?.(1, 1, 'read');
	return source;
}

function read(format: ImportFormat, bytes: Uint8Array, fileName: string): Promise<ImportSource> | ImportSource {
	switch (format) {
		case 'xlsx':
			return readXlsx(bytes, fileName);
		case 'csv':
			return readCsv(bytes, fileName);
		case 'graphml':
			return readGraphml(bytes, fileName);
		case 'gexf':
			return readGexf(bytes, fileName);
		case 'json':
			return readKarttaJson(bytes, fileName);
	}
}
