// Starts Kartta's services (storage, sessions, sync) and registers them for the SvelteKit
// handler; used by the production entry (main.ts) and by the dev server's Vite plugin.
import { loadConfig, originAllowed, type AppConfig } from '../src/lib/server/config';
import { setServices, type AppServices } from '../src/lib/server/context';
import { SessionService } from '../src/lib/server/auth/sessions';
import { LoginThrottle } from '../src/lib/server/auth/throttle';
import { log } from '../src/lib/server/log';
import { SqliteStorage } from './storage/sqlite';
import { SyncServer } from './sync/sync-server';

export interface RunningApp {
	config: AppConfig;
	services: AppServices;
	sync: SyncServer;
	storage: SqliteStorage;
	stop(): Promise<void>;
}

export { loadConfig };

export async function startServices(config: AppConfig = loadConfig()): Promise<RunningApp> {
	const storage = new SqliteStorage({
		file: config.databaseFile,
		synchronous: config.sqliteSynchronous,
		busyTimeoutMs: config.sqliteBusyTimeoutMs,
		maxDatabaseBytes: config.maxDatabaseBytes
	});
	const sessions = new SessionService(storage);
	const sync = new SyncServer({
		storage,
		sessions,
		allowedOrigin: (origin, host) => originAllowed(config, origin, host),
		cookieName: config.cookieName,
		shareCookieName: config.shareCookieName
	});
	const services: AppServices = { config, storage, sessions, loginThrottle: new LoginThrottle(), sync, startedAt: Date.now() };
	setServices(services);
	await storage.deleteExpiredSessions(Date.now());
	log.info('app.services_started', {
		database: config.databaseFile,
		synchronous: config.sqliteSynchronous,
		maxDatabaseBytes: config.maxDatabaseBytes
	});

	let stopping: Promise<void> | null = null;
	const stop = () =>
		(stopping ??= (async () => {
			await sync.shutdown();
			await storage.close();
			setServices(undefined);
			log.info('app.services_stopped');
		})());
	return { config, services, sync, storage, stop };
}
