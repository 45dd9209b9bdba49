// Accounts: creating users (setup, admin, invitations, CLI), logging in and changing passwords.
import type { Storage, UserRecord } from './storage/types';
import type { SessionService } from './auth/sessions';
import { hashPassword, passwordProblem, verifyAgainstDecoy, verifyPassword } from './auth/password';
import { hashSecret, randomToken, secretMatches, splitToken } from './auth/secrets';
import { AppError, badRequest, conflict } from './errors';
import { DISPLAY_NAME_MAX_LENGTH, INVITE_LIFETIME_MS, USERNAME } from './limits';
import { requireLine } from './text';
import { newId } from './ids';
import { audit } from './audit';
import { throttleKeys, type LoginThrottle } from './auth/throttle';

export interface NewAccount {
	username: string;
	displayName?: string;
	password: string;
	isAdmin?: boolean;
}

/**
 * The one spelling of a username that is stored and looked up: trimmed, Unicode NFKC, so that
 * full-width letters, ligatures and composed/decomposed accents name the same account.
 */
export function normaliseUsername(input: string): string {
	return input.trim().normalize('NFKC');
}

// Scripts whose letters look like Latin ones: a name mixing them with Latin ("olgа" with a Cyrillic
// а) would pass for someone else's in a member list or an @mention.
const LATIN_LETTER = /\p{Script=Latin}/u;
const LATIN_LOOKALIKE_LETTER = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** Checks a normalised username; returns the problem's code or null. */
export function usernameProblem(username: string): string | null {
	if (username.length < USERNAME.minLength) return 'too_short';
	if (username.length > USERNAME.maxLength) return 'too_long';
	if (!USERNAME.pattern.test(username)) return 'invalid_characters';
	if (LATIN_LETTER.test(username) && LATIN_LOOKALIKE_LETTER.test(username)) return 'mixed_scripts';
	return null;
}

/** Finds an account by username as a person typed it (any Unicode form, surrounding spaces). */
export function findUserByUsername(storage: Pick<Storage, 'getUserByUsername'>, username: string): Promise<UserRecord | null> {
	return storage.getUserByUsername(normaliseUsername(username));
}

const USERNAME_MESSAGES: Record<string, string> = {
	too_short: `A username needs at least ${USERNAME.minLength} characters.`,
	too_long: `A username can have at most ${USERNAME.maxLength} characters.`,
	invalid_characters: 'A username may contain letters, digits, dots, dashes and underscores.',
	mixed_scripts: 'A username may not mix Latin letters with Cyrillic or Greek ones, which look alike.'
};

const PASSWORD_MESSAGES: Record<string, string> = {
	too_short: 'The password is too short.',
	too_long: 'The password is too long.',
	too_common: 'That password is too common; choose another.',
	same_as_username: 'The password must not contain the username.'
};

/**
 * A display name, or null for none (the username stands in). Refused rather than cut: cutting at
 * 100 code units could split an emoji and store half of it.
 */
export function checkDisplayName(raw: string | undefined): string | null {
	if (raw === undefined || raw.trim() === '') return null;
	return requireLine(raw, {
		code: 'invalid_display_name',
		noun: 'display name',
		whenBlank: 'Give a display name or leave it empty.',
		maxLength: DISPLAY_NAME_MAX_LENGTH
	});
}

export function checkNewPassword(password: string, username: string): void {
	const problem = passwordProblem(password, username);
	if (problem) throw badRequest('weak_password', PASSWORD_MESSAGES[problem]!, { reason: problem });
}

export async function createAccount(storage: Storage, input: NewAccount): Promise<UserRecord> {
	const username = normaliseUsername(input.username);
	const problem = usernameProblem(username);
	if (problem) throw badRequest('invalid_username', USERNAME_MESSAGES[problem]!, { reason: problem });
	checkNewPassword(input.password, username);
	const displayName = checkDisplayName(input.displayName) ?? username;
	if (await storage.getUserByUsername(username)) throw conflict('username_taken', 'That username is taken.');
	const user: UserRecord = {
		id: newId(),
		username,
		displayName,
		passwordHash: await hashPassword(input.password),
		isAdmin: input.isAdmin ?? false,
		disabled: false,
		createdAt: Date.now()
	};
	await storage.createUser(user);
	await audit(storage, 'account_created', { actorId: user.id, username: user.username }, { isAdmin: user.isAdmin });
	return user;
}

