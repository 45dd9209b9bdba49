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

export const badRequest = (code: string, message: string, details?: unknown) =>
	new AppError(400, code, message, details);
export const unauthorized = () => new AppError(401, 'unauthorized', 'Log in first.');
export const forbidden = (message = 'You do not have access to this.') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new AppError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
