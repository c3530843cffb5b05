//! The storage contract: every test here runs against SQLite and against PostgreSQL, each on
//! a fresh, migrated database of its own.
//!
//! PostgreSQL comes from `TEST_DATABASE_URL` (a server where the test user may create
//! databases); `make test` starts a throwaway cluster and sets it. Without it the PostgreSQL
//! half fails with a message saying so: a missing backend is never a skipped test.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sqlx::{Connection, Executor, PgConnection};

use super::*;
use crate::{demo, editing::ItemKind, sanitize::SafeHtml, timezone};

/// A fresh database for one test, removed by `finish`.
enum TestDb {
    Sqlite {
        store: SharedStore,
        path: std::path::PathBuf,
    },
    Postgres {
        store: SharedStore,
        admin_url: String,
        name: String,
    },
}

impl TestDb {
    async fn sqlite() -> Self {
        let path = std::env::temp_dir().join(format!("notikumi-test-{}.db", uuid::Uuid::new_v4()));
        let store = connect(&format!("sqlite:{}", path.display()))
            .await
            .expect("SQLite test database opens");
        TestDb::Sqlite { store, path }
    }

    async fn postgres() -> Self {
        let admin_url = std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| {
            panic!(
                "TEST_DATABASE_URL is not set, so the PostgreSQL contract tests cannot run. \
                 Run `make test` (it starts a throwaway PostgreSQL) or set TEST_DATABASE_URL \
                 to a server where this user may create databases."
            )
        });
        let name = format!("notikumi_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = PgConnection::connect(&admin_url)
            .await
            .expect("TEST_DATABASE_URL answers");
        admin
            .execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .expect("test database can be created");
        let store = connect(&with_database_name(&admin_url, &name))
            .await
            .expect("PostgreSQL test database opens");
        TestDb::Postgres {
            store,
            admin_url,
            name,
        }
    }

    fn store(&self) -> SharedStore {
        match self {
            TestDb::Sqlite { store, .. } | TestDb::Postgres { store, .. } => Arc::clone(store),
        }
    }

    async fn finish(self) {
        match self {
            TestDb::Sqlite { store, path } => {
                drop(store);
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            TestDb::Postgres {
                store,
                admin_url,
                name,
            } => {
                drop(store);
                let mut admin = PgConnection::connect(&admin_url)
                    .await
                    .expect("TEST_DATABASE_URL answers");
                admin
                    .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
                    .await
                    .expect("test database can be dropped");
            }
        }
    }
}

macro_rules! contract_tests {
    ($($test:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test]
                async fn $test() {
                    let db = super::TestDb::sqlite().await;
                    super::$test(db.store()).await;
                    db.finish().await;
                }
            )*
        }
        mod on_postgres {
            $(
                #[tokio::test]
                async fn $test() {
                    let db = super::TestDb::postgres().await;
                    super::$test(db.store()).await;
                    db.finish().await;
                }
            )*
        }
    };
}

contract_tests!(a_new_database_is_migrated_and_empty,);

/// One editor's drafts of one item version, saved by `Drafting::save`.
struct Drafting<'a> {
    store: &'a SharedStore,
    kind: ItemKind,
    item_id: i64,
    base_version: i64,
    user_id: i64,
    /// The opened editor saving, and which of its saves it is (`DraftSave::writer`).
    writer: Option<crate::editing::Writer>,
}

/// The drafts `user_id` writes on version `base_version` of item `item_id` of `kind`.
fn drafting(
    store: &SharedStore,
    kind: ItemKind,
    item_id: i64,
    base_version: i64,
    user_id: i64,
) -> Drafting<'_> {
    Drafting {
        store,
        kind,
        item_id,
        base_version,
        user_id,
        writer: None,
    }
}

/// The drafts `user_id` writes on `article` as it is.
fn article_drafts<'a>(store: &'a SharedStore, article: &Article, user_id: i64) -> Drafting<'a> {
    drafting(
        store,
        ItemKind::Article,
        article.id,
        article.version,
        user_id,
    )
}

