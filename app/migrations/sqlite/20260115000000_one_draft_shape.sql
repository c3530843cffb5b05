-- Article drafts are stored as event drafts are: the editor's fields as one JSON document with
-- a format number (`editing/stored_draft.rs`), so every kind of item keeps its shared draft in
-- one shape, written and read by one piece of SQL. Drafts saved before keep every word.
CREATE TABLE article_drafts_json (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    fields TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    draft_version INTEGER NOT NULL,
    saved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    saved_at INTEGER NOT NULL
);
INSERT INTO article_drafts_json
    (article_id, fields, base_version, draft_version, saved_by, saved_at)
SELECT article_id,
    json_object('format', 1, 'title', title, 'lead', lead, 'body_html', body_html,
        'contact', contact),
    base_version, draft_version, saved_by, saved_at
FROM article_drafts;
DROP TABLE article_drafts;
ALTER TABLE article_drafts_json RENAME TO article_drafts;
