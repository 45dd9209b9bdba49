// Admin command line: `npm run cli -- <command>`. Works on the database directly (DATA_DIR),
// so it also runs while the server is up (SQLite WAL allows it).
import { createInterface } from 'node:readline';
import { loadConfig } from '../src/lib/server/config';
import { createAccount, checkNewPassword, findUserByUsername } from '../src/lib/server/accounts';
import { hashPassword } from '../src/lib/server/auth/password';
import { SessionService } from '../src/lib/server/auth/sessions';
import { AppError } from '../src/lib/server/errors';
import { SqliteStorage } from './storage/sqlite';

const USAGE = `Usage: npm run cli -- <command>

  user add <username> [--admin] [--name "Display Name"]   create a user; password read from stdin
  user list                                               list users
  user passwd <username>                                  set a new password (from stdin); ends their sessions
  user disable <username> | user enable <username>
  map list                                                list all maps with their owners
  token create <username> <label>                         print a new personal API token
  backup <file>                                           online, consistent copy of the database
  restore <file>                                          replace the database with a backup (server stopped)

Environment: DATA_DIR (default ./data).`;

class UsageError extends Error {}

// The CLI prints its own results; structured info lines would only clutter them.
process.env.LOG_LEVEL ??= 'warn';

async function readPassword(prompt: string): Promise<string> {
	if (process.stdin.isTTY) process.stderr.write(prompt);
	const rl = createInterface({ input: process.stdin, terminal: false });
	for await (const line of rl) {
		rl.close();
		return line.replace(/\r$/, '');
	}
	throw new UsageError('No password given on standard input.');
}

function flag(args: string[], name: string): boolean {
	const i = args.indexOf(name);
	if (i >= 0) args.splice(i, 1);
	return i >= 0;
}

function option(args: string[], name: string): string | undefined {
	const i = args.indexOf(name);
	if (i < 0) return undefined;
	const value = args[i + 1];
	if (value === undefined) throw new UsageError(`${name} needs a value.`);
	args.splice(i, 2);
	return value;
}

async function run(argv: string[]): Promise<void> {
	const args = [...argv];
	const [group, command, ...rest] = args;
	const config = loadConfig();

	if (group === 'restore') {
		const { restoreDatabase } = await import('./storage/backup');
		if (!command) throw new UsageError('restore needs a file.');
		await restoreDatabase(command, config.databaseFile);
		console.log(`Restored ${config.databaseFile} from ${command}.`);
		return;
	}

	const storage = new SqliteStorage({ file: config.databaseFile });
	try {
		if (group === 'user' && command === 'add') {
			const isAdmin = flag(rest, '--admin');
			const displayName = option(rest, '--name');
			const [username] = rest;
			if (!username) throw new UsageError('user add needs a username.');
			const password = await readPassword('Password: ');
			const user = await createAccount(storage, { username, displayName, password, isAdmin });
			console.log(`Created ${user.isAdmin ? 'administrator' : 'user'} ${user.username}.`);
		} else if (group === 'user' && command === 'list') {
			for (const u of await storage.listUsers()) {
				const flags = [u.isAdmin ? 'admin' : '', u.disabled ? 'disabled' : ''].filter(Boolean).join(',');
				console.log(`${u.username}\t${u.displayName}${flags ? `\t(${flags})` : ''}`);
			}
		} else if (group === 'user' && command === 'passwd') {
			const user = await requireUser(storage, rest[0]);
			const password = await readPassword('New password: ');
			checkNewPassword(password, user.username);
			await storage.setPasswordHash(user.id, await hashPassword(password));
			await new SessionService(storage).invalidateUserSessions(user.id);
			console.log(`Password changed for ${user.username}; their sessions were ended.`);
		} else if (group === 'user' && (command === 'disable' || command === 'enable')) {
			const user = await requireUser(storage, rest[0]);
			await storage.setDisabled(user.id, command === 'disable');
			if (command === 'disable') await new SessionService(storage).invalidateUserSessions(user.id);
			console.log(`${user.username} ${command}d.`);
		} else if (group === 'map' && command === 'list') {
			for (const map of await storage.listMaps()) {
				const owners = (await storage.listMembers(map.id)).filter((m) => m.role === 'owner').map((m) => m.username);
				console.log(`${map.id}\t${map.title}\towners: ${owners.join(', ')}`);
			}
		} else if (group === 'token' && command === 'create') {
			const user = await requireUser(storage, rest[0]);
			const label = rest.slice(1).join(' ') || 'cli';
			const { token } = await new SessionService(storage).createApiToken(user.id, label);
			console.log(token);
		} else if (group === 'backup') {
			if (!command) throw new UsageError('backup needs a file.');
			await storage.backup(command);
			console.log(`Backed up to ${command}.`);
		} else {
			throw new UsageError(group ? `Unknown command: ${args.join(' ')}` : 'No command given.');
		}
	} finally {
		await storage.close();
	}
}

async function requireUser(storage: SqliteStorage, username: string | undefined) {
	if (!username) throw new UsageError('Give a username.');
	const user = await findUserByUsername(storage, username);
	if (!user) throw new AppError(404, 'unknown_user', `There is no user "${username}".`);
	return user;
}

run(process.argv.slice(2)).then(
	() => process.exit(0),
	(error) => {
		if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
		else if (error instanceof AppError) console.error(`Error: ${error.message}`);
		else console.error(`Error: ${(error as Error).message ?? error}`);
		process.exit(error instanceof UsageError ? 2 : 1);
	}
);
