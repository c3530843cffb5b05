//! Moving a whole site between databases: `notikumi export` writes every table that holds
//! content or accounts as JSON, `notikumi import` writes such a file into an empty database of
//! either kind (SQLite to PostgreSQL when a site outgrows one instance, and back).
//!
//! What travels: categories, accounts (password hashes kept, so everyone signs in as before),
//! articles and events with their revisions, drafts, translations and old addresses, image
//! metadata (`attachments`; the image files themselves are copied with the media folder) and
//! the audit log, ids kept, so links between rows and the history stay whole. What does not:
//! sessions (editors sign in again), sign-in throttling and SQLite's full-text index, which
//! its triggers fill again from the imported rows.
//!
//! The file is backend-neutral: columns by name in alphabetical order, rows in primary-key
//! order, instants as RFC 3339 text (SQLite keeps whole seconds, so a PostgreSQL instant's
//! fraction does not survive a trip through SQLite), truth values as JSON booleans.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::{Column, Row, TypeInfo, ValueRef};

use super::sql::prelude::{Dialect, SqlStore, SqlValue};
use super::StoreError;
use checked::{cleaned, values_fit};
use upgrade::upgraded;
pub(super) use values::{insert_postgres_rows, insert_sqlite_rows, postgres_value, sqlite_value};

/// The file format's version. Older formats are brought up to date as they are read
/// ([`upgraded`]): format 1 had article drafts as four text columns, format 2 no
/// `articles.was_published`, format 3 copies of the Latvian text in translations where a
/// translator left a part, format 4 no `events.was_published`, format 5 no translations'
/// `source_version`, format 6 no `previous_addresses.seen`. An import refuses any other.
pub const FORMAT: u32 = 7;

/// A whole site, as `notikumi export` writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteExport {
    /// [`FORMAT`].
    pub notikumi_export: u32,
    pub tables: Vec<TableRows>,
}

/// One table: its columns' names and its rows' values in that order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRows {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// The tables that travel, each with its primary key, in an order where every row's
/// references come before it.
const TABLES: [(&str, &str); 13] = [
    ("categories", "id"),
    ("users", "id"),
    ("events", "id"),
    ("articles", "id"),
    ("previous_addresses", "kind, slug"),
    ("attachments", "id"),
    ("article_revisions", "id"),
    ("article_drafts", "article_id"),
    ("article_translations", "article_id, lang"),
    ("event_revisions", "id"),
    ("event_drafts", "event_id"),
    ("event_translations", "event_id, lang"),
    ("audit_log", "id"),
];

/// Columns holding instants: `TIMESTAMPTZ` on PostgreSQL, Unix seconds on SQLite, where an
/// `INTEGER` column does not say which it is. (PostgreSQL's export checks both lists against
/// its column types, so the round-trip test fails when a migration adds a column unlisted.)
const INSTANTS: &[&str] = &[
    "articles.created_at",
    "articles.published_at",
    "articles.trashed_at",
    "articles.updated_at",
    "article_drafts.saved_at",
    "article_revisions.saved_at",
    "article_translations.updated_at",
    "audit_log.at",
    "events.created_at",
    "events.ends_at",
    "events.series_end",
    "events.starts_at",
    "events.trashed_at",
    "events.updated_at",
    "event_drafts.saved_at",
    "event_revisions.ends_at",
    "event_revisions.saved_at",
    "event_revisions.starts_at",
    "event_translations.updated_at",
    "users.created_at",
];

/// Columns holding truth values: `BOOLEAN` on PostgreSQL, 0 or 1 on SQLite.
const TRUTHS: &[&str] = &[
    "articles.was_published",
    "events.all_day",
    "events.was_published",
    "event_revisions.all_day",
    "previous_addresses.seen",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Instant,
    Truth,
    Plain,
}

fn kind_of(table: &str, column: &str) -> Kind {
    let name = format!("{table}.{column}");
    if INSTANTS.contains(&name.as_str()) {
        Kind::Instant
    } else if TRUTHS.contains(&name.as_str()) {
        Kind::Truth
    } else {
        Kind::Plain
    }
}

/// Why a file cannot be imported, or a table exported.
fn refused(reason: String) -> StoreError {
    StoreError::Transfer(reason)
}

fn instant_value(instant: DateTime<Utc>) -> Value {
    Value::String(instant.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

fn instant_of(
    table: &str,
    column: &str,
    value: &Value,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) => DateTime::parse_from_rfc3339(text)
            .map(|instant| Some(instant.with_timezone(&Utc)))
            .map_err(|_| {
                refused(format!(
                    "{table}.{column}: {text:?} is not an RFC 3339 instant"
                ))
            }),
        other => Err(refused(format!(
            "{table}.{column}: {other} is not an instant"
        ))),
    }
}

