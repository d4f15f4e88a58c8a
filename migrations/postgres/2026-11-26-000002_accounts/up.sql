-- Sessions (refresh-token families), organisation memberships, API keys, login throttling and
-- the audit log. Ids and keys compare byte-wise (COLLATE "C"), as on SQLite.

CREATE TABLE refresh_tokens (
    id TEXT COLLATE "C" PRIMARY KEY,
    family_id TEXT COLLATE "C" NOT NULL,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    revoked_at TIMESTAMP
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE organization_members (
    organization_id TEXT COLLATE "C" NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);

CREATE INDEX organization_members_user_idx ON organization_members (user_id);

CREATE TABLE api_keys (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL UNIQUE,
    secret_hash TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_by TEXT COLLATE "C" REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);

CREATE TABLE login_failures (
    id TEXT COLLATE "C" PRIMARY KEY,
    scope_key TEXT COLLATE "C" NOT NULL,
    failed_at TIMESTAMP NOT NULL
);

CREATE INDEX login_failures_scope_idx ON login_failures (scope_key, failed_at);

CREATE TABLE audit_log (
    id TEXT COLLATE "C" PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor_id TEXT COLLATE "C",
    actor_kind TEXT NOT NULL,
    action TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT COLLATE "C",
    before_json TEXT,
    after_json TEXT,
    client_ip TEXT,
    request_id TEXT
);

CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id);
CREATE INDEX audit_log_record_idx ON audit_log (record_type, record_id, id);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);
