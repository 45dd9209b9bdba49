// Reading a map's activity log: filters from a query string, validated, and the rows as JSON.
import { z } from 'zod';
import type { AppServices } from './context';
import { badRequest } from './errors';
import { findUserByUsername } from './accounts';

export const ACTIVITY_PAGE_SIZE = 200;
const MAX_ACTIVITY_LIMIT = 1000;

const Filters = z.object({
	user: z.string().max(64).optional(),
	element: z.string().max(64).optional(),
	since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
	until: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
	limit: z.coerce.number().int().min(1).max(MAX_ACTIVITY_LIMIT).optional()
});

export interface ActivityFilters {
	user?: string;
	element?: string;
	since?: string;
	until?: string;
	limit?: number;
}

/** Parses `?user=&element=&since=&until=&limit=`; empty values count as absent. */
export function parseActivityFilters(params: URLSearchParams): ActivityFilters {
	const raw: Record<string, string> = {};
	for (const [key, value] of params) if (value.trim() !== '') raw[key] = value.trim();
	const result = Filters.safeParse(raw);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		throw badRequest('invalid_filter', `${issue.path.join('.') || 'filter'}: ${issue.message}`);
	}
	return result.data;
}

/** A date alone means the whole day: `until=2026-11-29` includes that day. */
function toTime(value: string | undefined, endOfDay: boolean): number | undefined {
	if (!value) return undefined;
	const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
	const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
	return dateOnly && endOfDay ? time + 24 * 60 * 60 * 1000 - 1 : time;
}

export async function readActivity(services: AppServices, mapId: string, filters: ActivityFilters) {
	let userId: string | undefined;
	if (filters.user) {
		const user = await findUserByUsername(services.storage, filters.user);
		// An unknown user simply has no activity.
		if (!user) return [];
		userId = user.id;
	}
	// The records of the last moment's edits are still on their way (written in batches).
	await services.sync.activityWritten();
	const rows = await services.storage.listActivity({
		mapId,
		userId,
		elementId: filters.element,
		since: toTime(filters.since, false),
		until: toTime(filters.until, true),
		limit: filters.limit ?? ACTIVITY_PAGE_SIZE
	});
	return rows.map((row) => ({
		at: new Date(row.at).toISOString(),
		user: { username: row.username, displayName: row.displayName },
		document: row.document,
		collection: row.collection,
		elementId: row.elementId,
		action: row.action
	}));
}
