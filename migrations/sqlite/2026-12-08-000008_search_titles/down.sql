DROP TABLE search_titles;