fn truth_of(table: &str, column: &str, value: &Value) -> Result<Option<bool>, StoreError> {
    match value {
        Value::Null => Ok(None),
        Value::Bool(truth) => Ok(Some(*truth)),
        other => Err(refused(format!(
            "{table}.{column}: {other} is not true or false"
        ))),
    }
}

/// A table's rows, columns sorted by name, from rows read with `SELECT *`.
fn table_of<R: Row>(
    table: &str,
    rows: &[R],
    read: impl Fn(&R, usize, Kind) -> Result<Value, StoreError>,
) -> Result<TableRows, StoreError> {
    // Each column's name, place in the row and kind, worked out once per table.
    let mut columns: Vec<(String, usize, Kind)> = rows
        .first()
        .map(|row| {
            row.columns()
                .iter()
                .map(|column| {
                    let name = column.name().to_string();
                    let kind = kind_of(table, &name);
                    (name, column.ordinal(), kind)
                })
                .collect()
        })
        .unwrap_or_default();
    columns.sort_by(|a, b| a.0.cmp(&b.0));
    let mut values = Vec::with_capacity(rows.len());
    for row in rows {
        let mut line = Vec::with_capacity(columns.len());
        for (_, ordinal, kind) in &columns {
            line.push(read(row, *ordinal, *kind)?);
        }
        values.push(line);
    }
    Ok(TableRows {
        name: table.to_string(),
        columns: columns.into_iter().map(|(name, _, _)| name).collect(),
        rows: values,
    })
}

/// The file's tables in import order, each checked against the tables that travel.
fn tables_to_import(site: &SiteExport) -> Result<Vec<&TableRows>, StoreError> {
    if site.notikumi_export != FORMAT {
        return Err(refused(format!(
            "this is format {} of the export; this version of Notikumi reads format {FORMAT}",
            site.notikumi_export
        )));
    }
    if let Some(stranger) = site
        .tables
        .iter()
        .find(|table| !TABLES.iter().any(|(name, _)| *name == table.name))
    {
        return Err(refused(format!("unknown table {:?}", stranger.name)));
    }
    let mut ordered = Vec::new();
    for (name, _) in TABLES {
        ordered.extend(site.tables.iter().filter(|table| table.name == name));
    }
    for table in &ordered {
        if let Some(column) = table.columns.iter().find(|column| {
            !column
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        }) {
            return Err(refused(format!(
                "{}: bad column name {column:?}",
                table.name
            )));
        }
        if let Some(row) = table
            .rows
            .iter()
            .find(|row| row.len() != table.columns.len())
        {
            return Err(refused(format!(
                "{}: a row of {} values for {} columns",
                table.name,
                row.len(),
                table.columns.len()
            )));
        }
    }
    Ok(ordered)
}

/// The tables every export has carried, each format, however empty: a file without one of
/// them is a part of a site (or not an export at all), and importing it would make a site
/// that silently lacks, say, its accounts. An export in this version's format carries every
/// table of [`TABLES`].
const ALWAYS_EXPORTED: [&str; 5] = ["categories", "users", "events", "articles", "audit_log"];

/// Whether `site` would be imported, as far as the file alone says (its format, its tables
/// and their shape, colours and addresses); the import itself checks it again, and every
/// value's type as it writes it.
pub fn check(site: &SiteExport) -> Result<(), StoreError> {
    let upgraded = upgraded(site)?;
    tables_to_import(&upgraded)?;
    whole_site(site)?;
    values_fit(&upgraded)
}

/// Refuses a file that lacks a table its format always has: a part of a site (cut short, or
/// trimmed by hand), which would import as a site without, say, its translations.
fn whole_site(site: &SiteExport) -> Result<(), StoreError> {
    let required: Vec<&str> = if site.notikumi_export == FORMAT {
        TABLES.iter().map(|(name, _)| *name).collect()
    } else {
        ALWAYS_EXPORTED.to_vec()
    };
    match required
        .iter()
        .find(|name| !site.tables.iter().any(|table| table.name == **name))
    {
        Some(missing) => Err(refused(format!(
            "the file has no table {missing:?}: it is not a whole site's export"
        ))),
        None => Ok(()),
    }
}

