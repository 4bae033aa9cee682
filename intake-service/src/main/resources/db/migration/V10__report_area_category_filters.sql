-- Filters of the operators' list (受理台, issue 17): by township (乡镇), community (社区) and
-- category (问题类别), newest first. report_dup_candidates covers categories of open reports only
-- (partial index), so the category filter over every status gets its own index.
CREATE INDEX report_township_registered ON report (township_code, registered_at);
CREATE INDEX report_community_registered ON report (community_code, registered_at);
CREATE INDEX report_category_registered ON report (category_code, registered_at);
