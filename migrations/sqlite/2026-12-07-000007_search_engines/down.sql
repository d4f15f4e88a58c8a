-- Back to the token index, from the words FTS5 holds (read through fts5vocab); an idea's
-- title words get weight 4, every other word 1.
CREATE TABLE search_tokens (
    kind TEXT NOT NULL,
    token TEXT NOT NULL,
    record_id TEXT NOT NULL,
    weight INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (kind, token, record_id)
) WITHOUT ROWID;

CREATE INDEX search_tokens_record_idx ON search_tokens (kind, record_id);

CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab (main, search_fts, 'instance');

INSERT OR IGNORE INTO search_tokens (kind, token, record_id, weight)
SELECT d.kind, v.term, d.record_id,
       CASE WHEN d.kind = 'idea' AND v.col = 'title' THEN 4 ELSE 1 END
FROM temp.search_vocab v
JOIN search_documents d ON d.doc = v.doc
ORDER BY v.col = 'title' DESC;

DROP TABLE temp.search_vocab;
DROP TABLE search_fts;
DROP TABLE search_documents;
