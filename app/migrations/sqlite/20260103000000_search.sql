-- Full-text search over articles and events. The application stores the searchable text
-- folded (lower case, no diacritics) in search_title/search_body; FTS5 indexes it through
-- triggers, so the index is current after every insert, update and delete.
-- Index rowids: article id * 2, event id * 2 + 1.
ALTER TABLE articles ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN search_body TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN search_body TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO search_index (rowid, title, body)
    VALUES (new.id * 2, new.search_title, new.search_body);
END;
CREATE TRIGGER articles_search_update AFTER UPDATE OF search_title, search_body ON articles BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
    INSERT INTO search_index (rowid, title, body)
    VALUES (new.id * 2, new.search_title, new.search_body);
END;
CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2;
END;

CREATE TRIGGER events_search_insert AFTER INSERT ON events BEGIN
    INSERT INTO search_index (rowid, title, body)
    VALUES (new.id * 2 + 1, new.search_title, new.search_body);
END;
CREATE TRIGGER events_search_update AFTER UPDATE OF search_title, search_body ON events BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
    INSERT INTO search_index (rowid, title, body)
    VALUES (new.id * 2 + 1, new.search_title, new.search_body);
END;
CREATE TRIGGER events_search_delete AFTER DELETE ON events BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 2 + 1;
END;

-- Rows stored before this migration are indexed empty; the server fills their text at start.
INSERT INTO search_index (rowid, title, body) SELECT id * 2, '', '' FROM articles;
INSERT INTO search_index (rowid, title, body) SELECT id * 2 + 1, '', '' FROM events;
