-- Whether readers ever saw the article. Its date (`published_at`) is set when it is first
-- published, whichever way (publishing its text or its settings), and kept when it is
-- hidden and shown again. Before this column, an article readers saw is one published now,
-- one the audit log says was published or restored (a restore publishes), or one that was
-- not made by an editor (the demo, an import: those are stored as they were, dated).
ALTER TABLE articles ADD COLUMN was_published BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE articles SET was_published = TRUE
    WHERE status = 'published'
       OR EXISTS (SELECT 1 FROM audit_log
                  WHERE item_kind = 'article' AND item_id = articles.id
                    AND (action = 'published' OR action LIKE 'restored version %'))
       OR NOT EXISTS (SELECT 1 FROM audit_log
                      WHERE item_kind = 'article' AND item_id = articles.id
                        AND action = 'created');
