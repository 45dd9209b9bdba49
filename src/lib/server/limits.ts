// Every limit and timing the server enforces, in one place (house style: no magic numbers in
// code paths). Tests import these rather than repeating the figures.
import { MAX_IMPORT_BYTES } from '../exchange/limits';

/**
 * A duration in milliseconds from the environment, else the default. Only for timings an operator
 * may reasonably tune (and tests need short); documented in docs/operations.md.
 */
function durationFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of milliseconds, got "${raw}"`);
	return value;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const SESSION = {
	/** A session unused this long expires (sliding: each use pushes expiry forward). */
	idleTimeoutMs: 7 * DAY,
	/** No session lives longer than this, however active. */
	absoluteTimeoutMs: 30 * DAY,
	/** Expiry is written back at most this often, so reads stay reads. */
	refreshAfterMs: HOUR
} as const;

export const PASSWORD = {
	minLength: 10,
	maxLength: 256
} as const;

/** OWASP's Argon2id recommendation, passed explicitly (the library's defaults may change). */
export const ARGON2ID = {
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
} as const;

export const INVITE_LIFETIME_MS = 7 * DAY;

/** How long a read-only share link may live: the owner picks one of these (days). */
export const SHARE_LINK_DAYS = [1, 7, 30, 90] as const;
export const SHARE_LINK_LABEL_MAX_LENGTH = 100;
export const DAY_MS = DAY;

export const USERNAME = { minLength: 2, maxLength: 64, pattern: /^[\p{L}\p{N}._-]+$/u } as const;
export const MAP_TITLE_MAX_LENGTH = 200;
export const API_TOKEN_LABEL_MAX_LENGTH = 100;
export const DISPLAY_NAME_MAX_LENGTH = 100;
/** JSON request bodies larger than this are refused before parsing. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
/** Room beside an import's file for the multipart envelope and its fields (format, mapping JSON). */
export const IMPORT_UPLOAD_OVERHEAD_BYTES = 512 * 1024;
/**
 * The one route that takes a large body: an import's multipart upload. The server raises
 * adapter-node's BODY_SIZE_LIMIT to this (server/main.ts); every other body keeps MAX_FORM_BODY_BYTES.
 */
export const MAX_IMPORT_REQUEST_BYTES = MAX_IMPORT_BYTES + IMPORT_UPLOAD_OVERHEAD_BYTES;
/** Any other request body (form posts), as adapter-node's own default (512K) had it. */
export const MAX_FORM_BODY_BYTES = 512 * 1024;

/** Largest document a client may grow a map to, encoded. */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export const SYNC = {
	/**
	 * Largest WebSocket frame accepted; bigger frames close the socket (ws's default is 100 MiB).
	 * A client back from an offline spell sends everything the server lacks in one message, which
	 * can be as large as the map (a big import made offline, or a map re-seeded after a restore):
	 * any smaller limit would lock such a client out for good, so the limit is the map's own cap.
	 */
	maxMessageBytes: MAX_DOCUMENT_BYTES,
	maxDocumentBytes: MAX_DOCUMENT_BYTES,
	/** Per-connection message budget: a token bucket of this size refilled at this rate. */
	messageBurst: 200,
	messagesPerSecond: 100,
	/**
	 * Before a map's Y.Doc is built, this many first syncs from clients that hold part of it are
	 * answered by diffing the stored bytes (each about a fifth of a build); after that the server
	 * builds the Doc, from which every further answer is cheap.
	 */
	diffAnswersBeforeBuild: 4,
	/**
	 * The activity log (who changed what) is written in batches off the edit path: at most this long
	 * after an edit, or at once when this many records wait. A killed process loses at most that
	 * moment's records, never an edit.
	 */
	activityFlushMs: 1_000,
	activityBatchMax: 500,
	/**
	 * A map whose stored graph is at least this big gets its overview computed (in a worker) as soon
	 * as its room loads: whoever opens it next finds the picture ready. About 1,500 actors + links,
	 * the size from which the editor draws an overview at all.
	 */
	overviewPrecomputeBytes: 256 * 1024,
	/** Compact a document's update log into a snapshot once the tail is this long. */
	compactAfterUpdates: 500,
	/** Unload a document this long after its last connection closed (env SYNC_UNLOAD_IDLE_AFTER_MS). */
	unloadIdleAfterMs: durationFromEnv('SYNC_UNLOAD_IDLE_AFTER_MS', 30_000),
	/** Ping period; a socket that misses a pong is closed. */
	pingIntervalMs: 30_000,
	/** While a map is being edited, an automatic version is saved at most this often. */
	autoVersionEveryMs: HOUR,
	/**
	 * How often open sockets' access is re-read from storage, for changes made outside this
	 * process (the admin CLI) (env SYNC_RECHECK_ACCESS_MS).
	 */
	recheckAccessEveryMs: durationFromEnv('SYNC_RECHECK_ACCESS_MS', 30_000)
} as const;

/**
 * WebSocket close codes (4000-4999 are application-defined). The y-websocket client treats
 * 4400-4499 as permanent (it stops reconnecting) and anything else as temporary, like HTTP 4xx/5xx.
 */
export const CLOSE = {
	normal: 1000,
	goingAway: 1001,
	protocolError: 1002,
	messageTooBig: 1009,
	internalError: 1011,
	unauthorized: 4401,
	forbidden: 4403,
	malformed: 4400,
	/** Temporary: the client may reconnect after its backoff. */
	rateLimited: 4529,
	documentTooLarge: 4413,
	storageFailed: 4503
} as const;

export const LOGIN_THROTTLE = {
	/** Failures allowed before waits begin: per account, and per address (offices share one). */
	freeAttemptsPerAccount: 5,
	freeAttemptsPerAddress: 20,
	/** The first wait; each further failure doubles it. */
	baseDelayMs: 1_000,
	maxDelayMs: 15 * MINUTE,
	/** Failures older than this are forgotten. */
	forgetAfterMs: HOUR,
	maxTrackedKeys: 100_000
} as const;
