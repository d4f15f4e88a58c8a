-- Accounts (the accounts issue adds sessions and keys), organisations and the search index.
-- Keys that are sorted or range-scanned use COLLATE "C" so they compare byte-wise, as SQLite does.

CREATE TABLE users (
    id TEXT COLLATE "C" PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    full_name TEXT NOT NULL,
    phone TEXT,
    locale TEXT NOT NULL DEFAULT 'vi',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE user_roles (
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    granted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE organizations (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT COLLATE "C" NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    short_description TEXT,
    website TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    address TEXT,
    locality TEXT,
    created_by TEXT COLLATE "C" REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX organizations_created_idx ON organizations (created_at, id);
CREATE INDEX organizations_kind_idx ON organizations (kind, name_key);
CREATE INDEX organizations_created_by_idx ON organizations (created_by);

CREATE TABLE search_tokens (
    kind TEXT COLLATE "C" NOT NULL,
    token TEXT COLLATE "C" NOT NULL,
    record_id TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (kind, token, record_id)
);

CREATE INDEX search_tokens_record_idx ON search_tokens (kind, record_id);
