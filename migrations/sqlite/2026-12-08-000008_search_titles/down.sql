-- search_fts back to the prefix indexes of 2026-12-07-000007, from its own words.
CREATE VIRTUAL TABLE search_fts_old USING fts5 (
    title,
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'ascii',
    prefix = '1 2 3'
);

CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab (main, search_fts, 'instance');

INSERT INTO search_fts_old (rowid, title, body)
SELECT doc,
       COALESCE(group_concat(term, ' ' ORDER BY "offset") FILTER (WHERE col = 'title'), ''),
       COALESCE(group_concat(term, ' ' ORDER BY "offset") FILTER (WHERE col = 'body'), '')
FROM temp.search_vocab
GROUP BY doc;

DROP TABLE temp.search_vocab;
DROP TABLE search_fts;
ALTER TABLE search_fts_old RENAME TO search_fts;
DROP TABLE search_titles;
