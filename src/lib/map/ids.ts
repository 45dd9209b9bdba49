// Random, URL-safe element ids for map documents.
import { ID_LENGTH } from './schema';

// 64 symbols, so `byte & 63` picks one without bias.
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const SYMBOL_MASK = ID_ALPHABET.length - 1;

/** Uses globalThis.crypto (browsers and Node 20), never Math.random: ids from many clients must not collide. */
export function newId(): string {
	const bytes = globalThis.crypto.getRandomValues(new Uint8Array(ID_LENGTH));
	let id = '';
	for (const byte of bytes) id += ID_ALPHABET[byte & SYMBOL_MASK];
	return id;
}
