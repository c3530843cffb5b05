//! The implementation of `Store` over SQL, shared by both backends: [`SqlStore`], the
//! helpers every resource uses (transactions, audit lines, revisions, drafts, trash) and
//! `Store`'s own methods here, where an item's address goes in `sql/addresses.rs`; each
//! resource's SQL in its own file (`events`, `articles`, `versions`, `translations`,
//! `accounts`, `search`, `transfer`), as generic code over the backend's [`Dialect`].
//!
//! The SQL is the dialect both SQLite and PostgreSQL understand (`$n` parameters,
//! `RETURNING`, `ON CONFLICT … DO NOTHING`); what differs is the `Dialect`: how an instant is
//! bound, how a write transaction begins, and the few statements only one backend has.

use std::sync::Arc;

use prelude::*;
use sqlx::Pool;

/// What the SQL modules use, in one list: each brings it in with `use super::sql::prelude::*`.
pub(super) mod prelude;

mod addresses;

/// `Store` over one SQL database: `SqlStore<Sqlite>` is [`SqliteStore`], `SqlStore<Postgres>`
/// [`PostgresStore`].
pub struct SqlStore<D: Dialect> {
    pub(super) changes: Arc<ContentChanges>,
    pub(super) pool: Pool<D>,
}

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
    /// Category ids by slug, failing on an unknown slug.
    pub(super) async fn category_id(
        conn: &mut D::Connection,
        slug: Option<&str>,
    ) -> Result<Option<i64>, StoreError> {
        let Some(slug) = slug else { return Ok(None) };
        sqlx::query_scalar("SELECT id FROM categories WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&mut *conn)
            .await?
            .map(Some)
            .ok_or_else(|| StoreError::UnknownCategory(slug.to_string()))
    }

    /// Inserts one event under the first free slug made from its title, as created `by` an
    /// editor (empty for the demo and imports).
    pub(super) async fn insert_event(
        conn: &mut D::Connection,
        event: &NewEvent,
        by: &str,
    ) -> Result<i64, StoreError> {
        let category_id = Self::category_id(conn, event.category.as_deref()).await?;
        let mut columns = event_columns_written(event, category_id);
        let published = event.status == Status::Published;
        columns.push(("was_published", ColumnValue::Flag(published)));
        Self::insert_item(conn, &ItemTables::EVENTS, &columns, &event.title, by).await
    }

    /// The id of the event with `slug`, failing on an unknown slug.
    pub(super) async fn event_id(
        conn: &mut D::Connection,
        slug: Option<&str>,
    ) -> Result<Option<i64>, StoreError> {
        let Some(slug) = slug else { return Ok(None) };
        sqlx::query_scalar("SELECT id FROM events WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&mut *conn)
            .await?
            .map(Some)
            .ok_or_else(|| StoreError::UnknownEvent(slug.to_string()))
    }

    /// Makes `attachments` the article's attachments, in order.
    pub(super) async fn replace_attachments(
        conn: &mut D::Connection,
        article_id: i64,
        attachments: &[Attachment],
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM attachments WHERE article_id = $1")
            .bind(article_id)
            .execute(&mut *conn)
            .await?;
        for (position, attachment) in (0_i32..).zip(attachments) {
            sqlx::query(
                "INSERT INTO attachments \
                         (article_id, position, title, href, media_type, size_bytes) \
                         VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(article_id)
            .bind(position)
            .bind(&attachment.title)
            .bind(&attachment.href)
            .bind(&attachment.media_type)
            .bind(attachment.size_bytes)
            .execute(&mut *conn)
            .await?;
        }
        Ok(())
    }

    /// The ids of the category and the event an article names, failing on an unknown
    /// slug.
    pub(super) async fn article_links(
        conn: &mut D::Connection,
        article: &NewArticle,
    ) -> Result<(Option<i64>, Option<i64>), StoreError> {
        let category_id = Self::category_id(conn, article.category.as_deref()).await?;
        let event_id = Self::event_id(conn, article.event.as_deref()).await?;
        Ok((category_id, event_id))
    }

    /// Inserts one article under the first free slug made from its title, with its
    /// attachments, as created `by` an editor (empty for the demo and imports).
    pub(super) async fn insert_article(
        conn: &mut D::Connection,
        article: &NewArticle,
        by: &str,
    ) -> Result<i64, StoreError> {
        let links = Self::article_links(conn, article).await?;
        let mut columns = article_columns_written(article, links);
        // One stored as published (the demo, an import of old content) keeps its date.
        let published = article.status == Status::Published;
        columns.push(("published_at", ColumnValue::Instant(article.published_at)));
        columns.push(("was_published", ColumnValue::Flag(published)));
        let id =
            Self::insert_item(conn, &ItemTables::ARTICLES, &columns, &article.title, by).await?;
        Self::replace_attachments(conn, id, &article.attachments).await?;
        Ok(id)
    }

    /// An article's date is the time it was first published: when article `id` is published
    /// now and readers never saw it before, its date becomes `at`. Hidden and shown again,
    /// by its text or its settings, it keeps the date it had. Every update that may publish
    /// an article ends with this, in its transaction (an insert writes both columns).
    pub(super) async fn date_first_publication(
        conn: &mut D::Connection,
        id: i64,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if Self::note_seen(conn, &ItemTables::ARTICLES, id).await? {
            sqlx::query("UPDATE articles SET published_at = $1 WHERE id = $2")
                .bind(D::instant(at))
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
        Ok(())
    }

    /// Notes that readers see item `id` of `tables`' kind, if they do now: its
    /// `was_published` stays set, hidden or trashed since, so its editors are told it is
    /// hidden rather than new. Every write that may publish an item ends with this, in its
    /// transaction (an insert writes the column itself). Answers whether readers see it for
    /// the first time.
    pub(super) async fn note_seen(
        conn: &mut D::Connection,
        tables: &ItemTables,
        id: i64,
    ) -> Result<bool, StoreError> {
        let sql = format!(
            "UPDATE {} SET was_published = TRUE \
             WHERE id = $1 AND status = 'published' AND NOT was_published RETURNING id",
            tables.items
        );
        let first: Option<i64> = sqlx::query_scalar(&sql)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        Ok(first.is_some())
    }

    /// Binds `columns`' values in their order.
    fn bind_columns<'q>(
        mut query: sqlx::query::QueryScalar<'q, D, i64, D::Arguments<'q>>,
        columns: &'q ItemColumns<'_>,
    ) -> sqlx::query::QueryScalar<'q, D, i64, D::Arguments<'q>> {
        for (_, value) in columns {
            query = match value {
                ColumnValue::Text(text) => query.bind(text.as_ref()),
                ColumnValue::OptionalText(text) => query.bind(text.clone()),
                ColumnValue::Integer(number) => query.bind(*number),
                ColumnValue::OptionalInteger(number) => query.bind(*number),
                ColumnValue::Flag(flag) => query.bind(*flag),
                ColumnValue::Instant(at) => query.bind(D::instant(*at)),
                ColumnValue::OptionalInstant(at) => query.bind(at.map(D::instant)),
            };
        }
        query
    }

    /// Inserts an item of `tables`' kind (`item_write::insert_statement`) under the first free
    /// slug made from `title` (no item there, nor an old address readers' links may lead on
    /// through: [`Self::leads_elsewhere`]), as saved `by` an editor (its history names them as
    /// version 1's author), and answers its id.
    pub(super) async fn insert_item(
        conn: &mut D::Connection,
        tables: &ItemTables,
        columns: &ItemColumns<'_>,
        title: &str,
        by: &str,
    ) -> Result<i64, StoreError> {
        let sql = item_write::insert_statement(tables, columns);
        let now = D::instant(Utc::now());
        let base = slugs::title_slug(title, tables.slug_fallback);
        for attempt in 1.. {
            let slug = slugs::candidate(&base, attempt);
            if Self::leads_elsewhere(conn, tables, &slug).await? {
                continue;
            }
            let inserted: Option<i64> = Self::bind_columns(sqlx::query_scalar(&sql), columns)
                .bind(crate::sanitize::SANITIZER_VERSION)
                .bind(now)
                .bind(by)
                .bind(&slug)
                .fetch_optional(&mut *conn)
                .await?;
            if let Some(id) = inserted {
                Self::take_address(conn, tables, &slug).await?;
                return Ok(id);
            }
        }
        unreachable!("slug candidates are endless")
    }

    /// Replaces an item's `columns` if it is still at the version `write` expects
    /// (`item_write::update_statement`), between the two steps every versioned write takes:
    /// the replaced version kept as a revision, then a stale write refused (`NotFound`,
    /// `Conflict`) unless the item holds its columns already (a repeat, which is done), the
    /// draft settled and the audit line written; all in the caller's
    /// transaction. Its slug stays, unless readers never saw the item and its address was made
    /// from its title: then the address follows the new `title` ([`Self::follow_title`]).
    pub(super) async fn update_item(
        conn: &mut D::Connection,
        tables: &ItemTables,
        columns: &ItemColumns<'_>,
        (title, body): (&str, &SafeHtml),
        write: VersionedWrite<'_>,
    ) -> Result<Outcome, StoreError> {
        Self::keep_revision(conn, tables, write.id, write.expected_version).await?;
        let sql = format!(
            "SELECT slug, title, status, was_published FROM {} WHERE id = $1",
            tables.items
        );
        let before: Option<AddressRow> = sqlx::query_as(&sql)
            .bind(write.id)
            .fetch_optional(&mut *conn)
            .await?;
        let sql = item_write::update_statement(tables, columns);
        let updated: Option<i64> = Self::bind_columns(sqlx::query_scalar(&sql), columns)
            .bind(crate::sanitize::SANITIZER_VERSION)
            .bind(D::instant(Utc::now()))
            .bind(write.audit.actor)
            .bind(write.id)
            .bind(write.expected_version)
            .fetch_optional(&mut *conn)
            .await?;
        let written = updated.is_some();
        if !written && Self::holds(conn, tables, columns, write.id).await? {
            return Ok(Outcome::Repeated);
        }
        Self::finish_versioned_write(conn, tables, updated, write).await?;
        // Translations that leave the body search the one just written.
        fold_selected::<D>(conn, &translations_of(tables), write.id, Some(body)).await?;
        if let Some(before) = before {
            Self::follow_title(conn, tables, write.id, before, title).await?;
        }
        Ok(Outcome::Written)
    }

    /// Whether item `id` holds `columns` already (`item_write::held_statement`).
    async fn holds(
        conn: &mut D::Connection,
        tables: &ItemTables,
        columns: &ItemColumns<'_>,
        id: i64,
    ) -> Result<bool, StoreError> {
        let sql = item_write::held_statement(tables, columns, D::SAME_AS);
        let held: Option<i64> = Self::bind_columns(sqlx::query_scalar(&sql), columns)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        Ok(held.is_some())
    }

    /// Why an update guarded by `expected_version` changed nothing: the row is gone, or
    /// someone else saved a newer version.
    pub(super) async fn stale_write(
        conn: &mut D::Connection,
        table: &'static str,
        id: i64,
        expected_version: i64,
    ) -> Result<StoreError, StoreError> {
        // An item in the trash is not there to write to.
        let sql = format!("SELECT version FROM {table} WHERE id = $1 AND trashed_at IS NULL");
        let stored: Option<i64> = sqlx::query_scalar(&sql)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        Ok(match stored {
            None => StoreError::NotFound,
            Some(stored) => StoreError::Conflict {
                expected: expected_version,
                stored,
            },
        })
    }

    /// The count a `SELECT COUNT(*)` built with `QueryBuilder` answers.
    pub(super) async fn count_built(
        query: &mut QueryBuilder<'_, D>,
        pool: &Pool<D>,
    ) -> Result<i64, StoreError> {
        let counted: Vec<(i64,)> = D::fetch_built(query, pool).await?;
        Ok(counted.first().map_or(0, |(count,)| *count))
    }

    /// Begins a transaction that will write content (`D::BEGIN_WRITE`): its commit
    /// moves the content generation on, here and (`Dialect::ANNOUNCE`) on other instances.
    pub(super) async fn begin_write(&self) -> Result<ContentWrite<D>, StoreError> {
        let mut transaction = self.pool.begin_with(D::BEGIN_WRITE).await?;
        sqlx::query(D::ANNOUNCE).execute(&mut *transaction).await?;
        Ok(ContentWrite::new(transaction, Arc::clone(&self.changes)))
    }

    /// Begins a write transaction that no reader's page shows: accounts, sessions,
    /// sign-in attempts, drafts. The content generation stays where it is.
    pub(super) async fn begin_private_write(
        &self,
    ) -> Result<sqlx::Transaction<'static, D>, StoreError> {
        Ok(self.pool.begin_with(D::BEGIN_WRITE).await?)
    }

    /// Writes `audit`'s line for item `id`, named by its title as it stands in this
    /// transaction.
    pub(super) async fn audit_line(
        conn: &mut D::Connection,
        tables: &ItemTables,
        id: i64,
        audit: Audit<'_>,
    ) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO audit_log (at, actor, action, item_kind, item_id, item_title) \
                     SELECT $1, $2, $3, $4, id, title FROM {} WHERE id = $5",
            tables.items
        );
        sqlx::query(&sql)
            .bind(D::instant(Utc::now()))
            .bind(audit.actor)
            .bind(audit.action)
            .bind(tables.kind)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// The first step of every versioned write, before the kind's own `UPDATE … WHERE id = …
    /// AND version = expected_version`: keeps the version it replaces as a revision (the
    /// columns `tables` names, with who saved it and when). On PostgreSQL a second write from
    /// the same version waits here for the first to commit and then finds that revision
    /// taken: `DO NOTHING` lets its update meet the newer version and answer a conflict, where
    /// the unique key would have been an error.
    pub(super) async fn keep_revision(
        conn: &mut D::Connection,
        tables: &ItemTables,
        id: i64,
        expected_version: i64,
    ) -> Result<(), StoreError> {
        let ItemTables {
            items,
            key,
            revisions,
            revision_columns: columns,
            ..
        } = tables;
        let sql = format!(
            "INSERT INTO {revisions} ({key}, version, {columns}, saved_by, saved_at) \
                     SELECT id, version, {columns}, updated_by, updated_at FROM {items} \
                     WHERE id = $1 AND version = $2 ON CONFLICT DO NOTHING"
        );
        sqlx::query(&sql)
            .bind(id)
            .bind(expected_version)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// The last steps of every versioned write, after the kind's own guarded `UPDATE`
    /// answered `updated` (the row's id, or nothing when it matched no row): a write that
    /// matched nothing is `NotFound` or a `Conflict`, else the shared draft is settled by
    /// `write.draft` and the audit line written, all in the write's transaction.
    pub(super) async fn finish_versioned_write(
        conn: &mut D::Connection,
        tables: &ItemTables,
        updated: Option<i64>,
        write: VersionedWrite<'_>,
    ) -> Result<(), StoreError> {
        let VersionedWrite {
            id,
            expected_version,
            draft,
            audit,
        } = write;
        if updated.is_none() {
            return Err(Self::stale_write(conn, tables.items, id, expected_version).await?);
        }
        Self::settle_draft(conn, tables, id, draft, expected_version).await?;
        Self::audit_line(conn, tables, id, audit).await
    }

    /// Settles item `id`'s shared draft after a write that replaced its fields from
    /// `expected_version` (see `DraftRule`).
    pub(super) async fn settle_draft(
        conn: &mut D::Connection,
        tables: &ItemTables,
        id: i64,
        rule: DraftRule<'_>,
        expected_version: i64,
    ) -> Result<(), StoreError> {
        let (seen, writer) = match rule {
            DraftRule::Publishes { seen, writer } => (seen, writer),
            DraftRule::Keeps => return Ok(()),
            DraftRule::Follows => {
                let sql = format!(
                    "UPDATE {} SET base_version = $1 WHERE {} = $2 AND base_version = $3",
                    tables.drafts, tables.key
                );
                sqlx::query(&sql)
                    .bind(expected_version + 1)
                    .bind(id)
                    .bind(expected_version)
                    .execute(&mut *conn)
                    .await?;
                return Ok(());
            }
        };
        // The draft goes with the write if it is the one its editor saw, or that editor's own.
        let ItemTables { drafts, key, .. } = tables;
        let own = own_write(drafts, "$3", "$4");
        let sql = format!(
            "DELETE FROM {drafts} WHERE {key} = $1 AND (draft_version = $2 OR {own}) \
             RETURNING draft_version"
        );
        let removed: Option<i64> = sqlx::query_scalar(&sql)
            .bind(id)
            .bind(seen)
            .bind(writer.map(|writer| writer.mark.clone()))
            .bind(writer.map(|writer| writer.save))
            .fetch_optional(&mut *conn)
            .await?;
        if removed.is_some() {
            return Ok(());
        }
        // Another editor's newer draft is there, or the one this editor saw is gone.
        let sql = format!("SELECT draft_version FROM {drafts} WHERE {key} = $1");
        let left: Option<i64> = sqlx::query_scalar(&sql)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        if left.is_none() && seen == 0 {
            Ok(())
        } else {
            Err(StoreError::NewerDraft {
                item_version: expected_version,
            })
        }
    }

    pub(super) async fn article_in(
        conn: &mut D::Connection,
        id: i64,
    ) -> Result<Article, StoreError> {
        let sql = format!("SELECT {ARTICLE_COLUMNS} WHERE a.id = $1");
        let row: Option<ArticleRow> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        row.map(Into::into).ok_or(StoreError::NotFound)
    }

    pub(super) async fn event_in(conn: &mut D::Connection, id: i64) -> Result<Event, StoreError> {
        let sql = format!("SELECT {EVENT_COLUMNS} WHERE e.id = $1");
        let row: Option<EventRow> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        row.map(Into::into).ok_or(StoreError::NotFound)
    }

    pub(super) async fn article_by_id(&self, id: i64) -> Result<Article, StoreError> {
        Self::article_in(&mut *self.pool.acquire().await?, id).await
    }

    /// Moves item `id` into the trash or out of it, with its audit line, in one transaction;
    /// its shared draft goes along (its text is the same text). Into the trash the item is
    /// hidden from readers, and so is a write of its draft, until an editor shows it again: else
    /// the draft, saved while the item was shown, would show it again at its next write.
    pub(super) async fn set_trashed(
        &self,
        tables: &ItemTables,
        id: i64,
        direction: TrashMove,
        audit: Audit<'_>,
    ) -> Result<(), StoreError> {
        // Into the trash an item becomes a draft; out of it, it stays one.
        let sql = if direction == TrashMove::Into {
            format!(
                "UPDATE {} SET status = 'draft', trashed_at = $1, updated_at = $1, \
                 version = version + 1 WHERE id = $2 AND trashed_at IS NULL RETURNING version",
                tables.items
            )
        } else {
            format!(
                "UPDATE {} SET trashed_at = NULL, updated_at = $1, version = version + 1 \
                 WHERE id = $2 AND trashed_at IS NOT NULL RETURNING version",
                tables.items
            )
        };
        let mut tx = self.begin_write().await?;
        let moved = sqlx::query_scalar::<_, i64>(&sql)
            .bind(D::instant(Utc::now()))
            .bind(id);
        let version = moved
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        Self::settle_draft(&mut tx, tables, id, DraftRule::Follows, version - 1).await?;
        if direction == TrashMove::Into {
            Self::hide_in_draft(&mut tx, tables, id).await?;
        }
        Self::audit_line(&mut tx, tables, id, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Makes the shared draft of item `id`, if there is one, say that its write hides the item
    /// (`ItemTables::hide_in_draft`).
    async fn hide_in_draft(
        conn: &mut D::Connection,
        tables: &ItemTables,
        id: i64,
    ) -> Result<(), StoreError> {
        let ItemTables { drafts, key, .. } = tables;
        let sql = format!("SELECT fields FROM {drafts} WHERE {key} = $1");
        let fields: Option<String> = sqlx::query_scalar(&sql)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
        let Some(hidden) = fields.as_deref().and_then(tables.hide_in_draft) else {
            return Ok(());
        };
        let sql = format!("UPDATE {drafts} SET fields = $1 WHERE {key} = $2");
        sqlx::query(&sql)
            .bind(hidden)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }
}
