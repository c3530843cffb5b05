-- Whether readers ever saw the article. Its date (`published_at`) is set when it is first
-- published, whichever way (publishing its text or its settings), and kept when it is
-- hidden and shown again. Articles published before this column existed are the ones
-- published now or logged as published.
ALTER TABLE articles ADD COLUMN was_published INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET was_published = 1
    WHERE status = 'published'
       OR id IN (SELECT item_id FROM audit_log WHERE item_kind = 'article' AND action = 'published');
