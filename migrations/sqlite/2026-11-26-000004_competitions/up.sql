-- Idea competitions: rounds, criteria, entries, judges, conflicts, assignments, score sheets,
-- published results and awards.

CREATE TABLE competitions (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    audience TEXT NOT NULL,
    tracks TEXT NOT NULL,
    organizer_id TEXT REFERENCES organizations (id) ON DELETE SET NULL,
    submission_opens_at TIMESTAMP,
    submission_closes_at TIMESTAMP,
    status TEXT NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX competitions_status_idx ON competitions (status, created_at);

CREATE TABLE rounds (
    id TEXT PRIMARY KEY NOT NULL,
    competition_id TEXT NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    method TEXT NOT NULL,
    judges_per_entry INTEGER NOT NULL,
    pass_mark DOUBLE PRECISION,
    blind BOOLEAN NOT NULL,
    advance_count INTEGER,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (competition_id, position)
);

CREATE TABLE criteria (
    id TEXT PRIMARY KEY NOT NULL,
    round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT,
    weight DOUBLE PRECISION NOT NULL,
    max_score DOUBLE PRECISION NOT NULL,
    position INTEGER NOT NULL
);

CREATE INDEX criteria_round_idx ON criteria (round_id, position);

CREATE TABLE entries (
    id TEXT PRIMARY KEY NOT NULL,
    competition_id TEXT NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
    idea_id TEXT NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    track TEXT,
    status TEXT NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (competition_id, idea_id)
);

CREATE TABLE round_entries (
    round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    PRIMARY KEY (round_id, entry_id)
);

CREATE TABLE competition_judges (
    competition_id TEXT NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (competition_id, user_id)
);

CREATE TABLE conflicts (
    id TEXT PRIMARY KEY NOT NULL,
    competition_id TEXT NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
    judge_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    note TEXT,
    declared_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (judge_id, entry_id)
);

CREATE TABLE assignments (
    id TEXT PRIMARY KEY NOT NULL,
    round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    entry_id TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    judge_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (round_id, entry_id, judge_id)
);

CREATE INDEX assignments_judge_idx ON assignments (judge_id, round_id);

CREATE TABLE score_sheets (
    assignment_id TEXT PRIMARY KEY NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    round_id TEXT NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    comment TEXT,
    version INTEGER NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP
);

CREATE INDEX score_sheets_round_idx ON score_sheets (round_id, status);

CREATE TABLE sheet_scores (
    assignment_id TEXT NOT NULL REFERENCES score_sheets (assignment_id) ON DELETE CASCADE,
    criterion_id TEXT NOT NULL REFERENCES criteria (id) ON DELETE CASCADE,
    value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (assignment_id, criterion_id)
);

CREATE TABLE published_results (
    competition_id TEXT PRIMARY KEY NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
    snapshot TEXT NOT NULL,
    published_at TIMESTAMP NOT NULL
);

CREATE TABLE awards (
    id TEXT PRIMARY KEY NOT NULL,
    competition_id TEXT NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
    round_id TEXT REFERENCES rounds (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    rank_from INTEGER,
    rank_to INTEGER,
    entry_id TEXT REFERENCES entries (id) ON DELETE CASCADE,
    prize_vnd BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
