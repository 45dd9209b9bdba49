// The discussion's two JSON routes against the real server: a map's discussion snapshot (members only) and the caller's
// @mention notifications across all their maps (newest first, bounded, unread by read marker), with the API's error format.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DiscussionModel, DISCUSSION_SCHEMA_VERSION } from '../../src/lib/map/discussion';
import { MapModel } from '../../src/lib/map';
import { NOTIFICATIONS } from '../../src/lib/server/discussion';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';

interface ErrorBody {
	error: { code: string; message: string };
}

async function expectError(response: Response, status: number, code: string): Promise<void> {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toMatch(/^application\/json/);
	const body = (await response.json()) as ErrorBody;
	expect(body.error.code).toBe(code);
	expect(typeof body.error.message).toBe('string');
}

interface NotificationBody {
	notifications: {
		mapId: string;
		mapTitle: string;
		threadId: string;
		anchor: { kind: string; id: string } | null;
		commentId: string;
		author: { id: string; username: string; displayName: string } | null;
		text: string;
		createdAt: string;
		unread: boolean;
	}[];
	unread: number;
	total: number;
}

describe('discussion API', () => {
	let server: TestServer;
	let owner: LoggedIn;
	let editor: LoggedIn;
	let commenter: LoggedIn;
	let viewer: LoggedIn;
	let outsider: LoggedIn;
	const ids: Record<string, string> = {};
	let mapId: string;
	let otherMapId: string;
	const clients: SyncClient[] = [];

	async function userId(user: LoggedIn): Promise<string> {
		const body = (await (await user.fetch('/api/v1/session')).json()) as { user: { id: string } };
		return body.user.id;
	}

	/** A discussion model over a live, synced client of the given user, with a controllable clock. */
	async function discussionAs(user: LoggedIn, map: string, clock: { now: number }) {
		const client = connectClient(server.wsUrl, `${map}/discussion`, { cookie: user.cookie });
		clients.push(client);
		await client.synced;
		return { client, model: new DiscussionModel(client.doc, undefined, { now: () => clock.now }) };
	}

	/** Waits until the server's snapshot shows what a client wrote (the route reads the live room or storage). */
	async function snapshotOf(user: LoggedIn, map: string, until: (body: Record<string, unknown[]>) => boolean) {
		let body: Record<string, unknown[]> = {};
		await waitFor(async () => {
			body = (await (await user.fetch(`/api/v1/maps/${map}/discussion`)).json()) as Record<string, unknown[]>;
			return until(body);
		}, 'the snapshot shows the change');
		return body;
	}

	const notificationsOf = async (user: LoggedIn, query = '') => (await (await user.fetch(`/api/v1/notifications${query}`)).json()) as NotificationBody;

	beforeAll(async () => {
		server = await startServer();
		owner = await createUser(server, 'olga', { admin: true });
		editor = await createUser(server, 'eero');
		commenter = await createUser(server, 'cecilia');
		viewer = await createUser(server, 'viivi');
		outsider = await createUser(server, 'ulla');
		for (const user of [owner, editor, commenter, viewer, outsider]) ids[user.username] = await userId(user);
		mapId = await createMap(owner, 'Keskusteltu kartta');
		otherMapId = await createMap(owner, 'Toinen kartta');
		for (const map of [mapId, otherMapId]) {
			await shareMap(owner, map, 'eero', 'editor');
			await shareMap(owner, map, 'cecilia', 'commenter');
			await shareMap(owner, map, 'viivi', 'viewer');
		}
	});
	afterEach(() => {
		for (const client of clients.splice(0)) client.destroy();
	});
	afterAll(async () => server?.cleanup());

	describe('GET /api/v1/maps/:id/discussion', () => {
		it('answers 401 without login, 404 to non-members and unknown maps, in the API error format', async () => {
			await expectError(await fetch(`${server.url}/api/v1/maps/${mapId}/discussion`), 401, 'unauthorized');
			await expectError(await outsider.fetch(`/api/v1/maps/${mapId}/discussion`), 404, 'not_found');
			await expectError(await owner.fetch('/api/v1/maps/doesnotexist00000/discussion'), 404, 'not_found');
		});

		it("gives every member, viewers too, a new map's empty discussion with its schema version", async () => {
			for (const user of [owner, editor, commenter, viewer]) {
				const response = await user.fetch(`/api/v1/maps/${mapId}/discussion`);
				expect(response.status).toBe(200);
				expect(await response.json()).toEqual({
					id: mapId,
					schemaVersion: DISCUSSION_SCHEMA_VERSION,
					gaps: [],
					targets: [],
					growthSectors: [],
					threads: []
				});
			}
		});

		it("shows a commenter's gap, target and thread with the schema's field names, and flags anchors whose actor was deleted", async () => {
			const graph = connectClient(server.wsUrl, mapId, { cookie: editor.cookie });
			clients.push(graph);
			await graph.synced;
			const map = new MapModel(graph.doc);
			const kept = map.addActor({ name: 'Pysyvä Oy', kind: 'company', pos: { x: 0, y: 0 } });
			const doomed = map.addActor({ name: 'Poistuva Oy', kind: 'company', pos: { x: 100, y: 0 } });

			const { model } = await discussionAs(commenter, mapId, { now: 1_767_225_600_000 });
			const gapId = model.addGap({ type: 'missing_link', title: 'Ei yhteyttä yliopistoon', anchor: { kind: 'actor', id: kept }, createdBy: ids.cecilia! });
			const goneGap = model.addGap({ type: 'missing_capability', title: 'Osaaminen puuttuu', anchor: { kind: 'actor', id: doomed }, createdBy: ids.cecilia! });
			const targetId = model.addTarget({ title: 'Pilottiympäristö', due: '2026-12-31', owner: ids.eero!, actors: [kept], createdBy: ids.cecilia! });
			const threadId = model.addThread({ anchor: { kind: 'gap', id: gapId }, createdBy: ids.cecilia!, text: 'Katsotaanko @eero?' });
			map.deleteActor(doomed);

			const body = await snapshotOf(viewer, mapId, (b) => b.gaps?.length === 2 && b.threads?.length === 1 && b.targets?.length === 1);
			const gaps = body.gaps as { id: string; anchor: unknown; status: string; createdBy: string; issues: { code: string }[] }[];
			expect(gaps.find((gap) => gap.id === gapId)).toMatchObject({ anchor: { kind: 'actor', id: kept }, status: 'open', createdBy: ids.cecilia, issues: [] });
			await waitFor(async () => {
				const fresh = (await (await viewer.fetch(`/api/v1/maps/${mapId}/discussion`)).json()) as { gaps: typeof gaps };
				return fresh.gaps.find((gap) => gap.id === goneGap)?.issues.some((issue) => issue.code === 'unknown_anchor') ?? false;
			}, 'the gap about the deleted actor is flagged');
			expect(body.targets).toEqual([expect.objectContaining({ id: targetId, title: 'Pilottiympäristö', due: '2026-12-31', owner: ids.eero, status: 'proposed', actors: [kept] })]);
			expect(body.threads).toEqual([
				expect.objectContaining({
					id: threadId,
					anchor: { kind: 'gap', id: gapId },
					resolved: false,
					comments: [expect.objectContaining({ author: ids.cecilia, text: 'Katsotaanko @eero?', mentions: ['eero'], createdAt: 1_767_225_600_000 })]
				})
			]);
		});
	});

	describe('GET /api/v1/notifications', () => {
		it('answers 401 without login and 400 invalid_limit for a bad limit', async () => {
			await expectError(await fetch(`${server.url}/api/v1/notifications`), 401, 'unauthorized');
			for (const limit of ['-1', 'abc', '1.5', String(NOTIFICATIONS.maxLimit + 1)]) {
				await expectError(await editor.fetch(`/api/v1/notifications?limit=${limit}`), 400, 'invalid_limit');
			}
		});

		it("lists others' comments that mention the caller in all their maps, newest first, with map, author and thread", async () => {
			const clock = { now: 1_780_000_000_000 };
			const first = await discussionAs(commenter, mapId, clock);
			const older = first.model.addThread({ anchor: { kind: 'actor', id: 'someActorId00001' }, createdBy: ids.cecilia!, text: 'Hei @EERO, katso tämä.' });
			clock.now += 1_000;
			const second = await discussionAs(owner, otherMapId, clock);
			const newer = second.model.addThread({ anchor: { kind: 'link', id: 'someLinkId000001' }, createdBy: ids.olga!, text: '@eero ja @cecilia: sopiiko?' });
			// The caller's own mention of themself is no notification.
			const own = await discussionAs(editor, otherMapId, clock);
			own.model.addThread({ anchor: { kind: 'actor', id: 'someActorId00001' }, createdBy: ids.eero!, text: 'Muistutus itselleni @eero' });

			let body: NotificationBody = { notifications: [], unread: 0, total: 0 };
			await waitFor(async () => (body = await notificationsOf(editor)).total >= 3, 'three mentions of eero');
			const mine = body.notifications.filter((n) => n.threadId === older || n.threadId === newer);
			expect(mine.map((n) => n.threadId)).toEqual([newer, older]);
			expect(mine[0]).toMatchObject({
				mapId: otherMapId,
				mapTitle: 'Toinen kartta',
				anchor: { kind: 'link', id: 'someLinkId000001' },
				author: { id: ids.olga, username: 'olga' },
				text: '@eero ja @cecilia: sopiiko?',
				createdAt: new Date(1_780_000_001_000).toISOString(),
				unread: true
			});
			expect(mine[1]).toMatchObject({ mapId, author: { username: 'cecilia' }, unread: true });
			expect(body.notifications.some((n) => n.text.includes('itselleni'))).toBe(false);
			for (let i = 1; i < body.notifications.length; i++) {
				expect(Date.parse(body.notifications[i - 1]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(body.notifications[i]!.createdAt));
			}
			// Cecilia is mentioned once (by Olga); others are not mentioned at all.
			expect((await notificationsOf(commenter)).notifications.map((n) => n.threadId)).toEqual([newer]);
			expect(await notificationsOf(outsider)).toEqual({ notifications: [], unread: 0, total: 0 });
		});

		it('counts a mention read once the user has read its thread, bounds the list by limit but not the counts', async () => {
			const before = await notificationsOf(editor);
			const unreadThread = before.notifications.find((n) => n.unread && n.mapId === otherMapId)!;
			const { model } = await discussionAs(editor, otherMapId, { now: Date.now() });
			model.markRead(ids.eero!, unreadThread.threadId);
			await waitFor(async () => (await notificationsOf(editor)).unread === before.unread - 1, 'one fewer unread');
			const after = await notificationsOf(editor);
			expect(after.notifications.find((n) => n.commentId === unreadThread.commentId)?.unread).toBe(false);

			const countsOnly = await notificationsOf(editor, '?limit=0');
			expect(countsOnly).toEqual({ notifications: [], unread: after.unread, total: after.total });
			const one = await notificationsOf(editor, '?limit=1');
			expect(one.notifications).toEqual([after.notifications[0]]);
			expect(one.total).toBe(after.total);
		});

		it('never counts a viewer\'s mentions unread (viewers cannot store read markers), and forgets maps the user has left', async () => {
			const { model } = await discussionAs(commenter, mapId, { now: Date.now() });
			model.addThread({ anchor: { kind: 'actor', id: 'someActorId00002' }, createdBy: ids.cecilia!, text: 'Tiedoksi @viivi' });
			let body: NotificationBody = { notifications: [], unread: 0, total: 0 };
			await waitFor(async () => (body = await notificationsOf(viewer)).total === 1, 'the viewer is mentioned');
			expect(body.notifications[0]).toMatchObject({ mapId, unread: false });
			expect(body.unread).toBe(0);

			const removed = await owner.fetch(`/api/v1/maps/${mapId}/members/viivi`, { method: 'DELETE' });
			expect(removed.status).toBe(204);
			expect(await notificationsOf(viewer)).toEqual({ notifications: [], unread: 0, total: 0 });
		});

		it('accepts an API token like a session', async () => {
			const created = await editor.fetch('/api/v1/tokens', { method: 'POST', json: { label: 'notifications' } });
			const { token } = (await created.json()) as { token: string };
			const response = await fetch(`${server.url}/api/v1/notifications?limit=0`, { headers: { authorization: `Bearer ${token}` } });
			expect(response.status).toBe(200);
			expect(await response.json()).toMatchObject({ notifications: [], total: expect.any(Number) });
		});
	});
});
