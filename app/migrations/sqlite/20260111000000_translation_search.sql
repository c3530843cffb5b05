-- Search in the English and Russian versions: their text is stored folded like the
-- originals' and indexed by FTS5 through triggers. Index rowids: item id * 4, plus 2 for an
-- event, plus 1 for Russian. Versions saved before this migration are indexed empty until the
-- server fills their text at start.
ALTER TABLE article_translations ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
ALTER TABLE article_translations ADD COLUMN search_body TEXT NOT NULL DEFAULT '';
ALTER TABLE event_translations ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
ALTER TABLE event_translations ADD COLUMN search_body TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE translation_search_index USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER article_translations_search_insert AFTER INSERT ON article_translations BEGIN
    INSERT INTO translation_search_index (rowid, title, body)
    VALUES (new.article_id * 4 + (new.lang = 'ru'), new.search_title, new.search_body);
END;
CREATE TRIGGER article_translations_search_update
AFTER UPDATE OF search_title, search_body ON article_translations BEGIN
    DELETE FROM translation_search_index WHERE rowid = old.article_id * 4 + (old.lang = 'ru');
    INSERT INTO translation_search_index (rowid, title, body)
    VALUES (new.article_id * 4 + (new.lang = 'ru'), new.search_title, new.search_body);
END;
CREATE TRIGGER article_translations_search_delete AFTER DELETE ON article_translations BEGIN
    DELETE FROM translation_search_index WHERE rowid = old.article_id * 4 + (old.lang = 'ru');
END;

CREATE TRIGGER event_translations_search_insert AFTER INSERT ON event_translations BEGIN
    INSERT INTO translation_search_index (rowid, title, body)
    VALUES (new.event_id * 4 + 2 + (new.lang = 'ru'), new.search_title, new.search_body);
END;
CREATE TRIGGER event_translations_search_update
AFTER UPDATE OF search_title, search_body ON event_translations BEGIN
    DELETE FROM translation_search_index WHERE rowid = old.event_id * 4 + 2 + (old.lang = 'ru');
    INSERT INTO translation_search_index (rowid, title, body)
    VALUES (new.event_id * 4 + 2 + (new.lang = 'ru'), new.search_title, new.search_body);
END;
CREATE TRIGGER event_translations_search_delete AFTER DELETE ON event_translations BEGIN
    DELETE FROM translation_search_index WHERE rowid = old.event_id * 4 + 2 + (old.lang = 'ru');
END;

INSERT INTO translation_search_index (rowid, title, body)
SELECT article_id * 4 + (lang = 'ru'), '', '' FROM article_translations;
INSERT INTO translation_search_index (rowid, title, body)
SELECT event_id * 4 + 2 + (lang = 'ru'), '', '' FROM event_translations;
