import { api, requireUser } from '$lib/server/api';
import { services } from '$lib/server/context';
import { audit } from '$lib/server/audit';
import { notFound } from '$lib/server/errors';

export const DELETE = api(async (event) => {
	const user = requireUser(event);
	if (!(await services().sessions.revokeApiToken(user.id, event.params.id!))) throw notFound('No such token.');
	await audit(services().storage, 'api_token_deleted', { actorId: user.id, username: user.username }, { tokenId: event.params.id });
	return new Response(null, { status: 204 });
});
