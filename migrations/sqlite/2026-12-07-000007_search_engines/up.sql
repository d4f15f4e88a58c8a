-- Search on SQLite's own engine, FTS5 (see sonla_db::search). A document per searchable
-- record, numbered in the order the records were created; its folded words in a contentless
-- FTS5 table under that number, split only at spaces (`ascii`: our words are letters and
-- digits), with prefix indexes for type-ahead.
CREATE TABLE search_documents (
    doc INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    UNIQUE (kind, record_id)
);

CREATE VIRTUAL TABLE search_fts USING fts5 (
    title,
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'ascii',
    prefix = '1 2 3'
);

-- The records indexed so far, from the words the token index holds for them, so an upgraded
-- database finds what it found before. Title words: an idea's are its words of weight 4 (its
-- title); an organisation's are the words of its folded name; a user's list has no tiers.
CREATE TEMP TABLE search_upgrade AS
SELECT t.kind, t.record_id, t.token,
       CASE
           WHEN t.kind = 'idea' THEN t.weight = 4
           WHEN t.kind = 'organization' THEN instr(
               ' ' || replace(replace(replace(replace(replace(replace(replace(replace(
                   o.name_key, ',', ' '), '.', ' '), '-', ' '), '(', ' '), ')', ' '),
                   '/', ' '), '&', ' '), '''', ' ') || ' ',
               ' ' || t.token || ' ') > 0
           ELSE 0
       END AS in_title
FROM search_tokens t
LEFT JOIN organizations o ON t.kind = 'organization' AND o.id = t.record_id;

INSERT INTO search_documents (doc, kind, record_id)
SELECT row_number() OVER (ORDER BY COALESCE(i.created_at, o.created_at, u.created_at), r.record_id),
       r.kind, r.record_id
FROM (SELECT DISTINCT kind, record_id FROM search_upgrade) r
LEFT JOIN ideas i ON r.kind = 'idea' AND i.id = r.record_id
LEFT JOIN organizations o ON r.kind = 'organization' AND o.id = r.record_id
LEFT JOIN users u ON r.kind = 'user' AND u.id = r.record_id;

INSERT INTO search_fts (rowid, title, body)
SELECT d.doc,
       COALESCE(group_concat(CASE WHEN w.in_title THEN w.token END, ' '), ''),
       COALESCE(group_concat(CASE WHEN NOT w.in_title THEN w.token END, ' '), '')
FROM search_documents d
JOIN search_upgrade w ON w.kind = d.kind AND w.record_id = d.record_id
GROUP BY d.doc;

DROP TABLE temp.search_upgrade;
DROP TABLE search_tokens;
