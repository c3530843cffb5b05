-- Each save of a translation adds one to its version; a save names the version it started
-- from, so an editor cannot overwrite a translation someone else saved meanwhile.
ALTER TABLE article_translations ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE event_translations ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
