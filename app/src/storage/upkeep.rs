//! Upkeep of what is stored: bodies cleaned under an older allow-list, cleaned again and kept.
//!
//! Raising `sanitize::SANITIZER_VERSION` leaves every body stored before to be cleaned again
//! each time its row is read (`sanitize::for_render`), on the thread reading it. The server
//! stores them cleaned once instead (`server::upkeep`), a batch at a time, with what this
//! trait reads and writes. The trait is part of `Store`; its SQL is the generic impl below,
//! one for both backends.

use super::sql::prelude::*;
use crate::{editing::ItemKind, sanitize::SafeHtml};

/// A body stored under another sanitizer version than this one: an item's own (`lang`
/// empty) or its translation's into `lang`, as it was at `version` of that row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleBody {
    pub kind: ItemKind,
    pub id: i64,
    pub lang: String,
    pub version: i64,
    pub body_html: String,
}

#[async_trait]
pub trait UpkeepStore: Send + Sync {
    /// Up to `limit` bodies of items and translations stored under another sanitizer
    /// version than `current`. A translation that leaves the body to the Latvian text (an
    /// empty one) is none.
    async fn stale_bodies(&self, current: i32, limit: i64) -> Result<Vec<StaleBody>, StoreError>;

    /// Stores each body of `cleaned` as cleaned under `current`, where its row is still at
    /// the version it was read at (a save meanwhile stored its own body, cleaned), in one
    /// transaction. Not an edit: no new version, revision or audit line, and readers' pages
    /// stay as they were (a stale body was shown cleaned the same way). The words are the
    /// same words, so the search text stands. Answers how many were stored.
    async fn store_cleaned(
        &self,
        cleaned: &[(StaleBody, SafeHtml)],
        current: i32,
    ) -> Result<u64, StoreError>;
}

#[derive(sqlx::FromRow)]
struct StaleBodyRow {
    kind: String,
    id: i64,
    lang: String,
    version: i64,
    body_html: String,
}

#[async_trait]
impl<D: Dialect> UpkeepStore for SqlStore<D>
where
    for<'c> &'c mut D::Connection: sqlx::Executor<'c, Database = D>,
    for<'q> D::Arguments<'q>: sqlx::IntoArguments<'q, D>,
    for<'r> &'r str: sqlx::ColumnIndex<D::Row>,
    usize: sqlx::ColumnIndex<D::Row>,
    for<'q> &'q str: sqlx::Encode<'q, D> + sqlx::Type<D>,
    i64: SqlValue<D>,
    i32: SqlValue<D>,
    bool: SqlValue<D>,
    String: SqlValue<D>,
    for<'r> DateTime<Utc>: sqlx::Decode<'r, D> + sqlx::Type<D>,
    Option<i64>: SqlValue<D>,
    Option<String>: SqlValue<D>,
    Option<D::Instant>: SqlValue<D>,
{
    async fn stale_bodies(&self, current: i32, limit: i64) -> Result<Vec<StaleBody>, StoreError> {
        let selects: Vec<String> = ItemKind::ALL
            .iter()
            .flat_map(|&kind| {
                let ItemTables {
                    kind: name,
                    items,
                    key,
                    translations,
                    columns,
                    ..
                } = ItemTables::of(kind);
                let body = columns[2];
                [
                    format!(
                        "SELECT '{name}' AS kind, id, '' AS lang, version, {body} AS body_html \
                         FROM {items} WHERE sanitizer_version <> $1"
                    ),
                    format!(
                        "SELECT '{name}', {key}, lang, version, {body} FROM {translations} \
                         WHERE sanitizer_version <> $1 AND {body} <> ''"
                    ),
                ]
            })
            .collect();
        let sql = format!("{} LIMIT $2", selects.join(" UNION ALL "));
        let rows: Vec<StaleBodyRow> = sqlx::query_as(&sql)
            .bind(current)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let kind = ItemKind::ALL
                    .into_iter()
                    .find(|&kind| ItemTables::of(kind).kind == row.kind)?;
                Some(StaleBody {
                    kind,
                    id: row.id,
                    lang: row.lang,
                    version: row.version,
                    body_html: row.body_html,
                })
            })
            .collect())
    }

    async fn store_cleaned(
        &self,
        cleaned: &[(StaleBody, SafeHtml)],
        current: i32,
    ) -> Result<u64, StoreError> {
        let mut tx = self.begin_private_write().await?;
        let mut stored = 0;
        for (stale, clean) in cleaned {
            let ItemTables {
                items,
                key,
                translations,
                columns,
                ..
            } = ItemTables::of(stale.kind);
            let body = columns[2];
            // `$5` names the row: none for an item's own body (its `id`), the language of
            // its translation.
            let sql = if stale.lang.is_empty() {
                format!(
                    "UPDATE {items} SET {body} = $1, sanitizer_version = $2 \
                     WHERE id = $3 AND version = $4 AND $5 = ''"
                )
            } else {
                format!(
                    "UPDATE {translations} SET {body} = $1, sanitizer_version = $2 \
                     WHERE {key} = $3 AND version = $4 AND lang = $5"
                )
            };
            let result = sqlx::query(&sql)
                .bind(clean.as_str())
                .bind(current)
                .bind(stale.id)
                .bind(stale.version)
                .bind(stale.lang.as_str())
                .execute(&mut *tx)
                .await?;
            stored += D::rows_affected(&result);
        }
        tx.commit().await?;
        Ok(stored)
    }
}
