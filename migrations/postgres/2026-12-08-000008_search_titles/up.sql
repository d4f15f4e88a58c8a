-- A title tsvector beside `words` (see sonla_db::search), with its own GIN index: the first
-- tier of relevance (every word in the title) matches it without rechecking weights in the
-- heap, and the planner's statistics for it are the titles' own.
ALTER TABLE search_documents ADD COLUMN title_words TSVECTOR NOT NULL DEFAULT '';

-- The titles indexed so far: the lexemes of `words` weighted A, at their positions, unweighted.
UPDATE search_documents SET title_words = setweight(ts_filter(words, '{a}'), 'D');

CREATE INDEX search_documents_title_words_idx ON search_documents USING GIN (title_words);
