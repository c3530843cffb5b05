-- Articles can belong to an event and carry attachments; items can be moved to the trash.
ALTER TABLE articles ADD COLUMN event_id BIGINT REFERENCES events (id) ON DELETE SET NULL;
CREATE INDEX articles_event ON articles (event_id);

-- A trashed item is a draft with a time stamp here; restoring clears it.
ALTER TABLE articles ADD COLUMN trashed_at TIMESTAMPTZ;
ALTER TABLE events ADD COLUMN trashed_at TIMESTAMPTZ;

CREATE TABLE attachments (
    id BIGSERIAL PRIMARY KEY,
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    href TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL CHECK (size_bytes >= 0),
    CONSTRAINT attachments_position_key UNIQUE (article_id, position)
);
