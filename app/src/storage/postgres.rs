//! The PostgreSQL backend, for several server instances sharing one database. Instants are
//! TIMESTAMPTZ.

use std::{future::Future, sync::Arc, time::Duration};

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Postgres;

use super::search::Searched;
use super::sql::prelude::*;
use super::transfer::{self, Kind, TableRows};

/// `Store` over a PostgreSQL database.
pub type PostgresStore = SqlStore<Postgres>;

impl PostgresStore {
    /// Connects to `postgres://…` and applies migrations.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        Self::open(url, Schema::Upgrade).await
    }

    /// Opens the database at `url`, doing with its schema what `schema` says.
    pub async fn open(url: &str, schema: Schema) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            // A request waits this long for a connection, then is answered 503 (`AppError`).
            .acquire_timeout(Duration::from_secs(5))
            .connect(url)
            .await?;
        schema
            .prepare(&pool, &sqlx::migrate!("./migrations/postgres"))
            .await?;
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

    // Every word a prefix term, all required (`cilveku:* & tirdzniec:*`). Words are letters
    // and digits only, so no tsquery syntax gets through.
    const PREFIX_TERM: (&'static str, &'static str) = ("", ":*");
    const ALL_OF: &'static str = " & ";
    const FOR_UPDATE: &'static str = " FOR UPDATE";
    const SAME_AS: &'static str = "IS NOT DISTINCT FROM";

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

    /// Full-text search over `to_tsvector('simple', …)` of the folded text; title words
    /// weigh more than body words.
    fn push_search_hits<'a>(query: &mut QueryBuilder<'a, Postgres>, lang: Lang, matched: &'a str) {
        for (n, (_, searched, translation)) in Searched::in_order(lang).into_iter().enumerate() {
            let (x, at) = (searched.alias, searched.at);
            let shown = searched.shown(translation);
            let ItemTables {
                kind,
                items,
                key,
                translations,
                ..
            } = searched.tables;
            // The alias of the table the searched text is in, and its language.
            let (text, text_lang) = match translation {
                Some(code) => ("t", code),
                None => (x, "lv"),
            };
            if n > 0 {
                query.push(" UNION ALL ");
            }
            query.push(format_args!(
                "SELECT '{kind}' AS kind, {shown}, {x}.{at} AS at, {x}.category_id, \
                 ts_rank(setweight(to_tsvector('simple', {text}.search_title), 'A') \
                 || setweight(to_tsvector('simple', {text}.search_body), 'D'), \
                 to_tsquery('simple', "
            ));
            query
                .push_bind(matched)
                .push(format_args!(")) AS rank FROM {items} {x}"));
            if translation.is_some() {
                query.push(format_args!(
                    " JOIN {translations} t ON t.{key} = {x}.id AND t.lang = '{text_lang}'"
                ));
            }
            query.push(format_args!(
                " WHERE to_tsvector('simple', {text}.search_title || ' ' || {text}.search_body) \
                 @@ to_tsquery('simple', "
            ));
            query.push_bind(matched).push(")");
            searched.published_only(query, translation, lang);
        }
    }

    fn fetch_built<'q, 'a: 'q, O>(
        query: &'q mut QueryBuilder<'a, Postgres>,
        pool: &'q PgPool,
    ) -> impl Future<Output = Result<Vec<O>, sqlx::Error>> + Send + 'q
    where
        O: for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow> + Send + Unpin + 'q,
    {
        query.build_query_as().fetch_all(pool)
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