/** One answer for unknown user and wrong password, at the same cost. */
const INVALID_CREDENTIALS = () => new AppError(401, 'invalid_credentials', 'Wrong username or password.');

export async function verifyCredentials(storage: Storage, username: string, password: string): Promise<UserRecord> {
	const user = await findUserByUsername(storage, username);
	if (!user) {
		await verifyAgainstDecoy(password);
		throw INVALID_CREDENTIALS();
	}
	const ok = await verifyPassword(user.passwordHash, password);
	if (!ok || user.disabled) throw INVALID_CREDENTIALS();
	return user;
}

export interface LoginContext {
	storage: Storage;
	sessions: SessionService;
	throttle: LoginThrottle;
	ip: string | null;
}

/** Checks the password (throttled per account and address), opens a new session, audits both ways. */
export async function logIn(
	{ storage, sessions, throttle, ip }: LoginContext,
	username: string,
	password: string
): Promise<{ user: UserRecord; token: string; expiresAt: number }> {
	const keys = throttleKeys(username, ip);
	const waitMs = throttle.retryAfterMs(keys);
	if (waitMs > 0) {
		await audit(storage, 'login_throttled', { username, ip });
		const seconds = Math.ceil(waitMs / 1000);
		throw new AppError(429, 'too_many_attempts', `Too many failed logins. Try again in ${seconds} s.`, { retryAfterSeconds: seconds });
	}
	let user: UserRecord;
	try {
		user = await verifyCredentials(storage, username, password);
	} catch (error) {
		throttle.recordFailure(keys);
		await audit(storage, 'login_failed', { username, ip });
		throw error;
	}
	throttle.recordSuccess(keys);
	const { token, session } = await sessions.createSession(user.id);
	await audit(storage, 'login_succeeded', { actorId: user.id, username: user.username, ip });
	return { user, token, expiresAt: session.expiresAt };
}

/** Changes a password, ends every session of the user and opens a fresh one for the caller. */
export async function changePassword(
	storage: Storage,
	sessions: SessionService,
	user: { id: string; username: string },
	currentPassword: string,
	newPassword: string
): Promise<{ token: string; expiresAt: number }> {
	await verifyCredentials(storage, user.username, currentPassword);
	checkNewPassword(newPassword, user.username);
	await storage.setPasswordHash(user.id, await hashPassword(newPassword));
	await sessions.invalidateUserSessions(user.id);
	await audit(storage, 'password_changed', { actorId: user.id, username: user.username });
	const { token, session } = await sessions.createSession(user.id);
	return { token, expiresAt: session.expiresAt };
}

export async function createInvite(storage: Storage, createdBy: string, isAdmin: boolean): Promise<string> {
	const id = randomToken(10);
	const secret = randomToken(20);
	const now = Date.now();
	await storage.createInvite({
		id,
		secretHash: hashSecret(secret),
		createdBy,
		isAdmin,
		createdAt: now,
		expiresAt: now + INVITE_LIFETIME_MS,
		usedBy: null
	});
	await audit(storage, 'invite_created', { actorId: createdBy }, { isAdmin, inviteId: id });
	return `${id}.${secret}`;
}

const INVALID_INVITE = () => new AppError(404, 'invalid_invite', 'This invitation link is not valid or has expired.');

export async function checkInvite(storage: Storage, token: string) {
	const parts = splitToken(token);
	const invite = parts ? await storage.getInvite(parts.id) : null;
	if (!parts || !invite || !secretMatches(parts.secret, invite.secretHash)) throw INVALID_INVITE();
	if (invite.usedBy || invite.expiresAt <= Date.now()) throw INVALID_INVITE();
	return invite;
}

export async function acceptInvite(storage: Storage, token: string, account: Omit<NewAccount, 'isAdmin'>) {
	const invite = await checkInvite(storage, token);
	const user = await createAccount(storage, { ...account, isAdmin: invite.isAdmin });
	if (!(await storage.claimInvite(invite.id, user.id))) {
		await storage.setDisabled(user.id, true);
		throw INVALID_INVITE();
	}
	return user;
}
