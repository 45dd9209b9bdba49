// Meetings on a map, decided by the server: starting and ending one (with a version of the map at each
// end), the presentation's slides, votes with hidden ballots, and the decisions log. The record lives
// in tables; what participants see live is written into the map's meeting document by the server.
import { z } from 'zod';
import { MapModel } from '../map';
import { DiscussionModel } from '../map/discussion';
import { clearMeetingState, readMeetingState, writeMeetingState, type LiveVote, type MeetingState } from '../collab/meeting-doc';
import type { AppServices } from './context';
import type { AuthenticatedUser } from './auth/sessions';
import type { MeetingAttendee, MeetingRecord, MeetingSlide, VoteKind, VoteOption, VoteRecord } from './storage/types';
import { AppError, badRequest, conflict, notFound } from './errors';
import { requireRole } from './maps';
import { oneLine, paragraph } from './text';
import { newId } from './ids';
import { saveVersion } from './versions';

export const MEETING = {
	titleMaxLength: 200,
	agendaItemMaxLength: 300,
	agendaMaxItems: 30,
	slidesMax: 50,
	noteMaxLength: 2_000,
	decisionMaxLength: 2_000,
	decisionsMax: 200,
	questionMaxLength: 300,
	optionsMax: 50,
	votesPerPersonMax: 20
} as const;

/** Version names the history page can translate, like versions.ts's AUTO_REASON; the meeting title follows. */
export const MEETING_VERSION_NAME = { start: 'meeting-start:', end: 'meeting-end:' } as const;

// ---- request bodies

// Titles, questions and agenda items are one line; notes and decisions may span lines. Either way,
// text that is not valid Unicode, hides itself or reorders what others read is refused (text.ts).
export const startMeetingBody = z.object({
	title: oneLine(MEETING.titleMaxLength),
	agenda: z.array(oneLine(MEETING.agendaItemMaxLength)).max(MEETING.agendaMaxItems).default([])
});

export const slidesBody = z.object({
	slides: z.array(z.object({ viewId: z.string().min(1).max(100), note: paragraph(MEETING.noteMaxLength, { required: false }).default('') })).max(MEETING.slidesMax)
});

export const showSlideBody = z.object({ index: z.number().int().min(-1) });

export const decisionBody = z.object({ text: paragraph(MEETING.decisionMaxLength, { required: true }) });

export const openVoteBody = z.object({
	question: oneLine(MEETING.questionMaxLength),
	kind: z.enum(['targets', 'growthSectors', 'actors']),
	/** For `actors`: the actors to choose from. */
	actorIds: z.array(z.string().min(1).max(100)).max(MEETING.optionsMax).optional(),
	votesPerPerson: z.number().int().min(1).max(MEETING.votesPerPersonMax)
});

/** A ballot: option id -> votes given to it (whole numbers; at most the vote's votes per person in all). */
export const ballotBody = z.object({ votes: z.record(z.string().min(1).max(100), z.number().int().min(0).max(MEETING.votesPerPersonMax)) });

// ---- one change at a time per map

/**
 * Meeting changes of one map run one after another (this server is one process): two "start"
 * requests cannot both find no meeting running, and the record and the live document never
 * interleave two changes.
 */
const queues = new Map<string, Promise<unknown>>();
function serially<T>(mapId: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(mapId) ?? Promise.resolve();
	const next = previous.then(work, work);
	const settled = next.then(
		() => undefined,
		() => undefined
	);
	queues.set(mapId, settled);
	void settled.then(() => {
		if (queues.get(mapId) === settled) queues.delete(mapId);
	});
	return next;
}

// ---- reading

async function runningMeeting(services: AppServices, mapId: string): Promise<MeetingRecord | null> {
	const meetings = await services.storage.listMeetings(mapId);
	return meetings.find((meeting) => meeting.endedAt === null) ?? null;
}

async function requireMeeting(services: AppServices, mapId: string, meetingId: string): Promise<MeetingRecord> {
	const meeting = await services.storage.getMeeting(meetingId);
	if (!meeting || meeting.mapId !== mapId) throw notFound('No such meeting on this map.');
	return meeting;
}

