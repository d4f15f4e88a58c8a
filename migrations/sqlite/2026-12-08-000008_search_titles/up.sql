-- A title index beside search_fts (see sonla_db::search): the first tier of relevance (every
-- word in the title) reads doclists that hold title words only, instead of filtering the
-- doclists of every field by column, which walks every record whose other fields hold the
-- words. rowid = search_documents.doc.
--
-- Both tables get prefix indexes up to six letters (folded Vietnamese syllables have at most
-- seven): a prefix query without one merges the whole doclist of every word it matches
-- before it returns a row, so "moc chau" (the last word is also a prefix) cost in proportion
-- to the records holding "chau".
CREATE VIRTUAL TABLE search_titles USING fts5 (
    title,
    content = '',
    contentless_delete = 1,
    tokenize = 'ascii',
    prefix = '1 2 3 4 5 6'
);

CREATE VIRTUAL TABLE search_fts_new USING fts5 (
    title,
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'ascii',
    prefix = '1 2 3 4 5 6'
);

-- The documents indexed so far, word by word in their order, from search_fts (read through
-- fts5vocab, since a contentless table keeps no text).
CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab (main, search_fts, 'instance');

CREATE TEMP TABLE search_upgrade AS
SELECT doc,
       group_concat(term, ' ' ORDER BY "offset") FILTER (WHERE col = 'title') AS title,
       group_concat(term, ' ' ORDER BY "offset") FILTER (WHERE col = 'body') AS body
FROM temp.search_vocab
GROUP BY doc;

INSERT INTO search_titles (rowid, title)
SELECT doc, COALESCE(title, '') FROM temp.search_upgrade;

INSERT INTO search_fts_new (rowid, title, body)
SELECT doc, COALESCE(title, ''), COALESCE(body, '') FROM temp.search_upgrade;

DROP TABLE temp.search_upgrade;
DROP TABLE temp.search_vocab;
DROP TABLE search_fts;
ALTER TABLE search_fts_new RENAME TO search_fts;
