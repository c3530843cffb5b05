-- Article drafts are stored as event drafts are: the editor's fields as one JSON document with
-- a format number (`editing/stored_draft.rs`), so every kind of item keeps its shared draft in
-- one shape, written and read by one piece of SQL. Drafts saved before keep every word.
ALTER TABLE article_drafts ADD COLUMN fields TEXT;
UPDATE article_drafts SET fields = json_build_object('format', 1, 'title', title, 'lead', lead,
    'body_html', body_html, 'contact', contact)::text;
ALTER TABLE article_drafts ALTER COLUMN fields SET NOT NULL;
ALTER TABLE article_drafts DROP COLUMN title, DROP COLUMN lead, DROP COLUMN body_html,
    DROP COLUMN contact;