/// The drafts `user_id` writes on `event` as it is.
fn event_drafts<'a>(store: &'a SharedStore, event: &Event, user_id: i64) -> Drafting<'a> {
    drafting(store, ItemKind::Event, event.id, event.version, user_id)
}

impl Drafting<'_> {
    /// The same drafts, as save number `save` of the opened editor `mark`.
    fn by(self, mark: &str, save: i64) -> Self {
        let mark = mark.to_string();
        Drafting {
            writer: Some(crate::editing::Writer { mark, save }),
            ..self
        }
    }

    /// Saves `fields_json` over the draft seen at `seen` (0: none yet).
    async fn save(&self, fields_json: &str, seen: i64) -> Result<StoredDraft, StoreError> {
        let draft = DraftSave {
            kind: self.kind,
            item_id: self.item_id,
            fields_json,
            base_version: self.base_version,
            seen_draft_version: seen,
            user_id: self.user_id,
            writer: self.writer.as_ref(),
        };
        self.store.save_draft(draft, audit("changed")).await
    }
}

/// The editor the editing tests save as.
async fn an_editor(store: &SharedStore) -> User {
    store
        .create_user("redaktore@example.lv", "$argon2id$x", Role::Editor)
        .await
        .expect("account")
}

/// The category "Apmācības" (`apmacibas`).
async fn training_category(store: &SharedStore) -> Category {
    let training = NewCategory {
        slug: "apmacibas".into(),
        name: "Apmācības".into(),
        colour: "#1d4ed8".into(),
        ..NewCategory::default()
    };
    store.create_category(&training).await.expect("category")
}

/// A published article titled `title`, published on 3 May 2021.
async fn an_article(store: &SharedStore, title: &str) -> Article {
    let new = article(title, utc(2021, 5, 3, 7, 0));
    store.create_article(&new, None).await.expect("article")
}

/// A published seminar on 4 August 2020, 10:00–12:00 in Riga.
async fn a_seminar(store: &SharedStore) -> Event {
    let new = event("Seminārs", utc(2020, 8, 4, 7, 0), utc(2020, 8, 4, 9, 0));
    store.create_event(&new, None).await.expect("event")
}

/// Article `id` as stored now, in any state.
async fn stored_article(store: &SharedStore, id: i64) -> Article {
    let read = store.article(id).await.expect("read");
    read.expect("the article is there")
}

/// The shared draft of item `id` of `kind`, if there is one.
async fn stored_draft(store: &SharedStore, kind: ItemKind, id: i64) -> Option<StoredDraft> {
    store.draft(kind, id).await.expect("read")
}

/// A translation of item `item_id` into `lang` over the one at `seen` (0: none), from no
/// particular editor.
fn translation<'a>(
    kind: ItemKind,
    item_id: i64,
    lang: &'a str,
    text: &'a TranslatedText<SafeHtml>,
    seen: i64,
) -> TranslationWrite<'a> {
    TranslationWrite {
        kind,
        item_id,
        lang,
        text,
        seen_version: seen,
        writer: None,
        source_version: None,
    }
}

/// A publication of the draft seen at `seen` (0: none), from no editor in particular.
fn publishes(seen: i64) -> DraftRule<'static> {
    DraftRule::Publishes { seen, writer: None }
}

/// Publishes `stored` under a new `title`, from the version it is at.
async fn retitle(
    store: &SharedStore,
    stored: &Article,
    title: &str,
) -> Result<Article, StoreError> {
    let new = article(title, stored.published_at);
    let rule = publishes(0);
    let written = store.update_article(stored.id, stored.version, &new, rule, audit("published"));
    written.await
}

/// Moves item `id` of `kind` into the trash.
async fn trash(store: &SharedStore, kind: ItemKind, id: i64) {
    let moved = store.move_trash(kind, id, TrashMove::Into, audit("deleted"));
    moved.await.expect("trash");
}

