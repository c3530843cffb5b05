//! The one implementation of `Store` over SQL, shared by both backends.
//!
//! The SQL here is the dialect both SQLite and PostgreSQL understand (`$n` parameters,
//! `RETURNING`); the only difference, how an instant is bound, comes in as `$instant`.
//! A macro rather than generics over `sqlx::Database`, because the executor bounds
//! those need do not survive `async_trait`'s `Send` requirements.

/// Implements `Store` for a backend struct with a `pool` field; `$instant` turns a
/// `DateTime<Utc>` into the value the backend binds.
macro_rules! impl_store {
    ($store:ident, $instant:path) => {
        impl $store {
            async fn category_id(&self, slug: Option<&str>) -> Result<Option<i64>, StoreError> {
                let Some(slug) = slug else { return Ok(None) };
                sqlx::query_scalar("SELECT id FROM categories WHERE slug = $1")
                    .bind(slug)
                    .fetch_optional(&self.pool)
                    .await?
                    .map(Some)
                    .ok_or_else(|| StoreError::UnknownCategory(slug.to_string()))
            }

            async fn event_by_id(&self, id: i64) -> Result<Event, StoreError> {
                let sql = format!("SELECT {EVENT_COLUMNS} WHERE e.id = $1");
                let row: EventRow = sqlx::query_as(&sql).bind(id).fetch_one(&self.pool).await?;
                Ok(row.into())
            }

            async fn article_by_id(&self, id: i64) -> Result<Article, StoreError> {
                let sql = format!("SELECT {ARTICLE_COLUMNS} WHERE a.id = $1");
                let row: ArticleRow = sqlx::query_as(&sql).bind(id).fetch_one(&self.pool).await?;
                Ok(row.into())
            }
        }

        #[async_trait]
        impl $crate::storage::Store for $store {
            async fn ping(&self) -> Result<(), StoreError> {
                sqlx::query("SELECT 1").execute(&self.pool).await?;
                Ok(())
            }

            async fn close(&self) {
                self.pool.close().await;
            }

            async fn is_empty(&self) -> Result<bool, StoreError> {
                let count: i64 = sqlx::query_scalar(
                    "SELECT (SELECT COUNT(*) FROM categories) + (SELECT COUNT(*) FROM events) \
                     + (SELECT COUNT(*) FROM articles)",
                )
                .fetch_one(&self.pool)
                .await?;
                Ok(count == 0)
            }

            async fn create_category(&self, category: &NewCategory) -> Result<Category, StoreError> {
                let row: CategoryRow = sqlx::query_as(
                    "INSERT INTO categories (slug, name, colour) VALUES ($1, $2, $3) \
                     RETURNING id, slug, name, colour",
                )
                .bind(&category.slug)
                .bind(&category.name)
                .bind(&category.colour)
                .fetch_one(&self.pool)
                .await?;
                Ok(row.into())
            }

            async fn categories(&self) -> Result<Vec<Category>, StoreError> {
                let rows: Vec<CategoryRow> =
                    sqlx::query_as("SELECT id, slug, name, colour FROM categories ORDER BY name")
                        .fetch_all(&self.pool)
                        .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn create_event(&self, event: &NewEvent) -> Result<Event, StoreError> {
                let category_id = self.category_id(event.category.as_deref()).await?;
                let now = $instant(Utc::now());
                let base = slugs::slug_for(&event.title, "notikums");
                let id: i64 = with_unique_slug(&base, |slug| {
                    sqlx::query_scalar(
                        "INSERT INTO events (slug, title, summary, body_html, starts_at, ends_at, \
                         all_day, location, category_id, status, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
                    )
                    .bind(slug)
                    .bind(&event.title)
                    .bind(&event.summary)
                    .bind(event.body_html.as_str())
                    .bind($instant(event.starts_at))
                    .bind($instant(event.ends_at))
                    .bind(event.all_day)
                    .bind(&event.location)
                    .bind(category_id)
                    .bind(event.status.as_str())
                    .bind(now)
                    .fetch_one(&self.pool)
                })
                .await?;
                self.event_by_id(id).await
            }

            async fn events_between(
                &self,
                from: DateTime<Utc>,
                to: DateTime<Utc>,
            ) -> Result<Vec<Event>, StoreError> {
                let sql = format!(
                    "SELECT {EVENT_COLUMNS} WHERE e.status = 'published' \
                     AND e.starts_at < $1 AND e.ends_at >= $2 ORDER BY e.starts_at, e.id"
                );
                let rows: Vec<EventRow> = sqlx::query_as(&sql)
                    .bind($instant(to))
                    .bind($instant(from))
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn upcoming_events(
                &self,
                from: DateTime<Utc>,
                limit: i64,
            ) -> Result<Vec<Event>, StoreError> {
                let sql = format!(
                    "SELECT {EVENT_COLUMNS} WHERE e.status = 'published' AND e.ends_at >= $1 \
                     ORDER BY e.starts_at, e.id LIMIT $2"
                );
                let rows: Vec<EventRow> = sqlx::query_as(&sql)
                    .bind($instant(from))
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn published_event(&self, slug: &str) -> Result<Option<Event>, StoreError> {
                let sql = format!("SELECT {EVENT_COLUMNS} WHERE e.slug = $1 AND e.status = 'published'");
                let row: Option<EventRow> = sqlx::query_as(&sql)
                    .bind(slug)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(Into::into))
            }

            async fn create_article(&self, article: &NewArticle) -> Result<Article, StoreError> {
                let category_id = self.category_id(article.category.as_deref()).await?;
                let now = $instant(Utc::now());
                let base = slugs::slug_for(&article.title, "raksts");
                let id: i64 = with_unique_slug(&base, |slug| {
                    sqlx::query_scalar(
                        "INSERT INTO articles (slug, title, lead, body_html, contact, published_at, \
                         category_id, status, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
                    )
                    .bind(slug)
                    .bind(&article.title)
                    .bind(&article.lead)
                    .bind(article.body_html.as_str())
                    .bind(&article.contact)
                    .bind($instant(article.published_at))
                    .bind(category_id)
                    .bind(article.status.as_str())
                    .bind(now)
                    .fetch_one(&self.pool)
                })
                .await?;
                self.article_by_id(id).await
            }

            async fn published_articles(
                &self,
                limit: i64,
                offset: i64,
            ) -> Result<ArticlePage, StoreError> {
                let sql = format!(
                    "SELECT {ARTICLE_COLUMNS} WHERE a.status = 'published' \
                     ORDER BY a.published_at DESC, a.id DESC LIMIT $1 OFFSET $2"
                );
                let rows: Vec<ArticleRow> = sqlx::query_as(&sql)
                    .bind(limit)
                    .bind(offset)
                    .fetch_all(&self.pool)
                    .await?;
                let total: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM articles WHERE status = 'published'")
                        .fetch_one(&self.pool)
                        .await?;
                Ok(ArticlePage {
                    articles: rows.into_iter().map(Into::into).collect(),
                    total,
                })
            }

            async fn published_article(&self, slug: &str) -> Result<Option<Article>, StoreError> {
                let sql =
                    format!("SELECT {ARTICLE_COLUMNS} WHERE a.slug = $1 AND a.status = 'published'");
                let row: Option<ArticleRow> = sqlx::query_as(&sql)
                    .bind(slug)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(Into::into))
            }
        }
    };
}

pub(super) use impl_store;
