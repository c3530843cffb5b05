-- The news list, its archive index and the archive's pages narrowed to categories count and
-- find a category's articles by this index instead of reading every published article.
CREATE INDEX articles_category ON articles (category_id, status, published_at DESC);
