// The full access matrix: eight kinds of caller × every /api/v1 route, every page, the
// access-relevant form actions, and the three sync documents. One test per cell, named after it.
// A last test reads src/routes and fails when a route or page has no row here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOT, createMap, createUser, logIn, shareMap, startServer, TEST_PASSWORD, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, upgradeStatus, waitFor, type SyncClient } from '../support/sync-client';
import { SYNC_UPDATE, openRaw, syncMessage, isSyncStep2 } from './helpers';
import { storageFingerprint } from './hardening-helpers';
import * as decoding from 'lib0/decoding';

/**
 * The callers: nobody; logged-in users by their relation to the map (the admin is an
 * administrator who is not a member); and a guest — no account, but the cookie a read-only share
 * link for the map leaves behind.
 */
const ROLES = ['anonymous', 'non-member', 'viewer', 'commenter', 'editor', 'owner', 'admin', 'guest'] as const;
type Role = (typeof ROLES)[number];
type UserRole = Exclude<Role, 'anonymous' | 'guest'>;
const USERNAMES: Record<UserRole, string> = {
	'non-member': 'nora',
	viewer: 'vera',
	commenter: 'cole',
	editor: 'eddie',
	owner: 'olga',
	admin: 'ada'
};
const MEMBER_ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;

interface Expected {
	status: number;
	/** For redirects: where to (a prefix of the Location header). */
	location?: string;
}

/** One value per role, in ROLES order. */
function per(...values: Array<number | Expected>): Record<Role, Expected> {
	if (values.length !== ROLES.length) throw new Error(`per() needs ${ROLES.length} values`);
	return Object.fromEntries(ROLES.map((role, i) => [role, typeof values[i] === 'number' ? { status: values[i] } : values[i]])) as Record<Role, Expected>;
}
const all = (expected: number | Expected) => per(...ROLES.map(() => expected));
const toLogin: Expected = { status: 303, location: '/login' };
const toMap: Expected = { status: 303, location: '/maps/{map}' };
const toMaps: Expected = { status: 303, location: '/maps' };

interface Context {
	server: TestServer;
	/** The map every row is about (the demo map: it has actors to vote on). */
	mapId: string;
	/** A second map with the same members, where meetings are started and ended. */
	spareMapId: string;
	versionId: string;
	meetingId: string;
	/** A vote of the running meeting that is revealed, and one that is open. */
	revealedVoteId: string;
	openVoteId: string;
	/** Tina is outside every role: her token nobody else may delete, her account only the admin disables. */
	foreignTokenId: string;
	tinaId: string;
	inviteToken: string;
	/** The cookie a share link for the map leaves with a guest. */
	guestCookie: string;
	as: Record<UserRole, LoggedIn>;
}

interface Row {
	name: string;
	/** The route file it covers, as `METHOD /api/v1/maps/[id]/...` or `PAGE /maps/[id]`. */
	route: string;
	method: string;
	path: (c: Context) => string;
	/** Sets up per role (e.g. a token of one's own) and returns the path to use instead. */
	prepare?: (c: Context, role: Role) => Promise<string>;
	json?: unknown | ((c: Context) => unknown);
	form?: Record<string, string>;
	/** A multipart upload (an import's file), posted with the site's Origin as a browser does. */
	upload?: () => FormData;
	expect: Record<Role, Expected>;
	/** The request would change something: when refused, storage must be exactly as before. */
	writes?: boolean;
	/** Puts things back after a request that succeeded (expected or not), so one cell cannot spoil the next. */
	restore?: (c: Context, role: Role) => Promise<void>;
	/** Further checks on an answer (e.g. what it may reveal). */
	check?: (response: Response, role: Role, c: Context) => Promise<void>;
}

const mapPage = (c: Context) => `/maps/${c.mapId}`;
const api = (c: Context) => `/api/v1/maps/${c.mapId}`;
//                                          anon non-member viewer commenter editor owner admin guest
const MEMBER_ONLY = per(401, 404, 200, 200, 200, 200, 404, 401);
const EDITORS = (ok: number) => per(401, 404, 403, 403, ok, ok, 404, 401);
const OWNER_ONLY = (ok: number) => per(401, 404, 403, 403, 403, ok, 404, 401);
const LOGGED_IN = (ok: number) => per(401, ok, ok, ok, ok, ok, ok, 401);
const MEMBER_PAGE = per(toLogin, 404, 200, 200, 200, 200, 404, toLogin);
const ADMIN_FORM = per(toLogin, toMaps, toMaps, toMaps, toMaps, toMaps, 200, toLogin);

/** The owner's running meeting on the spare map (started if none runs), for rows that change meetings. */
async function runningSpareMeeting(c: Context): Promise<string> {
	const owner = c.as.owner;
	const { meetings } = (await (await owner.fetch(`/api/v1/maps/${c.spareMapId}/meetings`)).json()) as { meetings: { id: string; endedAt: number | null }[] };
	const running = meetings.find((m) => m.endedAt === null);
	if (running) return running.id;
	const started = await owner.fetch(`/api/v1/maps/${c.spareMapId}/meetings`, { method: 'POST', json: { title: 'Spare meeting' } });
	if (started.status !== 201) throw new Error(`starting a meeting: ${started.status} ${await started.text()}`);
	return ((await started.json()) as { id: string }).id;
}

