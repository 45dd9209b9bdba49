// @mentions in comment texts: which usernames a comment names, for notifications.
import { MAX_MENTIONS, USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH } from './schema';

/** Username characters, as the server allows them: letters, digits, dot, underscore, hyphen. */
const USERNAME_CHAR = String.raw`[\p{L}\p{N}._-]`;
/**
 * An @ that starts a token (at the start or after a non-username character), so the @ inside an
 * e-mail address (matti@yritys.fi) is not a mention.
 */
const MENTION = new RegExp(String.raw`(?<!${USERNAME_CHAR})@(${USERNAME_CHAR}+)`, 'gu');

/** Usernames compare without case, as the server's (COLLATE NOCASE) lookup does. */
export function sameUsername(a: string, b: string): boolean {
	return a.toLowerCase() === b.toLowerCase();
}

/**
 * The usernames mentioned in a text, in order of first appearance, without repeats (ignoring
 * case), at most MAX_MENTIONS. Dots closing a sentence ("kiitos @matti.") are not part of the name.
 */
export function parseMentions(text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(MENTION)) {
		const name = match[1]!.replace(/\.+$/, '');
		if (name.length < USERNAME_MIN_LENGTH || name.length > USERNAME_MAX_LENGTH) continue;
		if (found.some((known) => sameUsername(known, name))) continue;
		found.push(name);
		if (found.length === MAX_MENTIONS) break;
	}
	return found;
}
