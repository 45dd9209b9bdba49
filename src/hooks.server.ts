// Every request: pick the language (Paraglide), find the user (session cookie or API token),
// and add security headers.
import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { services } from '$lib/server/context';
import { bearerToken } from '$lib/server/auth/sessions';
import { clearSessionCookie } from '$lib/server/cookies';
import { MAX_FORM_BODY_BYTES } from '$lib/server/limits';

const language: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

const authentication: Handle = async ({ event, resolve }) => {
	const { sessions, config } = services();
	const bearer = bearerToken(event.request.headers.get('authorization'));
	const sessionToken = event.cookies.get(config.cookieName) ?? null;
	const auth = await sessions.authenticate({ bearer, sessionToken });
	if (!auth && sessionToken && !bearer) clearSessionCookie(event.cookies, config);
	event.locals.auth = auth;
	event.locals.user = auth?.user ?? null;
	event.locals.share = null;
	const shareToken = auth ? undefined : event.cookies.get(config.shareCookieName);
	if (shareToken) {
		const link = await sessions.validateShareToken(shareToken);
		if (link) event.locals.share = { linkId: link.id, mapId: link.mapId, label: link.label, expiresAt: link.expiresAt };
		else event.cookies.delete(config.shareCookieName, { path: '/' });
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

const API_STATUS_MESSAGES: Record<number, [code: string, message: string]> = {
	400: ['bad_request', 'The request could not be understood (for example, a malformed URL).'],
	405: ['method_not_allowed', 'This route does not accept that method.'],
	413: ['body_too_large', 'The request body is too large.']
};

/**
 * The API promises JSON errors (docs/api.md), but SvelteKit answers some refusals itself before
 * any route runs — a malformed percent-encoding (400 page), an unsupported method (405 text), a
 * body over the adapter's limit (413 page). Those are re-answered as JSON with the same status.
 */
const apiErrorsAsJson: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!event.url.pathname.startsWith('/api/') || response.status < 400) return response;
	if ((response.headers.get('content-type') ?? '').startsWith('application/json')) return response;
	const [code, message] = API_STATUS_MESSAGES[response.status] ?? ['error', 'The request failed.'];
	const headers = new Headers({ 'content-type': 'application/json' });
	const allow = response.headers.get('allow');
	if (allow) headers.set('allow', allow);
	await response.body?.cancel();
	return new Response(JSON.stringify({ error: { code, message } }), { status: response.status, headers });
};

/** Routes that take bodies up to the server's raised BODY_SIZE_LIMIT (server/main.ts): imports' uploads. */
const UPLOAD_ROUTES: ReadonlySet<string> = new Set(['/api/v1/maps/[id]/import']);

/**
 * Every other route refuses a declared body over MAX_FORM_BODY_BYTES before using it. The body is
 * still read and dropped (adapter-node stops at BODY_SIZE_LIMIT): left unread, adapter-node pauses
 * the request and the kept-alive connection hangs for the client's next request; closing it
 * instead resets a client that is still sending.
 */
const bodyLimit: Handle = ({ event, resolve }) => {
	const declared = Number(event.request.headers.get('content-length') ?? 0);
	if (declared > MAX_FORM_BODY_BYTES && !UPLOAD_ROUTES.has(event.route.id ?? '')) {
		event.request.body?.pipeTo(new WritableStream()).catch(() => {});
		return new Response('The request body is too large.', { status: 413 });
	}
	return resolve(event);
};

export const handle = sequence(securityHeaders, apiErrorsAsJson, bodyLimit, language, authentication);
