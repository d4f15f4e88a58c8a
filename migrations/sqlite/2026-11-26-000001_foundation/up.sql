-- Accounts (the accounts issue adds sessions and keys), organisations and the search index.

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    full_name TEXT NOT NULL,
    phone TEXT,
    locale TEXT NOT NULL DEFAULT 'vi',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    granted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE organizations (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    short_description TEXT,
    website TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    address TEXT,
    locality TEXT,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX organizations_created_idx ON organizations (created_at, id);
CREATE INDEX organizations_kind_idx ON organizations (kind, name_key);

CREATE TABLE search_tokens (
    kind TEXT NOT NULL,
    token TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (kind, token, record_id)
) WITHOUT ROWID;

CREATE INDEX search_tokens_record_idx ON search_tokens (kind, record_id);
