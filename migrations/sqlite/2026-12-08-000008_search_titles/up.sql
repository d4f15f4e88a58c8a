-- A title index beside search_fts (see sonla_db::search): the first tier of relevance (every
-- word in the title) reads doclists that hold title words only, instead of filtering the
-- doclists of every field by column, which walks every record whose other fields hold the
-- words. Same tokenizer and prefix indexes as search_fts; rowid = search_documents.doc.
CREATE VIRTUAL TABLE search_titles USING fts5 (
    title,
    content = '',
    contentless_delete = 1,
    tokenize = 'ascii',
    prefix = '1 2 3'
);

-- The titles indexed so far, word by word in their order, from search_fts (read through
-- fts5vocab, since a contentless table keeps no text).
CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab (main, search_fts, 'instance');

INSERT INTO search_titles (rowid, title)
SELECT doc, group_concat(term, ' ')
FROM (SELECT doc, term FROM temp.search_vocab WHERE col = 'title' ORDER BY doc, offset)
GROUP BY doc;

DROP TABLE temp.search_vocab;
