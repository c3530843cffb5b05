-- The version of the item's Latvian text a translation was written from, so its translator
-- is told when that text changed since (`Store::translation_behind`). A translation saved
-- before this column takes the version that was current when it was saved: the item's own
-- if it was last written by then, else the newest revision written by then; none if neither
-- (it then counts as up to date).
ALTER TABLE article_translations ADD COLUMN source_version BIGINT;
ALTER TABLE event_translations ADD COLUMN source_version BIGINT;
UPDATE article_translations SET source_version = COALESCE(
    (SELECT a.version FROM articles a
     WHERE a.id = article_translations.article_id
       AND a.updated_at <= article_translations.updated_at),
    (SELECT MAX(r.version) FROM article_revisions r
     WHERE r.article_id = article_translations.article_id
       AND r.saved_at <= article_translations.updated_at));
UPDATE event_translations SET source_version = COALESCE(
    (SELECT e.version FROM events e
     WHERE e.id = event_translations.event_id
       AND e.updated_at <= event_translations.updated_at),
    (SELECT MAX(r.version) FROM event_revisions r
     WHERE r.event_id = event_translations.event_id
       AND r.saved_at <= event_translations.updated_at));
