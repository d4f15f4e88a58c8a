DROP TABLE idea_history;
DROP TABLE idea_members;
DROP TABLE ideas;
ALTER TABLE search_tokens DROP COLUMN weight;
