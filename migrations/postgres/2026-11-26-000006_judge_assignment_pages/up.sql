-- A judge's assignments are read a page at a time in id order (GET /api/v1/me/assignments):
-- this index serves the page without reading and sorting all of the judge's assignments.
CREATE INDEX assignments_judge_page_idx ON assignments (judge_id, id);