async function requireRunning(services: AppServices, mapId: string, meetingId: string): Promise<MeetingRecord> {
	const meeting = await requireMeeting(services, mapId, meetingId);
	if (meeting.endedAt !== null) throw conflict('meeting_ended', 'This meeting has ended.');
	return meeting;
}

/** A vote as participants may see it: counts only once revealed. */
export interface VoteView {
	id: string;
	question: string;
	kind: VoteKind;
	options: VoteOption[];
	votesPerPerson: number;
	openedAt: number;
	revealed: boolean;
	results: { optionId: string; count: number }[] | null;
	voters: number | null;
}

export function voteView(vote: VoteRecord): VoteView {
	const revealed = vote.revealedAt !== null;
	return {
		id: vote.id,
		question: vote.question,
		kind: vote.kind,
		options: vote.options,
		votesPerPerson: vote.votesPerPerson,
		openedAt: vote.openedAt,
		revealed,
		results: revealed ? vote.results : null,
		voters: revealed ? vote.voters : null
	};
}

export type MeetingView = MeetingRecord & { votes: VoteView[] };

export async function listMeetings(services: AppServices, user: AuthenticatedUser, mapId: string): Promise<MeetingRecord[]> {
	await requireRole(services, mapId, user.id, 'viewer');
	return services.storage.listMeetings(mapId);
}

export async function getMeeting(services: AppServices, user: AuthenticatedUser, mapId: string, meetingId: string): Promise<MeetingView> {
	await requireRole(services, mapId, user.id, 'viewer');
	const meeting = await requireMeeting(services, mapId, meetingId);
	const votes = await services.storage.listVotes(meeting.id);
	return { ...meeting, votes: votes.map(voteView) };
}

// ---- the live document

function liveVote(vote: VoteRecord): LiveVote {
	const revealed = vote.revealedAt !== null;
	return {
		id: vote.id,
		question: vote.question,
		kind: vote.kind,
		options: vote.options,
		votesPerPerson: vote.votesPerPerson,
		status: revealed ? 'revealed' : 'open',
		results: revealed ? vote.results : null,
		voters: revealed ? vote.voters : null
	};
}

async function writeLive(services: AppServices, mapId: string, patch: Partial<MeetingState>): Promise<void> {
	// On behalf of nobody: a meeting's steps are its own record, not edits for the map's activity log.
	await services.sync.changeDocument(mapId, 'meeting', (doc) => writeMeetingState(doc, patch), null);
}

function personOf(user: AuthenticatedUser): MeetingAttendee {
	return { id: user.id, username: user.username, displayName: user.displayName };
}

/** Everyone seen so far plus whoever has the map open now (and the caller), once each. */
function withPresent(services: AppServices, mapId: string, known: MeetingAttendee[], caller?: AuthenticatedUser): MeetingAttendee[] {
	const byId = new Map(known.map((person) => [person.id, person]));
	for (const person of [...services.sync.connectedUsers(mapId), ...(caller ? [personOf(caller)] : [])]) {
		if (!byId.has(person.id)) byId.set(person.id, person);
	}
	return [...byId.values()];
}

async function refreshAttendees(services: AppServices, meeting: MeetingRecord, caller?: AuthenticatedUser): Promise<void> {
	const attendees = withPresent(services, meeting.mapId, meeting.attendees, caller);
	if (attendees.length !== meeting.attendees.length) await services.storage.updateMeeting(meeting.id, { attendees });
}

// ---- presenting (owners and editors)

