//! Migrations that move saved words: a database made by the version before keeps them, on
//! SQLite and on PostgreSQL.

use std::borrow::Cow;

use sqlx::migrate::Migrator;

use super::*;
use crate::editing::ItemKind;

/// The migration that made article drafts one JSON document, as event drafts are.
const ONE_DRAFT_SHAPE: i64 = 20260115000000;

/// `migrator` without `ONE_DRAFT_SHAPE` and what came after it.
fn before_one_draft_shape(mut migrator: Migrator) -> Migrator {
    let earlier: Vec<_> = migrator
        .migrations
        .iter()
        .filter(|migration| migration.version < ONE_DRAFT_SHAPE)
        .cloned()
        .collect();
    migrator.migrations = Cow::Owned(earlier);
    migrator
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
    use std::str::FromStr;

    let path = std::env::temp_dir().join(format!("notikumi-migrate-{}.db", uuid::Uuid::new_v4()));
    let url = format!("sqlite:{}", path.display());
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(&url)
        .expect("URL")
        .create_if_missing(true);
    let pool = sqlx::SqlitePool::connect_with(options)
        .await
        .expect("opens");
    before_one_draft_shape(sqlx::migrate!("./migrations/sqlite"))
        .run(&pool)
        .await
        .expect("earlier migrations");
    for sql in [ARTICLE, DRAFT] {
        sqlx::query(sql)
            .bind(1_600_000_000_i64)
            .execute(&pool)
            .await
            .expect(sql);
    }
    pool.close().await;
    the_draft_kept_every_word(&url).await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[tokio::test]
async fn on_postgres_an_article_draft_saved_before_keeps_every_word() {
    let admin_url = std::env::var("TEST_DATABASE_URL")
        .expect("TEST_DATABASE_URL (make test starts a throwaway PostgreSQL)");
    let name = format!("notikumi_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = PgConnection::connect(&admin_url).await.expect("answers");
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("created");
    let url = with_database_name(&admin_url, &name);
    let pool = sqlx::PgPool::connect(&url).await.expect("opens");
    before_one_draft_shape(sqlx::migrate!("./migrations/postgres"))
        .run(&pool)
        .await
        .expect("earlier migrations");
    for sql in [ARTICLE, DRAFT] {
        sqlx::query(sql)
            .bind(Utc::now())
            .execute(&pool)
            .await
            .expect(sql);
    }
    pool.close().await;
    the_draft_kept_every_word(&url).await;
    admin
        .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
        .await
        .expect("dropped");
}
