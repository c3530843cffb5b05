-- Which version of the HTML allow-list cleaned each body. Rows stored before this column
-- existed (0) are cleaned again whenever they are rendered.
ALTER TABLE articles ADD COLUMN sanitizer_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN sanitizer_version INTEGER NOT NULL DEFAULT 0;