export async function startMeeting(
	services: AppServices,
	user: AuthenticatedUser,
	mapId: string,
	input: z.infer<typeof startMeetingBody>
): Promise<MeetingRecord> {
	await requireRole(services, mapId, user.id, 'editor');
	return serially(mapId, async () => {
		const running = await runningMeeting(services, mapId);
		if (running) throw new AppError(409, 'meeting_running', 'A meeting is already running on this map.', { meetingId: running.id });
		const version = await saveVersion(services, mapId, `${MEETING_VERSION_NAME.start}${input.title}`, 'meeting', user);
		const meeting: MeetingRecord = {
			id: newId(),
			mapId,
			title: input.title,
			agenda: input.agenda,
			startedBy: user.id,
			startedAt: Date.now(),
			endedAt: null,
			attendees: withPresent(services, mapId, [], user),
			slides: [],
			decisions: [],
			startVersionId: version.id,
			endVersionId: null
		};
		await services.storage.createMeeting(meeting);
		await services.sync.changeDocument(
			mapId,
			'meeting',
			(doc) => {
				clearMeetingState(doc);
				writeMeetingState(doc, {
					id: meeting.id,
					title: meeting.title,
					agenda: meeting.agenda,
					startedAt: meeting.startedAt,
					presenter: { id: user.id, name: user.displayName || user.username },
					slides: [],
					slide: -1,
					vote: null,
					decisions: []
				});
			},
			null
		);
		return meeting;
	});
}

export async function endMeeting(services: AppServices, user: AuthenticatedUser, mapId: string, meetingId: string): Promise<MeetingRecord> {
	await requireRole(services, mapId, user.id, 'editor');
	return serially(mapId, async () => {
		const meeting = await requireRunning(services, mapId, meetingId);
		// A vote still open at the end is closed and counted: the record is the minutes, and results
		// nobody may ever see would make the ballots cast in it pointless.
		const now = Date.now();
		for (const vote of await services.storage.listVotes(meeting.id)) {
			if (vote.revealedAt === null) await services.storage.revealVote(vote.id, now);
		}
		const version = await saveVersion(services, mapId, `${MEETING_VERSION_NAME.end}${meeting.title}`, 'meeting', user);
		const patch = { endedAt: Date.now(), endVersionId: version.id, attendees: withPresent(services, mapId, meeting.attendees) };
		await services.storage.updateMeeting(meeting.id, patch);
		await services.sync.changeDocument(mapId, 'meeting', clearMeetingState, null);
		return { ...meeting, ...patch };
	});
}

/** Another owner or editor takes over presenting (the presenter left, or hands over). */
export async function takeOverPresenting(services: AppServices, user: AuthenticatedUser, mapId: string, meetingId: string): Promise<void> {
	await requireRole(services, mapId, user.id, 'editor');
	await serially(mapId, async () => {
		const meeting = await requireRunning(services, mapId, meetingId);
		await refreshAttendees(services, meeting, user);
		await writeLive(services, mapId, { presenter: { id: user.id, name: user.displayName || user.username } });
	});
}

/** Replaces the presentation: each slide a saved view of the map with a note. */
export async function setSlides(
	services: AppServices,
	user: AuthenticatedUser,
	mapId: string,
	meetingId: string,
	input: z.infer<typeof slidesBody>
): Promise<MeetingSlide[]> {
	await requireRole(services, mapId, user.id, 'editor');
	return serially(mapId, async () => {
		const meeting = await requireRunning(services, mapId, meetingId);
		const model = new MapModel(await services.sync.readDocument(mapId, 'graph'));
		const slides = input.slides.map(({ viewId, note }) => {
			const view = model.view(viewId);
			if (!view) throw badRequest('unknown_view', 'A slide names a view the map does not have.', { viewId });
			return { viewId, name: view.name, note };
		});
		// The slide being shown stays shown when the list around it changes.
		const live = readMeetingState(await services.sync.readDocument(mapId, 'meeting'));
		const shown = live && live.slide >= 0 ? live.slides[live.slide]?.viewId : undefined;
		const slide = shown === undefined ? -1 : slides.findIndex((s) => s.viewId === shown);
		await services.storage.updateMeeting(meeting.id, { slides });
		await writeLive(services, mapId, { slides, slide });
		return slides;
	});
}

