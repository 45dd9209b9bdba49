// Errors that carry a stable code for clients and a status for HTTP, with a message for people.
export class AppError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: unknown
	) {
		super(message);
		this.name = 'AppError';
	}
}

/**
 * True for an AppError from either bundle: the sync server and the services it creates (sessions,
 * storage) are bundled apart from SvelteKit's routes, so each has its own AppError class and
 * `instanceof` fails across them (an API token's bad label came out as a 500).
 */
export function isAppError(error: unknown): error is AppError {
	if (error instanceof AppError) return true;
	const e = error as Partial<AppError> | null;
	return e?.name === 'AppError' && typeof e.status === 'number' && typeof e.code === 'string';
}

export const badRequest = (code: string, message: string, details?: unknown) =>
	new AppError(400, code, message, details);
export const unauthorized = () => new AppError(401, 'unauthorized', 'Log in first.');
export const forbidden = (message = 'You do not have access to this.') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new AppError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);

/** What a person is told when storage refuses a write (the log keeps the detail). */
export const STORAGE_ERROR_MESSAGES: Record<string, string> = {
	storage_unavailable: 'The database is busy. Nothing was changed; try again in a moment.',
	storage_full: 'The server has run out of storage space. Nothing was changed; tell your administrator.',
	storage_read_only: 'The server cannot write to its storage. Nothing was changed; tell your administrator.',
	storage_failed: 'The server could not save this. Nothing was changed; tell your administrator if it keeps happening.'
};

export function storageErrorMessage(code: string): string {
	return STORAGE_ERROR_MESSAGES[code] ?? STORAGE_ERROR_MESSAGES.storage_failed!;
}
