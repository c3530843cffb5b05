-- Search in the English and Russian versions: their text is stored folded like the
-- originals' and indexed the same way. Versions saved before this migration are filled in by
-- the server at start.
ALTER TABLE article_translations
    ADD COLUMN search_title TEXT NOT NULL DEFAULT '',
    ADD COLUMN search_body TEXT NOT NULL DEFAULT '';
ALTER TABLE event_translations
    ADD COLUMN search_title TEXT NOT NULL DEFAULT '',
    ADD COLUMN search_body TEXT NOT NULL DEFAULT '';

CREATE INDEX article_translations_search ON article_translations
    USING GIN (to_tsvector('simple', search_title || ' ' || search_body));
CREATE INDEX event_translations_search ON event_translations
    USING GIN (to_tsvector('simple', search_title || ' ' || search_body));
