-- Editors: failed sign-ins (slowed per account and per address), drafts saved while editing,
-- revisions of every published change, and the audit log.

-- `key` is "account:<email>" or "address:<ip>".
CREATE TABLE login_failures (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
);

-- Sessions are looked up by the SHA-256 of their token (the `id` column), never the token.
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- One shared draft per article. `base_version` is the article version the draft started
-- from; `draft_version` counts its saves, so a stale save is refused.
CREATE TABLE article_drafts (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    lead TEXT NOT NULL,
    body_html TEXT NOT NULL,
    contact TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    draft_version INTEGER NOT NULL,
    saved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    saved_at INTEGER NOT NULL
);

CREATE TABLE article_revisions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    lead TEXT NOT NULL,
    body_html TEXT NOT NULL,
    contact TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at INTEGER NOT NULL,
    CONSTRAINT article_revisions_version_key UNIQUE (article_id, version)
);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    item_kind TEXT NOT NULL,
    item_id INTEGER,
    item_title TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at DESC);

-- Who saved the current version (revisions copy it when a newer version replaces it).
ALTER TABLE articles ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
