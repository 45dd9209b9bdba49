// The session service against a real SQLite file: token shape, what is stored, sliding and
// absolute expiry, revocation, disabled users, and API tokens.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../../../server/storage/sqlite';
import { API_TOKEN_PREFIX, SessionService, bearerToken } from '../../../src/lib/server/auth/sessions';
import { SESSION } from '../../../src/lib/server/limits';
import type { UserRecord } from '../../../src/lib/server/storage/types';

process.env.LOG_LEVEL = 'silent';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('SessionService', () => {
	let dir: string;
	let storage: SqliteStorage;
	let now: number;
	let sessions: SessionService;
	let user: UserRecord;

	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'kartta-unit-'));
		storage = new SqliteStorage({ file: join(dir, 'kartta.db') });
		now = Date.UTC(2026, 0, 1);
		sessions = new SessionService(storage, () => now);
		user = { id: 'user00000001', username: 'alice', displayName: 'Alice', passwordHash: 'x', isAdmin: false, disabled: false, createdAt: now };
		await storage.createUser(user);
	});
	afterEach(async () => {
		await storage.close();
		rmSync(dir, { recursive: true, force: true });
	});

	const row = (id: string) => storage.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as Record<string, unknown> | undefined;

	it('creates a token `<id>.<secret>` with 120-bit id and 160-bit secret in lower-case base32', async () => {
		const { token, session } = await sessions.createSession(user.id);
		expect(token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{32}$/);
		expect(token.split('.')[0]).toBe(session.id);
		const other = await sessions.createSession(user.id);
		expect(other.token).not.toBe(token);
	});

	it('stores only the SHA-256 of the secret, never the secret or the token', async () => {
		const { token, session } = await sessions.createSession(user.id);
		const secret = token.split('.')[1]!;
		const stored = row(session.id)!;
		const hash = stored.secret_hash as Buffer;
		expect(hash).toHaveLength(32);
		expect(Buffer.from(hash).equals(createHash('sha256').update(secret).digest())).toBe(true);
		const everything = JSON.stringify(storage.db.prepare('SELECT * FROM sessions').all(), (_k, v) => (v?.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v));
		expect(everything).not.toContain(secret);
		// Nor anywhere else in the file's tables.
		for (const { name } of storage.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]) {
			expect(JSON.stringify(storage.db.prepare(`SELECT * FROM "${name}"`).all()), name).not.toContain(secret);
		}
	});

	it('validates the right token and refuses a wrong secret, an unknown id or a malformed token', async () => {
		const { token } = await sessions.createSession(user.id);
		const ok = await sessions.validateSessionToken(token);
		expect(ok).toMatchObject({ user: { id: user.id, username: 'alice' }, via: 'session' });
		const [id] = token.split('.');
		expect(await sessions.validateSessionToken(`${id}.${'a'.repeat(32)}`)).toBeNull();
		expect(await sessions.validateSessionToken(`${'b'.repeat(24)}.${token.split('.')[1]}`)).toBeNull();
		for (const bad of ['', 'garbage', token + '.x', token.toUpperCase(), null, undefined]) {
			expect(await sessions.validateSessionToken(bad)).toBeNull();
		}
	});

	it('expires after the idle timeout without use', async () => {
		const { token } = await sessions.createSession(user.id);
		now += SESSION.idleTimeoutMs - 1;
		expect(await sessions.validateSessionToken(token)).not.toBeNull();
		const { token: second, session } = await sessions.createSession(user.id);
		now += SESSION.idleTimeoutMs;
		expect(await sessions.validateSessionToken(second)).toBeNull();
		// An expired session is deleted, not just refused.
		expect(row(session.id)).toBeUndefined();
	});

	it('slides: each use after the refresh interval pushes expiry forward, written to the database', async () => {
		const { token, session } = await sessions.createSession(user.id);
		const created = now;
		// Within the refresh interval nothing is written back: reads stay reads.
		now += SESSION.refreshAfterMs - 1;
		await sessions.validateSessionToken(token);
		expect(row(session.id)!.expires_at).toBe(created + SESSION.idleTimeoutMs);

		now = created + 6 * DAY;
		const used = await sessions.validateSessionToken(token);
		expect(used?.expiresAt).toBe(now + SESSION.idleTimeoutMs);
		expect(row(session.id)).toMatchObject({ expires_at: now + SESSION.idleTimeoutMs, last_used_at: now });
		// 12 days after creation: past the original idle expiry, alive thanks to the use at day 6.
		now = created + 12 * DAY;
		expect(await sessions.validateSessionToken(token)).not.toBeNull();
	});

	it('ends at the absolute timeout however active it is', async () => {
		const { token, session } = await sessions.createSession(user.id);
		const created = now;
		for (let day = 5; day < 30; day += 5) {
			now = created + day * DAY;
			const auth = await sessions.validateSessionToken(token);
			expect(auth, `day ${day}`).not.toBeNull();
			// Expiry never reaches past the absolute end.
			expect(auth!.expiresAt!).toBeLessThanOrEqual(created + SESSION.absoluteTimeoutMs);
		}
		now = created + SESSION.absoluteTimeoutMs;
		expect(await sessions.validateSessionToken(token)).toBeNull();
		expect(row(session.id)).toBeUndefined();
	});

	it('a revoked session is invalid at once, and listeners hear of it', async () => {
		const { token, session } = await sessions.createSession(user.id);
		const heard: string[][] = [];
		sessions.onRevoked(({ sessionIds }) => heard.push(sessionIds));
		await sessions.invalidateSession(session.id);
		expect(await sessions.validateSessionToken(token)).toBeNull();
		expect(heard).toEqual([[session.id]]);
	});

	it('ending all of a user’s sessions invalidates each and names the user to listeners', async () => {
		const a = await sessions.createSession(user.id);
		const b = await sessions.createSession(user.id);
		const heard: { sessionIds: string[]; userId?: string }[] = [];
		sessions.onRevoked((event) => heard.push(event));
		await sessions.invalidateUserSessions(user.id);
		expect(await sessions.validateSessionToken(a.token)).toBeNull();
		expect(await sessions.validateSessionToken(b.token)).toBeNull();
		expect(heard).toHaveLength(1);
		expect(heard[0]!.userId).toBe(user.id);
		expect(heard[0]!.sessionIds.sort()).toEqual([a.session.id, b.session.id].sort());
	});

	it('a disabled user’s sessions and tokens are invalid, and valid again when re-enabled', async () => {
		const { token } = await sessions.createSession(user.id);
		const api = await sessions.createApiToken(user.id, 'script');
		await storage.setDisabled(user.id, true);
		expect(await sessions.validateSessionToken(token)).toBeNull();
		expect(await sessions.validateApiToken(api.token)).toBeNull();
		await storage.setDisabled(user.id, false);
		expect(await sessions.validateSessionToken(token)).not.toBeNull();
	});

	it('API tokens carry their prefix, store only a hash, validate, and die when deleted', async () => {
		const { token, record } = await sessions.createApiToken(user.id, 'export');
		expect(token).toMatch(new RegExp(`^${API_TOKEN_PREFIX}[a-z2-7]{16}\\.[a-z2-7]{32}$`));
		const secret = token.split('.')[1]!;
		const stored = storage.db.prepare('SELECT * FROM api_tokens WHERE id = ?').get(record.id) as Record<string, unknown>;
		expect(Buffer.from(stored.secret_hash as Buffer).equals(createHash('sha256').update(secret).digest())).toBe(true);
		expect(await sessions.validateApiToken(token)).toMatchObject({ user: { id: user.id }, via: 'api_token', sessionId: null });
		// A token is not a session token, nor the other way round.
		expect(await sessions.validateSessionToken(token)).toBeNull();
		const session = await sessions.createSession(user.id);
		expect(await sessions.validateApiToken(session.token)).toBeNull();
		await storage.deleteApiToken(user.id, record.id);
		expect(await sessions.validateApiToken(token)).toBeNull();
	});

	it('authenticate prefers an explicit bearer token and does not fall back to the cookie when it fails', async () => {
		const { token } = await sessions.createSession(user.id);
		const api = await sessions.createApiToken(user.id, 'script');
		expect(await sessions.authenticate({ bearer: api.token, sessionToken: null })).toMatchObject({ via: 'api_token' });
		expect(await sessions.authenticate({ bearer: null, sessionToken: token })).toMatchObject({ via: 'session' });
		expect(await sessions.authenticate({ bearer: 'kartta_wrong', sessionToken: token })).toBeNull();
	});
});

describe('bearerToken', () => {
	it('reads `Bearer <token>` case-insensitively and nothing else', () => {
		expect(bearerToken('Bearer abc.def')).toBe('abc.def');
		expect(bearerToken('bearer   abc.def  ')).toBe('abc.def');
		for (const bad of [null, undefined, '', 'Basic abc', 'Bearer', 'Bearer a b', 'abc.def']) expect(bearerToken(bad)).toBeNull();
	});
});
