// Usernames against a real SQLite file: one stored spelling (NFKC), look-alike scripts refused,
// and lookups that find an account however its name was typed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../../server/storage/sqlite';
import { createAccount, findUserByUsername, normaliseUsername, usernameProblem } from '../../../src/lib/server/accounts';
import { AppError } from '../../../src/lib/server/errors';

process.env.LOG_LEVEL = 'silent';

const PASSWORD = 'a-long-enough-password-7';
const FULLWIDTH_OLGA = '\uff4f\uff4c\uff47\uff41';
/** "olga" with a Cyrillic а (U+0430) in place of the Latin a. */
const CYRILLIC_A_OLGA = 'olg\u0430';
/** "jönsson" with o + combining diaeresis instead of the precomposed ö. */
const DECOMPOSED_JONSSON = 'jo\u0308nsson';

describe('usernames', () => {
	let dir: string;
	let storage: SqliteStorage;

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'kartta-unit-'));
		storage = new SqliteStorage({ file: join(dir, 'kartta.db') });
	});
	afterEach(async () => {
		await storage.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('normalises to NFKC and trims, so full-width and decomposed spellings become the usual one', () => {
		expect(normaliseUsername(`  ${FULLWIDTH_OLGA} `)).toBe('olga');
		expect(normaliseUsername(DECOMPOSED_JONSSON)).toBe('jönsson');
	});

	it('refuses a name mixing Latin with Cyrillic or Greek letters, and accepts one script alone', () => {
		expect(usernameProblem(CYRILLIC_A_OLGA)).toBe('mixed_scripts');
		expect(usernameProblem('\u03b1lfa')).toBe('mixed_scripts');
		expect(usernameProblem('ольга')).toBeNull();
		expect(usernameProblem('åsa.öberg')).toBeNull();
	});

	it('stores the normalised spelling and finds the account from any spelling of it', async () => {
		const created = await createAccount(storage, { username: FULLWIDTH_OLGA, password: PASSWORD });
		expect(created.username).toBe('olga');
		expect((await findUserByUsername(storage, ' olga '))?.id).toBe(created.id);
		expect((await findUserByUsername(storage, FULLWIDTH_OLGA))?.id).toBe(created.id);
	});

	it('refuses a second account whose name only differs in its Unicode form', async () => {
		await createAccount(storage, { username: 'jönsson', password: PASSWORD });
		await expect(createAccount(storage, { username: DECOMPOSED_JONSSON, password: PASSWORD })).rejects.toMatchObject({ code: 'username_taken' });
	});

	it('refuses a look-alike of an existing name with a message saying why', async () => {
		await createAccount(storage, { username: 'olga', password: PASSWORD });
		const refusal = await createAccount(storage, { username: CYRILLIC_A_OLGA, password: PASSWORD }).catch((error: unknown) => error);
		expect(refusal).toBeInstanceOf(AppError);
		expect(refusal).toMatchObject({ code: 'invalid_username' });
		expect((refusal as Error).message).toMatch(/Cyrillic or Greek/);
	});
});
