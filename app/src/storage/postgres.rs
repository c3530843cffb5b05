//! The PostgreSQL backend, for several server instances sharing one database. Instants are
//! TIMESTAMPTZ.

use std::{sync::Arc, time::Duration};

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Postgres;

use super::sql::prelude::*;
use super::transfer::{self, Kind, TableRows};

/// `Store` over a PostgreSQL database.
pub type PostgresStore = SqlStore<Postgres>;

impl PostgresStore {
    /// Connects to `postgres://…` and applies migrations.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(Self {
            changes: ContentChanges::new(),
            pool,
        })
    }
}

impl Dialect for Postgres {
    const BEGIN_WRITE: &'static str = "BEGIN";
    const ANNOUNCE: &'static str = super::changes::ANNOUNCE;
    const EXPORT_SNAPSHOT: Option<&'static str> =
        Some("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    // Held until the transaction ends; the check that follows then sees what a first import
    // committed (READ COMMITTED reads anew at every statement).
    const ONE_IMPORT: Option<&'static str> =
        Some("SELECT pg_advisory_xact_lock(hashtext('notikumi import'))");

    type Instant = DateTime<Utc>;

    fn instant(at: DateTime<Utc>) -> DateTime<Utc> {
        at
    }

    fn rows_affected(result: &sqlx::postgres::PgQueryResult) -> u64 {
        result.rows_affected()
    }

    /// Follows the content writes of other instances on this database (`changes::CHANNEL`),
    /// in a task that lives as long as the pool. While the listening connection is down,
    /// notifications are lost, so each reconnection counts as a change.
    fn follow_changes(pool: PgPool, changes: Arc<ContentChanges>) {
        tokio::spawn(async move {
            while !pool.is_closed() {
                if let Err(error) = follow_changes(&pool, &changes).await {
                    if pool.is_closed() {
                        break;
                    }
                    tracing::warn!(%error, "lost the content-change channel; listening again");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                changes.changed();
            }
        });
    }

    /// PostgreSQL is backed up with its own tools (`pg_dump`), which know its roles and
    /// settings too.
    async fn copy_database_to(_pool: &PgPool, _path: &std::path::Path) -> Result<(), StoreError> {
        Err(StoreError::BackupNotHere)
    }

    fn export_value(
        table: &str,
        row: &sqlx::postgres::PgRow,
        at: usize,
        kind: Kind,
    ) -> Result<serde_json::Value, StoreError> {
        transfer::postgres_value(table, row, at, kind)
    }

    async fn insert_rows(
        conn: &mut sqlx::PgConnection,
        table: &TableRows,
    ) -> Result<(), StoreError> {
        transfer::insert_postgres_rows(conn, table).await
    }

    /// Matching published articles and events with a rank (higher is better) and the language
    /// of the text found. `$1` is a tsquery over the folded text; title words weigh more than
    /// body words. For English or Russian, items are searched in that version where they have
    /// one, and in Latvian where they have none.
    fn search_hits(lang: Lang) -> String {
        let rank = |table: &str| {
            format!(
                "ts_rank(setweight(to_tsvector('simple', {table}.search_title), 'A') \
                 || setweight(to_tsvector('simple', {table}.search_body), 'D'), \
                 to_tsquery('simple', $1))"
            )
        };
        let matches = |table: &str| {
            format!(
                "to_tsvector('simple', {table}.search_title || ' ' || {table}.search_body) \
                 @@ to_tsquery('simple', $1)"
            )
        };
        let Some(code) = lang.translated_code() else {
            return format!(
                "SELECT 'article' AS kind, a.slug, a.title, a.lead AS lead, a.body_html, \
                 a.published_at AS at, a.category_id, {} AS rank, 'lv' AS text_lang \
                 FROM articles a WHERE {} AND a.status = 'published' \
                 UNION ALL \
                 SELECT 'event', e.slug, e.title, e.summary, e.body_html, e.starts_at, \
                 e.category_id, {}, 'lv' FROM events e WHERE {} AND e.status = 'published'",
                rank("a"),
                matches("a"),
                rank("e"),
                matches("e")
            );
        };
        format!(
            "SELECT 'article' AS kind, a.slug, t.title, t.lead AS lead, t.body_html, \
             a.published_at AS at, a.category_id, {rank_t} AS rank, '{code}' AS text_lang \
             FROM article_translations t JOIN articles a ON a.id = t.article_id \
             WHERE t.lang = '{code}' AND {matches_t} AND a.status = 'published' \
             UNION ALL \
             SELECT 'event', e.slug, t.title, t.summary, t.body_html, e.starts_at, \
             e.category_id, {rank_t}, '{code}' \
             FROM event_translations t JOIN events e ON e.id = t.event_id \
             WHERE t.lang = '{code}' AND {matches_t} AND e.status = 'published' \
             UNION ALL \
             SELECT 'article', a.slug, a.title, a.lead, a.body_html, a.published_at, \
             a.category_id, {rank_a}, 'lv' FROM articles a \
             WHERE {matches_a} AND a.status = 'published' AND NOT EXISTS \
             (SELECT 1 FROM article_translations x WHERE x.article_id = a.id AND x.lang = '{code}') \
             UNION ALL \
             SELECT 'event', e.slug, e.title, e.summary, e.body_html, e.starts_at, \
             e.category_id, {rank_e}, 'lv' FROM events e \
             WHERE {matches_e} AND e.status = 'published' AND NOT EXISTS \
             (SELECT 1 FROM event_translations x WHERE x.event_id = e.id AND x.lang = '{code}')",
            rank_t = rank("t"),
            matches_t = matches("t"),
            rank_a = rank("a"),
            matches_a = matches("a"),
            rank_e = rank("e"),
            matches_e = matches("e"),
        )
    }

    /// Every word as a prefix term, all required (`cilveku:* & tirdzniec:*`). Words are
    /// letters and digits only, so no tsquery syntax gets through.
    fn match_expression(words: &[String]) -> String {
        words
            .iter()
            .map(|word| format!("{word}:*"))
            .collect::<Vec<_>>()
            .join(" & ")
    }
}

/// Moves `changes` on for every announced write, until the connection fails for good.
async fn follow_changes(pool: &PgPool, changes: &ContentChanges) -> Result<(), sqlx::Error> {
    let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
    listener.listen(super::changes::CHANNEL).await?;
    // Whatever was written before the channel was open.
    changes.changed();
    loop {
        // `None`: the connection dropped and the next call reconnects; what was announced
        // meanwhile is lost, so it counts as a change too.
        listener.try_recv().await?;
        changes.changed();
    }
}
