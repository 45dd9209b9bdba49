// Meetings, votes and ballots in SQLite (the MeetingStore half of SqliteStorage). Ballots are
// counted inside the transaction that closes the vote, so none can slip in after the count.
import type Database from 'better-sqlite3';
import type {
	MeetingPatch,
	MeetingRecord,
	VoteKind,
	VoteOption,
	VoteRecord,
	VoteResult
} from '../../src/lib/server/storage/types';

type Row = Record<string, unknown>;

const MEETING_JSON_COLUMNS = { attendees: 'attendees', slides: 'slides', decisions: 'decisions' } as const;

function parseJson<T>(raw: unknown, fallback: T): T {
	if (typeof raw !== 'string') return fallback;
	try {
		return JSON.parse(raw) as T;
	} catch {
		return fallback;
	}
}

function toMeeting(row: Row): MeetingRecord {
	return {
		id: row.id as string,
		mapId: row.map_id as string,
		title: row.title as string,
		agenda: parseJson<string[]>(row.agenda, []),
		startedBy: row.started_by as string,
		startedAt: row.started_at as number,
		endedAt: (row.ended_at as number | null) ?? null,
		attendees: parseJson(row.attendees, []),
		slides: parseJson(row.slides, []),
		decisions: parseJson(row.decisions, []),
		startVersionId: (row.start_version_id as string | null) ?? null,
		endVersionId: (row.end_version_id as string | null) ?? null
	};
}

function toVote(row: Row): VoteRecord {
	return {
		id: row.id as string,
		meetingId: row.meeting_id as string,
		question: row.question as string,
		kind: row.kind as VoteKind,
		options: parseJson<VoteOption[]>(row.options, []),
		votesPerPerson: row.votes_per_person as number,
		openedAt: row.opened_at as number,
		revealedAt: (row.revealed_at as number | null) ?? null,
		results: row.results === null ? null : parseJson<VoteResult[] | null>(row.results, null),
		voters: (row.voters as number | null) ?? null
	};
}

export class SqliteMeetings {
	constructor(
		private db: Database.Database,
		private stmt: (sql: string) => Database.Statement
	) {}

	createMeeting(m: MeetingRecord): void {
		this.stmt(
			`INSERT INTO meetings (id, map_id, title, agenda, started_by, started_at, ended_at, attendees, slides, decisions, start_version_id, end_version_id)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		).run(
			m.id,
			m.mapId,
			m.title,
			JSON.stringify(m.agenda),
			m.startedBy,
			m.startedAt,
			m.endedAt,
			JSON.stringify(m.attendees),
			JSON.stringify(m.slides),
			JSON.stringify(m.decisions),
			m.startVersionId,
			m.endVersionId
		);
	}

	getMeeting(id: string): MeetingRecord | null {
		const row = this.stmt('SELECT * FROM meetings WHERE id = ?').get(id) as Row | undefined;
		return row ? toMeeting(row) : null;
	}

	listMeetings(mapId: string): MeetingRecord[] {
		return (this.stmt('SELECT * FROM meetings WHERE map_id = ? ORDER BY started_at DESC, rowid DESC').all(mapId) as Row[]).map(toMeeting);
	}

	updateMeeting(id: string, patch: MeetingPatch): void {
		const sets: string[] = [];
		const values: unknown[] = [];
		if (patch.endedAt !== undefined) (sets.push('ended_at = ?'), values.push(patch.endedAt));
		if (patch.endVersionId !== undefined) (sets.push('end_version_id = ?'), values.push(patch.endVersionId));
		for (const [key, column] of Object.entries(MEETING_JSON_COLUMNS) as [keyof typeof MEETING_JSON_COLUMNS, string][]) {
			if (patch[key] !== undefined) (sets.push(`${column} = ?`), values.push(JSON.stringify(patch[key])));
		}
		if (sets.length === 0) return;
		this.stmt(`UPDATE meetings SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
	}

	createVote(v: VoteRecord): void {
		this.stmt(
			`INSERT INTO meeting_votes (id, meeting_id, question, kind, options, votes_per_person, opened_at, revealed_at, results, voters)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		).run(v.id, v.meetingId, v.question, v.kind, JSON.stringify(v.options), v.votesPerPerson, v.openedAt, v.revealedAt, v.results === null ? null : JSON.stringify(v.results), v.voters);
	}

	getVote(id: string): VoteRecord | null {
		const row = this.stmt('SELECT * FROM meeting_votes WHERE id = ?').get(id) as Row | undefined;
		return row ? toVote(row) : null;
	}

	listVotes(meetingId: string): VoteRecord[] {
		return (this.stmt('SELECT * FROM meeting_votes WHERE meeting_id = ? ORDER BY opened_at, rowid').all(meetingId) as Row[]).map(toVote);
	}

	setBallot(voteId: string, userId: string, allocation: ReadonlyMap<string, number>): boolean {
		return this.db.transaction(() => {
			const open = this.stmt('SELECT 1 FROM meeting_votes WHERE id = ? AND revealed_at IS NULL').get(voteId);
			if (!open) return false;
			this.stmt('DELETE FROM meeting_ballots WHERE vote_id = ? AND user_id = ?').run(voteId, userId);
			const insert = this.stmt('INSERT INTO meeting_ballots (vote_id, user_id, option_id, votes) VALUES (?, ?, ?, ?)');
			for (const [optionId, votes] of allocation) if (votes > 0) insert.run(voteId, userId, optionId, votes);
			return true;
		})();
	}

	getBallot(voteId: string, userId: string): Map<string, number> {
		const rows = this.stmt('SELECT option_id, votes FROM meeting_ballots WHERE vote_id = ? AND user_id = ?').all(voteId, userId) as Row[];
		return new Map(rows.map((row) => [row.option_id as string, row.votes as number]));
	}

	revealVote(voteId: string, at: number): VoteRecord | null {
		return this.db.transaction(() => {
			const vote = this.getVote(voteId);
			if (!vote || vote.revealedAt !== null) return null;
			const counted = new Map(
				(this.stmt('SELECT option_id, sum(votes) AS n FROM meeting_ballots WHERE vote_id = ? GROUP BY option_id').all(voteId) as Row[]).map(
					(row) => [row.option_id as string, row.n as number]
				)
			);
			const voters = (this.stmt('SELECT count(DISTINCT user_id) AS n FROM meeting_ballots WHERE vote_id = ?').get(voteId) as Row).n as number;
			// Every option is listed, in the order it was offered; ballots for unknown options never count.
			const results: VoteResult[] = vote.options.map((option) => ({ optionId: option.id, count: counted.get(option.id) ?? 0 }));
			this.stmt('UPDATE meeting_votes SET revealed_at = ?, results = ?, voters = ? WHERE id = ?').run(at, JSON.stringify(results), voters, voteId);
			return { ...vote, revealedAt: at, results, voters };
		})();
	}
}
