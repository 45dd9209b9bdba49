// The meeting routes as the meeting panel calls them: JSON in, JSON out, errors as {code, message}.

export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export interface VoteDetails {
	id: string;
	question: string;
	kind: 'targets' | 'growthSectors' | 'actors';
	options: { id: string; label: string }[];
	votesPerPerson: number;
	revealed: boolean;
	results: { optionId: string; count: number }[] | null;
	voters: number | null;
	/** The caller's own ballot: option id -> votes. */
	ballot: Record<string, number>;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(path, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		return { ok: false, code: 'network', message: 'The server could not be reached.' };
	}
	if (response.status === 204) return { ok: true, data: undefined as T };
	const data = (await response.json().catch(() => null)) as unknown;
	if (response.ok) return { ok: true, data: data as T };
	const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
	return { ok: false, code: error?.code ?? 'internal_error', message: error?.message ?? response.statusText };
}

export function meetingApi(mapId: string) {
	const base = `/api/v1/maps/${encodeURIComponent(mapId)}/meetings`;
	const meeting = (id: string) => `${base}/${encodeURIComponent(id)}`;
	const vote = (id: string, voteId: string) => `${meeting(id)}/votes/${encodeURIComponent(voteId)}`;
	return {
		start: (title: string, agenda: string[]) => call<{ id: string }>('POST', base, { title, agenda }),
		end: (id: string) => call('POST', `${meeting(id)}/end`),
		takeOver: (id: string) => call('PUT', `${meeting(id)}/presenter`),
		setSlides: (id: string, slides: { viewId: string; note: string }[]) => call('PUT', `${meeting(id)}/slides`, { slides }),
		showSlide: (id: string, index: number) => call('PUT', `${meeting(id)}/slide`, { index }),
		addDecision: (id: string, text: string) => call('POST', `${meeting(id)}/decisions`, { text }),
		openVote: (id: string, input: { question: string; kind: string; actorIds?: string[]; votesPerPerson: number }) =>
			call('POST', `${meeting(id)}/votes`, input),
		getVote: (id: string, voteId: string) => call<VoteDetails>('GET', vote(id, voteId)),
		castBallot: (id: string, voteId: string, votes: Record<string, number>) =>
			call<{ ballot: Record<string, number>; remaining: number }>('PUT', `${vote(id, voteId)}/ballot`, { votes }),
		reveal: (id: string, voteId: string) => call('POST', `${vote(id, voteId)}/reveal`)
	};
}

export type MeetingApi = ReturnType<typeof meetingApi>;
