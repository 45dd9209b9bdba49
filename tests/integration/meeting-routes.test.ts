// The meeting routes against the real server: who may start and present, attendees from who has the map
// open, versions at start and end, slides, the decisions log, and votes whose ballots stay hidden (not even
// counts) until the presenter reveals them, after which the results are in the record and the live document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapModel } from '$lib/map';
import { DiscussionModel } from '$lib/map/discussion';
import { readMeetingState } from '$lib/collab/meeting-doc';
import { createMap, createUser, shareMap, startServer, type LoggedIn, type TestServer } from '../support/server';
import { connectClient, waitFor, type SyncClient } from '../support/sync-client';
import { documentOnDisk } from './helpers';

interface ErrorBody {
	error: { code: string };
}

describe('meetings on a map', () => {
	let server: TestServer;
	let owner: LoggedIn;
	let editor: LoggedIn;
	let viewer: LoggedIn;
	let stranger: LoggedIn;
	let mapId: string;
	let base: string;
	let meetingId: string;
	let voteId: string;
	let targetIds: string[];
	let viewIds: string[];
	const clients: SyncClient[] = [];
	const open = (user: LoggedIn, room: string) => {
		const client = connectClient(server.wsUrl, room, { cookie: user.cookie });
		clients.push(client);
		return client;
	};
	let viewerMeeting: SyncClient;

	beforeAll(async () => {
		server = await startServer();
		owner = await createUser(server, 'olga', { admin: true });
		editor = await createUser(server, 'erik');
		viewer = await createUser(server, 'vera');
		stranger = await createUser(server, 'sami');
		mapId = await createMap(owner, 'Kokouskartta');
		base = `/api/v1/maps/${mapId}/meetings`;
		await shareMap(owner, mapId, 'erik', 'editor');
		await shareMap(owner, mapId, 'vera', 'viewer');

		// Content to vote on and views to present, written as a client would.
		const graph = open(owner, mapId);
		const discussion = open(owner, `${mapId}/discussion`);
		await Promise.all([graph.synced, discussion.synced]);
		const model = new MapModel(graph.doc);
		viewIds = [
			model.addView({ name: 'Yleiskuva', filter: {}, style: {}, viewport: { zoom: 1, pan: { x: 0, y: 0 } } }),
			model.addView({ name: 'Rahoittajat', filter: {}, style: {}, viewport: { zoom: 2, pan: { x: -300, y: 40 } } })
		];
		const talk = new DiscussionModel(discussion.doc);
		targetIds = ['Osaajat', 'Testiympäristö', 'Rahoitus'].map((title) => talk.addTarget({ title, createdBy: 'x' }));
		await waitFor(() => documentOnDisk(server, `${mapId}/discussion`).getMap('targets').size === 3, 'the targets are stored');
		await waitFor(() => documentOnDisk(server, mapId).getMap('views').size === 2, 'the views are stored');

		viewerMeeting = open(viewer, `${mapId}/meeting`);
		await viewerMeeting.synced;
	});
	afterAll(async () => {
		for (const client of clients.splice(0)) client.destroy();
		await server?.cleanup();
	});

	it('refuses to start a meeting for viewers (403) and strangers (404)', async () => {
		expect((await viewer.fetch(base, { method: 'POST', json: { title: 'No' } })).status).toBe(403);
		expect((await stranger.fetch(base, { method: 'POST', json: { title: 'No' } })).status).toBe(404);
		expect((await stranger.fetch(base)).status).toBe(404);
	});

	it('starts a meeting with the people who have the map open as attendees and a version of the map', async () => {
		const response = await editor.fetch(base, { method: 'POST', json: { title: 'Kevätkokous', agenda: ['Katsaus', 'Äänestys'] } });
		expect(response.status).toBe(201);
		const meeting = (await response.json()) as { id: string; attendees: { username: string }[]; startVersionId: string };
		meetingId = meeting.id;
		// olga and vera have sockets open; erik started it.
		expect(meeting.attendees.map((a) => a.username).sort()).toEqual(['erik', 'olga', 'vera']);
		expect(meeting.startVersionId).toBeTruthy();

		await waitFor(() => readMeetingState(viewerMeeting.doc)?.id === meetingId, 'the viewer sees the meeting live');
		expect(readMeetingState(viewerMeeting.doc)).toMatchObject({ title: 'Kevätkokous', agenda: ['Katsaus', 'Äänestys'], presenter: { name: 'erik' } });

		const second = await owner.fetch(base, { method: 'POST', json: { title: 'Toinen' } });
		expect(second.status).toBe(409);
		expect(((await second.json()) as ErrorBody).error.code).toBe('meeting_running');
	});

	it('sets slides from saved views and shows one to everyone', async () => {
		const unknown = await editor.fetch(`${base}/${meetingId}/slides`, { method: 'PUT', json: { slides: [{ viewId: 'nope', note: '' }] } });
		expect(unknown.status).toBe(400);
		const set = await editor.fetch(`${base}/${meetingId}/slides`, {
			method: 'PUT',
			json: { slides: [{ viewId: viewIds[0], note: 'Aloitetaan' }, { viewId: viewIds[1], note: 'Rahoitus' }] }
		});
		expect(set.status).toBe(200);
		expect((await viewer.fetch(`${base}/${meetingId}/slide`, { method: 'PUT', json: { index: 1 } })).status).toBe(403);
		expect((await editor.fetch(`${base}/${meetingId}/slide`, { method: 'PUT', json: { index: 5 } })).status).toBe(400);
		expect((await editor.fetch(`${base}/${meetingId}/slide`, { method: 'PUT', json: { index: 1 } })).status).toBe(204);
		await waitFor(() => readMeetingState(viewerMeeting.doc)?.slide === 1, 'the viewer sees slide 2');
		expect(readMeetingState(viewerMeeting.doc)!.slides.map((s) => s.name)).toEqual(['Yleiskuva', 'Rahoittajat']);
		// Reordering keeps the shown slide shown, at its new place.
		await editor.fetch(`${base}/${meetingId}/slides`, { method: 'PUT', json: { slides: [{ viewId: viewIds[1], note: '' }, { viewId: viewIds[0], note: '' }] } });
		await waitFor(() => readMeetingState(viewerMeeting.doc)?.slides[0]?.name === 'Rahoittajat', 'the new order arrives');
		expect(readMeetingState(viewerMeeting.doc)!.slide).toBe(0);
	});

	it('keeps ballots hidden, not even counts, until the presenter reveals them', async () => {
		const opened = await editor.fetch(`${base}/${meetingId}/votes`, { method: 'POST', json: { question: 'Mikä ensin?', kind: 'targets', votesPerPerson: 3 } });
		expect(opened.status).toBe(201);
		const vote = (await opened.json()) as { id: string; options: { id: string; label: string }[] };
		voteId = vote.id;
		expect(vote.options.map((o) => o.id).sort()).toEqual([...targetIds].sort());
		const second = await editor.fetch(`${base}/${meetingId}/votes`, { method: 'POST', json: { question: 'Toinen', kind: 'targets', votesPerPerson: 1 } });
		expect(((await second.json()) as ErrorBody).error.code).toBe('vote_open');

		const ballot = (user: LoggedIn, votes: Record<string, number>) =>
			user.fetch(`${base}/${meetingId}/votes/${voteId}/ballot`, { method: 'PUT', json: { votes } });
		expect((await ballot(viewer, { [targetIds[0]!]: 4 })).status).toBe(400);
		expect((await ballot(viewer, { unknown: 1 })).status).toBe(400);
		expect((await ballot(stranger, { [targetIds[0]!]: 1 })).status).toBe(404);
		expect((await ballot(viewer, { [targetIds[0]!]: 2, [targetIds[1]!]: 1 })).status).toBe(200);
		// A second ballot replaces the first.
		expect((await ballot(viewer, { [targetIds[0]!]: 3 })).status).toBe(200);
		expect((await ballot(owner, { [targetIds[0]!]: 1, [targetIds[2]!]: 2 })).status).toBe(200);

		const results = await owner.fetch(`${base}/${meetingId}/votes/${voteId}/results`);
		expect(results.status).toBe(409);
		expect(((await results.json()) as ErrorBody).error.code).toBe('results_hidden');
		const seenByOwner = (await (await owner.fetch(`${base}/${meetingId}/votes/${voteId}`)).json()) as Record<string, unknown>;
		expect(seenByOwner).toMatchObject({ revealed: false, results: null, voters: null, ballot: { [targetIds[0]!]: 1, [targetIds[2]!]: 2 } });
		const record = JSON.stringify(await (await viewer.fetch(`${base}/${meetingId}`)).json());
		expect(record).not.toContain('"count"');
		const live = readMeetingState(viewerMeeting.doc)!.vote!;
		expect(live).toMatchObject({ id: voteId, status: 'open', results: null, voters: null });
		expect(JSON.stringify(viewerMeeting.doc.getMap('meeting').toJSON())).not.toContain('count');

		expect((await viewer.fetch(`${base}/${meetingId}/votes/${voteId}/reveal`, { method: 'POST' })).status).toBe(403);
		const revealed = await editor.fetch(`${base}/${meetingId}/votes/${voteId}/reveal`, { method: 'POST' });
		expect(revealed.status).toBe(200);
		const counts = Object.fromEntries(((await revealed.json()) as { results: { optionId: string; count: number }[] }).results.map((r) => [r.optionId, r.count]));
		expect(counts).toEqual({ [targetIds[0]!]: 4, [targetIds[1]!]: 0, [targetIds[2]!]: 2 });

		await waitFor(() => readMeetingState(viewerMeeting.doc)?.vote?.status === 'revealed', 'the results reach the viewer live');
		expect(readMeetingState(viewerMeeting.doc)!.vote!.voters).toBe(2);
		const afterReveal = (await (await viewer.fetch(`${base}/${meetingId}/votes/${voteId}/results`)).json()) as { results: unknown[]; voters: number };
		expect(afterReveal.voters).toBe(2);
		expect((await ballot(viewer, { [targetIds[1]!]: 1 })).status).toBe(409);
		expect((await editor.fetch(`${base}/${meetingId}/votes/${voteId}/reveal`, { method: 'POST' })).status).toBe(409);
	});

	it('opens a vote on chosen actors, and refuses one with nothing to vote on', async () => {
		const graph = open(owner, mapId);
		await graph.synced;
		const model = new MapModel(graph.doc);
		const ids = [model.addActor({ name: 'Alfa Oy', kind: 'company', pos: { x: 0, y: 0 } }), model.addActor({ name: 'Beta ry', kind: 'other', pos: { x: 50, y: 0 } })];
		await waitFor(() => documentOnDisk(server, mapId).getMap('actors').size === 2, 'the actors are stored');
		const none = await editor.fetch(`${base}/${meetingId}/votes`, { method: 'POST', json: { question: 'Kasvuala?', kind: 'growthSectors', votesPerPerson: 1 } });
		expect(((await none.json()) as ErrorBody).error.code).toBe('no_options');
		const actors = await editor.fetch(`${base}/${meetingId}/votes`, { method: 'POST', json: { question: 'Kumppani?', kind: 'actors', actorIds: ids, votesPerPerson: 1 } });
		expect(actors.status).toBe(201);
		expect(((await actors.json()) as { options: { label: string }[] }).options.map((o) => o.label)).toEqual(['Alfa Oy', 'Beta ry']);
	});

	it('logs decisions live and in the record', async () => {
		expect((await viewer.fetch(`${base}/${meetingId}/decisions`, { method: 'POST', json: { text: 'Ei' } })).status).toBe(403);
		expect((await editor.fetch(`${base}/${meetingId}/decisions`, { method: 'POST', json: { text: 'Osaajat ensin' } })).status).toBe(201);
		await waitFor(() => readMeetingState(viewerMeeting.doc)?.decisions.length === 1, 'the decision reaches the viewer');
		expect(readMeetingState(viewerMeeting.doc)!.decisions[0]).toMatchObject({ text: 'Osaajat ensin', by: 'erik' });
	});

	it('ends the meeting with a second version, counts a vote still open, keeps the record and clears the live document', async () => {
		const ended = await owner.fetch(`${base}/${meetingId}/end`, { method: 'POST' });
		expect(ended.status).toBe(200);
		await waitFor(() => readMeetingState(viewerMeeting.doc) === null, 'the live meeting is gone');
		const { meetings } = (await (await viewer.fetch(base)).json()) as { meetings: { id: string; endedAt: number | null; endVersionId: string | null }[] };
		expect(meetings).toHaveLength(1);
		expect(meetings[0]!.endedAt).not.toBeNull();
		const record = (await (await viewer.fetch(`${base}/${meetingId}`)).json()) as {
			decisions: { text: string }[];
			slides: unknown[];
			votes: { revealed: boolean; results: { count: number }[] | null; voters: number | null }[];
			startVersionId: string;
			endVersionId: string;
		};
		expect(record.decisions.map((d) => d.text)).toEqual(['Osaajat ensin']);
		expect(record.slides).toHaveLength(2);
		// The vote on actors was never revealed by the presenter: ending the meeting closed and counted it.
		expect(record.votes.map((v) => v.revealed)).toEqual([true, true]);
		expect(record.votes[1]).toMatchObject({ voters: 0 });
		expect(record.votes[1]!.results!.map((r) => r.count)).toEqual([0, 0]);
		const versions = (await (await viewer.fetch(`/api/v1/maps/${mapId}/versions`)).json()) as { versions: { id: string; kind: string }[] };
		const meetingVersions = versions.versions.filter((v) => v.kind === 'meeting').map((v) => v.id);
		expect(meetingVersions.sort()).toEqual([record.startVersionId, record.endVersionId].sort());
		expect((await editor.fetch(`${base}/${meetingId}/decisions`, { method: 'POST', json: { text: 'Liian myöhään' } })).status).toBe(409);
		// A new meeting can start now.
		expect((await owner.fetch(base, { method: 'POST', json: { title: 'Syyskokous' } })).status).toBe(201);
	});
});
