// The y-websocket wire format: a varUint message type, then a y-protocols sync or awareness
// payload. Plain functions over lib0 encoders, as y-protocols does it.
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_ROLE } from '../../src/lib/shared/wire';
import { updateShape, type UpdateShape } from './update-shape';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export { MESSAGE_ROLE };

export const SYNC_STEP1 = syncProtocol.messageYjsSyncStep1;
export const SYNC_STEP2 = syncProtocol.messageYjsSyncStep2;
export const SYNC_UPDATE = syncProtocol.messageYjsUpdate;

/** A decoded client message; anything else is `malformed`. */
export type ClientMessage =
	| { type: 'sync-step1'; stateVector: Uint8Array }
	| { type: 'sync-update'; update: Uint8Array; step: 'step2' | 'update' }
	| { type: 'awareness'; update: Uint8Array }
	| { type: 'query-awareness' }
	| { type: 'auth' }
	| { type: 'malformed'; reason: string };

/** Decodes one frame without touching any document. Never throws. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
	try {
		const decoder = decoding.createDecoder(data);
		const messageType = decoding.readVarUint(decoder);
		let message: ClientMessage;
		switch (messageType) {
			case MESSAGE_SYNC: {
				const syncType = decoding.readVarUint(decoder);
				const payload = decoding.readVarUint8Array(decoder);
				if (syncType === SYNC_STEP1) message = { type: 'sync-step1', stateVector: payload };
				else if (syncType === SYNC_STEP2) message = { type: 'sync-update', update: payload, step: 'step2' };
				else if (syncType === SYNC_UPDATE) message = { type: 'sync-update', update: payload, step: 'update' };
				else return { type: 'malformed', reason: `unknown sync message type ${syncType}` };
				break;
			}
			case MESSAGE_AWARENESS:
				message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
				break;
			case MESSAGE_QUERY_AWARENESS:
				message = { type: 'query-awareness' };
				break;
			case MESSAGE_AUTH:
				return { type: 'auth' };
			default:
				return { type: 'malformed', reason: `unknown message type ${messageType}` };
		}
		if (decoding.hasContent(decoder)) return { type: 'malformed', reason: 'trailing bytes after message' };
		return message;
	} catch (error) {
		return { type: 'malformed', reason: `undecodable message: ${(error as Error).message}` };
	}
}

/** Checks that a state vector parses, so a bad one never reaches Yjs' encoder. */
export function isValidStateVector(stateVector: Uint8Array): boolean {
	try {
		Y.decodeStateVector(stateVector);
		return true;
	} catch {
		return false;
	}
}

/**
 * Reads an update through (structs and delete set) so garbage is refused before it is applied; an
 * update with neither structs nor deletions is `empty` (a new client's answer to the server's sync
 * step 1), and applying it would change nothing. See update-shape.ts.
 */
export function inspectUpdate(update: Uint8Array): UpdateShape {
	return updateShape(update);
}

export function isValidUpdate(update: Uint8Array): boolean {
	return inspectUpdate(update) !== 'invalid';
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
	return encodeSyncMessage(SYNC_STEP1, stateVector);
}

/** Sync step 2: the update a client lacks, in answer to its step 1. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
	return encodeSyncMessage(SYNC_STEP2, update);
}

function encodeSyncMessage(syncType: number, payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	encoding.writeVarUint(encoder, syncType);
	encoding.writeVarUint8Array(encoder, payload);
	return encoding.toUint8Array(encoder);
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessUpdate);
	return encoding.toUint8Array(encoder);
}

export function encodeRoleMessage(role: string): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_ROLE);
	encoding.writeVarString(encoder, role);
	return encoding.toUint8Array(encoder);
}
