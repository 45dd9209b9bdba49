// The storage seam: everything Kartta keeps, as an interface that SQLite implements today and
// PostgreSQL (+ Redis between instances) can implement later. Nothing here knows about HTTP or UI.

export type MapRole = 'owner' | 'editor' | 'commenter' | 'viewer';
export const MAP_ROLES: readonly MapRole[] = ['owner', 'editor', 'commenter', 'viewer'];

export interface UserRecord {
	id: string;
	username: string;
	displayName: string;
	passwordHash: string;
	isAdmin: boolean;
	disabled: boolean;
	createdAt: number;
}

export interface SessionRecord {
	/** Public session id (the first half of the token). */
	id: string;
	userId: string;
	/** SHA-256 of the token's secret half; the secret itself is never stored. */
	secretHash: Uint8Array;
	createdAt: number;
	/** Sliding expiry, pushed forward as the session is used. */
	expiresAt: number;
	lastUsedAt: number;
}

export interface ApiTokenRecord {
	id: string;
	userId: string;
	label: string;
	secretHash: Uint8Array;
	createdAt: number;
	lastUsedAt: number | null;
}

export interface InviteRecord {
	id: string;
	secretHash: Uint8Array;
	createdBy: string;
	isAdmin: boolean;
	createdAt: number;
	expiresAt: number;
	usedBy: string | null;
}

export interface MapRecord {
	id: string;
	title: string;
	createdBy: string;
	createdAt: number;
}

export interface MapWithRole extends MapRecord {
	role: MapRole;
}

export interface MemberRecord {
	userId: string;
	username: string;
	displayName: string;
	role: MapRole;
}

/** What a stored document is made of: the last snapshot and the updates appended after it. */
export interface StoredDocument {
	snapshot: Uint8Array | null;
	updates: Uint8Array[];
	/** Sequence number of the last update included (snapshot or tail); 0 for none. */
	lastSeq: number;
}

export interface DocumentStats {
	updateCount: number;
	updateBytes: number;
	snapshotBytes: number;
}

/** A security-relevant event (logins, failures, role changes, token use), kept for review. */
export interface AuditEvent {
	at: number;
	type: string;
	/** Who did it (null when unknown, e.g. a failed login for a non-existent user). */
	actorId: string | null;
	/** The username as given, so failures against unknown names are visible too. */
	username: string | null;
	ip: string | null;
	detail: Record<string, unknown>;
}

/** A read-only link to one map for people without an account (steering-group members). */
export interface ShareLinkRecord {
	id: string;
	mapId: string;
	label: string;
	secretHash: Uint8Array;
	createdBy: string;
	createdAt: number;
	expiresAt: number;
	revokedAt: number | null;
}

export interface ShareLinkStore {
	createShareLink(link: ShareLinkRecord): Promise<void>;
	getShareLink(id: string): Promise<ShareLinkRecord | null>;
	/** Newest first, revoked and expired ones included. */
	listShareLinks(mapId: string): Promise<ShareLinkRecord[]>;
	/** False when there is no such live link on that map. */
	revokeShareLink(mapId: string, id: string, at: number): Promise<boolean>;
}

export type VersionKind = 'named' | 'auto' | 'meeting';

/** A saved state of a map's graph document. */
export interface VersionRecord {
	id: string;
	mapId: string;
	name: string;
	kind: VersionKind;
	/** Who asked for it; null for automatic versions. */
	createdBy: string | null;
	createdAt: number;
	/** Y.encodeStateAsUpdate of the graph at that moment. */
	snapshot: Uint8Array;
}

export type VersionSummary = Omit<VersionRecord, 'snapshot'> & { createdByName: string | null; bytes: number };

export interface VersionStore {
	createVersion(version: VersionRecord): Promise<void>;
	/** Newest first, without the snapshots. */
	listVersions(mapId: string): Promise<VersionSummary[]>;
	getVersion(mapId: string, id: string): Promise<VersionRecord | null>;
}

