DROP INDEX search_documents_title_words_idx;
ALTER TABLE search_documents DROP COLUMN title_words;
