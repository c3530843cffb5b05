//! What differs between SQLite and PostgreSQL, in one small trait: everything else in the
//! storage modules is one generic `SqlStore<D: Dialect>`, shared by both.
//!
//! Generic code over `sqlx::Database` has to say what it binds and reads, and Rust does not
//! carry such bounds along from a trait to its users: each generic `impl` block of the SQL
//! modules restates them in its `where` clause ([`SqlValue`] keeps that short). The concrete
//! `Dialect` impls are in `sqlite.rs` and `postgres.rs`.

use std::{future::Future, path::Path, sync::Arc};

use chrono::{DateTime, Utc};
use sqlx::{Database, Decode, Encode, Pool, Type};

use super::changes::ContentChanges;
use super::transfer::{Kind, TableRows};
use super::StoreError;
use crate::i18n::Lang;

/// A Rust type both bound and read as one column of backend `D`.
pub trait SqlValue<D: Database>:
    for<'q> Encode<'q, D> + for<'r> Decode<'r, D> + Type<D> + Send
{
}

impl<D: Database, T> SqlValue<D> for T where
    T: for<'q> Encode<'q, D> + for<'r> Decode<'r, D> + Type<D> + Send
{
}

/// A backend's side of the shared SQL.
pub trait Dialect: Database {
    /// Begins a write transaction (SQLite: `BEGIN IMMEDIATE`, see `sqlite.rs`).
    const BEGIN_WRITE: &'static str;

    /// Run in every content write's transaction: tells this server's other processes or
    /// instances that the content changed when it commits (see `changes`).
    const ANNOUNCE: &'static str;

    /// Run first in an export's read transaction, so every table is read from one snapshot.
    const EXPORT_SNAPSHOT: Option<&'static str>;

    /// Run first in an import's transaction, so imports into one database take turns.
    const ONE_IMPORT: Option<&'static str>;

    /// How an instant is bound (SQLite: INTEGER Unix seconds; PostgreSQL: TIMESTAMPTZ).
    /// Instants are read back as `DateTime<Utc>` by both.
    type Instant: SqlValue<Self> + Copy + Sync + 'static;

    fn instant(at: DateTime<Utc>) -> Self::Instant;

    /// How many rows a statement changed.
    fn rows_affected(result: &Self::QueryResult) -> u64;

    /// The search's matching items with a rank and the language of the text found, as a
    /// sub-select over `$1`, the [`Dialect::match_expression`] of the words.
    fn search_hits(lang: Lang) -> String;

    /// The words as this backend's full-text query, every word a required prefix.
    fn match_expression(words: &[String]) -> String;

    /// One value of an exported row, by the column's `kind`.
    fn export_value(
        table: &str,
        row: &Self::Row,
        at: usize,
        kind: Kind,
    ) -> Result<serde_json::Value, StoreError>;

    /// Inserts one imported table's rows.
    fn insert_rows(
        conn: &mut Self::Connection,
        table: &TableRows,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Writes a consistent copy of the database to the new file `path`, or says why not.
    fn copy_database_to(
        pool: &Pool<Self>,
        path: &Path,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Moves `changes` on for the content writes other processes make (a task that lives as
    /// long as the pool).
    fn follow_changes(pool: Pool<Self>, changes: Arc<ContentChanges>);
}
