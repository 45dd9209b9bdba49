// The meeting document (`<mapId>/meeting`): a map's running meeting as everyone sees it live. Only the
// server writes it (through the meeting routes); browsers read it through `readMeetingState`, which
// treats every value as untrusted. Imports only yjs, so the server and the browser share it.
import type * as Y from 'yjs';

/** The top-level map holding the meeting; its keys are those of `MeetingState` below. */
export const MEETING_MAP = 'meeting';

export interface LivePerson {
	id: string;
	name: string;
}

export interface LiveSlide {
	viewId: string;
	name: string;
	note: string;
}

export type LiveVoteKind = 'targets' | 'growthSectors' | 'actors';

export interface LiveVote {
	id: string;
	question: string;
	kind: LiveVoteKind;
	options: { id: string; label: string }[];
	votesPerPerson: number;
	status: 'open' | 'revealed';
	/** Written only when the presenter reveals the vote; never before. */
	results: { optionId: string; count: number }[] | null;
	voters: number | null;
}

export interface LiveDecision {
	id: string;
	text: string;
	at: number;
	by: string;
}

export interface MeetingState {
	id: string;
	title: string;
	agenda: string[];
	startedAt: number;
	presenter: LivePerson;
	slides: LiveSlide[];
	/** Index into `slides` of the slide being shown; -1 before the first. */
	slide: number;
	vote: LiveVote | null;
	decisions: LiveDecision[];
}

const TEXT_MAX = 5_000;
const LIST_MAX = 500;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= TEXT_MAX;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 100;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function listOf<T>(value: unknown, read: (item: unknown) => T | null): T[] {
	if (!Array.isArray(value)) return [];
	const items: T[] = [];
	for (const item of value.slice(0, LIST_MAX)) {
		const parsed = read(item);
		if (parsed !== null) items.push(parsed);
	}
	return items;
}

function readPerson(value: unknown): LivePerson | null {
	if (!isRecord(value) || !isId(value.id) || !isText(value.name)) return null;
	return { id: value.id, name: value.name };
}

function readSlide(value: unknown): LiveSlide | null {
	if (!isRecord(value) || !isId(value.viewId) || !isText(value.name) || !isText(value.note)) return null;
	return { viewId: value.viewId, name: value.name, note: value.note };
}

function readDecision(value: unknown): LiveDecision | null {
	if (!isRecord(value) || !isId(value.id) || !isText(value.text) || !isCount(value.at) || !isText(value.by)) return null;
	return { id: value.id, text: value.text, at: value.at, by: value.by };
}

function readVote(value: unknown): LiveVote | null {
	if (!isRecord(value) || !isId(value.id) || !isText(value.question)) return null;
	const kind = value.kind;
	if (kind !== 'targets' && kind !== 'growthSectors' && kind !== 'actors') return null;
	if (!isCount(value.votesPerPerson) || (value.status !== 'open' && value.status !== 'revealed')) return null;
	const options = listOf(value.options, (o) => (isRecord(o) && isId(o.id) && isText(o.label) ? { id: o.id, label: o.label } : null));
	const results =
		value.status === 'revealed' && Array.isArray(value.results)
			? listOf(value.results, (r) => (isRecord(r) && isId(r.optionId) && isCount(r.count) ? { optionId: r.optionId, count: r.count } : null))
			: null;
	return {
		id: value.id,
		question: value.question,
		kind,
		options,
		votesPerPerson: value.votesPerPerson,
		status: value.status,
		results,
		voters: results !== null && isCount(value.voters) ? value.voters : null
	};
}

/** The running meeting, or null when none runs (or the document holds nothing readable). */
export function readMeetingState(doc: Y.Doc): MeetingState | null {
	const map = doc.getMap<unknown>(MEETING_MAP);
	const id = map.get('id');
	if (!isId(id)) return null;
	const title = map.get('title');
	const presenter = readPerson(map.get('presenter'));
	const startedAt = map.get('startedAt');
	if (!isText(title) || presenter === null || !isCount(startedAt)) return null;
	const slides = listOf(map.get('slides'), readSlide);
	const slide = map.get('slide');
	return {
		id,
		title,
		agenda: listOf(map.get('agenda'), (item) => (isText(item) ? item : null)),
		startedAt,
		presenter,
		slides,
		slide: typeof slide === 'number' && Number.isInteger(slide) && slide >= 0 && slide < slides.length ? slide : -1,
		vote: readVote(map.get('vote')),
		decisions: listOf(map.get('decisions'), readDecision)
	};
}

/** Server side: writes the given fields (plain JSON values) into the meeting map. */
export function writeMeetingState(doc: Y.Doc, patch: Partial<MeetingState>): void {
	const map = doc.getMap<unknown>(MEETING_MAP);
	for (const [key, value] of Object.entries(patch)) if (value !== undefined) map.set(key, value);
}

/** Server side: the meeting has ended; the document holds no meeting until the next starts. */
export function clearMeetingState(doc: Y.Doc): void {
	const map = doc.getMap<unknown>(MEETING_MAP);
	for (const key of [...map.keys()]) map.delete(key);
}
