// Presence is stamped by the server: a client may publish its cursor and selection, but its
// `user` field is overwritten from the session, and it can only touch awareness client ids it owns.
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export interface AwarenessEntry {
	clientID: number;
	clock: number;
	state: Record<string, unknown> | null;
}

/** Parses an awareness update; null when it is malformed. */
export function decodeAwarenessUpdate(update: Uint8Array, maxStateBytes: number): AwarenessEntry[] | null {
	try {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		const entries: AwarenessEntry[] = [];
		for (let i = 0; i < count; i++) {
			const clientID = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const json = decoding.readVarString(decoder);
			if (json.length > maxStateBytes) return null;
			const state: unknown = JSON.parse(json);
			if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return null;
			entries.push({ clientID, clock, state: state as Record<string, unknown> | null });
		}
		if (decoding.hasContent(decoder)) return null;
		return entries;
	} catch {
		return null;
	}
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, entries.length);
	for (const entry of entries) {
		encoding.writeVarUint(encoder, entry.clientID);
		encoding.writeVarUint(encoder, entry.clock);
		encoding.writeVarString(encoder, JSON.stringify(entry.state));
	}
	return encoding.toUint8Array(encoder);
}

export interface PresenceUser {
	id: string;
	name: string;
	username: string;
	color: string;
	role: string;
}

/**
 * Keeps the entries this connection may publish and stamps each state with its user.
 * `ownerOf` says which connection owns a client id (undefined: nobody yet).
 */
export function stampAwareness(
	entries: AwarenessEntry[],
	user: PresenceUser,
	connection: object,
	ownerOf: (clientID: number) => object | undefined
): AwarenessEntry[] {
	const kept: AwarenessEntry[] = [];
	for (const entry of entries) {
		const owner = ownerOf(entry.clientID);
		if (owner !== undefined && owner !== connection) continue;
		kept.push(entry.state === null ? entry : { ...entry, state: { ...entry.state, user } });
	}
	return kept;
}

/** A stable colour per user, so a person keeps their colour across reconnects. */
export { colourForUser } from '../../src/lib/shared/presence-colour';
