//! Migrations that move saved words or fill in what was not kept: a database made by the
//! version before keeps them, on SQLite and on PostgreSQL.

use std::borrow::Cow;

use sqlx::migrate::Migrator;

use super::*;
use crate::editing::ItemKind;

/// The migration that made article drafts one JSON document, as event drafts are.
const ONE_DRAFT_SHAPE: i64 = 20260115000000;
/// The migration that made articles remember whether readers saw them.
const FIRST_PUBLICATION: i64 = 20260117000000;
/// The migration that stores a part a translator left as empty.
const UNTRANSLATED_PARTS_EMPTY: i64 = 20260123000000;
/// The migration that made events remember whether readers saw them.
const EVENTS_SEEN: i64 = 20260124000000;

/// `migrator` without the migration `version` and what came after it.
fn before(mut migrator: Migrator, version: i64) -> Migrator {
    let earlier: Vec<_> = migrator
        .migrations
        .iter()
        .filter(|migration| migration.version < version)
        .cloned()
        .collect();
    migrator.migrations = Cow::Owned(earlier);
    migrator
}

/// A new SQLite database as the version before `version` made it, holding `rows` (each
/// statement's `$1` an instant): its URL, for this version's store to open and migrate.
async fn sqlite_before(version: i64, rows: &[&str]) -> String {
    use std::str::FromStr;

    let path = std::env::temp_dir().join(format!("notikumi-migrate-{}.db", uuid::Uuid::new_v4()));
    let url = format!("sqlite:{}", path.display());
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(&url)
        .expect("URL")
        .create_if_missing(true);
    let pool = sqlx::SqlitePool::connect_with(options)
        .await
        .expect("opens");
    before(sqlx::migrate!("./migrations/sqlite"), version)
        .run(&pool)
        .await
        .expect("earlier migrations");
    for sql in rows {
        sqlx::query(sql)
            .bind(1_600_000_000_i64)
            .execute(&pool)
            .await
            .expect(sql);
    }
    pool.close().await;
    url
}

/// Removes the SQLite database at `url` with its journal.
fn remove_sqlite(url: &str) {
    let path = url.trim_start_matches("sqlite:");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
}

/// As [`sqlite_before`], on a new PostgreSQL database: its URL and name.
async fn postgres_before(version: i64, rows: &[&str]) -> (String, String) {
    let name = format!("notikumi_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::connect(&admin_url()).await.expect("answers");
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("created");
    let url = with_database_name(&admin_url(), &name);
    let pool = sqlx::PgPool::connect(&url).await.expect("opens");
    before(sqlx::migrate!("./migrations/postgres"), version)
        .run(&pool)
        .await
        .expect("earlier migrations");
    for sql in rows {
        sqlx::query(sql)
            .bind(Utc::now())
            .execute(&pool)
            .await
            .expect(sql);
    }
    pool.close().await;
    (url, name)
}

fn admin_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .expect("TEST_DATABASE_URL (make test starts a throwaway PostgreSQL)")
}

async fn drop_postgres(name: &str) {
    let mut admin = PgConnection::connect(&admin_url()).await.expect("answers");
    admin
        .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
        .await
        .expect("dropped");
}

/// An article and its draft as the version before stored them (the text in four columns).
const ARTICLE: &str =
    "INSERT INTO articles (id, slug, title, published_at, created_at, updated_at) \
     VALUES (1, 'raksts', 'Raksts', $1, $1, $1)";
const DRAFT: &str = "INSERT INTO article_drafts (article_id, title, lead, body_html, contact, \
     base_version, draft_version, saved_at) \
     VALUES (1, 'Melnraksts „pēdiņās“ ar \"citātu\"', 'Ievads', '<p>Teksts</p>', 'Tālrunis', \
     1, 4, $1)";

