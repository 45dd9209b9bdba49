// Shared plumbing for the JSON API: errors as {"error": {code, message}}, bounded JSON bodies
// validated with zod, and the caller's identity.
import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { AppError, badRequest, isAppError, storageErrorMessage, unauthorized } from './errors';
import { MAX_FORM_BODY_BYTES, MAX_JSON_BODY_BYTES } from './limits';
import { log } from './log';
import type { AuthenticatedUser } from './auth/sessions';

export function errorResponse(error: unknown): Response {
	if (isAppError(error)) {
		const body: Record<string, unknown> = { code: error.code, message: error.message };
		if (error.details !== undefined) body.details = error.details;
		const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
		const headers: Record<string, string> = retryAfter ? { 'retry-after': String(retryAfter) } : {};
		// An oversized body is left unread, and a streamed (chunked) one leaves the connection paused
		// mid-body: a client reusing it would hang until the keep-alive timeout. Close it instead.
		if (error.code === BODY_TOO_LARGE) headers.connection = 'close';
		return json({ error: body }, { status: error.status, headers });
	}
	const code = (error as { code?: string })?.code;
	if (typeof code === 'string' && code.startsWith('storage_')) {
		log.error('api.storage_error', { error });
		return json({ error: { code, message: storageErrorMessage(code) } }, { status: 503 });
	}
	log.error('api.unexpected_error', { error });
	return json({ error: { code: 'internal_error', message: 'Something went wrong on the server.' } }, { status: 500 });
}

/** Wraps a handler so every failure becomes a JSON error with the right status. */
export function api<E extends RequestEvent>(handler: (event: E) => Promise<Response>) {
	return async (event: E): Promise<Response> => {
		try {
			return await handler(event);
		} catch (error) {
			return errorResponse(error);
		}
	};
}

export function requireUser(event: RequestEvent): AuthenticatedUser {
	if (!event.locals.user) throw unauthorized();
	return event.locals.user;
}

/** Reads a JSON body of at most MAX_JSON_BODY_BYTES and checks it against a schema. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().startsWith('application/json'))
		throw new AppError(415, 'unsupported_media_type', 'Send the body as application/json.');
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > MAX_JSON_BODY_BYTES) throw tooLarge();
	const text = await readLimited(request);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw badRequest('invalid_json', 'The body is not valid JSON.');
	}
	const result = schema.safeParse(data);
	if (!result.success) {
		const issues = result.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
		const first = issues[0]!;
		throw badRequest('invalid_body', `${first.field}: ${first.message}`, { issues });
	}
	return result.data;
}

const BODY_TOO_LARGE = 'body_too_large';
const tooLarge = () => new AppError(413, BODY_TOO_LARGE, `The body is larger than ${MAX_JSON_BODY_BYTES} bytes.`);

async function readLimited(request: Request): Promise<string> {
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > MAX_JSON_BODY_BYTES) {
			await discardRest(reader, size);
			throw tooLarge();
		}
		chunks.push(value);
	}
	return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/**
 * Reads and drops the rest of a refused body, so the client, still sending, gets our 413 instead
 * of a reset connection (cancelling the stream destroys the socket). Past MAX_FORM_BODY_BYTES it
 * cancels after all: an endless upload is not worth a polite answer.
 */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
	let size = alreadyRead;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) return;
		size += value.byteLength;
		if (size > MAX_FORM_BODY_BYTES) {
			await reader.cancel();
			return;
		}
	}
}
