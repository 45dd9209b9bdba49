import { json } from '@sveltejs/kit';
import { services } from '$lib/server/context';

export const GET = async () => {
	const { storage, sync, startedAt } = services();
	const users = await storage.countUsers().then(
		() => 'ok',
		() => 'unavailable'
	);
	const body = { status: users === 'ok' ? 'ok' : 'degraded', storage: storage.kind, database: users, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), ...sync.stats() };
	return json(body, { status: users === 'ok' ? 200 : 503 });
};