/// The store of this version, opened on that database, opens the draft with every word.
async fn the_draft_kept_every_word(url: &str) {
    let store = connect(url).await.expect("opens and migrates");
    let draft = stored_draft(&store, ItemKind::Article, 1)
        .await
        .expect("the draft is still there");
    assert_eq!((draft.base_version, draft.draft_version), (1, 4));
    let fields: serde_json::Value = serde_json::from_str(&draft.fields_json).expect("JSON");
    assert_eq!(
        fields,
        serde_json::json!({
            "format": 1,
            "title": "Melnraksts „pēdiņās“ ar \"citātu\"",
            "lead": "Ievads",
            "body_html": "<p>Teksts</p>",
            "contact": "Tālrunis",
        })
    );
    store.close().await;
}

#[tokio::test]
async fn on_sqlite_an_article_draft_saved_before_keeps_every_word() {
    let url = sqlite_before(ONE_DRAFT_SHAPE, &[ARTICLE, DRAFT]).await;
    the_draft_kept_every_word(&url).await;
    remove_sqlite(&url);
}

#[tokio::test]
async fn on_postgres_an_article_draft_saved_before_keeps_every_word() {
    let (url, name) = postgres_before(ONE_DRAFT_SHAPE, &[ARTICLE, DRAFT]).await;
    the_draft_kept_every_word(&url).await;
    drop_postgres(&name).await;
}

/// Articles and audit lines as the version before kept them: published now (1); hidden after
/// an editor published it (2); an editor's draft never published (3); restored, which
/// publishes (4); stored by the demo or an import, not by an editor (5).
const ARTICLES_SEEN_OR_NOT: [&str; 10] = [
    "INSERT INTO articles (id, slug, title, status, published_at, created_at, updated_at) \
     VALUES (1, 'a', 'A', 'published', $1, $1, $1)",
    "INSERT INTO articles (id, slug, title, status, published_at, created_at, updated_at) \
     VALUES (2, 'b', 'B', 'draft', $1, $1, $1)",
    "INSERT INTO articles (id, slug, title, status, published_at, created_at, updated_at) \
     VALUES (3, 'c', 'C', 'draft', $1, $1, $1)",
    "INSERT INTO articles (id, slug, title, status, published_at, created_at, updated_at) \
     VALUES (4, 'd', 'D', 'draft', $1, $1, $1)",
    "INSERT INTO articles (id, slug, title, status, published_at, created_at, updated_at) \
     VALUES (5, 'e', 'E', 'draft', $1, $1, $1)",
    "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
     SELECT $1, 'anna@example.lv', 'created', 'article', id, title FROM articles WHERE id < 5",
    "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
     VALUES ($1, 'anna@example.lv', 'published', 'article', 2, 'B')",
    "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
     VALUES ($1, 'anna@example.lv', 'published', 'event', 3, 'Notikums')",
    "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
     VALUES ($1, 'anna@example.lv', 'changed settings', 'article', 3, 'C')",
    "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
     VALUES ($1, 'anna@example.lv', 'restored version 1', 'article', 4, 'D')",
];

/// Which of the `items` (a table) readers saw, by the column this version's store fills in
/// as it opens the database at `url` and migrates it.
async fn seen_after_migrating(url: &str, items: &str) -> Vec<i64> {
    connect(url)
        .await
        .expect("opens and migrates")
        .close()
        .await;
    let seen = format!("SELECT id FROM {items} WHERE was_published ORDER BY id");
    read_all(url, &seen).await
}

/// The one column `sql` reads from the database at `url`, on either backend.
async fn read_all<T>(url: &str, sql: &str) -> Vec<T>
where
    T: Send + Unpin,
    T: for<'r> sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
    T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>,
{
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.expect("opens");
        let read = sqlx::query_scalar(sql).fetch_all(&pool).await;
        pool.close().await;
        read.expect("read")
    } else {
        let pool = sqlx::PgPool::connect(url).await.expect("opens");
        let read = sqlx::query_scalar(sql).fetch_all(&pool).await;
        pool.close().await;
        read.expect("read")
    }
}

