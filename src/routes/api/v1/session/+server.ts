import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { api, readJson, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { logIn } from '$lib/server/accounts';
import { audit } from '$lib/server/audit';
import { clearSessionCookie, setSessionCookie } from '$lib/server/cookies';

const Credentials = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });

/** Logs in: sets the session cookie and returns the user. */
export const POST = api(async (event) => {
	const { username, password } = await readJson(event.request, Credentials);
	const { storage, sessions, loginThrottle, config } = services();
	const { user, token, expiresAt } = await logIn(
		{ storage, sessions, throttle: loginThrottle, ip: event.getClientAddress() },
		username,
		password
	);
	const cookies = event.cookies;
	setSessionCookie(cookies, config, token, expiresAt);
	return json({ user: { id: user.id, username: user.username, displayName: user.displayName, isAdmin: user.isAdmin }, expiresAt: new Date(expiresAt).toISOString() });
});

/** The caller's identity. */
export const GET = api(async (event) => {
	const user = requireUser(event);
	return json({ user, via: event.locals.auth?.via });
});

/** Logs out: ends this session on the server (its open sockets close too) and clears the cookie. */
export const DELETE = api(async (event) => {
	requireUser(event);
	const { sessions, config } = services();
	const sessionId = event.locals.auth?.sessionId;
	if (sessionId) await sessions.invalidateSession(sessionId);
	await audit(services().storage, 'logout', { actorId: event.locals.user?.id, username: event.locals.user?.username, ip: event.getClientAddress() });
	clearSessionCookie(event.cookies, config);
	return new Response(null, { status: 204 });
});
