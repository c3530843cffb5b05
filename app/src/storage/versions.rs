//! Editing writes: saving and settling drafts, publishing with revisions, settings, trash and restore; each one transaction with its audit line.
//!
//! The trait is part of `Store`; the macro is its SQL, shared by both backends (see `sql`).

use async_trait::async_trait;

use super::*;

#[async_trait]
pub trait EditingStore: Send + Sync {
    /// Replaces an event's fields (its slug stays) if it is still at `expected_version`,
    /// keeping the replaced version as a revision, settling its draft by `draft` and writing
    /// the audit line, all in one transaction; otherwise `StoreError::Conflict` (or
    /// `NewerDraft`) and nothing changes. Answers with the event as written.
    async fn update_event(
        &self,
        id: i64,
        expected_version: i64,
        event: &NewEvent,
        draft: DraftRule,
        audit: Audit<'_>,
    ) -> Result<Event, StoreError>;

    async fn event_draft(&self, event_id: i64) -> Result<Option<EventDraft>, StoreError>;

    /// Saves the shared draft if it is still at `seen_draft_version` (0: there was none);
    /// otherwise `StoreError::Conflict` and nothing changes. A save that starts the draft
    /// writes the audit line with it; `audit.actor` is the address of account `user_id`.
    async fn save_event_draft(
        &self,
        event_id: i64,
        fields_json: &str,
        base_version: i64,
        seen_draft_version: i64,
        user_id: i64,
        audit: Audit<'_>,
    ) -> Result<EventDraft, StoreError>;

    /// Earlier versions of an event, newest first.
    async fn event_revisions(&self, event_id: i64) -> Result<Vec<EventRevision>, StoreError>;

