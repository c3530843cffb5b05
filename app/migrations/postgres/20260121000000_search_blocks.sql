-- Search text keeps blocks apart since this version (`search::text::plain_text`): before,
-- `<li>viens</li><li>divi</li>` was searched as "viensdivi". Emptied here, the search text of
-- every item with a body is folded again when the server starts (`Store::backfill_search`).
UPDATE articles SET search_title = '' WHERE body_html <> '';
UPDATE events SET search_title = '' WHERE body_html <> '';
UPDATE article_translations SET search_title = '' WHERE body_html <> '';
UPDATE event_translations SET search_title = '' WHERE body_html <> '';
