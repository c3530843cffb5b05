//! The PostgreSQL backend, for several server instances sharing one database. Instants are
//! TIMESTAMPTZ.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::postgres::{PgPool, PgPoolOptions};

use super::rows::{ArticleRow, CategoryRow, EventRow, ARTICLE_COLUMNS, EVENT_COLUMNS};
use super::sql::impl_store;
use super::{
    slugs, Article, ArticlePage, Category, Direction, Event, EventPage, NewArticle, NewCategory,
    NewEvent, Recurrence, StoreError,
};

pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects to `postgres://…` and applies migrations.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(Self { pool })
    }
}

fn timestamptz(instant: DateTime<Utc>) -> DateTime<Utc> {
    instant
}

impl_store!(PostgresStore, sqlx::Postgres, timestamptz);
