//! What differs between SQLite and PostgreSQL, in one small trait: everything else in the
//! storage modules is one generic `SqlStore<D: Dialect>`, shared by both.
//!
//! Generic code over `sqlx::Database` has to say what it binds and reads, and Rust does not
//! carry such bounds along from a trait to its users: each generic `impl` block of the SQL
//! modules restates them in its `where` clause ([`SqlValue`] keeps that short). The concrete
//! `Dialect` impls are in `sqlite.rs` and `postgres.rs`.

use std::{future::Future, path::Path, sync::Arc};

use chrono::{DateTime, Utc};
use sqlx::{Database, Decode, Encode, Pool, QueryBuilder, Type};

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

    /// How the full-text query writes a word as a prefix term (before, after it), and what
    /// joins terms that must all match (see [`Dialect::match_expression`]).
    const PREFIX_TERM: (&'static str, &'static str);
    const ALL_OF: &'static str;

    /// Ends a `SELECT` of rows a write transaction goes on to depend on, so a concurrent write
    /// of them waits for it (PostgreSQL: ` FOR UPDATE`; SQLite's write transactions already
    /// take turns).
    const FOR_UPDATE: &'static str;

    /// The comparison for which two NULLs are the same (SQLite: `IS`; PostgreSQL: `IS NOT
    /// DISTINCT FROM`; plain `=` is never true for NULL).
    const SAME_AS: &'static str;

    /// How an instant is bound (SQLite: INTEGER Unix seconds; PostgreSQL: TIMESTAMPTZ).
    /// Instants are read back as `DateTime<Utc>` by both.
    type Instant: SqlValue<Self> + Copy + Sync + 'static;

    fn instant(at: DateTime<Utc>) -> Self::Instant;

    /// How many rows a statement changed.
    fn rows_affected(result: &Self::QueryResult) -> u64;

    /// Pushes the search's matching published items (`search::SEARCHED`) with a rank (higher
    /// is better) and the language of the text found, as one SELECT of their UNION; `matched`
    /// is the [`Dialect::match_expression`] of the words. For English or Russian, items are
    /// searched in that version where they have one, and in Latvian where they have none.
    fn push_search_hits<'a>(query: &mut QueryBuilder<'a, Self>, lang: Lang, matched: &'a str);

    /// Runs a query built with `QueryBuilder` and answers its rows. (Only the concrete backend
    /// knows that the builder's arguments may live shorter than it, which running it needs.)
    fn fetch_built<'q, 'a: 'q, O>(
        query: &'q mut QueryBuilder<'a, Self>,
        pool: &'q Pool<Self>,
    ) -> impl Future<Output = Result<Vec<O>, sqlx::Error>> + Send + 'q
    where
        O: for<'r> sqlx::FromRow<'r, Self::Row> + Send + Unpin + 'q;

    /// The words as this backend's full-text query, every word a required prefix: each
    /// word between `PREFIX_TERM`'s two parts, joined by `ALL_OF`.
    fn match_expression(words: &[String]) -> String {
        let (before, after) = Self::PREFIX_TERM;
        let terms: Vec<String> = words
            .iter()
            .map(|word| format!("{before}{word}{after}"))
            .collect();
        terms.join(Self::ALL_OF)
    }

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
