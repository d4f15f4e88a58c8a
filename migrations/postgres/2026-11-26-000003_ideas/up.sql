-- Startup ideas and projects, their teams and their workflow history. Search words get a
-- weight, so results rank by where the words stand (title above description).

ALTER TABLE search_tokens ADD COLUMN weight INTEGER NOT NULL DEFAULT 1;

CREATE TABLE ideas (
    id TEXT COLLATE "C" PRIMARY KEY,
    title TEXT NOT NULL,
    title_key TEXT COLLATE "C" NOT NULL,
    summary TEXT NOT NULL,
    description TEXT,
    sector TEXT NOT NULL,
    stage TEXT NOT NULL,
    status TEXT NOT NULL,
    visibility TEXT NOT NULL,
    ever_public BOOLEAN NOT NULL DEFAULT FALSE,
    ever_members BOOLEAN NOT NULL DEFAULT FALSE,
    locality TEXT,
    locality_key TEXT COLLATE "C",
    former_district TEXT,
    organization_id TEXT COLLATE "C" REFERENCES organizations (id) ON DELETE SET NULL,
    tags TEXT NOT NULL,
    ip_kind TEXT NOT NULL,
    ip_numbers TEXT NOT NULL,
    website_url TEXT,
    video_url TEXT,
    pitch_deck_url TEXT,
    funding_need_vnd BIGINT,
    funding_note TEXT,
    priority INTEGER,
    shortlisted BOOLEAN NOT NULL DEFAULT FALSE,
    officer_note TEXT,
    created_by TEXT COLLATE "C" REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    deleted_at TIMESTAMP
);

CREATE INDEX ideas_created_idx ON ideas (created_at, id);
CREATE INDEX ideas_updated_idx ON ideas (updated_at, id);
CREATE INDEX ideas_title_idx ON ideas (title_key, id);
CREATE INDEX ideas_priority_idx ON ideas (priority, created_at, id);
CREATE INDEX ideas_status_idx ON ideas (status, created_at);
CREATE INDEX ideas_sector_idx ON ideas (sector, created_at);
CREATE INDEX ideas_organization_idx ON ideas (organization_id);
CREATE INDEX ideas_locality_idx ON ideas (locality_key);

CREATE TABLE idea_members (
    idea_id TEXT COLLATE "C" NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (idea_id, user_id)
);

CREATE INDEX idea_members_user_idx ON idea_members (user_id, idea_id);

CREATE TABLE idea_history (
    id TEXT COLLATE "C" PRIMARY KEY,
    idea_id TEXT COLLATE "C" NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    note TEXT,
    actor_id TEXT COLLATE "C" REFERENCES users (id) ON DELETE SET NULL,
    occurred_at TIMESTAMP NOT NULL
);

CREATE INDEX idea_history_idea_idx ON idea_history (idea_id, occurred_at);
