// Typed, validated reading of other clients' awareness states (presence), which arrive from the network as untrusted JSON.
import { MAX_COORDINATE, MAX_ID_LENGTH, type Position } from '$lib/map';

/** Stamped by the server from the session; a client never sets it. */
export interface PresenceUser {
	id: string;
	name: string;
	username: string;
	/** Always `#rrggbb`: it is written into style attributes, so anything else is refused. */
	color: string;
	role: string;
}

/** One other client (browser tab) on the map. */
export interface PeerState {
	clientID: number;
	user: PresenceUser;
	/** Pointer in model coordinates, or null when the pointer is off the canvas. */
	cursor: Position | null;
	/** Selected actor and link ids. */
	selection: string[];
	/** Live positions of the actors being dragged, or null when not dragging. */
	drag: Map<string, Position> | null;
}

/** What this client publishes; `user` is deliberately absent (the server stamps it). */
export interface LocalPresence {
	cursor: Position | null;
	selection: string[];
	drag: Record<string, Position> | null;
}

// Caps keep one peer from making every other browser do unbounded work.
export const MAX_PEER_SELECTION = 2_000;
export const MAX_PEER_DRAG = 2_000;
const MAX_USER_TEXT = 200;
const COLOUR_PATTERN = /^#[0-9a-f]{6}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isShortText(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= MAX_USER_TEXT;
}

function isId(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

export function parsePosition(value: unknown): Position | null {
	if (!isRecord(value)) return null;
	const { x, y } = value;
	if (typeof x !== 'number' || typeof y !== 'number') return null;
	if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
	if (Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) return null;
	return { x, y };
}

export function parsePresenceUser(value: unknown): PresenceUser | null {
	if (!isRecord(value)) return null;
	const { id, name, username, color, role } = value;
	if (!isShortText(id) || !isShortText(username) || !isShortText(role)) return null;
	if (typeof color !== 'string' || !COLOUR_PATTERN.test(color)) return null;
	// A blank display name falls back to the username rather than hiding the person.
	const shownName = isShortText(name) && name.trim() !== '' ? name : username;
	return { id, name: shownName, username, color, role };
}

function parseSelection(value: unknown): string[] {
	if (!Array.isArray(value) || value.length > MAX_PEER_SELECTION) return [];
	return value.every(isId) ? [...new Set(value)] : [];
}

function parseDrag(value: unknown): Map<string, Position> | null {
	if (!isRecord(value)) return null;
	const entries = Object.entries(value);
	if (entries.length === 0 || entries.length > MAX_PEER_DRAG) return null;
	const drag = new Map<string, Position>();
	for (const [id, raw] of entries) {
		const pos = parsePosition(raw);
		if (!isId(id) || pos === null) return null;
		drag.set(id, pos);
	}
	return drag;
}

/**
 * A state without a valid server-stamped user is ignored entirely (it cannot be attributed);
 * a malformed cursor, selection or drag counts as absent, so one bad field hides only itself.
 */
export function parsePeerState(clientID: number, state: unknown): PeerState | null {
	if (!isRecord(state)) return null;
	const user = parsePresenceUser(state.user);
	if (user === null) return null;
	return {
		clientID,
		user,
		cursor: parsePosition(state.cursor),
		selection: parseSelection(state.selection),
		drag: parseDrag(state.drag)
	};
}

/** A person on the map, however many tabs they have open. */
export interface Person {
	user: PresenceUser;
	clientIDs: number[];
}

/** One entry per user id (a person with several tabs counts once), in the order the peers are given. */
export function peopleOf(peers: readonly PeerState[]): Person[] {
	const byUser = new Map<string, Person>();
	for (const peer of peers) {
		const person = byUser.get(peer.user.id);
		if (person) person.clientIDs.push(peer.clientID);
		else byUser.set(peer.user.id, { user: peer.user, clientIDs: [peer.clientID] });
	}
	return [...byUser.values()];
}

/** Up to two letters for an avatar: first letters of the first and last word. */
export function initialsOf(name: string): string {
	const words = name.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return '?';
	const first = [...words[0]!][0] ?? '';
	const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : '';
	return (first + last).toLocaleUpperCase();
}
