-- Full-text search over articles and events. The application stores the searchable text
-- folded (lower case, no diacritics) in search_title/search_body; GIN indexes on their
-- tsvector are current after every insert, update and delete.
ALTER TABLE articles
    ADD COLUMN search_title TEXT NOT NULL DEFAULT '',
    ADD COLUMN search_body TEXT NOT NULL DEFAULT '';
ALTER TABLE events
    ADD COLUMN search_title TEXT NOT NULL DEFAULT '',
    ADD COLUMN search_body TEXT NOT NULL DEFAULT '';

CREATE INDEX articles_search ON articles
    USING GIN (to_tsvector('simple', search_title || ' ' || search_body));
CREATE INDEX events_search ON events
    USING GIN (to_tsvector('simple', search_title || ' ' || search_body));
