// Turns a text file's bytes into a string: UTF-8 (with or without BOM), UTF-16 with BOM, or Finnish Excel's windows-1252; refuses binary.
import { fileError } from './errors';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];
/** C0 controls other than tab, LF and CR, and the C1 controls windows-1252 leaves undefined: never in a real text file. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0081\u008d\u008f\u0090\u009d]/;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((byte, i) => bytes[i] === byte);
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal: boolean): string | null {
	try {
		return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
	} catch {
		return null;
	}
}

/** The encoding used and the text without its BOM. */
export interface DecodedText {
	text: string;
	encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/**
 * Excel in Finland saves "CSV (semicolon separated)" in windows-1252, so text that is not valid
 * UTF-8 is read as windows-1252; what still holds control characters (NUL, binary) is refused.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
	let decoded: DecodedText | null = null;
	if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) {
		const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
		const text = decodeWith(encoding, bytes, true);
		if (text !== null) decoded = { text, encoding };
	} else {
		const utf8 = decodeWith('utf-8', bytes, true);
		if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8' };
		else if (!startsWith(bytes, UTF8_BOM)) {
			const legacy = decodeWith('windows-1252', bytes, false);
			if (legacy !== null) decoded = { text: legacy, encoding: 'windows-1252' };
		}
	}
	if (decoded === null || CONTROL_CHARACTERS.test(decoded.text)) {
		throw fileError(
			'bad_encoding',
			`"${fileName}" is not a text file in UTF-8, UTF-16 (with BOM) or windows-1252: it holds binary data or NUL bytes.`
		);
	}
	// TextDecoder drops the BOM itself; this is for a doubled one.
	return { ...decoded, text: decoded.text.replace(/^\uFEFF/, '') };
}
