// Reads a multipart upload (an import's file and its fields) with a size limit, before anything is parsed.
import { AppError, badRequest } from './errors';

export const UPLOAD_TOO_LARGE = 'body_too_large';

export interface Upload {
	file: { name: string; bytes: Uint8Array };
	/** The other text fields, by name (the last value wins). */
	fields: Record<string, string>;
}

const tooLarge = (limit: number) => new AppError(413, UPLOAD_TOO_LARGE, `The upload is larger than ${limit} bytes.`);

/**
 * The body is read here rather than by `request.formData()`, so an oversized one is refused as
 * soon as it passes the limit (and as our JSON 413, not the adapter's error).
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > limit) throw tooLarge(limit);
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		let part: ReadableStreamReadResult<Uint8Array>;
		try {
			part = await reader.read();
		} catch (error) {
			// The adapter's own limit (BODY_SIZE_LIMIT) ends the stream with a 413 of its own.
			if ((error as { status?: number }).status === 413) throw tooLarge(limit);
			throw error;
		}
		if (part.done) break;
		size += part.value.byteLength;
		if (size > limit) {
			await reader.cancel();
			throw tooLarge(limit);
		}
		chunks.push(part.value);
	}
	return Buffer.concat(chunks);
}

/** The multipart body's `file` (required) and text fields; `maxBodyBytes` bounds the whole body. */
export async function readUpload(request: Request, maxBodyBytes: number): Promise<Upload> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().startsWith('multipart/form-data'))
		throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data, in a field named "file".');
	const body = await readBody(request, maxBodyBytes);
	let form: FormData;
	try {
		form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }).formData();
	} catch {
		throw badRequest('invalid_multipart', 'The body is not valid multipart/form-data.');
	}
	const file = form.get('file');
	if (file === null || typeof file === 'string') throw badRequest('missing_file', 'Send the file in a field named "file".');
	const fields: Record<string, string> = {};
	for (const [name, value] of form.entries()) if (typeof value === 'string') fields[name] = value;
	return { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, fields };
}
