-- Translations record which sanitiser cleaned their body, as articles and events do, so a
-- reader's page shows a translation as stored unless the allow-list changed since. Existing
-- rows (0) are cleaned again as they are read.
ALTER TABLE article_translations ADD COLUMN sanitizer_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_translations ADD COLUMN sanitizer_version INTEGER NOT NULL DEFAULT 0;
