// SQLite schema as an ordered list of migrations; PRAGMA user_version records how many ran.
// Append new migrations at the end; never edit one that has shipped.

export const SQLITE_MIGRATIONS: readonly string[] = [
	`
	CREATE TABLE users (
		id TEXT PRIMARY KEY,
		username TEXT NOT NULL UNIQUE COLLATE NOCASE,
		display_name TEXT NOT NULL,
		password_hash TEXT NOT NULL,
		is_admin INTEGER NOT NULL DEFAULT 0,
		disabled INTEGER NOT NULL DEFAULT 0,
		created_at INTEGER NOT NULL
	);
	CREATE TABLE sessions (
		id TEXT PRIMARY KEY,
		user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		secret_hash BLOB NOT NULL,
		created_at INTEGER NOT NULL,
		expires_at INTEGER NOT NULL,
		last_used_at INTEGER NOT NULL
	);
	CREATE INDEX sessions_user ON sessions(user_id);
	CREATE TABLE api_tokens (
		id TEXT PRIMARY KEY,
		user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		label TEXT NOT NULL,
		secret_hash BLOB NOT NULL,
		created_at INTEGER NOT NULL,
		last_used_at INTEGER
	);
	CREATE INDEX api_tokens_user ON api_tokens(user_id);
	CREATE TABLE invites (
		id TEXT PRIMARY KEY,
		secret_hash BLOB NOT NULL,
		created_by TEXT NOT NULL REFERENCES users(id),
		is_admin INTEGER NOT NULL DEFAULT 0,
		created_at INTEGER NOT NULL,
		expires_at INTEGER NOT NULL,
		used_by TEXT REFERENCES users(id)
	);
	CREATE TABLE maps (
		id TEXT PRIMARY KEY,
		title TEXT NOT NULL,
		created_by TEXT NOT NULL REFERENCES users(id),
		created_at INTEGER NOT NULL
	);
	CREATE TABLE map_members (
		map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
		user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'commenter', 'viewer')),
		PRIMARY KEY (map_id, user_id)
	);
	CREATE INDEX map_members_user ON map_members(user_id);
	-- A document id is a map id (the graph) or '<mapId>/discussion' (see documents.ts).
	CREATE TABLE doc_snapshots (
		doc_id TEXT PRIMARY KEY,
		snapshot BLOB NOT NULL,
		upto_seq INTEGER NOT NULL
	);
	-- AUTOINCREMENT keeps sequence numbers rising after compaction deletes the tail.
	CREATE TABLE doc_updates (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		doc_id TEXT NOT NULL,
		update_data BLOB NOT NULL
	);
	CREATE INDEX doc_updates_doc ON doc_updates(doc_id, seq);
	`,
	`
	CREATE TABLE audit_events (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		at INTEGER NOT NULL,
		type TEXT NOT NULL,
		actor_id TEXT,
		username TEXT,
		ip TEXT,
		detail TEXT NOT NULL DEFAULT '{}'
	);
	CREATE INDEX audit_events_at ON audit_events(at);
	`,
	`
	CREATE TABLE activity (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
		document TEXT NOT NULL,
		at INTEGER NOT NULL,
		user_id TEXT NOT NULL REFERENCES users(id),
		collection TEXT NOT NULL,
		element_id TEXT NOT NULL,
		action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'deleted'))
	);
	CREATE INDEX activity_map_at ON activity(map_id, at);
	`,
	`
	CREATE TABLE versions (
		id TEXT PRIMARY KEY,
		map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
		name TEXT NOT NULL,
		kind TEXT NOT NULL CHECK (kind IN ('named', 'auto', 'meeting')),
		created_by TEXT REFERENCES users(id),
		created_at INTEGER NOT NULL,
		snapshot BLOB NOT NULL
	);
	CREATE INDEX versions_map_at ON versions(map_id, created_at);
	`,
	`
	CREATE TABLE share_links (
		id TEXT PRIMARY KEY,
		map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
		label TEXT NOT NULL,
		secret_hash BLOB NOT NULL,
		created_by TEXT NOT NULL REFERENCES users(id),
		created_at INTEGER NOT NULL,
		expires_at INTEGER NOT NULL,
		revoked_at INTEGER
	);
	CREATE INDEX share_links_map ON share_links(map_id, created_at);
	`,
	`
	-- Meetings are records, not documents: ballots must stay on the server until revealed.
	CREATE TABLE meetings (
		id TEXT PRIMARY KEY,
		map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
		title TEXT NOT NULL,
		agenda TEXT NOT NULL DEFAULT '[]',
		started_by TEXT NOT NULL REFERENCES users(id),
		started_at INTEGER NOT NULL,
		ended_at INTEGER,
		attendees TEXT NOT NULL DEFAULT '[]',
		slides TEXT NOT NULL DEFAULT '[]',
		decisions TEXT NOT NULL DEFAULT '[]',
		start_version_id TEXT,
		end_version_id TEXT
	);
	CREATE INDEX meetings_map_started ON meetings(map_id, started_at);
	CREATE TABLE meeting_votes (
		id TEXT PRIMARY KEY,
		meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
		question TEXT NOT NULL,
		kind TEXT NOT NULL CHECK (kind IN ('targets', 'growthSectors', 'actors')),
		options TEXT NOT NULL,
		votes_per_person INTEGER NOT NULL CHECK (votes_per_person > 0),
		opened_at INTEGER NOT NULL,
		revealed_at INTEGER,
		results TEXT,
		voters INTEGER
	);
	CREATE INDEX meeting_votes_meeting ON meeting_votes(meeting_id, opened_at);
	CREATE TABLE meeting_ballots (
		vote_id TEXT NOT NULL REFERENCES meeting_votes(id) ON DELETE CASCADE,
		user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		option_id TEXT NOT NULL,
		votes INTEGER NOT NULL CHECK (votes > 0),
		PRIMARY KEY (vote_id, user_id, option_id)
	);
	`
];