#[tokio::test]
async fn on_sqlite_articles_readers_saw_before_keep_their_date() {
    let url = sqlite_before(FIRST_PUBLICATION, &ARTICLES_SEEN_OR_NOT).await;
    assert_eq!(seen_after_migrating(&url, "articles").await, [1, 2, 4, 5]);
    remove_sqlite(&url);
}

#[tokio::test]
async fn on_postgres_articles_readers_saw_before_keep_their_date() {
    let (url, name) = postgres_before(FIRST_PUBLICATION, &ARTICLES_SEEN_OR_NOT).await;
    assert_eq!(seen_after_migrating(&url, "articles").await, [1, 2, 4, 5]);
    drop_postgres(&name).await;
}

/// A published article and its English translation as the version before stored it: the
/// title translated, the lead, body and contact copies of the Latvian text, and search text
/// folded from an older lead.
const TRANSLATED_TITLE_ONLY: [&str; 2] = [
    "INSERT INTO articles (id, slug, title, lead, body_html, contact, status, published_at, \
     created_at, updated_at) VALUES (1, 'raksts', 'Raksts', 'Ievads', '<p>Teksts</p>', \
     'Tālrunis', 'published', $1, $1, $1)",
    "INSERT INTO article_translations (article_id, lang, title, lead, body_html, contact, \
     updated_at, search_title, search_body) VALUES (1, 'en', 'Article', 'Ievads', \
     '<p>Teksts</p>', 'Tālrunis', $1, 'article', 'vecs ievads')",
];

/// After this version's store migrated the database at `url`: the copies are stored empty,
/// and readers of English get the title in English and the rest as Latvian text.
async fn the_copies_became_latvian(url: &str) {
    use crate::i18n::Lang;

    let store = connect(url).await.expect("opens and migrates");
    let read = store.published_article(Lang::En, "raksts").await;
    let read = read.expect("read").expect("published");
    assert_eq!(
        (
            read.title.as_str(),
            read.lead.as_str(),
            read.contact.as_str()
        ),
        ("Article", "Ievads", "Tālrunis")
    );
    assert_eq!(
        (
            read.part_langs.title,
            read.part_langs.lead,
            read.part_langs.body
        ),
        (Lang::En, Lang::Lv, Lang::Lv)
    );
    // Its search text, folded as the server does on starting, has the parts left in Latvian.
    store.backfill_search().await.expect("folded");
    let in_english = SearchRequest {
        lang: Lang::En,
        ..search_request("Ievads")
    };
    assert_eq!(search_titles(&store, &in_english).await, ["Article"]);
    let stale = SearchRequest {
        lang: Lang::En,
        ..search_request("vecs")
    };
    let found = search_titles(&store, &stale).await;
    assert!(
        found.is_empty(),
        "the search text folded before is gone: {found:?}"
    );
    store.close().await;
    const STORED: &str = "SELECT title || '|' || lead || '|' || body_html || '|' || contact \
         FROM article_translations";
    let stored: Vec<String> = read_all(url, STORED).await;
    assert_eq!(stored, ["Article|||"]);
}

#[tokio::test]
async fn on_sqlite_parts_a_translator_left_become_the_latvian_text() {
    let url = sqlite_before(UNTRANSLATED_PARTS_EMPTY, &TRANSLATED_TITLE_ONLY).await;
    the_copies_became_latvian(&url).await;
    remove_sqlite(&url);
}

#[tokio::test]
async fn on_postgres_parts_a_translator_left_become_the_latvian_text() {
    let (url, name) = postgres_before(UNTRANSLATED_PARTS_EMPTY, &TRANSLATED_TITLE_ONLY).await;
    the_copies_became_latvian(&url).await;
    drop_postgres(&name).await;
}