/** A meeting on the spare map with no unrevealed vote, so a new vote may open. */
async function spareMeetingWithoutOpenVote(c: Context): Promise<string> {
	const meetingId = await runningSpareMeeting(c);
	const base = `/api/v1/maps/${c.spareMapId}/meetings/${meetingId}`;
	const { votes } = (await (await c.as.owner.fetch(`${base}/votes`)).json()) as { votes: { id: string; revealed: boolean }[] };
	for (const vote of votes.filter((v) => !v.revealed)) await c.as.owner.fetch(`${base}/votes/${vote.id}/reveal`, { method: 'POST' });
	return meetingId;
}

async function actorIds(c: Context, mapId: string): Promise<string[]> {
	const document = (await (await c.as.owner.fetch(`/api/v1/maps/${mapId}/document`)).json()) as { actors: { id: string }[] };
	return document.actors.slice(0, 3).map((a) => a.id);
}

async function openVote(c: Context, mapId: string, meetingId: string): Promise<string> {
	const response = await c.as.owner.fetch(`/api/v1/maps/${mapId}/meetings/${meetingId}/votes`, {
		method: 'POST',
		json: { question: 'Which first?', kind: 'actors', actorIds: await actorIds(c, mapId), votesPerPerson: 1 }
	});
	if (response.status !== 201) throw new Error(`opening a vote: ${response.status} ${await response.text()}`);
	return ((await response.json()) as { id: string }).id;
}

/** One actor in a CSV: the editor's import creates it, the owner's finds it unchanged. */
function importUpload(): FormData {
	const form = new FormData();
	form.set('file', new Blob(['Label,Type,Town\nMatrix import Oy,Yritys,Iisalmi\n']), 'matrix.csv');
	return form;
}

const spareMeetingPath = (suffix: string) => async (c: Context) => `/api/v1/maps/${c.spareMapId}/meetings/${await runningSpareMeeting(c)}${suffix}`;

