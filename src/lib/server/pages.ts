// Helpers for page loads and form actions: login redirects and turning errors into form failures.
import { fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { isAppError, storageErrorMessage } from './errors';
import { log } from './log';
import type { AuthenticatedUser } from './auth/sessions';

export function requireLogin(event: RequestEvent): AuthenticatedUser {
	if (!event.locals.user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	return event.locals.user;
}

export function requireAdmin(event: RequestEvent): AuthenticatedUser {
	const user = requireLogin(event);
	if (!user.isAdmin) redirect(303, '/maps');
	return user;
}

/** Runs a form action; an AppError becomes `fail(status, { code, message, ...extra })`. */
export async function formAction<T, X extends Record<string, unknown> = Record<never, never>>(
	work: () => Promise<T>,
	extra: X = {} as X
): Promise<T | ActionFailure<{ code: string; message: string } & X>> {
	try {
		return await work();
	} catch (error) {
		if (isAppError(error)) return fail(error.status, { code: error.code, message: error.message, ...extra });
		const code = (error as { code?: string })?.code;
		if (typeof code === 'string' && code.startsWith('storage_')) {
			log.error('form.storage_error', { error });
			return fail(503, { code, message: storageErrorMessage(code), ...extra });
		}
		throw error;
	}
}

export function formString(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}

/** A same-site path to go to after login; anything else falls back to /maps. */
export function safeNext(raw: string | null): string {
	if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/maps';
	return raw;
}
