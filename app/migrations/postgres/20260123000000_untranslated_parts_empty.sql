-- A part a translator left as the Latvian text is stored empty and read as the item's own
-- (`ItemTables::translated`), so it follows later changes of the Latvian text instead of
-- showing readers a stale copy of it.
UPDATE article_translations SET title = ''
WHERE title = (SELECT a.title FROM articles a WHERE a.id = article_translations.article_id);
UPDATE article_translations SET lead = ''
WHERE lead = (SELECT a.lead FROM articles a WHERE a.id = article_translations.article_id);
UPDATE article_translations SET body_html = ''
WHERE body_html = (SELECT a.body_html FROM articles a WHERE a.id = article_translations.article_id);
UPDATE article_translations SET contact = ''
WHERE contact = (SELECT a.contact FROM articles a WHERE a.id = article_translations.article_id);
UPDATE event_translations SET title = ''
WHERE title = (SELECT e.title FROM events e WHERE e.id = event_translations.event_id);
UPDATE event_translations SET summary = ''
WHERE summary = (SELECT e.summary FROM events e WHERE e.id = event_translations.event_id);
UPDATE event_translations SET body_html = ''
WHERE body_html = (SELECT e.body_html FROM events e WHERE e.id = event_translations.event_id);
UPDATE event_translations SET location = ''
WHERE location = (SELECT e.location FROM events e WHERE e.id = event_translations.event_id);
-- Their search text is folded again when the server starts (`backfill_search`), reading each
-- part as readers now do.
UPDATE article_translations SET search_title = '';
UPDATE event_translations SET search_title = '';
