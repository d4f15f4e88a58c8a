-- Back to the token index, from the lexemes of the tsvectors; an idea's title words (weight
-- A) get weight 4, every other word 1.
CREATE TABLE search_tokens (
    kind TEXT COLLATE "C" NOT NULL,
    token TEXT COLLATE "C" NOT NULL,
    record_id TEXT COLLATE "C" NOT NULL,
    weight INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (kind, token, record_id)
);

CREATE INDEX search_tokens_record_idx ON search_tokens (kind, record_id);

INSERT INTO search_tokens (kind, token, record_id, weight)
SELECT d.kind, u.lexeme, d.record_id,
       CASE WHEN d.kind = 'idea' AND 'A' = ANY (u.weights) THEN 4 ELSE 1 END
FROM search_documents d
CROSS JOIN LATERAL unnest(d.words) AS u (lexeme, positions, weights);

DROP TABLE search_documents;