/** Shows slide `index` to everyone following the presenter (-1: none). */
export async function showSlide(services: AppServices, user: AuthenticatedUser, mapId: string, meetingId: string, index: number): Promise<void> {
	await requireRole(services, mapId, user.id, 'editor');
	await serially(mapId, async () => {
		const meeting = await requireRunning(services, mapId, meetingId);
		if (index >= meeting.slides.length) throw badRequest('unknown_slide', 'There is no such slide.');
		await refreshAttendees(services, meeting);
		await writeLive(services, mapId, { slide: index });
	});
}

export async function addDecision(
	services: AppServices,
	user: AuthenticatedUser,
	mapId: string,
	meetingId: string,
	text: string
): Promise<MeetingRecord['decisions'][number]> {
	await requireRole(services, mapId, user.id, 'editor');
	return serially(mapId, async () => {
		const meeting = await requireRunning(services, mapId, meetingId);
		if (meeting.decisions.length >= MEETING.decisionsMax) throw badRequest('too_many_decisions', `A meeting can log at most ${MEETING.decisionsMax} decisions.`);
		const decision = { id: newId(), text, at: Date.now(), by: user.displayName || user.username };
		const decisions = [...meeting.decisions, decision];
		await services.storage.updateMeeting(meeting.id, { decisions, attendees: withPresent(services, mapId, meeting.attendees, user) });
		await writeLive(services, mapId, { decisions });
		return decision;
	});
}

// ---- voting

/** The options of a vote, read from the map's documents now (later edits do not change an open vote). */
async function voteOptions(services: AppServices, mapId: string, kind: VoteKind, actorIds: readonly string[] = []): Promise<VoteOption[]> {
	const graph = new MapModel(await services.sync.readDocument(mapId, 'graph'));
	if (kind === 'actors') {
		const options: VoteOption[] = [];
		for (const id of new Set(actorIds)) {
			const actor = graph.actor(id);
			if (!actor) throw badRequest('unknown_actor', 'A chosen actor is not on the map.', { actorId: id });
			options.push({ id, label: actor.name });
		}
		return options;
	}
	const discussion = new DiscussionModel(await services.sync.readDocument(mapId, 'discussion'));
	if (kind === 'targets') {
		return discussion
			.targets()
			.filter((target) => target.status !== 'dropped' && target.status !== 'done')
			.map((target) => ({ id: target.id, label: target.title }));
	}
	// Growth sectors: those the discussion has notes on, and those the map marks as growth sectors.
	const sectorIds = new Set(discussion.growthSectorNotes().map((note) => note.sectorId));
	for (const sector of graph.sectors()) if (sector.growth) sectorIds.add(sector.id);
	const options: VoteOption[] = [];
	for (const id of sectorIds) {
		const sector = graph.sector(id);
		if (sector) options.push({ id, label: sector.name });
	}
	return options;
}

export async function openVote(
	services: AppServices,
	user: AuthenticatedUser,
	mapId: string,
	meetingId: string,
	input: z.infer<typeof openVoteBody>
): Promise<VoteView> {
	await requireRole(services, mapId, user.id, 'editor');
	return serially(mapId, async () => {
		const meeting = await requireRunning(services, mapId, meetingId);
		const votes = await services.storage.listVotes(meeting.id);
		if (votes.some((vote) => vote.revealedAt === null))
			throw conflict('vote_open', 'Reveal the current vote before opening another.');
		const options = (await voteOptions(services, mapId, input.kind, input.actorIds)).slice(0, MEETING.optionsMax);
		if (options.length === 0) throw badRequest('no_options', 'There is nothing to vote on.');
		const vote: VoteRecord = {
			id: newId(),
			meetingId: meeting.id,
			question: input.question,
			kind: input.kind,
			options,
			votesPerPerson: input.votesPerPerson,
			openedAt: Date.now(),
			revealedAt: null,
			results: null,
			voters: null
		};
		await services.storage.createVote(vote);
		await refreshAttendees(services, meeting);
		await writeLive(services, mapId, { vote: liveVote(vote) });
		return voteView(vote);
	});
}

