-- Narrowed to categories, the news archive's index (its first and last publication and its
-- counts per month) and the lists' totals count a category's articles by this index instead
-- of reading every published article.
CREATE INDEX articles_category ON articles (category_id, status, published_at DESC);
