-- Search on PostgreSQL's own engine (see sonla_db::search). A document per searchable record,
-- numbered in the order the records were created, with its folded words as a tsvector written
-- lexeme by lexeme (title words weighted A; no text parser runs) and a GIN index.
CREATE TABLE search_documents (
    doc BIGSERIAL PRIMARY KEY,
    kind TEXT COLLATE "C" NOT NULL,
    record_id TEXT COLLATE "C" NOT NULL,
    words TSVECTOR NOT NULL,
    UNIQUE (kind, record_id)
);

-- The records indexed so far, from the words the token index holds for them, so an upgraded
-- database finds what it found before. Title words: an idea's are its words of weight 4 (its
-- title); an organisation's are the words of its folded name; a user's list has no tiers.
-- Words are letters and digits only, so quoting them needs no escapes.
INSERT INTO search_documents (doc, kind, record_id, words)
SELECT row_number() OVER (ORDER BY COALESCE(i.created_at, o.created_at, u.created_at), w.record_id),
       w.kind, w.record_id, w.words::tsvector
FROM (
    SELECT kind, record_id,
           string_agg('''' || token || ''':' || LEAST(n, 16383) || CASE WHEN in_title THEN 'A' ELSE '' END,
                      ' ' ORDER BY n) AS words
    FROM (
        SELECT t.kind, t.record_id, t.token, t.in_title,
               row_number() OVER (PARTITION BY t.kind, t.record_id ORDER BY t.in_title DESC, t.token) AS n
        FROM (
            SELECT t.kind, t.record_id, t.token,
                   CASE
                       WHEN t.kind = 'idea' THEN t.weight = 4
                       WHEN t.kind = 'organization' THEN strpos(
                           ' ' || translate(o.name_key, ',.-()/&''', '        ') || ' ',
                           ' ' || t.token || ' ') > 0
                       ELSE false
                   END AS in_title
            FROM search_tokens t
            LEFT JOIN organizations o ON t.kind = 'organization' AND o.id = t.record_id
        ) t
    ) t
    GROUP BY kind, record_id
) w
LEFT JOIN ideas i ON w.kind = 'idea' AND i.id = w.record_id
LEFT JOIN organizations o ON w.kind = 'organization' AND o.id = w.record_id
LEFT JOIN users u ON w.kind = 'user' AND u.id = w.record_id;

SELECT setval(pg_get_serial_sequence('search_documents', 'doc'),
              COALESCE((SELECT MAX(doc) FROM search_documents), 0) + 1, false);

CREATE INDEX search_documents_words_idx ON search_documents USING GIN (words);
CREATE INDEX search_documents_order_idx ON search_documents (kind, doc);

DROP TABLE search_tokens;
