// Adds keys to messages/{fi,sv,en}.json from a file of {key: [fi, sv, en]}: keeps every existing key, writes tab-indented JSON.
// Usage: node scripts/i18n/merge-messages.mjs scripts/i18n/view-messages.json
import { readFileSync, writeFileSync } from 'node:fs';

const LOCALES = ['fi', 'sv', 'en'];
const additions = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const [index, locale] of LOCALES.entries()) {
	const path = new URL(`../../messages/${locale}.json`, import.meta.url);
	const messages = JSON.parse(readFileSync(path, 'utf8'));
	const before = Object.keys(messages).length;
	for (const [key, texts] of Object.entries(additions)) messages[key] = texts[index];
	writeFileSync(path, JSON.stringify(messages, null, '\t') + '\n');
	console.log(`${locale}: ${before} -> ${Object.keys(messages).length} keys`);
}