async function requireVote(services: AppServices, mapId: string, meetingId: string, voteId: string): Promise<{ meeting: MeetingRecord; vote: VoteRecord }> {
	const meeting = await requireMeeting(services, mapId, meetingId);
	const vote = await services.storage.getVote(voteId);
	if (!vote || vote.meetingId !== meeting.id) throw notFound('No such vote in this meeting.');
	return { meeting, vote };
}

/** A vote as the caller sees it: their own ballot, and the counts only once revealed. */
export async function getVote(
	services: AppServices,
	user: AuthenticatedUser,
	mapId: string,
	meetingId: string,
	voteId: string
): Promise<VoteView & { ballot: Record<string, number> }> {
	await requireRole(services, mapId, user.id, 'viewer');
	const { vote } = await requireVote(services, mapId, meetingId, voteId);
	const ballot = await services.storage.getBallot(vote.id, user.id);
	return { ...voteView(vote), ballot: Object.fromEntries(ballot) };
}

export async function voteResults(
	services: AppServices,
	user: AuthenticatedUser,
	mapId: string,
	meetingId: string,
	voteId: string
): Promise<{ results: { optionId: string; count: number }[]; voters: number }> {
	await requireRole(services, mapId, user.id, 'viewer');
	const { vote } = await requireVote(services, mapId, meetingId, voteId);
	if (vote.revealedAt === null || vote.results === null) throw conflict('results_hidden', 'The results are hidden until the presenter reveals them.');
	return { results: vote.results, voters: vote.voters ?? 0 };
}

/** Every member may vote (viewers too: a meeting's participants are whoever is there). */
export async function castBallot(
	services: AppServices,
	user: AuthenticatedUser,
	mapId: string,
	meetingId: string,
	voteId: string,
	votes: Record<string, number>
): Promise<{ ballot: Record<string, number>; remaining: number }> {
	await requireRole(services, mapId, user.id, 'viewer');
	const { meeting, vote } = await requireVote(services, mapId, meetingId, voteId);
	if (meeting.endedAt !== null || vote.revealedAt !== null) throw conflict('vote_closed', 'This vote is closed.');
	const known = new Set(vote.options.map((option) => option.id));
	const allocation = new Map<string, number>();
	let used = 0;
	for (const [optionId, count] of Object.entries(votes)) {
		if (!known.has(optionId)) throw badRequest('unknown_option', 'The ballot names an option this vote does not have.', { optionId });
		if (count > 0) allocation.set(optionId, count);
		used += count;
	}
	if (used > vote.votesPerPerson)
		throw badRequest('too_many_votes', `You have ${vote.votesPerPerson} votes in this vote.`, { votesPerPerson: vote.votesPerPerson });
	if (!(await services.storage.setBallot(vote.id, user.id, allocation))) throw conflict('vote_closed', 'This vote is closed.');
	// Voting makes you an attendee, even if you joined after the start.
	if (!meeting.attendees.some((person) => person.id === user.id)) {
		await serially(mapId, async () => {
			const current = await requireMeeting(services, mapId, meetingId);
			await refreshAttendees(services, current, user);
		});
	}
	return { ballot: Object.fromEntries(allocation), remaining: vote.votesPerPerson - used };
}

export async function revealVote(
	services: AppServices,
	user: AuthenticatedUser,
	mapId: string,
	meetingId: string,
	voteId: string
): Promise<VoteView> {
	await requireRole(services, mapId, user.id, 'editor');
	return serially(mapId, async () => {
		const { meeting, vote } = await requireVote(services, mapId, meetingId, voteId);
		if (meeting.endedAt !== null) throw conflict('meeting_ended', 'This meeting has ended.');
		if (vote.revealedAt !== null) throw conflict('vote_revealed', 'This vote is revealed already.');
		const revealed = await services.storage.revealVote(vote.id, Date.now());
		if (!revealed) throw conflict('vote_revealed', 'This vote is revealed already.');
		await writeLive(services, mapId, { vote: liveVote(revealed) });
		return voteView(revealed);
	});
}
