//! The PostgreSQL backend, for several server instances sharing one database. Instants are
//! TIMESTAMPTZ.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::postgres::{PgPool, PgPoolOptions};

use super::rows::{
    in_slugs, search_text, ArticleRow, AttachmentRow, AuditRow, CategoryRow, CredentialsRow,
    DraftRow, EventDraftRow, EventRevisionRow, EventRow, RevisionRow, SearchRow, UserRow,
    ARTICLE_COLUMNS, DRAFT_COLUMNS, EVENT_COLUMNS, EVENT_DRAFT_COLUMNS, EVENT_REVISION_COLUMNS,
};
use super::sql::{draft_refusal, impl_store, TranslationTable};
use super::{
    slugs, Article, ArticleDraft, ArticleNeighbours, ArticlePage, ArticleRevision, ArticleSettings,
    ArticleText, Attachment, AuditEntry, Category, Credentials, Direction, Event, EventDraft,
    EventPage, EventRevision, EventText, NewArticle, NewCategory, NewEvent, Recurrence, Role,
    SearchKind, SearchPage, SearchRequest, StoreError, Translation, User,
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

impl PostgresStore {
    /// Matching published articles and events with a rank (higher is better). `$1` is a
    /// tsquery over the folded text; title words weigh more than body words.
    const SEARCH_HITS: &'static str = "\
        SELECT 'article' AS kind, a.slug, a.title, a.lead AS lead, a.body_html, \
            a.published_at AS at, a.category_id, \
            ts_rank(setweight(to_tsvector('simple', a.search_title), 'A') \
                || setweight(to_tsvector('simple', a.search_body), 'D'), \
                to_tsquery('simple', $1)) AS rank \
        FROM articles a \
        WHERE to_tsvector('simple', a.search_title || ' ' || a.search_body) \
            @@ to_tsquery('simple', $1) AND a.status = 'published' \
        UNION ALL \
        SELECT 'event', e.slug, e.title, e.summary, e.body_html, e.starts_at, e.category_id, \
            ts_rank(setweight(to_tsvector('simple', e.search_title), 'A') \
                || setweight(to_tsvector('simple', e.search_body), 'D'), \
                to_tsquery('simple', $1)) \
        FROM events e \
        WHERE to_tsvector('simple', e.search_title || ' ' || e.search_body) \
            @@ to_tsquery('simple', $1) AND e.status = 'published'";

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

fn timestamptz(instant: DateTime<Utc>) -> DateTime<Utc> {
    instant
}

impl_store!(PostgresStore, sqlx::Postgres, timestamptz);