/** One element changed by one user at one time (the map's activity log). */
export interface ActivityRecord {
	mapId: string;
	/** 'graph' or 'discussion' (see documents.ts). */
	document: string;
	at: number;
	userId: string;
	/** The top-level collection: actors, links, regions, sectors, fields, views, gaps, threads, … */
	collection: string;
	elementId: string;
	action: 'created' | 'updated' | 'deleted';
}

export interface ActivityQuery {
	mapId: string;
	userId?: string;
	elementId?: string;
	since?: number;
	until?: number;
	limit: number;
}

export interface ActivityStore {
	recordActivity(records: ActivityRecord[]): Promise<void>;
	/** Newest first. */
	listActivity(query: ActivityQuery): Promise<(ActivityRecord & { username: string; displayName: string })[]>;
}

export interface AuditStore {
	recordAudit(event: AuditEvent): Promise<void>;
	listAudit(limit: number): Promise<AuditEvent[]>;
}

export interface UserStore {
	countUsers(): Promise<number>;
	createUser(user: UserRecord): Promise<void>;
	getUserById(id: string): Promise<UserRecord | null>;
	getUserByUsername(username: string): Promise<UserRecord | null>;
	listUsers(): Promise<UserRecord[]>;
	setPasswordHash(userId: string, passwordHash: string): Promise<void>;
	setDisabled(userId: string, disabled: boolean): Promise<void>;
}

export interface SessionStore {
	createSession(session: SessionRecord): Promise<void>;
	getSession(id: string): Promise<SessionRecord | null>;
	touchSession(id: string, expiresAt: number, lastUsedAt: number): Promise<void>;
	deleteSession(id: string): Promise<void>;
	deleteUserSessions(userId: string): Promise<string[]>;
	deleteExpiredSessions(now: number): Promise<number>;
}

export interface ApiTokenStore {
	createApiToken(token: ApiTokenRecord): Promise<void>;
	getApiToken(id: string): Promise<ApiTokenRecord | null>;
	listApiTokens(userId: string): Promise<ApiTokenRecord[]>;
	touchApiToken(id: string, lastUsedAt: number): Promise<void>;
	deleteApiToken(userId: string, id: string): Promise<boolean>;
}

export interface InviteStore {
	createInvite(invite: InviteRecord): Promise<void>;
	getInvite(id: string): Promise<InviteRecord | null>;
	/** Marks the invite used; false when someone else used it first. */
	claimInvite(id: string, userId: string): Promise<boolean>;
}

export interface MapStore {
	/** Creates the map, its owner and its first documents (keyed by document id) in one transaction. */
	createMap(map: MapRecord, ownerId: string, initialDocuments: ReadonlyMap<string, Uint8Array>): Promise<void>;
	getMap(id: string): Promise<MapRecord | null>;
	listMaps(): Promise<MapRecord[]>;
	listMapsForUser(userId: string): Promise<MapWithRole[]>;
	setMapTitle(id: string, title: string): Promise<void>;
	getRole(mapId: string, userId: string): Promise<MapRole | null>;
	listMembers(mapId: string): Promise<MemberRecord[]>;
	setMember(mapId: string, userId: string, role: MapRole): Promise<void>;
	removeMember(mapId: string, userId: string): Promise<boolean>;
}

/** Updates to append to one document's log, with who made them (see ActivityStore). */
export interface DocumentAppend {
	docId: string;
	updates: readonly Uint8Array[];
}

/**
 * Storage that commits on the calling thread (the embedded SQLite) may offer this beside
 * `appendUpdateBatches`: the sync server then broadcasts an edit right after its commit, in the same
 * run of code, instead of one promise hop later. Same transaction, same result; throws instead of
 * rejecting.
 */
export interface SynchronousAppend {
	appendUpdateBatchesNow(appends: readonly DocumentAppend[]): number[];
}