const API_ROWS: Row[] = [
	{ name: 'GET /api/v1/health', route: 'GET /api/v1/health', method: 'GET', path: () => '/api/v1/health', expect: all(200) },
	{ name: 'POST /api/v1/session (tina logs in)', route: 'POST /api/v1/session', method: 'POST', path: () => '/api/v1/session', json: { username: 'tina', password: TEST_PASSWORD }, expect: all(200) },
	{ name: 'GET /api/v1/session', route: 'GET /api/v1/session', method: 'GET', path: () => '/api/v1/session', expect: LOGGED_IN(200) },
	{ name: 'DELETE /api/v1/session (own, fresh session)', route: 'DELETE /api/v1/session', method: 'DELETE', path: () => '/api/v1/session', expect: LOGGED_IN(204), writes: true },
	{
		name: 'GET /api/v1/maps',
		route: 'GET /api/v1/maps',
		method: 'GET',
		path: () => '/api/v1/maps',
		expect: LOGGED_IN(200),
		async check(response, role, c) {
			if (response.status !== 200) return;
			const listed = ((await response.json()) as { maps: { id: string }[] }).maps.some((m) => m.id === c.mapId);
			expect(listed, `GET /api/v1/maps × ${role}: lists the map only to members`).toBe((MEMBER_ROLES as readonly string[]).includes(role));
		}
	},
	{ name: 'POST /api/v1/maps', route: 'POST /api/v1/maps', method: 'POST', path: () => '/api/v1/maps', json: { title: 'Matrix map' }, expect: LOGGED_IN(201), writes: true },
	{ name: 'GET /api/v1/maps/:id', route: 'GET /api/v1/maps/[id]', method: 'GET', path: api, expect: MEMBER_ONLY },
	{ name: 'GET /api/v1/maps/:unknown', route: 'GET /api/v1/maps/[id]', method: 'GET', path: () => '/api/v1/maps/nosuchmap0000000', expect: per(401, 404, 404, 404, 404, 404, 404, 401) },
	{ name: 'GET /api/v1/maps/:id/members', route: 'GET /api/v1/maps/[id]/members', method: 'GET', path: (c) => `${api(c)}/members`, expect: MEMBER_ONLY },
	{ name: 'GET /api/v1/maps/:id/document', route: 'GET /api/v1/maps/[id]/document', method: 'GET', path: (c) => `${api(c)}/document`, expect: MEMBER_ONLY },
	{ name: 'GET /api/v1/maps/:id/discussion', route: 'GET /api/v1/maps/[id]/discussion', method: 'GET', path: (c) => `${api(c)}/discussion`, expect: MEMBER_ONLY },
	{ name: 'GET /api/v1/maps/:id/activity', route: 'GET /api/v1/maps/[id]/activity', method: 'GET', path: (c) => `${api(c)}/activity`, expect: MEMBER_ONLY },
	{ name: 'PUT /api/v1/maps/:id/members/:username (tina → viewer)', route: 'PUT /api/v1/maps/[id]/members/[username]', method: 'PUT', path: (c) => `${api(c)}/members/tina`, json: { role: 'viewer' }, expect: OWNER_ONLY(200), writes: true },
	{
		name: 'PUT /api/v1/maps/:id/members/:username (oneself → owner)',
		route: 'PUT /api/v1/maps/[id]/members/[username]',
		method: 'PUT',
		path: () => '',
		prepare: async (c, role) => `${api(c)}/members/${role === 'anonymous' || role === 'guest' ? 'nobody' : USERNAMES[role]}`,
		json: { role: 'owner' },
		expect: OWNER_ONLY(200),
		writes: true,
		async restore(c, role) {
			if (role === 'viewer' || role === 'commenter' || role === 'editor') await shareMap(c.as.owner, c.mapId, USERNAMES[role], role);
			if (role === 'non-member' || role === 'admin') await c.as.owner.fetch(`${api(c)}/members/${USERNAMES[role]}`, { method: 'DELETE' });
		}
	},
	{
		name: 'DELETE /api/v1/maps/:id/members/:username (tom)',
		route: 'DELETE /api/v1/maps/[id]/members/[username]',
		method: 'DELETE',
		path: (c) => `${api(c)}/members/tom`,
		expect: OWNER_ONLY(204),
		writes: true,
		restore: (c) => shareMap(c.as.owner, c.mapId, 'tom', 'viewer')
	},
	{ name: 'GET /api/v1/maps/:id/versions', route: 'GET /api/v1/maps/[id]/versions', method: 'GET', path: (c) => `${api(c)}/versions`, expect: MEMBER_ONLY },
	{ name: 'POST /api/v1/maps/:id/versions', route: 'POST /api/v1/maps/[id]/versions', method: 'POST', path: (c) => `${api(c)}/versions`, json: { name: 'Matrix version' }, expect: EDITORS(201), writes: true },
	{ name: 'GET /api/v1/maps/:id/versions/:vid', route: 'GET /api/v1/maps/[id]/versions/[vid]', method: 'GET', path: (c) => `${api(c)}/versions/${c.versionId}`, expect: MEMBER_ONLY },
	{ name: 'GET /api/v1/maps/:id/versions/compare', route: 'GET /api/v1/maps/[id]/versions/compare', method: 'GET', path: (c) => `${api(c)}/versions/compare?from=${c.versionId}&to=current`, expect: MEMBER_ONLY },
	{ name: 'GET /api/v1/maps/:id/export', route: 'GET /api/v1/maps/[id]/export', method: 'GET', path: (c) => `${api(c)}/export?format=json`, expect: MEMBER_ONLY },
	// The editor draws a large map's overview before the live document is in: whoever may open the map.
	{ name: 'GET /api/v1/maps/:id/overview', route: 'GET /api/v1/maps/[id]/overview', method: 'GET', path: (c) => `${api(c)}/overview`, expect: per(401, 404, 200, 200, 200, 200, 404, 200) },
	{ name: "GET /api/v1/maps/:id/overview (another map than the guest's link)", route: 'GET /api/v1/maps/[id]/overview', method: 'GET', path: (c) => `/api/v1/maps/${c.spareMapId}/overview`, expect: per(401, 404, 200, 200, 200, 200, 404, 401) },
	{ name: 'POST /api/v1/maps/:id/import', route: 'POST /api/v1/maps/[id]/import', method: 'POST', path: (c) => `${api(c)}/import`, upload: importUpload, expect: EDITORS(200), writes: true },
	{ name: 'POST /api/v1/maps/:id/versions/:vid/restore', route: 'POST /api/v1/maps/[id]/versions/[vid]/restore', method: 'POST', path: (c) => `${api(c)}/versions/${c.versionId}/restore`, expect: EDITORS(200), writes: true },
	{ name: 'GET /api/v1/maps/:id/meetings', route: 'GET /api/v1/maps/[id]/meetings', method: 'GET', path: (c) => `${api(c)}/meetings`, expect: MEMBER_ONLY },
	{
		name: 'POST /api/v1/maps/:id/meetings (none running)',
		route: 'POST /api/v1/maps/[id]/meetings',
		method: 'POST',
		path: () => '',
		async prepare(c) {
			// The spare map, with its running meeting (if any) ended first.
			const running = await runningSpareMeeting(c);
			await c.as.owner.fetch(`/api/v1/maps/${c.spareMapId}/meetings/${running}/end`, { method: 'POST' });
			return `/api/v1/maps/${c.spareMapId}/meetings`;
		},
		json: { title: 'Matrix meeting' },
		expect: EDITORS(201),
		writes: true
	},
	{ name: 'GET /api/v1/maps/:id/meetings/:mid', route: 'GET /api/v1/maps/[id]/meetings/[meetingId]', method: 'GET', path: (c) => `${api(c)}/meetings/${c.meetingId}`, expect: MEMBER_ONLY },
	{ name: 'POST /api/v1/maps/:id/meetings/:mid/end', route: 'POST /api/v1/maps/[id]/meetings/[meetingId]/end', method: 'POST', path: () => '', prepare: spareMeetingPath('/end'), expect: EDITORS(200), writes: true },
	{ name: 'PUT /api/v1/maps/:id/meetings/:mid/presenter', route: 'PUT /api/v1/maps/[id]/meetings/[meetingId]/presenter', method: 'PUT', path: () => '', prepare: spareMeetingPath('/presenter'), expect: EDITORS(204), writes: true },
	{ name: 'PUT /api/v1/maps/:id/meetings/:mid/slides', route: 'PUT /api/v1/maps/[id]/meetings/[meetingId]/slides', method: 'PUT', path: () => '', prepare: spareMeetingPath('/slides'), json: { slides: [] }, expect: EDITORS(200), writes: true },
	{ name: 'PUT /api/v1/maps/:id/meetings/:mid/slide', route: 'PUT /api/v1/maps/[id]/meetings/[meetingId]/slide', method: 'PUT', path: () => '', prepare: spareMeetingPath('/slide'), json: { index: -1 }, expect: EDITORS(204), writes: true },
	{ name: 'POST /api/v1/maps/:id/meetings/:mid/decisions', route: 'POST /api/v1/maps/[id]/meetings/[meetingId]/decisions', method: 'POST', path: () => '', prepare: spareMeetingPath('/decisions'), json: { text: 'Decided in the matrix' }, expect: EDITORS(201), writes: true },
	{ name: 'GET /api/v1/maps/:id/meetings/:mid/votes', route: 'GET /api/v1/maps/[id]/meetings/[meetingId]/votes', method: 'GET', path: (c) => `${api(c)}/meetings/${c.meetingId}/votes`, expect: MEMBER_ONLY },
	{
		name: 'POST /api/v1/maps/:id/meetings/:mid/votes',
		route: 'POST /api/v1/maps/[id]/meetings/[meetingId]/votes',
		method: 'POST',
		path: () => '',
		prepare: async (c) => `/api/v1/maps/${c.spareMapId}/meetings/${await spareMeetingWithoutOpenVote(c)}/votes`,
		json: async (c: Context) => ({ question: 'Matrix vote', kind: 'actors', actorIds: await actorIds(c, c.spareMapId), votesPerPerson: 1 }),
		expect: EDITORS(201),
		writes: true
	},
	{ name: 'GET /api/v1/maps/:id/meetings/:mid/votes/:vid', route: 'GET /api/v1/maps/[id]/meetings/[meetingId]/votes/[voteId]', method: 'GET', path: (c) => `${api(c)}/meetings/${c.meetingId}/votes/${c.openVoteId}`, expect: MEMBER_ONLY },
	{ name: 'PUT /api/v1/maps/:id/meetings/:mid/votes/:vid/ballot (empty ballot)', route: 'PUT /api/v1/maps/[id]/meetings/[meetingId]/votes/[voteId]/ballot', method: 'PUT', path: (c) => `${api(c)}/meetings/${c.meetingId}/votes/${c.openVoteId}/ballot`, json: { votes: {} }, expect: MEMBER_ONLY, writes: true },
	{ name: 'GET /api/v1/maps/:id/meetings/:mid/votes/:vid/results (revealed)', route: 'GET /api/v1/maps/[id]/meetings/[meetingId]/votes/[voteId]/results', method: 'GET', path: (c) => `${api(c)}/meetings/${c.meetingId}/votes/${c.revealedVoteId}/results`, expect: MEMBER_ONLY },
	{
		name: 'POST /api/v1/maps/:id/meetings/:mid/votes/:vid/reveal',
		route: 'POST /api/v1/maps/[id]/meetings/[meetingId]/votes/[voteId]/reveal',
		method: 'POST',
		path: () => '',
		async prepare(c) {
			const meetingId = await spareMeetingWithoutOpenVote(c);
			return `/api/v1/maps/${c.spareMapId}/meetings/${meetingId}/votes/${await openVote(c, c.spareMapId, meetingId)}/reveal`;
		},
		expect: EDITORS(200),
		writes: true
	},
	{ name: 'GET /api/v1/notifications', route: 'GET /api/v1/notifications', method: 'GET', path: () => '/api/v1/notifications', expect: LOGGED_IN(200) },
	{ name: 'GET /api/v1/tokens', route: 'GET /api/v1/tokens', method: 'GET', path: () => '/api/v1/tokens', expect: LOGGED_IN(200) },
	{ name: 'POST /api/v1/tokens', route: 'POST /api/v1/tokens', method: 'POST', path: () => '/api/v1/tokens', json: { label: 'matrix' }, expect: LOGGED_IN(201), writes: true },
	{ name: "DELETE /api/v1/tokens/:id (someone else's)", route: 'DELETE /api/v1/tokens/[id]', method: 'DELETE', path: (c) => `/api/v1/tokens/${c.foreignTokenId}`, expect: LOGGED_IN(404), writes: true },
	{
		name: 'DELETE /api/v1/tokens/:id (own)',
		route: 'DELETE /api/v1/tokens/[id]',
		method: 'DELETE',
		path: () => '',
		async prepare(c, role) {
			if (role === 'anonymous' || role === 'guest') return '/api/v1/tokens/nosuchtoken';
			const created = await c.as[role].fetch('/api/v1/tokens', { method: 'POST', json: { label: 'to delete' } });
			return `/api/v1/tokens/${((await created.json()) as { id: string }).id}`;
		},
		expect: LOGGED_IN(204),
		writes: true
	},
	...(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map(
		(method): Row => ({ name: `${method} /api/v1/no/such/route`, route: `${method} /api/v1/[...rest]`, method, path: () => '/api/v1/no/such/route', expect: all(404) })
	)
];

const PAGE_ROWS: Row[] = [
	{ name: 'GET /', route: 'PAGE /', method: 'GET', path: () => '/', expect: per(toLogin, toMaps, toMaps, toMaps, toMaps, toMaps, toMaps, toLogin) },
	{ name: 'GET /setup (after setup)', route: 'PAGE /setup', method: 'GET', path: () => '/setup', expect: all(toLogin) },
	{ name: 'GET /login', route: 'PAGE /login', method: 'GET', path: () => '/login', expect: per(200, toMaps, toMaps, toMaps, toMaps, toMaps, toMaps, 200) },
	{ name: 'GET /logout', route: 'PAGE /logout', method: 'GET', path: () => '/logout', expect: all({ status: 303, location: '/' }) },
	{ name: 'GET /maps', route: 'PAGE /maps', method: 'GET', path: () => '/maps', expect: per(toLogin, 200, 200, 200, 200, 200, 200, toLogin) },
	{ name: 'GET /maps/:id', route: 'PAGE /maps/[id]', method: 'GET', path: mapPage, expect: per(toLogin, 404, 200, 200, 200, 200, 404, 200) },
	{ name: "GET /maps/:id (another map than the guest's link)", route: 'PAGE /maps/[id]', method: 'GET', path: (c) => `/maps/${c.spareMapId}`, expect: per(toLogin, 404, 200, 200, 200, 200, 404, toLogin) },
	{ name: 'GET /maps/:id/members', route: 'PAGE /maps/[id]/members', method: 'GET', path: (c) => `${mapPage(c)}/members`, expect: MEMBER_PAGE },
	{ name: 'GET /maps/:id/activity', route: 'PAGE /maps/[id]/activity', method: 'GET', path: (c) => `${mapPage(c)}/activity`, expect: MEMBER_PAGE },
	{ name: 'GET /maps/:id/meetings', route: 'PAGE /maps/[id]/meetings', method: 'GET', path: (c) => `${mapPage(c)}/meetings`, expect: MEMBER_PAGE },
	{ name: 'GET /maps/:id/history', route: 'PAGE /maps/[id]/history', method: 'GET', path: (c) => `${mapPage(c)}/history`, expect: MEMBER_PAGE },
	{ name: 'GET /maps/:id/history/:vid', route: 'PAGE /maps/[id]/history/[vid]', method: 'GET', path: (c) => `${mapPage(c)}/history/${c.versionId}`, expect: MEMBER_PAGE },
	// A steering group reads the comparison and the report through the map's share link, like the map.
	{ name: 'GET /maps/:id/compare', route: 'PAGE /maps/[id]/compare', method: 'GET', path: (c) => `${mapPage(c)}/compare`, expect: per(toLogin, 404, 200, 200, 200, 200, 404, 200) },
	{ name: 'GET /maps/:id/report', route: 'PAGE /maps/[id]/report', method: 'GET', path: (c) => `${mapPage(c)}/report`, expect: per(toLogin, 404, 200, 200, 200, 200, 404, 200) },
	{ name: "GET /maps/:id/report (another map than the guest's link)", route: 'PAGE /maps/[id]/report', method: 'GET', path: (c) => `/maps/${c.spareMapId}/report`, expect: per(toLogin, 404, 200, 200, 200, 200, 404, toLogin) },
	{ name: 'GET /notifications', route: 'PAGE /notifications', method: 'GET', path: () => '/notifications', expect: per(toLogin, 200, 200, 200, 200, 200, 200, toLogin) },
	{ name: 'GET /account', route: 'PAGE /account', method: 'GET', path: () => '/account', expect: per(toLogin, 200, 200, 200, 200, 200, 200, toLogin) },
	{ name: 'GET /admin', route: 'PAGE /admin', method: 'GET', path: () => '/admin', expect: per(toLogin, toMaps, toMaps, toMaps, toMaps, toMaps, 200, toLogin) },
	{ name: 'GET /invite/:token (valid)', route: 'PAGE /invite/[token]', method: 'GET', path: (c) => `/invite/${c.inviteToken}`, expect: all(200) },
	{ name: 'GET /invite/:token (invalid)', route: 'PAGE /invite/[token]', method: 'GET', path: () => '/invite/nosuch.token', expect: all(404) },
	{ name: 'GET /share/:token (valid)', route: 'PAGE /share/[token]', method: 'GET', path: (c) => `/share/${c.guestCookie.split('=')[1]}`, expect: all(toMap) },
	{ name: 'GET /share/:token (invalid)', route: 'PAGE /share/[token]', method: 'GET', path: () => '/share/nosuch.token', expect: all(404) },
	{ name: 'POST /language', route: 'PAGE /language', method: 'POST', path: () => '/language', form: { locale: 'sv', next: '/maps' }, expect: all({ status: 303, location: '/maps' }) },
	{ name: 'GET /accessibility', route: 'PAGE /accessibility', method: 'GET', path: () => '/accessibility', expect: all(200) }
];

const FORM_ROWS: Row[] = [
	{
		name: 'POST /maps/:id/members?/set (tina → commenter)',
		route: 'FORM /maps/[id]/members?/set',
		method: 'POST',
		path: (c) => `${mapPage(c)}/members?/set`,
		form: { username: 'tina', role: 'commenter' },
		expect: per(toLogin, 404, 403, 403, 403, 200, 404, toLogin),
		writes: true,
		restore: (c) => shareMap(c.as.owner, c.mapId, 'tina', 'viewer')
	},
	{
		name: 'POST /maps/:id/members?/remove (tom)',
		route: 'FORM /maps/[id]/members?/remove',
		method: 'POST',
		path: (c) => `${mapPage(c)}/members?/remove`,
		form: { username: 'tom' },
		expect: per(toLogin, 404, 403, 403, 403, 200, 404, toLogin),
		writes: true,
		restore: (c) => shareMap(c.as.owner, c.mapId, 'tom', 'viewer')
	},
	{ name: 'POST /maps/:id/members?/share', route: 'FORM /maps/[id]/members?/share', method: 'POST', path: (c) => `${mapPage(c)}/members?/share`, form: { label: 'Matrix link', days: '7' }, expect: per(toLogin, 404, 403, 403, 403, 200, 404, toLogin), writes: true },
	{ name: 'POST /maps/:id/members?/revokeShare (unknown link)', route: 'FORM /maps/[id]/members?/revokeShare', method: 'POST', path: (c) => `${mapPage(c)}/members?/revokeShare`, form: { id: 'nosuchlink' }, expect: per(toLogin, 404, 403, 403, 403, 404, 404, toLogin), writes: true },
	{ name: 'POST /maps/:id/history?/save', route: 'FORM /maps/[id]/history?/save', method: 'POST', path: (c) => `${mapPage(c)}/history?/save`, form: { name: 'Saved from the matrix' }, expect: per(toLogin, 404, 403, 403, 200, 200, 404, toLogin), writes: true },
	{ name: 'POST /maps/:id/history?/restore', route: 'FORM /maps/[id]/history?/restore', method: 'POST', path: (c) => `${mapPage(c)}/history?/restore`, form: { version: '{version}' }, expect: per(toLogin, 404, 403, 403, 200, 200, 404, toLogin), writes: true },
	{ name: 'POST /maps?/create', route: 'FORM /maps?/create', method: 'POST', path: () => '/maps?/create', form: { title: 'Made in the matrix' }, expect: per(toLogin, 303, 303, 303, 303, 303, 303, toLogin), writes: true },
	{ name: 'POST /account?/createToken', route: 'FORM /account?/createToken', method: 'POST', path: () => '/account?/createToken', form: { label: 'matrix form' }, expect: per(toLogin, 200, 200, 200, 200, 200, 200, toLogin), writes: true },
	{ name: 'POST /admin?/invite', route: 'FORM /admin?/invite', method: 'POST', path: () => '/admin?/invite', form: {}, expect: ADMIN_FORM, writes: true },
	{
		name: 'POST /admin?/createUser',
		route: 'FORM /admin?/createUser',
		method: 'POST',
		path: () => '/admin?/createUser',
		form: { username: 'made-by-form', password: 'a-long-new-password-4', passwordAgain: 'a-long-new-password-4' },
		expect: ADMIN_FORM,
		writes: true
	},
	{ name: 'POST /admin?/setDisabled (tina)', route: 'FORM /admin?/setDisabled', method: 'POST', path: () => '/admin?/setDisabled', form: { userId: 'tina-id', disabled: 'true' }, expect: ADMIN_FORM, writes: true, restore: async (c) => void (await postAsAdmin(c, '/admin?/setDisabled', { userId: c.tinaId, disabled: 'false' })) }
];

function postAsAdmin(c: Context, path: string, form: Record<string, string>): Promise<Response> {
	return c.as.admin.fetch(path, { method: 'POST', body: new URLSearchParams(form), headers: { origin: c.server.url, accept: 'text/html' } });
}

type SocketOutcome = 401 | 403 | 'syncs' | 'reaches others' | 'dropped';
type DocumentKind = 'graph' | 'discussion' | 'meeting';
const REFUSED = { anonymous: 401, 'non-member': 403, admin: 403 } as const;
const SOCKET_ROWS: Array<{ document: DocumentKind; access: 'read' | 'write'; expect: Record<Role, SocketOutcome> }> = [
	{ document: 'graph', access: 'read', expect: { ...REFUSED, viewer: 'syncs', commenter: 'syncs', editor: 'syncs', owner: 'syncs', guest: 'syncs' } },
	{ document: 'graph', access: 'write', expect: { ...REFUSED, viewer: 'dropped', commenter: 'dropped', editor: 'reaches others', owner: 'reaches others', guest: 'dropped' } },
	{ document: 'discussion', access: 'read', expect: { ...REFUSED, viewer: 'syncs', commenter: 'syncs', editor: 'syncs', owner: 'syncs', guest: 'syncs' } },
	{ document: 'discussion', access: 'write', expect: { ...REFUSED, viewer: 'dropped', commenter: 'reaches others', editor: 'reaches others', owner: 'reaches others', guest: 'dropped' } },
	{ document: 'meeting', access: 'read', expect: { ...REFUSED, viewer: 'syncs', commenter: 'syncs', editor: 'syncs', owner: 'syncs', guest: 'syncs' } },
	// The meeting document is written by the server alone, through the meeting routes.
	{ document: 'meeting', access: 'write', expect: { ...REFUSED, viewer: 'dropped', commenter: 'dropped', editor: 'dropped', owner: 'dropped', guest: 'dropped' } }
];

/** The document carried by the last SyncStep2 among `messages`. */
function lastSyncedDocument(messages: Uint8Array[]): Y.Doc | null {
	const step2 = messages.filter(isSyncStep2).at(-1);
	if (!step2) return null;
	const decoder = decoding.createDecoder(step2);
	decoding.readVarUint(decoder);
	decoding.readVarUint(decoder);
	const doc = new Y.Doc();
	Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
	return doc;
}

/** Every API route (method + file path) and page under src/routes, as rows name them. */
function routesInSource(): string[] {
	const routes = join(ROOT, 'src/routes');
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const path = join(dir, entry);
			if (statSync(path).isDirectory()) walk(path);
			else if (entry === '+server.ts') {
				const route = '/' + relative(routes, dir).split('\\').join('/');
				for (const [, method] of readFileSync(path, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${method} ${route}`);
			} else if (entry === '+page.svelte' || entry === '+page.server.ts') {
				const route = ('/' + relative(routes, dir).split('\\').join('/')).replace(/\/$/, '') || '/';
				found.push(`PAGE ${route === '' ? '/' : route}`);
			}
		}
	};
	walk(routes);
	return [...new Set(found)].sort();
}

describe('access matrix', () => {
	let c: Context;
	let tina: LoggedIn;
	const clients: SyncClient[] = [];

	beforeAll(async () => {
		const server = await startServer();
		const ada = await createUser(server, 'ada', { admin: true });
		const olga = await createUser(server, 'olga');
		const as = { admin: ada, owner: olga } as Context['as'];
		for (const role of ['non-member', 'viewer', 'commenter', 'editor'] as const) as[role] = await createUser(server, USERNAMES[role]);
		tina = await createUser(server, 'tina');
		await createUser(server, 'tom');
		const mapId = await createMap(olga, '', true);
		const spareMapId = await createMap(olga, '', true);
		for (const map of [mapId, spareMapId]) for (const role of ['viewer', 'commenter', 'editor'] as const) await shareMap(olga, map, USERNAMES[role], role);
		await shareMap(olga, mapId, 'tina', 'viewer');
		await shareMap(olga, mapId, 'tom', 'viewer');
		const token = (await (await tina.fetch('/api/v1/tokens', { method: 'POST', json: { label: 'tina' } })).json()) as { id: string };
		const tinaId = ((await (await tina.fetch('/api/v1/session')).json()) as { user: { id: string } }).user.id;
		const html = { origin: server.url, accept: 'text/html' };
		const invitePage = await ada.fetch('/admin?/invite', { method: 'POST', body: new URLSearchParams(), headers: html });
		const inviteToken = /\/invite\/([a-z2-7]+\.[a-z2-7]+)/.exec(await invitePage.text())?.[1];
		const sharePage = await olga.fetch(`/maps/${mapId}/members?/share`, { method: 'POST', body: new URLSearchParams({ label: 'Guests', days: '7' }), headers: html });
		const shareToken = /\/share\/([a-z2-7]+\.[a-z2-7]+)/.exec(await sharePage.text())?.[1];
		if (!inviteToken || !shareToken) throw new Error('no invitation or share link in the pages');
		const version = (await (await olga.fetch(`/api/v1/maps/${mapId}/versions`, { method: 'POST', json: { name: 'Matrix base' } })).json()) as { id: string };
		const meeting = (await (await olga.fetch(`/api/v1/maps/${mapId}/meetings`, { method: 'POST', json: { title: 'Matrix meeting' } })).json()) as { id: string };
		c = { server, mapId, spareMapId, versionId: version.id, meetingId: meeting.id, revealedVoteId: '', openVoteId: '', foreignTokenId: token.id, tinaId, inviteToken, guestCookie: `kartta_share=${shareToken}`, as };
		c.revealedVoteId = await openVote(c, mapId, meeting.id);
		expect((await olga.fetch(`/api/v1/maps/${mapId}/meetings/${meeting.id}/votes/${c.revealedVoteId}/reveal`, { method: 'POST' })).status).toBe(200);
		c.openVoteId = await openVote(c, mapId, meeting.id);
	}, 90_000);
	afterEach(() => {
		for (const client of clients.splice(0)) client.destroy();
	});
	afterAll(async () => c?.server.cleanup());

	async function call(row: Row, role: Role, path: string): Promise<Response> {
		const headers = new Headers();
		if (role === 'guest') headers.set('cookie', c.guestCookie);
		else if (role !== 'anonymous') {
			// A fresh session for the rows that end it, so the others keep theirs.
			const user = row.method === 'DELETE' && path === '/api/v1/session' ? await logIn(c.server, USERNAMES[role]) : c.as[role];
			headers.set('cookie', user.cookie);
		}
		let body: BodyInit | undefined;
		const json = typeof row.json === 'function' ? await (row.json as (c: Context) => unknown)(c) : row.json;
		if (json !== undefined) {
			headers.set('content-type', 'application/json');
			body = JSON.stringify(json);
		} else if (row.form) {
			// As a browser posts a form without JavaScript (SvelteKit answers `accept: */*` with JSON).
			headers.set('origin', c.server.url);
			headers.set('accept', 'text/html');
			const form = { ...row.form };
			if (form.userId === 'tina-id') form.userId = c.tinaId;
			if (form.username === 'made-by-form') form.username = `made-by-${role.replace(/[^a-z]/g, '')}`;
			if (form.version === '{version}') form.version = c.versionId;
			body = new URLSearchParams(form);
		} else if (row.upload) {
			headers.set('origin', c.server.url);
			body = row.upload();
		}
		return fetch(c.server.url + path, { method: row.method, headers, body, redirect: 'manual' });
	}

	async function checkCell(row: Row, role: Role): Promise<void> {
		const cell = `${row.name} × ${role}`;
		const expected = row.expect[role];
		const path = row.prepare ? await row.prepare(c, role) : row.path(c);
		const before = row.writes && expected.status >= 300 && expected.status !== 303 ? storageFingerprint(c.server) : null;
		const response = await call(row, role, path);
		expect(response.status, `${cell}: status`).toBe(expected.status);
		if (expected.location) {
			const location = expected.location.replace('{map}', c.mapId);
			expect(response.headers.get('location') ?? '', `${cell}: redirect target`).toMatch(new RegExp(`^${location.replace(/[?]/g, '\\?')}`));
		}
		if (row.route.includes(' /api/') && response.status >= 400)
			expect(response.headers.get('content-type') ?? '', `${cell}: error answered as JSON`).toMatch(/^application\/json/);
		await row.check?.(response, role, c);
		if (!response.bodyUsed) await response.arrayBuffer();
		if (response.status < 300) await row.restore?.(c, role);
		if (before !== null) expect(storageFingerprint(c.server), `${cell}: a refused request changed nothing in storage`).toBe(before);
	}

	for (const [section, rows] of [
		['API', API_ROWS],
		['pages', PAGE_ROWS],
		['form actions', FORM_ROWS]
	] as const) {
		describe(section, () => {
			for (const row of rows) {
				for (const role of ROLES) {
					const expected = row.expect[role];
					it(`${row.name} × ${role} → ${expected.status}${expected.location ? ` ${expected.location}` : ''}`, () => checkCell(row, role));
				}
			}
		});
	}

	describe('sync sockets', () => {
		let fence = 0;
		for (const row of SOCKET_ROWS) {
			for (const role of ROLES) {
				const outcome = row.expect[role];
				it(`${row.document} document: ${row.access} × ${role} → ${outcome}`, async () => {
					const cell = `${row.document} ${row.access} × ${role}`;
					const room = row.document === 'graph' ? c.mapId : `${c.mapId}/${row.document}`;
					const url = `${c.server.wsUrl}/${room}`;
					const headers: Record<string, string> = role === 'anonymous' ? {} : { cookie: role === 'guest' ? c.guestCookie : c.as[role].cookie };
					if (typeof outcome === 'number') {
						expect(await upgradeStatus(url, headers), `${cell}: upgrade refused`).toBe(outcome);
						return;
					}
					// The owner's side: one client watches, one makes fence edits (where the owner may write).
					const watcher = connectClient(c.server.wsUrl, room, { cookie: c.as.owner.cookie });
					const maker = connectClient(c.server.wsUrl, room, { cookie: c.as.owner.cookie });
					clients.push(watcher, maker);
					await Promise.all([watcher.synced, maker.synced]);
					const ownerWrites = row.document !== 'meeting';
					const marker = `${row.document}-${row.access}-${role}-${++fence}`;
					if (ownerWrites) {
						maker.doc.getMap('probe').set(`seen-${marker}`, true);
						await waitFor(() => watcher.doc.getMap('probe').has(`seen-${marker}`), `${cell}: the owner's marker arrived`);
					}

					const socket = await openRaw(c.server, room, headers);
					try {
						const answer = await socket.roundTrip();
						expect(answer, `${cell}: the socket is answered`).not.toBeNull();
						const synced = lastSyncedDocument(socket.messages);
						expect(synced, `${cell}: the first sync carries a document`).not.toBeNull();
						if (ownerWrites) expect(synced?.getMap('probe').has(`seen-${marker}`), `${cell}: the first sync carries the document's content`).toBe(true);
						if (outcome === 'syncs') return;

						const edit = new Y.Doc();
						edit.getMap('probe').set(`written-${marker}`, role);
						socket.send(syncMessage(SYNC_UPDATE, Y.encodeStateAsUpdate(edit)));
						// Handled in order: the answer to this request comes after the edit was dealt with (and stored, if taken).
						expect(await socket.roundTrip(), `${cell}: still answered after the edit`).not.toBeNull();
						if (outcome === 'reaches others') {
							await waitFor(() => watcher.doc.getMap('probe').get(`written-${marker}`) === role, `${cell}: the edit reached another client`);
							return;
						}
						if (ownerWrites) {
							// Refused: after a later edit has reached the watcher, the refused one has not.
							maker.doc.getMap('probe').set(`after-${marker}`, true);
							await waitFor(() => watcher.doc.getMap('probe').has(`after-${marker}`), `${cell}: the fence edit arrived`);
						} else {
							await new Promise((r) => setTimeout(r, 200));
						}
						expect(watcher.doc.getMap('probe').has(`written-${marker}`), `${cell}: the edit reached another client`).toBe(false);
						expect(lastSyncedDocument(socket.messages)?.getMap('probe').has(`written-${marker}`), `${cell}: the edit is in the server's document`).toBe(false);
					} finally {
						socket.socket.close();
					}
				});
			}
		}
	});

	it('has a row for every API route and page in src/routes', () => {
		const covered = new Set([...API_ROWS, ...PAGE_ROWS].map((row) => row.route));
		const missing = routesInSource().filter((route) => !covered.has(route));
		expect(missing, 'routes without a row in access-matrix.test.ts: add one for each caller').toEqual([]);
	});
});