/// Takes item `id` of `kind` out of the trash, as an editor does.
async fn out_of_trash(store: &SharedStore, kind: ItemKind, id: i64) {
    let moved = store.move_trash(kind, id, TrashMove::OutOf, audit("restored"));
    moved.await.expect("out of the trash");
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .expect("valid test instant")
}

fn event(title: &str, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> NewEvent {
    NewEvent {
        title: title.to_string(),
        summary: "Īss apraksts.".to_string(),
        body_html: SafeHtml::sanitize("<p>Apraksts</p>"),
        starts_at,
        ends_at,
        all_day: false,
        location: "Rīga".to_string(),
        category: None,
        recurrence: None,
        status: Status::Published,
    }
}

fn article(title: &str, published_at: DateTime<Utc>) -> NewArticle {
    NewArticle {
        title: title.to_string(),
        lead: "Ievads.".to_string(),
        body_html: SafeHtml::sanitize("<p>Teksts</p>"),
        contact: "Informāciju sagatavoja Jānis Kalniņš, tālrunis 67000000".to_string(),
        published_at,
        category: None,
        event: None,
        attachments: Vec::new(),
        status: Status::Published,
    }
}

/// An article's shared draft as the editing service stores it (`editing::stored_draft`).
fn article_json(text: &ArticleText) -> String {
    serde_json::json!({
        "format": 1,
        "title": text.title,
        "lead": text.lead,
        "body_html": text.body_html,
        "contact": text.contact,
    })
    .to_string()
}

/// The title a stored draft holds.
fn draft_title(draft: &StoredDraft) -> String {
    let fields: serde_json::Value = serde_json::from_str(&draft.fields_json).expect("JSON");
    fields["title"].as_str().unwrap_or_default().to_string()
}

/// The audit line of a test's editing write.
fn audit(action: &str) -> Audit<'_> {
    Audit {
        actor: "redaktore@example.lv",
        action,
    }
}

/// The audit log's actions, newest first.
async fn actions(store: &SharedStore) -> Vec<String> {
    store
        .audit_log(100, 0, None)
        .await
        .expect("audit log")
        .into_iter()
        .map(|entry| entry.action)
        .collect()
}

fn titles(events: &[Event]) -> Vec<&str> {
    events.iter().map(|event| event.title.as_str()).collect()
}

async fn a_new_database_is_migrated_and_empty(store: SharedStore) {
    store.ping().await.expect("ping");
    assert!(store.is_empty().await.expect("is_empty"));
    assert!(store.categories().await.expect("categories").is_empty());
}

#[test]
fn database_urls_swap_only_the_database_name() {
    assert_eq!(
        with_database_name("postgres://u:p@127.0.0.1:5432/postgres", "t1"),
        "postgres://u:p@127.0.0.1:5432/t1"
    );
    assert_eq!(
        with_database_name("postgres://u@localhost:5432/postgres?sslmode=disable", "t2"),
        "postgres://u@localhost:5432/t2?sslmode=disable"
    );
    assert_eq!(
        with_database_name("postgres://localhost", "t3"),
        "postgres://localhost/t3"
    );
}

fn words(query: &str) -> Vec<String> {
    crate::search::text::query_words(query)
}

fn search_request(query: &str) -> SearchRequest {
    SearchRequest {
        words: words(query),
        kind: None,
        categories: Vec::new(),
        limit: 10,
        offset: 0,
        lang: crate::i18n::Lang::Lv,
    }
}

async fn search_titles(store: &SharedStore, request: &SearchRequest) -> Vec<String> {
    let mut titles: Vec<String> = store
        .search(request)
        .await
        .expect("search")
        .hits
        .into_iter()
        .map(|hit| hit.title)
        .collect();
    titles.sort();
    titles
}

// The tests by resource, in files of their own; they use the macro and helpers above.
mod accounts;
mod addresses;
mod articles;
mod drafts;
mod events;
mod migrations;
mod racing;
mod reading;
mod reading_while_writing;
mod repeats;
mod search;
mod translation_sources;
mod translations;
mod unseen;
mod upkeep;
