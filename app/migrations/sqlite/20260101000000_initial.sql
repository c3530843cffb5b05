-- Notikumi schema, SQLite dialect. Instants are INTEGER Unix seconds (UTC).
CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL CONSTRAINT categories_slug_key UNIQUE,
    name TEXT NOT NULL,
    colour TEXT NOT NULL
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL CONSTRAINT events_slug_key UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body_html TEXT NOT NULL DEFAULT '',
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    all_day INTEGER NOT NULL DEFAULT 0,
    location TEXT NOT NULL DEFAULT '',
    category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (ends_at >= starts_at)
);
-- Month pages ask for published events overlapping a range.
CREATE INDEX events_published_start ON events (status, starts_at);
CREATE INDEX events_published_end ON events (status, ends_at);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL CONSTRAINT articles_slug_key UNIQUE,
    title TEXT NOT NULL,
    lead TEXT NOT NULL DEFAULT '',
    body_html TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    published_at INTEGER NOT NULL,
    category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX articles_published ON articles (status, published_at DESC);

-- Editors (issue: editing in place). Ready now so both backends share one schema history.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL CONSTRAINT users_email_key UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
    created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
