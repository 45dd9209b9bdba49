import { json } from '@sveltejs/kit';
import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { requireRole } from '$lib/server/maps';
import { readUpload } from '$lib/server/upload';
import { ImportRefusedError, importIntoMap, parseImportFormat, parseStrict } from '$lib/server/exchange';
import { MAX_IMPORT_REQUEST_BYTES } from '$lib/server/limits';

/** Imports a file (multipart field `file`) into the map as one change, and answers row by row. */
export const POST = api(async (event) => {
	const user = requireUser(event);
	// The role is checked before the body is read: a refused caller's upload is never parsed.
	const { map } = await requireRole(services(), event.params.id!, user.id, 'editor');
	const { file, fields } = await readUpload(event.request, MAX_IMPORT_REQUEST_BYTES);
	try {
		const result = await importIntoMap(
			services(),
			map.id,
			{ fileName: file.name, bytes: file.bytes, format: parseImportFormat(fields.format), mapping: fields.mapping, strict: parseStrict(fields.strict) },
			user
		);
		return json(result);
	} catch (error) {
		if (error instanceof ImportRefusedError) return json(error.toJSON(), { status: error.status });
		throw error;
	}
});
