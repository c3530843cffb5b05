-- Notikumi schema, PostgreSQL dialect. Instants are TIMESTAMPTZ.
CREATE TABLE categories (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL CONSTRAINT categories_slug_key UNIQUE,
    name TEXT NOT NULL,
    colour TEXT NOT NULL
);

CREATE TABLE events (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL CONSTRAINT events_slug_key UNIQUE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body_html TEXT NOT NULL DEFAULT '',
    starts_at TIMESTAMPTZ NOT NULL,
    ends_at TIMESTAMPTZ NOT NULL,
    all_day BOOLEAN NOT NULL DEFAULT FALSE,
    location TEXT NOT NULL DEFAULT '',
    category_id BIGINT REFERENCES categories (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK (ends_at >= starts_at)
);
CREATE INDEX events_published_start ON events (status, starts_at);
CREATE INDEX events_published_end ON events (status, ends_at);

CREATE TABLE articles (
    id BIGSERIAL PRIMARY KEY,
    slug TEXT NOT NULL CONSTRAINT articles_slug_key UNIQUE,
    title TEXT NOT NULL,
    lead TEXT NOT NULL DEFAULT '',
    body_html TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    published_at TIMESTAMPTZ NOT NULL,
    category_id BIGINT REFERENCES categories (id) ON DELETE SET NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX articles_published ON articles (status, published_at DESC);

CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL CONSTRAINT users_email_key UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
