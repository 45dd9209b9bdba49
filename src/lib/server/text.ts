// Checks for the short, single-line texts people type into Kartta (map titles, token labels,
// display names): text that is not valid Unicode, that hides itself, or that reorders what others see.
import { z } from 'zod';
import { badRequest } from './errors';

export type TextProblem =
	/**
	 * A lone UTF-16 surrogate (not text, and stored as U+FFFD, so what is saved is not what was
	 * sent), or U+FFFD itself: the mark of bytes that were not valid UTF-8 on the way in.
	 */
	| 'ill_formed'
	/** Control characters (NUL, line breaks, …) have no place in a one-line name. */
	| 'control_characters'
	/** Bidi embeddings, overrides and isolates can make a name read differently than it is ("Trojan Source"). */
	| 'bidi_controls'
	/** Only spaces and invisible characters (e.g. zero-width spaces): blank to the eye. */
	| 'blank';

const ILL_FORMED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/;
const CONTROL = /\p{Cc}/u;
/** In a paragraph, line breaks and tabs are text. */
const CONTROL_BUT_LINE_BREAKS = /(?![\n\r\t])\p{Cc}/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Whitespace, format characters (zero-width space/joiners, BOM…) and blank-looking letters (Hangul fillers, braille blank). */
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{Zs}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/**
 * The first problem found in a one-line text, or null. Zero-width joiners and marks inside
 * otherwise visible text stay allowed: emoji sequences and some scripts need them.
 */
export function textProblem(text: string, options: { multiLine?: boolean } = {}): TextProblem | null {
	if (ILL_FORMED.test(text)) return 'ill_formed';
	if ((options.multiLine ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(text)) return 'control_characters';
	if (BIDI_CONTROL.test(text)) return 'bidi_controls';
	if (INVISIBLE_ONLY.test(text)) return 'blank';
	return null;
}

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
	ill_formed: 'contains characters that are not valid text',
	control_characters: 'contains control characters',
	bidi_controls: 'contains text-direction control characters',
	blank: 'is blank'
};

/**
 * A trimmed one-line text, or a 400 with `code` and a message saying what was wrong with the
 * `noun` ("title"). Lengths are UTF-16 code units, as the browser's `maxlength` counts them.
 */
export function requireLine(raw: unknown, options: { code: string; noun: string; whenBlank: string; maxLength: number }): string {
	const { code, noun, whenBlank, maxLength } = options;
	if (typeof raw !== 'string') throw badRequest(code, whenBlank);
	const text = raw.trim();
	const problem = text === '' ? 'blank' : textProblem(text);
	if (problem === 'blank') throw badRequest(code, whenBlank, { reason: problem });
	if (problem) throw badRequest(code, `The ${noun} ${TEXT_PROBLEM_MESSAGES[problem]}.`, { reason: problem });
	if (text.length > maxLength) throw badRequest(code, `A ${noun} can have at most ${maxLength} characters.`, { reason: 'too_long' });
	return text;
}

/** A zod schema for one required line of text (a title, a question): trimmed, checked, at most `max`. */
export function oneLine(max: number) {
	return z
		.string()
		.trim()
		.min(1)
		.max(max)
		.superRefine((text, context) => {
			const problem = textProblem(text);
			if (problem) context.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGES[problem], params: { reason: problem } });
		});
}

/** A zod schema for a paragraph (a note, a decision): line breaks allowed; empty only when not `required`. */
export function paragraph(max: number, options: { required: boolean }) {
	return z
		.string()
		.trim()
		.min(options.required ? 1 : 0)
		.max(max)
		.superRefine((text, context) => {
			if (text === '' && !options.required) return;
			const problem = textProblem(text, { multiLine: true });
			if (problem) context.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGES[problem], params: { reason: problem } });
		});
}
