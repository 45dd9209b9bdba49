import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { api, readJson, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { audit } from '$lib/server/audit';
import { forbidden } from '$lib/server/errors';

export const GET = api(async (event) => {
	const user = requireUser(event);
	const tokens = await services().storage.listApiTokens(user.id);
	return json({ tokens: tokens.map((t) => ({ id: t.id, label: t.label, createdAt: new Date(t.createdAt).toISOString(), lastUsedAt: t.lastUsedAt ? new Date(t.lastUsedAt).toISOString() : null })) });
});

// The label's text rules (length, invisible or control characters) live in createApiToken.
const NewToken = z.object({ label: z.string() });

/** Creates a personal API token; the token itself is shown only in this response. */
export const POST = api(async (event) => {
	const user = requireUser(event);
	// A token cannot mint more tokens: only an interactive login can.
	if (event.locals.auth?.via !== 'session') throw forbidden('Create API tokens from a logged-in session.');
	const { label } = await readJson(event.request, NewToken);
	const { token, record } = await services().sessions.createApiToken(user.id, label);
	await audit(services().storage, 'api_token_created', { actorId: user.id, username: user.username, ip: event.getClientAddress() }, { tokenId: record.id, label: record.label });
	return json({ id: record.id, label: record.label, token }, { status: 201 });
});
