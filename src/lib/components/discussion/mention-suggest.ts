// @mention suggestions while typing a comment: the half-typed name before the caret, matching members, and the text with a choice filled in.

/** Username characters, as parseMentions reads them. */
const TYPED_MENTION = /(?<![\p{L}\p{N}._-])@([\p{L}\p{N}._-]*)$/u;

/** At most this many suggestions are listed: a short list reads well aloud. */
export const MAX_SUGGESTIONS = 6;

export interface MentionQuery {
	/** Where the @ is. */
	start: number;
	/** The caret. */
	end: number;
	/** What follows the @ so far. */
	text: string;
}

export interface Mentionable {
	username: string;
	displayName: string;
}

/** The mention being typed just before the caret, or null. */
export function mentionQueryAt(value: string, caret: number): MentionQuery | null {
	const match = TYPED_MENTION.exec(value.slice(0, caret));
	if (!match) return null;
	return { start: caret - match[0].length, end: caret, text: match[1]! };
}

/** Members whose username or name starts with (then contains) the typed text, ignoring case. */
export function suggestMembers<T extends Mentionable>(members: readonly T[], query: string, exclude?: string): T[] {
	const needle = query.toLocaleLowerCase();
	const candidates = members.filter((member) => member.username !== exclude);
	const score = (member: T): number => {
		const username = member.username.toLocaleLowerCase();
		const name = member.displayName.toLocaleLowerCase();
		if (username.startsWith(needle)) return 0;
		if (name.startsWith(needle) || name.split(/\s+/).some((part) => part.startsWith(needle))) return 1;
		if (username.includes(needle) || name.includes(needle)) return 2;
		return -1;
	};
	return candidates
		.map((member) => ({ member, rank: score(member) }))
		.filter(({ rank }) => rank >= 0)
		.sort((a, b) => a.rank - b.rank || a.member.username.localeCompare(b.member.username))
		.slice(0, MAX_SUGGESTIONS)
		.map(({ member }) => member);
}

/** The text with the typed mention replaced by `@username ` and where the caret goes after it. */
export function applyMention(value: string, query: MentionQuery, username: string): { value: string; caret: number } {
	const inserted = `@${username} `;
	const rest = value.slice(query.end).replace(/^ /, '');
	return { value: value.slice(0, query.start) + inserted + rest, caret: query.start + inserted.length };
}

/** A comment's text cut into plain runs and @mentions, for showing mentions highlighted (never as HTML). */
export function mentionParts(text: string): { text: string; mention: boolean }[] {
	const parts: { text: string; mention: boolean }[] = [];
	let last = 0;
	for (const match of text.matchAll(/(?<![\p{L}\p{N}._-])@[\p{L}\p{N}._-]*[\p{L}\p{N}_-]/gu)) {
		if (match.index > last) parts.push({ text: text.slice(last, match.index), mention: false });
		parts.push({ text: match[0], mention: true });
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last), mention: false });
	return parts;
}
