// Checks of formatted values: Finnish Business IDs, web addresses, ISO dates and plain JSON. Pure functions, no Yjs.
import { isPlainObject } from './checks';
import type { JsonObject, JsonValue } from './catalog-schema';
import { MAX_URL_LENGTH, MAX_VIEW_JSON_DEPTH, MAX_VIEW_JSON_LENGTH } from './vocabulary';

// ---- Finnish Business ID (Y-tunnus): NNNNNNN-C

/** Weights of the seven body digits, from the Finnish Tax Administration's specification. */
export const BUSINESS_ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2];
const BUSINESS_ID_MODULUS = 11;
const CANONICAL_BUSINESS_ID = /^\d{7}-\d$/;
/** A 6-digit body is an old way of writing a zero-padded one (123456-7 = 0123456-7). */
const BUSINESS_ID_INPUT = /^(\d{6,7})-(\d)$/;
/** Hyphen look-alikes that word processors put in copied text. */
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * The check digit of a 7-digit body, or null when there is none: a weighted sum with remainder 1
 * would need check digit 10, so such bodies are never issued.
 */
export function businessIdCheckDigit(body: string): number | null {
	if (!/^\d{7}$/.test(body)) return null;
	let sum = 0;
	for (let i = 0; i < body.length; i++) sum += Number(body[i]) * BUSINESS_ID_WEIGHTS[i]!;
	const remainder = sum % BUSINESS_ID_MODULUS;
	if (remainder === 0) return 0;
	if (remainder === 1) return null;
	return BUSINESS_ID_MODULUS - remainder;
}

export type BusinessIdResult = { ok: true; value: string } | { ok: false; problem: 'format' | 'checksum' };

/** Accepts surrounding spaces, a 6-digit body and typographic dashes; returns the canonical NNNNNNN-C. */
export function parseBusinessId(input: string): BusinessIdResult {
	const match = BUSINESS_ID_INPUT.exec(input.trim().replace(DASHES, '-'));
	if (!match) return { ok: false, problem: 'format' };
	const body = match[1]!.padStart(7, '0');
	const check = businessIdCheckDigit(body);
	if (check === null || check !== Number(match[2])) return { ok: false, problem: 'checksum' };
	return { ok: true, value: `${body}-${check}` };
}

/** True only for the canonical form the model stores. */
export function isValidBusinessId(value: unknown): value is string {
	if (typeof value !== 'string' || !CANONICAL_BUSINESS_ID.test(value)) return false;
	return businessIdCheckDigit(value.slice(0, 7)) === Number(value[8]);
}

// ---- Web addresses

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * An http(s) URL, or null. A bare domain ("yritys.fi/palvelut") gets "https://" in front, as
 * people type addresses that way; any other scheme (javascript:, mailto:) is refused.
 */
export function parseWebUrl(input: string): string | null {
	let text = input.trim();
	if (text === '' || text.length > MAX_URL_LENGTH || /\s/.test(text)) return null;
	const scheme = SCHEME.exec(text)?.[1];
	// "yritys.fi:8080" has no scheme: a dot before the colon means a host name.
	if (scheme === undefined || scheme.includes('.')) {
		if (!/^[^/?#]+\.[^/?#]+/.test(text)) return null;
		text = `https://${text}`;
		if (text.length > MAX_URL_LENGTH) return null;
	}
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
	return text;
}

export function isValidWebUrl(value: unknown): value is string {
	return typeof value === 'string' && parseWebUrl(value) === value;
}

// ---- Dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written yyyy-mm-dd (no time, no zone); 2025-02-30 is refused. */
export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const match = ISO_DATE.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear undoes that.
	date.setUTCFullYear(year);
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// ---- Plain JSON (saved views' filter and style)

export type JsonProblem = 'invalid_type' | 'too_deep' | 'too_large';

function jsonValueProblem(value: unknown, depth: number): JsonProblem | null {
	if (value === null || typeof value === 'boolean' || typeof value === 'string') return null;
	if (typeof value === 'number') return Number.isFinite(value) ? null : 'invalid_type';
	if (depth >= MAX_VIEW_JSON_DEPTH) return Array.isArray(value) || isPlainObject(value) ? 'too_deep' : 'invalid_type';
	const children = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null;
	if (children === null) return 'invalid_type';
	for (const child of children) {
		const problem = jsonValueProblem(child, depth + 1);
		if (problem) return problem;
	}
	return null;
}

/** Why a value is not a plain JSON object within the caps, or null when it is one. */
export function jsonObjectProblem(value: unknown): JsonProblem | null {
	if (!isPlainObject(value)) return 'invalid_type';
	// The depth cap also stops a cyclic object before JSON.stringify would throw on it.
	const problem = jsonValueProblem(value, 0);
	if (problem) return problem;
	return JSON.stringify(value).length > MAX_VIEW_JSON_LENGTH ? 'too_large' : null;
}

/** A deep copy, so callers never hold (and mutate) the value stored inside Yjs. Only for checked JSON. */
export function cloneJson<T extends JsonValue | JsonObject>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
