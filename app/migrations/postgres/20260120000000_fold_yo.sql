-- Search text is folded with Russian `ё` as `е` since this version (`search::text::fold`), as
-- most readers type it. Stored search text with `ё` in it was folded before: emptied here, it
-- is folded again when the server starts (`Store::backfill_search`).
UPDATE articles SET search_title = ''
  WHERE title || lead || body_html LIKE '%ё%' OR title || lead || body_html LIKE '%Ё%';
UPDATE events SET search_title = ''
  WHERE title || summary || location || body_html LIKE '%ё%'
     OR title || summary || location || body_html LIKE '%Ё%';
UPDATE article_translations SET search_title = ''
  WHERE title || lead || body_html LIKE '%ё%' OR title || lead || body_html LIKE '%Ё%';
UPDATE event_translations SET search_title = ''
  WHERE title || summary || location || body_html LIKE '%ё%'
     OR title || summary || location || body_html LIKE '%Ё%';
