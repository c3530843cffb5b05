-- Articles and events in the other interface languages (English, Russian). A translation
-- lives at its item's address under the language's prefix (/en/news/…); readers there see it
-- instead of the Latvian text. Lists, search and feeds stay on the Latvian originals.
CREATE TABLE article_translations (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'ru')),
    title TEXT NOT NULL,
    lead TEXT NOT NULL,
    body_html TEXT NOT NULL,
    contact TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, lang)
);

CREATE TABLE event_translations (
    event_id BIGINT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'ru')),
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body_html TEXT NOT NULL,
    location TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, lang)
);
