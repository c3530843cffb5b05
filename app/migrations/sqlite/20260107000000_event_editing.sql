-- Events get what articles have: a shared draft saved while editing, and revisions of every
-- published change.

-- One shared draft per event. It holds the form as typed (JSON of the editor's fields), not
-- event columns: a draft may be half-done, and only publishing turns it into dates and times.
CREATE TABLE event_drafts (
    event_id INTEGER PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    fields TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    draft_version INTEGER NOT NULL,
    saved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    saved_at INTEGER NOT NULL
);

-- The event as it was before each change. The recurrence rule is not kept: editors do not
-- change it in place, and a restored version keeps the event's current rule.
CREATE TABLE event_revisions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body_html TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    all_day INTEGER NOT NULL,
    location TEXT NOT NULL,
    category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    status TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at INTEGER NOT NULL,
    CONSTRAINT event_revisions_version_key UNIQUE (event_id, version)
);

-- Who saved the current version (revisions copy it when a newer version replaces it).
ALTER TABLE events ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
