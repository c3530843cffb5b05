//! The SQLite backend: the embedded default. WAL mode and foreign keys are switched on for
//! every connection; instants are stored as INTEGER Unix seconds.

use std::{path::Path, str::FromStr, time::Duration};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};

use super::rows::{ArticleRow, CategoryRow, EventRow, ARTICLE_COLUMNS, EVENT_COLUMNS};
use super::sql::impl_store;
use super::{
    slugs, Article, ArticlePage, Category, Direction, Event, EventPage, NewArticle, NewCategory,
    NewEvent, Recurrence, StoreError,
};

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens `sqlite:path` (creating the file and its folder) and applies migrations.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        if let Some(folder) = options.get_filename().parent() {
            if !folder.as_os_str().is_empty() && !Path::new(folder).exists() {
                std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
                    path: folder.display().to_string(),
                    source,
                })?;
            }
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(Self { pool })
    }
}

fn unix_seconds(instant: DateTime<Utc>) -> i64 {
    instant.timestamp()
}

impl_store!(SqliteStore, sqlx::Sqlite, unix_seconds);
