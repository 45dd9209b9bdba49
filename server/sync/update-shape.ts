// Reads a Yjs (v1) update through once, checking that it decodes, without building it: every
// client edit passes here before it is applied. Y.decodeUpdate gives the same verdict but builds an
// Item for every struct (through a generator), which made the check about half again as slow on the
// path of an edit to the other editors. The walk follows Yjs 13's own decoder
// (lazyStructReaderGenerator, readItemContent, readDeleteSet) and reads every value with the same
// lib0 readers, so it refuses exactly what Y.decodeUpdate refuses: tests/unit/server/update-shape.test.ts
// holds the two to the same verdict over real updates and mutated ones.
import * as decoding from 'lib0/decoding';

export type UpdateShape = 'invalid' | 'empty' | 'changes';

/** The content kinds an Item can carry (the low five bits of its info byte); 0 is a GC struct. */
const CONTENT = { deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9 } as const;
/** An info byte of exactly 10 is a Skip struct. */
const SKIP = 10;
const HAS_ORIGIN = 0x80;
const HAS_RIGHT_ORIGIN = 0x40;
const HAS_PARENT_SUB = 0x20;
/** Yjs' type refs run 0–6; XmlElement (3) and XmlHook (5) carry a name. */
const LAST_TYPE_REF = 6;
const NAMED_TYPE_REFS = new Set([3, 5]);

/**
 * `invalid` if Y.decodeUpdate would throw on the bytes; `empty` if they hold neither structs nor
 * deletions (a new client's answer to the server's sync step 1); otherwise `changes`.
 */
export function updateShape(update: Uint8Array): UpdateShape {
	try {
		const decoder = decoding.createDecoder(update);
		let structs = 0;
		const clients = decoding.readVarUint(decoder);
		for (let c = 0; c < clients; c++) {
			const count = decoding.readVarUint(decoder);
			decoding.readVarUint(decoder); // client
			decoding.readVarUint(decoder); // clock
			for (let i = 0; i < count; i++) {
				readStruct(decoder);
				structs++;
			}
		}
		let deletingClients = 0;
		const deleteClients = decoding.readVarUint(decoder);
		for (let c = 0; c < deleteClients; c++) {
			decoding.readVarUint(decoder); // client
			const ranges = decoding.readVarUint(decoder);
			if (ranges > 0) deletingClients++;
			for (let r = 0; r < ranges; r++) {
				decoding.readVarUint(decoder); // clock
				decoding.readVarUint(decoder); // length
			}
		}
		return structs === 0 && deletingClients === 0 ? 'empty' : 'changes';
	} catch {
		return 'invalid';
	}
}

function readStruct(decoder: decoding.Decoder): void {
	const info = decoding.readUint8(decoder);
	const content = info & 0x1f;
	if (info === SKIP || content === 0) {
		decoding.readVarUint(decoder); // length of the Skip or GC struct
		return;
	}
	if (info & HAS_ORIGIN) readId(decoder);
	if (info & HAS_RIGHT_ORIGIN) readId(decoder);
	if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
		// No neighbour to take the parent from: a top-level type's name, or the parent's id.
		if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder);
		else readId(decoder);
		if (info & HAS_PARENT_SUB) decoding.readVarString(decoder);
	}
	readContent(decoder, content);
}

function readId(decoder: decoding.Decoder): void {
	decoding.readVarUint(decoder);
	decoding.readVarUint(decoder);
}

function readContent(decoder: decoding.Decoder, content: number): void {
	switch (content) {
		case CONTENT.deleted:
			decoding.readVarUint(decoder);
			return;
		case CONTENT.json: {
			const length = decoding.readVarUint(decoder);
			for (let i = 0; i < length; i++) {
				const json = decoding.readVarString(decoder);
				if (json !== 'undefined') JSON.parse(json);
			}
			return;
		}
		case CONTENT.binary:
			decoding.readVarUint8Array(decoder);
			return;
		case CONTENT.string:
			decoding.readVarString(decoder);
			return;
		case CONTENT.embed:
			JSON.parse(decoding.readVarString(decoder));
			return;
		case CONTENT.format:
			decoding.readVarString(decoder);
			JSON.parse(decoding.readVarString(decoder));
			return;
		case CONTENT.type: {
			const typeRef = decoding.readVarUint(decoder);
			if (typeRef > LAST_TYPE_REF) throw new Error(`unknown type ref ${typeRef}`);
			if (NAMED_TYPE_REFS.has(typeRef)) decoding.readVarString(decoder);
			return;
		}
		case CONTENT.any: {
			const length = decoding.readVarUint(decoder);
			for (let i = 0; i < length; i++) decoding.readAny(decoder);
			return;
		}
		case CONTENT.doc:
			decoding.readVarString(decoder); // guid
			decoding.readAny(decoder); // options
			return;
		default:
			throw new Error(`unknown content ${content}`);
	}
}