    /// Moves an event to the trash (it becomes a draft readers cannot see), with its audit
    /// line.
    async fn trash_event(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError>;

    /// Takes an event out of the trash, as a draft, with its audit line.
    async fn restore_event(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError>;

    /// Replaces an article's fields (its slug stays), if it is still at `expected_version`;
    /// otherwise `StoreError::Conflict` (or `NewerDraft`) and nothing changes. In one
    /// transaction: the version replaced is kept as a revision, the shared draft is settled by
    /// `draft`, the search index follows, and the audit line is written. Answers with the
    /// article as written.
    async fn update_article(
        &self,
        id: i64,
        expected_version: i64,
        article: &NewArticle,
        draft: DraftRule,
        audit: Audit<'_>,
    ) -> Result<Article, StoreError>;

    /// Changes an article's address, category and whether it is published, if it is still at
    /// `expected_version`, with its audit line. `StoreError::Taken("slug")` when another
    /// article has the address.
    async fn update_article_settings(
        &self,
        id: i64,
        expected_version: i64,
        settings: &ArticleSettings,
        audit: Audit<'_>,
    ) -> Result<Article, StoreError>;

    /// Moves an article to the trash (readers and search no longer see it), with its audit
    /// line.
    async fn trash_article(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError>;

    /// Takes an article out of the trash, as a draft, with its audit line.
    async fn restore_article(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError>;

    async fn article_draft(&self, article_id: i64) -> Result<Option<ArticleDraft>, StoreError>;

    /// Saves the shared draft if it is still at `seen_draft_version` (0: there was none);
    /// otherwise `StoreError::Conflict` and nothing changes. A save that starts the draft
    /// writes the audit line with it; `audit.actor` is the address of account `user_id`.
    async fn save_article_draft(
        &self,
        article_id: i64,
        text: &ArticleText,
        base_version: i64,
        seen_draft_version: i64,
        user_id: i64,
        audit: Audit<'_>,
    ) -> Result<ArticleDraft, StoreError>;

    /// Earlier versions of an article, newest first.
    async fn article_revisions(&self, article_id: i64) -> Result<Vec<ArticleRevision>, StoreError>;
}

/// Implements [`EditingStore`] for a backend (arguments as `sql::impl_store`).
macro_rules! impl_versions {
    ($store:ident, $db:ty, $instant:path) => {
        #[async_trait]
        impl $crate::storage::EditingStore for $store {
            async fn update_event(
                &self,
                id: i64,
                expected_version: i64,
                event: &NewEvent,
                draft: DraftRule,
                audit: Audit<'_>,
            ) -> Result<Event, StoreError> {
                let mut tx = self.begin_write().await?;
                let category_id = Self::category_id(&mut tx, event.category.as_deref()).await?;
                Self::keep_revision(
                    &mut tx,
                    &ItemTables::EVENTS,
                    id,
                    expected_version,
                    "title, summary, body_html, starts_at, ends_at, all_day, location, \
                     category_id, status",
                )
                .await?;
                let recurrence = event.recurrence.as_ref();
                let (search_title, search_body) = search_text(
                    &event.title,
                    &[&event.summary, &event.location],
                    event.body_html.as_str(),
                );
                let updated: Option<i64> = sqlx::query_scalar(
                    "UPDATE events SET title = $1, summary = $2, body_html = $3, starts_at = $4, \
                     ends_at = $5, all_day = $6, location = $7, category_id = $8, status = $9, \
                     rrule = $10, exdates = $11, series_end = $12, span_seconds = $13, \
                     search_title = $14, search_body = $15, sanitizer_version = $16, \
                     updated_at = $17, updated_by = $18, version = version + 1 \
                     WHERE id = $19 AND version = $20 RETURNING id",
                )
                .bind(&event.title)
                .bind(&event.summary)
                .bind(event.body_html.as_str())
                .bind($instant(event.starts_at))
                .bind($instant(event.ends_at))
                .bind(event.all_day)
                .bind(&event.location)
                .bind(category_id)
                .bind(event.status.as_str())
                .bind(recurrence.map(|r| r.rule.clone()))
                .bind(recurrence.map(Recurrence::exdates_column).unwrap_or_default())
                .bind(recurrence.and_then(|r| r.series_end).map($instant))
                .bind((event.ends_at - event.starts_at).num_seconds())
                .bind(&search_title)
                .bind(&search_body)
                .bind($crate::sanitize::SANITIZER_VERSION)
                .bind($instant(Utc::now()))
                .bind(audit.actor)
                .bind(id)
                .bind(expected_version)
                .fetch_optional(&mut *tx)
                .await?;
                if updated.is_none() {
                    return Err(Self::stale_write(&mut tx, "events", id, expected_version).await?);
                }
                Self::settle_draft(&mut tx, &ItemTables::EVENTS, id, draft, expected_version).await?;
                Self::audit_line(&mut tx, &ItemTables::EVENTS, id, audit).await?;
                let written = Self::event_in(&mut tx, id).await?;
                tx.commit().await?;
                Ok(written)
            }

            async fn trash_event(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError> {
                self.set_trashed(&ItemTables::EVENTS, id, true, audit).await
            }

            async fn restore_event(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError> {
                self.set_trashed(&ItemTables::EVENTS, id, false, audit).await
            }

            async fn update_article(
                &self,
                id: i64,
                expected_version: i64,
                article: &NewArticle,
                draft: DraftRule,
                audit: Audit<'_>,
            ) -> Result<Article, StoreError> {
                let mut tx = self.begin_write().await?;
                Self::keep_revision(
                    &mut tx,
                    &ItemTables::ARTICLES,
                    id,
                    expected_version,
                    "title, lead, body_html, contact",
                )
                .await?;
                let category_id = Self::category_id(&mut tx, article.category.as_deref()).await?;
                let event_id = Self::event_id(&mut tx, article.event.as_deref()).await?;
                let (search_title, search_body) =
                    search_text(&article.title, &[&article.lead], article.body_html.as_str());
                let updated: Option<i64> = sqlx::query_scalar(
                    "UPDATE articles SET title = $1, lead = $2, body_html = $3, contact = $4, \
                     published_at = $5, category_id = $6, event_id = $7, status = $8, \
                     search_title = $9, search_body = $10, sanitizer_version = $11, \
                     updated_at = $12, version = version + 1, updated_by = $15, trashed_at = NULL \
                     WHERE id = $13 AND version = $14 RETURNING id",
                )
                .bind(&article.title)
                .bind(&article.lead)
                .bind(article.body_html.as_str())
                .bind(&article.contact)
                .bind($instant(article.published_at))
                .bind(category_id)
                .bind(event_id)
                .bind(article.status.as_str())
                .bind(&search_title)
                .bind(&search_body)
                .bind($crate::sanitize::SANITIZER_VERSION)
                .bind($instant(Utc::now()))
                .bind(id)
                .bind(expected_version)
                .bind(audit.actor)
                .fetch_optional(&mut *tx)
                .await?;
                if updated.is_none() {
                    return Err(Self::stale_write(&mut tx, "articles", id, expected_version).await?);
                }
                Self::replace_attachments(&mut tx, id, &article.attachments).await?;
                Self::settle_draft(&mut tx, &ItemTables::ARTICLES, id, draft, expected_version)
                    .await?;
                Self::audit_line(&mut tx, &ItemTables::ARTICLES, id, audit).await?;
                let written = Self::article_in(&mut tx, id).await?;
                tx.commit().await?;
                Ok(written)
            }

            async fn restore_article(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError> {
                self.set_trashed(&ItemTables::ARTICLES, id, false, audit).await
            }

            async fn article_draft(
                &self,
                article_id: i64,
            ) -> Result<Option<ArticleDraft>, StoreError> {
                let sql = format!("SELECT {DRAFT_COLUMNS} WHERE d.article_id = $1");
                let row: Option<DraftRow> = sqlx::query_as(&sql)
                    .bind(article_id)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(Into::into))
            }

            async fn save_article_draft(
                &self,
                article_id: i64,
                text: &ArticleText,
                base_version: i64,
                seen_draft_version: i64,
                user_id: i64,
                audit: Audit<'_>,
            ) -> Result<ArticleDraft, StoreError> {
                let (draft_version, saved_at) = self
                    .save_draft(
                        &ItemTables::ARTICLES,
                        article_id,
                        &["title", "lead", "body_html", "contact"],
                        &[&text.title, &text.lead, &text.body_html, &text.contact],
                        base_version,
                        seen_draft_version,
                        user_id,
                        audit,
                    )
                    .await?;
                Ok(ArticleDraft {
                    article_id,
                    text: text.clone(),
                    base_version,
                    draft_version,
                    saved_by: Some(audit.actor.to_string()),
                    saved_at,
                })
            }

            async fn article_revisions(
                &self,
                article_id: i64,
            ) -> Result<Vec<ArticleRevision>, StoreError> {
                let rows: Vec<RevisionRow> = sqlx::query_as(
                    "SELECT version, title, lead, body_html, contact, saved_by, saved_at \
                     FROM article_revisions WHERE article_id = $1 ORDER BY version DESC",
                )
                .bind(article_id)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn event_draft(&self, event_id: i64) -> Result<Option<EventDraft>, StoreError> {
                let sql = format!("SELECT {EVENT_DRAFT_COLUMNS} WHERE d.event_id = $1");
                let row: Option<EventDraftRow> = sqlx::query_as(&sql)
                    .bind(event_id)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(row.map(Into::into))
            }

            async fn save_event_draft(
                &self,
                event_id: i64,
                fields_json: &str,
                base_version: i64,
                seen_draft_version: i64,
                user_id: i64,
                audit: Audit<'_>,
            ) -> Result<EventDraft, StoreError> {
                let (draft_version, saved_at) = self
                    .save_draft(
                        &ItemTables::EVENTS,
                        event_id,
                        &["fields"],
                        &[fields_json],
                        base_version,
                        seen_draft_version,
                        user_id,
                        audit,
                    )
                    .await?;
                Ok(EventDraft {
                    event_id,
                    fields_json: fields_json.to_string(),
                    base_version,
                    draft_version,
                    saved_by: Some(audit.actor.to_string()),
                    saved_at,
                })
            }

            async fn event_revisions(
                &self,
                event_id: i64,
            ) -> Result<Vec<EventRevision>, StoreError> {
                let sql = format!(
                    "SELECT {EVENT_REVISION_COLUMNS} WHERE r.event_id = $1 ORDER BY r.version DESC"
                );
                let rows: Vec<EventRevisionRow> =
                    sqlx::query_as(&sql).bind(event_id).fetch_all(&self.pool).await?;
                Ok(rows.into_iter().map(Into::into).collect())
            }

            async fn update_article_settings(
                &self,
                id: i64,
                expected_version: i64,
                settings: &ArticleSettings,
                audit: Audit<'_>,
            ) -> Result<Article, StoreError> {
                let mut tx = self.begin_write().await?;
                let category_id = Self::category_id(&mut tx, settings.category.as_deref()).await?;
                let taken: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM articles WHERE slug = $1 AND id <> $2")
                        .bind(&settings.slug)
                        .bind(id)
                        .fetch_optional(&mut *tx)
                        .await?;
                if taken.is_some() {
                    return Err(StoreError::Taken("slug"));
                }
                let updated: Option<i64> = sqlx::query_scalar(
                    "UPDATE articles SET slug = $1, category_id = $2, status = $3, \
                     updated_at = $4, version = version + 1 \
                     WHERE id = $5 AND version = $6 RETURNING id",
                )
                .bind(&settings.slug)
                .bind(category_id)
                .bind(settings.status.as_str())
                .bind($instant(Utc::now()))
                .bind(id)
                .bind(expected_version)
                .fetch_optional(&mut *tx)
                .await?;
                if updated.is_none() {
                    return Err(Self::stale_write(&mut tx, "articles", id, expected_version).await?);
                }
                Self::audit_line(&mut tx, &ItemTables::ARTICLES, id, audit).await?;
                let written = Self::article_in(&mut tx, id).await?;
                tx.commit().await?;
                Ok(written)
            }

            async fn trash_article(&self, id: i64, audit: Audit<'_>) -> Result<(), StoreError> {
                self.set_trashed(&ItemTables::ARTICLES, id, true, audit).await
            }
        }
    };
}

pub(super) use impl_versions;
