// Every request: pick the language (Paraglide), find the user (session cookie or API token),
// and add security headers.
import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { services } from '$lib/server/context';
import { bearerToken } from '$lib/server/auth/sessions';
import { clearSessionCookie } from '$lib/server/cookies';

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

export const handle = sequence(securityHeaders, language, authentication);
