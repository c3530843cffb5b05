//! Articles: creating, pages, neighbours, attachments and the events they report on.
//!
//! The trait is part of `Store`; its SQL is the generic impl below, one for both backends
//! (`SqlStore<D: Dialect>`, see `sql` and `dialect`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::sql::prelude::*;
use crate::i18n::Lang;

#[async_trait]
pub trait ArticleStore: Send + Sync {
    /// Stores an article under a fresh unique slug made from its title, with the audit line
    /// of the editor who created it (none for imports and demo content).
    async fn create_article(
        &self,
        article: &NewArticle,
        audit: Option<Audit<'_>>,
    ) -> Result<Article, StoreError>;

    /// Stores many articles in one transaction (imports, load tests); all or none.
    async fn create_articles(&self, articles: &[NewArticle]) -> Result<u64, StoreError>;

    /// Published articles, newest first, in the categories with the given slugs (all when
    /// empty).
    async fn published_articles(
        &self,
        lang: Lang,
        categories: &[String],
        limit: i64,
        offset: i64,
    ) -> Result<ArticlePage, StoreError> {
        self.published_articles_in(lang, categories, None, limit, offset)
            .await
    }

    /// As `published_articles`, of those published in `period` (`[from, to)`) when one is
    /// given: the news list, the archive and the calendar's news marks read through this one
    /// query.
    async fn published_articles_in(
        &self,
        lang: Lang,
        categories: &[String],
        period: Option<(DateTime<Utc>, DateTime<Utc>)>,
        limit: i64,
        offset: i64,
    ) -> Result<ArticlePage, StoreError>;

    async fn published_article(
        &self,
        lang: Lang,
        slug: &str,
    ) -> Result<Option<Article>, StoreError>;

    /// An article by id, in any state (trashed too).
    async fn article(&self, id: i64) -> Result<Option<Article>, StoreError>;

    /// An article in any state but trashed, for editors.
    async fn article_for_editing(&self, slug: &str) -> Result<Option<Article>, StoreError>;

    /// The attachments of an article, in order.
    async fn attachments(&self, article_id: i64) -> Result<Vec<Attachment>, StoreError>;

    /// Published articles that report on an event, newest first.
    async fn articles_about_event(
        &self,
        lang: Lang,
        event_id: i64,
    ) -> Result<Vec<Article>, StoreError>;

    /// When the first and the last published article in the categories with the given slugs
    /// (all when empty) were published; none when there is none.
    async fn publication_span(
        &self,
        categories: &[String],
    ) -> Result<Option<(DateTime<Utc>, DateTime<Utc>)>, StoreError>;