/// Events, a revision and audit lines as the version before kept them: published now (1);
/// hidden after an editor published it (2); an editor's draft never published (3); hidden
/// after a published version, through the trash (4); stored by the demo or an import (5).
const EVENTS_SEEN_OR_NOT: [&str; 10] = [
    "INSERT INTO events (id, slug, title, starts_at, ends_at, status, created_at, updated_at) \
     VALUES (1, 'a', 'A', $1, $1, 'published', $1, $1)",
    "INSERT INTO events (id, slug, title, starts_at, ends_at, status, created_at, updated_at) \
     VALUES (2, 'b', 'B', $1, $1, 'draft', $1, $1)",
    "INSERT INTO events (id, slug, title, starts_at, ends_at, status, created_at, updated_at) \
     VALUES (3, 'c', 'C', $1, $1, 'draft', $1, $1)",
    "INSERT INTO events (id, slug, title, starts_at, ends_at, status, created_at, updated_at) \
     VALUES (4, 'd', 'D', $1, $1, 'draft', $1, $1)",
    "INSERT INTO events (id, slug, title, starts_at, ends_at, status, created_at, updated_at) \
     VALUES (5, 'e', 'E', $1, $1, 'draft', $1, $1)",
    "INSERT INTO event_revisions (event_id, version, title, summary, body_html, starts_at, \
     ends_at, all_day, location, status, saved_by, saved_at) \
     SELECT 4, 1, 'D', '', '', starts_at, ends_at, all_day, '', 'published', '', $1 \
     FROM events WHERE id = 4",
    "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
     SELECT $1, 'anna@example.lv', 'created', 'event', id, title FROM events WHERE id < 5",
    "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
     VALUES ($1, 'anna@example.lv', 'published', 'event', 2, 'B')",
    "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
     VALUES ($1, 'anna@example.lv', 'published', 'article', 3, 'C')",
    "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
     VALUES ($1, 'anna@example.lv', 'deleted', 'event', 4, 'D')",
];

#[tokio::test]
async fn on_sqlite_events_readers_saw_before_are_told_hidden() {
    let url = sqlite_before(EVENTS_SEEN, &EVENTS_SEEN_OR_NOT).await;
    assert_eq!(seen_after_migrating(&url, "events").await, [1, 2, 4, 5]);
    remove_sqlite(&url);
}

#[tokio::test]
async fn on_postgres_events_readers_saw_before_are_told_hidden() {
    let (url, name) = postgres_before(EVENTS_SEEN, &EVENTS_SEEN_OR_NOT).await;
    assert_eq!(seen_after_migrating(&url, "events").await, [1, 2, 4, 5]);
    drop_postgres(&name).await;
}

/// The migration that keeps the version a translation was written from.
const TRANSLATION_SOURCE: i64 = 20260125000000;

/// Articles, revisions and translations as the version before kept them, `later` an instant
/// after `$1`: article 1 in version 3 since `later`, its versions 1 and 2 kept at `$1`, with a
/// translation into English at `$1` and one into Russian at `later`; article 2 written at
/// `later`, translated at `$1`, with nothing kept from then.
fn translations_before_sources(later: &str) -> Vec<String> {
    let article = |id: i64, version: i64, at: &str| {
        format!(
            "INSERT INTO articles (id, slug, title, published_at, created_at, updated_at, \
             version) VALUES ({id}, 'a{id}', 'A', $1, $1, {at}, {version})"
        )
    };
    let revision = |version: i64| {
        format!(
            "INSERT INTO article_revisions (article_id, version, title, lead, body_html, \
             contact, saved_by, saved_at) VALUES (1, {version}, 'A', '', '', '', '', $1)"
        )
    };
    let translation = |id: i64, lang: &str, at: &str| {
        format!(
            "INSERT INTO article_translations (article_id, lang, title, lead, body_html, \
             contact, updated_at) VALUES ({id}, '{lang}', 'T', '', '', '', {at})"
        )
    };
    vec![
        article(1, 3, later),
        article(2, 1, later),
        revision(1),
        revision(2),
        translation(1, "en", "$1"),
        translation(1, "ru", later),
        translation(2, "en", "$1"),
    ]
}

/// The versions the translations of `translations_before_sources` were written from, once
/// migrated, as article, language and version (0: none known).
async fn sources_after_migrating(url: &str) -> Vec<String> {
    connect(url)
        .await
        .expect("opens and migrates")
        .close()
        .await;
    let sources = "SELECT article_id || lang || ':' || COALESCE(source_version, 0) \
                   FROM article_translations ORDER BY article_id, lang";
    read_all(url, sources).await
}

