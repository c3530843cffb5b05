-- A category's name in English and Russian, for readers of those languages; empty where
-- nobody gave one, and the Latvian name is shown.
ALTER TABLE categories ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE categories ADD COLUMN name_ru TEXT NOT NULL DEFAULT '';