    /// How many published articles in those categories were published in each of `periods`
    /// (from, inclusive, to, exclusive), in their order: the archive counts them by month.
    async fn publication_counts(
        &self,
        categories: &[String],
        periods: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> Result<Vec<i64>, StoreError>;

    /// The published neighbours of `article`, with up to `related` others from its category.
    async fn article_neighbours(
        &self,
        lang: Lang,
        article: &Article,
        related: i64,
    ) -> Result<ArticleNeighbours, StoreError>;
}

/// Periods counted by one statement of [`ArticleStore::publication_counts`]: three bound
/// values each.
const PERIODS_PER_STATEMENT: usize = 2_000;

#[async_trait]
impl<D: Dialect> ArticleStore for SqlStore<D>
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
    async fn create_articles(&self, articles: &[NewArticle]) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        for article in articles {
            Self::insert_article(&mut tx, article, "").await?;
        }
        tx.commit().await?;
        Ok(articles.len() as u64)
    }

    async fn create_article(
        &self,
        article: &NewArticle,
        audit: Option<Audit<'_>>,
    ) -> Result<Article, StoreError> {
        let mut tx = self.begin_write().await?;
        let by = audit.map_or("", |audit| audit.actor);
        let id = Self::insert_article(&mut tx, article, by).await?;
        if let Some(audit) = audit {
            Self::audit_line(&mut tx, &ItemTables::ARTICLES, id, audit).await?;
        }
        let created = Self::article_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(created)
    }

    async fn article(&self, id: i64) -> Result<Option<Article>, StoreError> {
        match self.article_by_id(id).await {
            Ok(article) => Ok(Some(article)),
            Err(StoreError::NotFound) => Ok(None),
            Err(error) => Err(error),
        }
    }

    async fn article_for_editing(&self, slug: &str) -> Result<Option<Article>, StoreError> {
        let sql = format!("SELECT {ARTICLE_COLUMNS} WHERE a.slug = $1 AND a.trashed_at IS NULL");
        let row: Option<ArticleRow> = sqlx::query_as(&sql)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Into::into))
    }

    async fn attachments(&self, article_id: i64) -> Result<Vec<Attachment>, StoreError> {
        let rows: Vec<AttachmentRow> = sqlx::query_as(
            "SELECT title, href, media_type, size_bytes FROM attachments \
                     WHERE article_id = $1 ORDER BY position",
        )
        .bind(article_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn articles_about_event(
        &self,
        lang: Lang,
        event_id: i64,
    ) -> Result<Vec<Article>, StoreError> {
        let columns = article_columns(lang);
        let sql = format!(
            "SELECT {columns} WHERE a.status = 'published' AND a.event_id = $1 \
                     ORDER BY a.published_at DESC, a.id DESC"
        );
        let rows: Vec<ArticleRow> = sqlx::query_as(&sql)
            .bind(event_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn published_articles_in(
        &self,
        lang: Lang,
        categories: &[String],
        period: Option<(DateTime<Utc>, DateTime<Utc>)>,
        limit: i64,
        offset: i64,
    ) -> Result<ArticlePage, StoreError> {
        let from = articles_from(categories);
        let published = |select: String| {
            let mut query = QueryBuilder::<D>::new(select);
            query.push(" WHERE a.status = 'published'");
            if let Some((from, to)) = period {
                query
                    .push(" AND a.published_at >= ")
                    .push_bind(D::instant(from))
                    .push(" AND a.published_at < ")
                    .push_bind(D::instant(to));
            }
            push_category_slugs(&mut query, categories);
            query
        };
        // The page's ids first, ordered from the indexes alone, then those ten articles
        // whole: a sort of a large category's articles does not carry their bodies.
        let columns = article_columns(lang);
        let mut rows = published(format!(
            "SELECT {columns} WHERE a.id IN (SELECT a.id {from}"
        ));
        rows.push(" ORDER BY a.published_at DESC, a.id DESC LIMIT ")
            .push_bind(limit)
            .push(" OFFSET ")
            .push_bind(offset)
            .push(") ORDER BY a.published_at DESC, a.id DESC");
        let rows: Vec<ArticleRow> = D::fetch_built(&mut rows, &self.pool).await?;
        let mut count = published(format!("SELECT COUNT(*) {from}"));
        let total = Self::count_built(&mut count, &self.pool).await?;
        Ok(ArticlePage {
            articles: rows.into_iter().map(Into::into).collect(),
            total,
        })
    }

    async fn publication_span(
        &self,
        categories: &[String],
    ) -> Result<Option<(DateTime<Utc>, DateTime<Utc>)>, StoreError> {
        let mut query = QueryBuilder::<D>::new(
            "SELECT MIN(published_at), MAX(published_at) FROM articles \
             WHERE status = 'published'",
        );
        push_categories(&mut query, "category_id", categories);
        let span: Vec<(Option<DateTime<Utc>>, Option<DateTime<Utc>>)> =
            D::fetch_built(&mut query, &self.pool).await?;
        Ok(span
            .into_iter()
            .next()
            .and_then(|(first, last)| first.zip(last)))
    }

    async fn publication_counts(
        &self,
        categories: &[String],
        periods: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> Result<Vec<i64>, StoreError> {
        // Counted in the database, one range of the (status, published_at) index a period,
        // rather than every publication time read out; a few thousand periods a statement
        // keep it well under SQLite's limit of bound values.
        let mut counts = vec![0; periods.len()];
        for (chunk, chunk_periods) in periods.chunks(PERIODS_PER_STATEMENT).enumerate() {
            let first = chunk * PERIODS_PER_STATEMENT;
            let mut query = QueryBuilder::<D>::new("WITH periods(n, starts, ends) AS (VALUES ");
            for (n, (from, to)) in chunk_periods.iter().enumerate() {
                query
                    .push(if n == 0 { "(" } else { ", (" })
                    .push_bind((first + n) as i64)
                    .push(", ")
                    .push_bind(D::instant(*from))
                    .push(", ")
                    .push_bind(D::instant(*to))
                    .push(")");
            }
            query.push(
                ") SELECT p.n, COUNT(*) FROM periods p JOIN articles a \
                 ON a.status = 'published' AND a.published_at >= p.starts \
                 AND a.published_at < p.ends WHERE 1 = 1",
            );
            push_categories(&mut query, "a.category_id", categories);
            query.push(" GROUP BY p.n");
            let counted: Vec<(i64, i64)> = D::fetch_built(&mut query, &self.pool).await?;
            for (n, count) in counted {
                if let Some(slot) = usize::try_from(n).ok().and_then(|n| counts.get_mut(n)) {
                    *slot = count;
                }
            }
        }
        Ok(counts)
    }

    async fn article_neighbours(
        &self,
        lang: Lang,
        article: &Article,
        related: i64,
    ) -> Result<ArticleNeighbours, StoreError> {
        let columns = article_columns(lang);
        let at = D::instant(article.published_at);
        let older = format!(
            "SELECT {columns} WHERE a.status = 'published' \
                     AND (a.published_at < $1 OR (a.published_at = $1 AND a.id < $2)) \
                     ORDER BY a.published_at DESC, a.id DESC LIMIT 1"
        );
        let newer = format!(
            "SELECT {columns} WHERE a.status = 'published' \
                     AND (a.published_at > $1 OR (a.published_at = $1 AND a.id > $2)) \
                     ORDER BY a.published_at, a.id LIMIT 1"
        );
        let older: Option<ArticleRow> = sqlx::query_as(&older)
            .bind(at)
            .bind(article.id)
            .fetch_optional(&self.pool)
            .await?;
        let newer: Option<ArticleRow> = sqlx::query_as(&newer)
            .bind(at)
            .bind(article.id)
            .fetch_optional(&self.pool)
            .await?;
        let related = match &article.category {
            None => Vec::new(),
            Some(category) => {
                let sql = format!(
                    "SELECT {columns} WHERE a.status = 'published' \
                             AND a.category_id = $1 AND a.id <> $2 \
                             ORDER BY a.published_at DESC, a.id DESC LIMIT $3"
                );
                let rows: Vec<ArticleRow> = sqlx::query_as(&sql)
                    .bind(category.id)
                    .bind(article.id)
                    .bind(related)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(Into::into).collect()
            }
        };
        Ok(ArticleNeighbours {
            older: older.map(Into::into),
            newer: newer.map(Into::into),
            related,
        })
    }

    async fn published_article(
        &self,
        lang: Lang,
        slug: &str,
    ) -> Result<Option<Article>, StoreError> {
        let columns = article_columns(lang);
        let sql = format!("SELECT {columns} WHERE a.slug = $1 AND a.status = 'published'");
        let row: Option<ArticleRow> = sqlx::query_as(&sql)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Into::into))
    }
}

/// The columns an article's fields fill, for its insert and its update, given the ids of
/// the category and the event it names. Not its date: an insert adds it, and an update
/// keeps it (`date_first_publication` dates a first publication).
pub(super) fn article_columns_written(
    article: &NewArticle,
    (category_id, event_id): (Option<i64>, Option<i64>),
) -> ItemColumns<'_> {
    use ColumnValue::*;
    let (search_title, search_body) = search_text(
        &ItemTables::ARTICLES,
        &article.title,
        &article.lead,
        &article.contact,
        article.body_html.plain_text(),
    );
    vec![
        ("title", Text(article.title.as_str().into())),
        ("lead", Text(article.lead.as_str().into())),
        ("body_html", Text(article.body_html.as_str().into())),
        ("contact", Text(article.contact.as_str().into())),
        ("category_id", OptionalInteger(category_id)),
        ("event_id", OptionalInteger(event_id)),
        ("status", Text(article.status.as_str().into())),
        ("search_title", Text(search_title.into())),
        ("search_body", Text(search_body.into())),
    ]
}
