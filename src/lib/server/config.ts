// Server settings from the environment, read once at start-up.
import { resolve, join } from 'node:path';

export interface AppConfig {
	port: number;
	host: string;
	dataDir: string;
	databaseFile: string;
	/** The public origin (ORIGIN env, e.g. https://kartta.example.fi); null: derive from Host. */
	origin: string | null;
	/** Secure cookies with the __Host- prefix; on whenever the public origin is HTTPS. */
	secureCookies: boolean;
	cookieName: string;
	/** The cookie a share link leaves, so a guest's browser can open that one map read-only. */
	shareCookieName: string;
	sqliteSynchronous: 'NORMAL' | 'FULL';
	/** How long a write waits for a lock held by another process before failing (env SQLITE_BUSY_TIMEOUT_MS). */
	sqliteBusyTimeoutMs: number;
	/** Storage quota: writes past this database size fail as "full" (env MAX_DATABASE_BYTES); null: no quota. */
	maxDatabaseBytes: number | null;
}

/** A whole, non-negative number from the environment, else the fallback. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number | null): number | null {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
	return value;
}

const DEFAULT_SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const dataDir = resolve(env.DATA_DIR ?? './data');
	const origin = env.ORIGIN ? env.ORIGIN.replace(/\/$/, '') : null;
	const secureCookies = origin?.startsWith('https://') ?? false;
	const port = Number(env.PORT ?? 3000);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
	const synchronous = (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase();
	if (synchronous !== 'NORMAL' && synchronous !== 'FULL')
		throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${env.SQLITE_SYNCHRONOUS}"`);
	return {
		port,
		host: env.HOST ?? '0.0.0.0',
		dataDir,
		databaseFile: join(dataDir, 'kartta.db'),
		origin,
		secureCookies,
		cookieName: secureCookies ? '__Host-kartta_session' : 'kartta_session',
		shareCookieName: secureCookies ? '__Host-kartta_share' : 'kartta_share',
		sqliteSynchronous: synchronous,
		sqliteBusyTimeoutMs: wholeNumber(env, 'SQLITE_BUSY_TIMEOUT_MS', DEFAULT_SQLITE_BUSY_TIMEOUT_MS)!,
		maxDatabaseBytes: wholeNumber(env, 'MAX_DATABASE_BYTES', null)
	};
}

/** Browser origins allowed to talk to us: the configured one, else the request's own host. */
export function originAllowed(config: AppConfig, origin: string, host: string | undefined): boolean {
	if (config.origin) return origin === config.origin;
	if (!host) return false;
	return origin === `http://${host}` || origin === `https://${host}`;
}