/// What a failed insert of row `at` (from 0) of `table` answers: the database's refusal of it
/// names the row by its number and key, so the operator can find it in the file; any other
/// failure (the connection, a lock) is the failure it is.
fn refused_row(table: &TableRows, at: usize, error: sqlx::Error) -> StoreError {
    let sqlx::Error::Database(refusal) = &error else {
        return error.into();
    };
    let key = TABLES
        .iter()
        .find(|(name, _)| *name == table.name)
        .map_or("id", |(_, key)| *key);
    let named: Vec<String> = key
        .split(", ")
        .filter_map(|column| {
            let place = table.columns.iter().position(|c| c == column)?;
            Some(format!("{column} {}", table.rows[at].get(place)?))
        })
        .collect();
    let detail = refusal
        .try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
        .and_then(|refusal| refusal.detail())
        .map(|detail| format!(" ({detail})"))
        .unwrap_or_default();
    refused(format!(
        "{}, row {} ({}): {}{detail}",
        table.name,
        at + 1,
        named.join(", "),
        refusal.message()
    ))
}

fn insert_statement(table: &TableRows) -> String {
    let placeholders: Vec<String> = (1..=table.columns.len()).map(|n| format!("${n}")).collect();
    format!(
        "INSERT INTO {} ({}) VALUES ({})",
        table.name,
        table.columns.join(", "),
        placeholders.join(", ")
    )
}

/// What a database an import goes into may already hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Receiving {
    /// Nothing: a site moved or restored (`notikumi import`), accounts and all.
    Nothing,
    /// Accounts but no content: the demo content of a new site whose editors were added
    /// before its first start.
    AccountsOnly,
}

impl Receiving {
    /// Counts what the database may not hold yet.
    pub(super) fn held(self) -> &'static str {
        match self {
            Receiving::Nothing => {
                "SELECT (SELECT COUNT(*) FROM categories) + (SELECT COUNT(*) FROM events) \
                 + (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM users)"
            }
            Receiving::AccountsOnly => {
                "SELECT (SELECT COUNT(*) FROM categories) + (SELECT COUNT(*) FROM events) \
                 + (SELECT COUNT(*) FROM articles)"
            }
        }
    }
}

/// Export and import over either backend: the dialect's `EXPORT_SNAPSHOT` (run first in the
/// read transaction) makes every table's rows one consistent snapshot, its `ONE_IMPORT` (run
/// first in the import's transaction) makes imports into one database take turns, so a second
/// one finds the first one's rows and is refused as not empty (SQLite's write transactions
/// take turns already); its `export_value` reads one value of a row and `insert_rows` writes
/// one table's rows.
impl<D: Dialect> SqlStore<D>
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
    pub(super) async fn export_tables(&self) -> Result<SiteExport, StoreError> {
        let mut read = self.pool.begin().await?;
        if let Some(snapshot) = D::EXPORT_SNAPSHOT {
            sqlx::query(snapshot).execute(&mut *read).await?;
        }
        let mut tables = Vec::new();
        for (table, key) in TABLES {
            let rows = sqlx::query(&format!("SELECT * FROM {table} ORDER BY {key}"))
                .fetch_all(&mut *read)
                .await?;
            tables.push(table_of(table, &rows, |row, at, kind| {
                D::export_value(table, row, at, kind)
            })?);
        }
        read.commit().await?;
        Ok(SiteExport {
            notikumi_export: FORMAT,
            tables,
        })
    }

    pub(super) async fn import_tables(
        &self,
        file: &SiteExport,
        receiving: Receiving,
    ) -> Result<(), StoreError> {
        check(file)?;
        let site = upgraded(file)?.into_owned();
        // Cleaning every body is CPU work: off the async threads.
        let site = tokio::task::spawn_blocking(move || cleaned(site))
            .await
            .map_err(|_| refused("cleaning the file's bodies failed".into()))?;
        let tables = tables_to_import(&site)?;
        let mut write = self.begin_write().await?;
        if let Some(one_import) = D::ONE_IMPORT {
            sqlx::query(one_import).execute(&mut *write).await?;
        }
        let held: i64 = sqlx::query_scalar(receiving.held())
            .fetch_one(&mut *write)
            .await?;
        if held > 0 {
            return Err(StoreError::NotEmpty);
        }
        for table in tables {
            D::insert_rows(&mut *write, table).await?;
        }
        // Search text is folded again as this version folds it (an export from an older one
        // carries its own): emptied here and made again, in the import's transaction.
        let searched = super::search::SEARCHED
            .iter()
            .map(|searched| searched.tables);
        for table in searched.flat_map(|tables| [tables.items, tables.translations]) {
            let sql = format!("UPDATE {table} SET search_title = '', search_body = ''");
            sqlx::query(&sql).execute(&mut *write).await?;
        }
        super::search::fold_unsearched::<D>(&mut write).await?;
        write.commit().await?;
        Ok(())
    }
}

mod checked;
mod upgrade;
mod values;

#[cfg(test)]
mod tests;