/** Documents by id: a map's id for its graph, `<mapId>/discussion` for its discussion. */
export interface DocumentStore {
	loadDocument(docId: string): Promise<StoredDocument>;
	/** Appends updates durably (one transaction) and returns the last sequence number. */
	appendUpdates(docId: string, updates: Uint8Array[]): Promise<number>;
	/**
	 * Appends several documents' updates in one transaction (all or none) and returns each
	 * document's last sequence number, in order: one commit for every busy map at once.
	 */
	appendUpdateBatches(appends: readonly DocumentAppend[]): Promise<number[]>;
	/** Replaces the snapshot and drops the updates up to and including `uptoSeq`. */
	compact(docId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
	documentStats(docId: string): Promise<DocumentStats>;
}

/** One person captured as a meeting's attendee (from who had the map open). */
export interface MeetingAttendee {
	id: string;
	username: string;
	displayName: string;
}

/** A slide of a meeting's presentation: a saved view of the map and the presenter's note. */
export interface MeetingSlide {
	viewId: string;
	/** The view's name when the slide was set, so the record reads well after the view is gone. */
	name: string;
	note: string;
}

export interface MeetingDecision {
	id: string;
	text: string;
	at: number;
	by: string;
}

/** A meeting held on a map: who was there, what was on the agenda and what was decided. */
export interface MeetingRecord {
	id: string;
	mapId: string;
	title: string;
	agenda: string[];
	startedBy: string;
	startedAt: number;
	endedAt: number | null;
	attendees: MeetingAttendee[];
	slides: MeetingSlide[];
	decisions: MeetingDecision[];
	/** The map's versions (kind `meeting`) saved when the meeting started and ended. */
	startVersionId: string | null;
	endVersionId: string | null;
}

export type MeetingPatch = Partial<Pick<MeetingRecord, 'endedAt' | 'attendees' | 'slides' | 'decisions' | 'endVersionId'>>;

export type VoteKind = 'targets' | 'growthSectors' | 'actors';

export interface VoteOption {
	id: string;
	label: string;
}

export interface VoteResult {
	optionId: string;
	count: number;
}

export interface VoteRecord {
	id: string;
	meetingId: string;
	question: string;
	kind: VoteKind;
	options: VoteOption[];
	votesPerPerson: number;
	openedAt: number;
	/** Null until the presenter reveals the results; ballots are accepted only until then. */
	revealedAt: number | null;
	results: VoteResult[] | null;
	/** People whose ballots were counted (set with the results). */
	voters: number | null;
}

/** Meetings, their votes and the ballots: tables, never a Y.Doc, so ballots stay on the server. */
export interface MeetingStore {
	createMeeting(meeting: MeetingRecord): Promise<void>;
	getMeeting(id: string): Promise<MeetingRecord | null>;
	/** A map's meetings, newest first. */
	listMeetings(mapId: string): Promise<MeetingRecord[]>;
	updateMeeting(id: string, patch: MeetingPatch): Promise<void>;
	createVote(vote: VoteRecord): Promise<void>;
	getVote(id: string): Promise<VoteRecord | null>;
	listVotes(meetingId: string): Promise<VoteRecord[]>;
	/** Replaces the user's ballot (option id -> votes); false when the vote is revealed already. */
	setBallot(voteId: string, userId: string, allocation: ReadonlyMap<string, number>): Promise<boolean>;
	getBallot(voteId: string, userId: string): Promise<Map<string, number>>;
	/** Counts the ballots and closes the vote in one transaction; null when it was revealed already. */
	revealVote(voteId: string, at: number): Promise<VoteRecord | null>;
}

export interface Storage
	extends UserStore,
		SessionStore,
		ApiTokenStore,
		InviteStore,
		MapStore,
		DocumentStore,
		AuditStore,
		ActivityStore,
		ShareLinkStore,
		VersionStore,
		MeetingStore {
	readonly kind: string;
	close(): Promise<void>;
}

/** A storage failure the user should hear about (locked, full, read-only), with a stable code. */
export class StorageError extends Error {
	constructor(
		readonly code: 'storage_unavailable' | 'storage_full' | 'storage_read_only' | 'storage_failed',
		message: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.name = 'StorageError';
	}
}