/// A translation is taken to be written from the version current when it was saved: the
/// newest kept by then, the article's own when it was written by then, none before either.
const SOURCES: [&str; 3] = ["1en:2", "1ru:3", "2en:0"];

#[tokio::test]
async fn on_sqlite_translations_learn_the_version_they_were_written_from() {
    let rows = translations_before_sources("($1 + 100)");
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let url = sqlite_before(TRANSLATION_SOURCE, &rows).await;
    assert_eq!(sources_after_migrating(&url).await, SOURCES);
    remove_sqlite(&url);
}

#[tokio::test]
async fn on_postgres_translations_learn_the_version_they_were_written_from() {
    let rows = translations_before_sources("($1 + INTERVAL '100 seconds')");
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let (url, name) = postgres_before(TRANSLATION_SOURCE, &rows).await;
    assert_eq!(sources_after_migrating(&url).await, SOURCES);
    drop_postgres(&name).await;
}

/// The migration that tells old addresses readers saw from those they did not.
const ADDRESSES_SEEN: i64 = 20260126000000;

/// Old addresses as the version before kept them: of article 1 (published, moved by an
/// editor), of article 2 (moved, never published), of event 2 (moved, published once), which
/// shares article 2's id, and of article 3 (published, its interim address left as it
/// followed its title).
const ADDRESSES_SEEN_OR_NOT: [&str; 6] = [
    "INSERT INTO articles (id, slug, title, published_at, created_at, updated_at, \
     was_published) VALUES (1, 'a1', 'A', $1, $1, $1, TRUE), (3, 'a3', 'A', $1, $1, $1, TRUE)",
    "INSERT INTO articles (id, slug, title, published_at, created_at, updated_at, status, \
     was_published) VALUES (2, 'a2', 'A', $1, $1, $1, 'draft', FALSE)",
    "INSERT INTO events (id, slug, title, starts_at, ends_at, status, created_at, updated_at, \
     was_published) VALUES (2, 'e2', 'E', $1, $1, 'draft', $1, $1, TRUE)",
    "INSERT INTO previous_addresses (kind, slug, item_id) \
     VALUES ('article', 'vecais-raksts', 1), ('article', 'jauns-raksts', 2), \
     ('article', 'jauns-raksts-2', 3)",
    "INSERT INTO previous_addresses (kind, slug, item_id) \
     VALUES ('event', 'vecais-notikums', 2)",
    "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
     VALUES ($1, 'anna@example.lv', 'changed address', 'article', 1, 'A'), \
     ($1, 'anna@example.lv', 'changed address', 'article', 2, 'A'), \
     ($1, 'anna@example.lv', 'changed address', 'event', 2, 'E')",
];

/// The old addresses counted as seen once migrated.
async fn seen_addresses_after_migrating(url: &str) -> Vec<String> {
    connect(url)
        .await
        .expect("opens and migrates")
        .close()
        .await;
    read_all(
        url,
        "SELECT slug FROM previous_addresses WHERE seen ORDER BY slug",
    )
    .await
}

#[tokio::test]
async fn on_sqlite_old_addresses_editors_moved_published_items_from_are_seen() {
    let url = sqlite_before(ADDRESSES_SEEN, &ADDRESSES_SEEN_OR_NOT).await;
    let seen = seen_addresses_after_migrating(&url).await;
    assert_eq!(seen, ["vecais-notikums", "vecais-raksts"]);
    remove_sqlite(&url);
}

#[tokio::test]
async fn on_postgres_old_addresses_editors_moved_published_items_from_are_seen() {
    let (url, name) = postgres_before(ADDRESSES_SEEN, &ADDRESSES_SEEN_OR_NOT).await;
    let seen = seen_addresses_after_migrating(&url).await;
    assert_eq!(seen, ["vecais-notikums", "vecais-raksts"]);
    drop_postgres(&name).await;
}
