//! Editing writes: saving and settling drafts, publishing with revisions, settings, trash and restore; each one transaction with its audit line.
//!
//! The trait is part of `Store`; its SQL is the generic impl below, one for both backends
//! (`SqlStore<D: Dialect>`, see `sql` and `dialect`).

use async_trait::async_trait;

use super::sql::prelude::*;
use crate::editing::ItemKind;

#[async_trait]
pub trait EditingStore: Send + Sync {
    /// Replaces an event's fields if it is still at `expected_version` (its slug stays, but
    /// for an unpublished one made from its title, which follows the new title),
    /// keeping the replaced version as a revision, settling its draft by `draft` and writing
    /// the audit line, all in one transaction; otherwise `StoreError::Conflict` (or
    /// `NewerDraft`) and nothing changes. Answers with the event as written.
    async fn update_event(
        &self,
        id: i64,
        expected_version: i64,
        event: &NewEvent,
        draft: DraftRule<'_>,
        audit: Audit<'_>,
    ) -> Result<Event, StoreError>;

    /// The item of `kind` at `slug` (its id and title), as `audience` finds it: editors in
    /// any state but trashed, readers only published.
    async fn item_at(
        &self,
        kind: ItemKind,
        slug: &str,
        audience: Audience,
    ) -> Result<Option<FoundItem>, StoreError>;

    /// Whether the item of `kind` at `at` is in the trash (a save refused as not found then
    /// says so); a trashed item keeps its address.
    async fn in_trash(&self, kind: ItemKind, at: ItemAt<'_>) -> Result<bool, StoreError>;

    /// Where the item of `kind` an editor moved away from `slug` is now: its slug, if
    /// `audience` can see it there.
    async fn moved_item(
        &self,
        kind: ItemKind,
        slug: &str,
        audience: Audience,
    ) -> Result<Option<String>, StoreError>;

    /// Every version of item `id` of `kind`, newest first: the current one, then those its
    /// revisions keep. `NotFound` for an item that is gone or in the trash.
    async fn versions(&self, kind: ItemKind, id: i64) -> Result<Vec<VersionSummary>, StoreError>;

    /// Earlier versions of an event, newest first; only version `only`, if given (a
    /// comparison or a restore reads one, not every body the history keeps).
    async fn event_revisions(
        &self,
        event_id: i64,
        only: Option<i64>,
    ) -> Result<Vec<EventRevision>, StoreError>;

    /// Replaces an article's fields (its slug as for events), if it is still at
    /// `expected_version`;
    /// otherwise `StoreError::Conflict` (or `NewerDraft`) and nothing changes. In one
    /// transaction: the version replaced is kept as a revision, the shared draft is settled by
    /// `draft`, the search index follows, and the audit line is written. The article keeps
    /// the event it reports on (`article.event` is for new articles). Answers with the
    /// article as written.
    async fn update_article(
        &self,
        id: i64,
        expected_version: i64,
        article: &NewArticle,
        draft: DraftRule<'_>,
        audit: Audit<'_>,
    ) -> Result<Article, StoreError>;

    /// Changes an article's category and whether it is published, if it is still at
    /// `expected_version`, with its audit line.
    async fn update_article_settings(
        &self,
        id: i64,
        expected_version: i64,
        settings: &ArticleSettings,
        audit: Audit<'_>,
    ) -> Result<Article, StoreError>;

    /// Moves item `id` of `kind` to the address `slug` if it is still at `expected_version`,
    /// with its audit line, in one transaction; links to the address it leaves lead on to
    /// it. Not a version of its text: no revision is kept, and a draft stays.
    /// `StoreError::Taken("slug")` when another item of the kind has the address. Answers
    /// the version written.
    async fn change_address(
        &self,
        kind: ItemKind,
        id: i64,
        expected_version: i64,
        slug: &str,
        audit: Audit<'_>,
    ) -> Result<i64, StoreError>;

    /// Moves an article or event into the trash (it becomes a draft readers, search and
    /// feeds no longer see) or out of it (it stays a draft), with its audit line, in one
    /// transaction; `NotFound` when it is not there to move.
    async fn move_trash(
        &self,
        kind: ItemKind,
        id: i64,
        direction: TrashMove,
        audit: Audit<'_>,
    ) -> Result<(), StoreError>;

    /// The shared draft of the article or event `item_id`, if someone saved one.
    async fn draft(&self, kind: ItemKind, item_id: i64) -> Result<Option<StoredDraft>, StoreError>;

    /// Saves the shared draft of an article or event if it is still at the version the
    /// editor saw and the item at the version the draft is written on (see `DraftSave`);
    /// otherwise `StoreError::Conflict` and nothing changes
    /// (`StoreError::NotFound` for an item that is gone or in the trash). A save that starts
    /// the draft, or takes it over from another account, writes the audit line with it; `audit.actor` is the address of the account
    /// saving. Answers the draft as written.
    async fn save_draft(
        &self,
        draft: DraftSave<'_>,
        audit: Audit<'_>,
    ) -> Result<StoredDraft, StoreError>;

    /// The editors' desk, read in one statement so an item moving in between is listed once:
    /// every kind's unpublished and trashed items, newest first.
    async fn desk(&self) -> Result<Vec<DeskEntry>, StoreError>;

    /// Earlier versions of an article, newest first; only version `only`, if given.
    async fn article_revisions(
        &self,
        article_id: i64,
        only: Option<i64>,
    ) -> Result<Vec<ArticleRevision>, StoreError>;
}

#[async_trait]
impl<D: Dialect> EditingStore for SqlStore<D>
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
    async fn update_event(
        &self,
        id: i64,
        expected_version: i64,
        event: &NewEvent,
        draft: DraftRule<'_>,
        audit: Audit<'_>,
    ) -> Result<Event, StoreError> {
        let mut tx = self.begin_write().await?;
        let category_id = Self::category_id(&mut tx, event.category.as_deref()).await?;
        let write = VersionedWrite::new(id, expected_version, draft, audit);
        let columns = event_columns_written(event, category_id);
        let tables = &ItemTables::EVENTS;
        let text = (event.title.as_str(), &event.body_html);
        let outcome = Self::update_item(&mut tx, tables, &columns, text, write).await?;
        if outcome == Outcome::Written {
            Self::note_seen(&mut tx, tables, id).await?;
        }
        let written = Self::event_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(written)
    }

    async fn update_article(
        &self,
        id: i64,
        expected_version: i64,
        article: &NewArticle,
        draft: DraftRule<'_>,
        audit: Audit<'_>,
    ) -> Result<Article, StoreError> {
        let mut tx = self.begin_write().await?;
        let category_id = Self::category_id(&mut tx, article.category.as_deref()).await?;
        let write = VersionedWrite::new(id, expected_version, draft, audit);
        let mut columns = article_columns_written(article, (category_id, None));
        // The link to its event stays as stored: looked up again by the event's address, it
        // could meet an event moved or taken to the trash meanwhile.
        columns.retain(|(column, _)| *column != "event_id");
        let tables = &ItemTables::ARTICLES;
        let text = (article.title.as_str(), &article.body_html);
        let outcome = Self::update_item(&mut tx, tables, &columns, text, write).await?;
        if outcome == Outcome::Written {
            Self::replace_attachments(&mut tx, id, &article.attachments).await?;
            Self::date_first_publication(&mut tx, id, Utc::now()).await?;
        }
        let written = Self::article_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(written)
    }

    async fn move_trash(
        &self,
        kind: ItemKind,
        id: i64,
        direction: TrashMove,
        audit: Audit<'_>,
    ) -> Result<(), StoreError> {
        self.set_trashed(ItemTables::of(kind), id, direction, audit)
            .await
    }

    async fn draft(&self, kind: ItemKind, item_id: i64) -> Result<Option<StoredDraft>, StoreError> {
        let columns = draft_columns(ItemTables::of(kind));
        let key = ItemTables::of(kind).key;
        let sql = format!("SELECT {columns} WHERE d.{key} = $1");
        let row: Option<DraftRow> = sqlx::query_as(&sql)
            .bind(item_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Into::into))
    }

    async fn save_draft(
        &self,
        draft: DraftSave<'_>,
        audit: Audit<'_>,
    ) -> Result<StoredDraft, StoreError> {
        let tables = ItemTables::of(draft.kind);
        let (id, seen) = (draft.item_id, draft.seen_draft_version);
        let mut tx = self.begin_private_write().await?;
        // A draft goes on from the item as it is: one written on an older version (another
        // editor published or restored meanwhile) would bring that back unseen. The row stays
        // locked until the draft is written, so a publication from the same version either
        // waits and then finds this draft, or comes first and this save is refused.
        let items = tables.items;
        let lock = format!(
            "SELECT version FROM {items} WHERE id = $1 AND trashed_at IS NULL{}",
            D::FOR_UPDATE
        );
        let now: Option<i64> = sqlx::query_scalar(&lock)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        match now {
            // Gone, or moved to the trash while its editor was at work: no draft is kept.
            None => return Err(StoreError::NotFound),
            Some(now) if now != draft.base_version => {
                return Err(StoreError::Conflict {
                    expected: draft.base_version,
                    stored: now,
                })
            }
            Some(_) => {}
        }
        // Who saved the draft last, if anyone: a save that takes it over from another account
        // is logged, as one that starts it is.
        let ItemTables { key, drafts, .. } = tables;
        let last = format!("SELECT saved_by FROM {drafts} WHERE {key} = $1");
        // (`saved_by` is empty once that account is gone.)
        let last_saver: Option<Option<i64>> = sqlx::query_scalar(&last)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        let last_saver = last_saver.flatten();
        // Over the draft its editor saw, or over one an earlier save of that editor left.
        let sql = tables.draft_write(seen);
        let written = sqlx::query_as::<_, SavedDraftRow>(&sql)
            .bind(id)
            .bind(draft.base_version)
            .bind(draft.user_id)
            .bind(D::instant(Utc::now()))
            .bind(seen)
            .bind(draft.fields_json)
            .bind(draft.writer.map(|writer| writer.mark.clone()))
            .bind(draft.writer.map(|writer| writer.save))
            .fetch_optional(&mut *tx)
            .await?;
        let Some(saved) = written else {
            let sql = format!(
                "SELECT draft_version, base_version, fields, saved_at FROM {drafts} \
                 WHERE {key} = $1"
            );
            let stored: Option<StoredDraftRow> = sqlx::query_as(&sql)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            return match stored {
                // The same save again (see `item_write`): done already.
                Some(stored)
                    if stored.fields == draft.fields_json
                        && stored.base_version == draft.base_version =>
                {
                    Ok(StoredDraft {
                        item_id: id,
                        fields_json: stored.fields,
                        base_version: stored.base_version,
                        draft_version: stored.draft_version,
                        saved_by: Some(audit.actor.to_string()),
                        saved_at: stored.saved_at,
                    })
                }
                // The item is there (its row is locked above), so a save that wrote nothing
                // met another draft, or none where the editor saw one (published or
                // discarded meanwhile: 0).
                stored => Err(StoreError::Conflict {
                    expected: seen,
                    stored: stored.map_or(0, |stored| stored.draft_version),
                }),
            };
        };
        // The save that started the draft, or took it over from another editor.
        if last_saver != Some(draft.user_id) {
            Self::audit_line(&mut tx, tables, id, audit).await?;
        }
        tx.commit().await?;
        Ok(StoredDraft {
            item_id: draft.item_id,
            fields_json: draft.fields_json.to_string(),
            base_version: draft.base_version,
            draft_version: saved.draft_version,
            saved_by: Some(audit.actor.to_string()),
            saved_at: saved.saved_at,
        })
    }

    async fn item_at(
        &self,
        kind: ItemKind,
        slug: &str,
        audience: Audience,
    ) -> Result<Option<FoundItem>, StoreError> {
        let from = ItemTables::of(kind).with_draft();
        let visible = audience.sees("i.");
        let sql = format!(
            "SELECT i.id, i.title, i.status, i.was_published, d.fields AS draft FROM {from} \
             WHERE i.slug = $1 AND i.trashed_at IS NULL {visible}"
        );
        let found: Option<FoundRow> = sqlx::query_as(&sql)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        Ok(found.map(Into::into))
    }

    async fn in_trash(&self, kind: ItemKind, at: ItemAt<'_>) -> Result<bool, StoreError> {
        let ItemTables { kind, items, .. } = ItemTables::of(kind);
        let trashed = format!("SELECT COUNT(*) FROM {items} WHERE trashed_at IS NOT NULL AND ");
        // By address: at it, or moved from it (published under a new title) before the trash.
        let sql = match at {
            ItemAt::Id(_) => format!("{trashed} id = $1"),
            ItemAt::Slug(_) => format!(
                "{trashed} (slug = $1 OR id IN (SELECT item_id FROM previous_addresses \
                 WHERE kind = $2 AND slug = $1))"
            ),
        };
        let query = match at {
            ItemAt::Id(id) => sqlx::query_scalar(&sql).bind(id),
            ItemAt::Slug(slug) => sqlx::query_scalar(&sql).bind(slug).bind(*kind),
        };
        let trashed: i64 = query.fetch_one(&self.pool).await?;
        Ok(trashed > 0)
    }

    async fn moved_item(
        &self,
        kind: ItemKind,
        slug: &str,
        audience: Audience,
    ) -> Result<Option<String>, StoreError> {
        let ItemTables { kind, items, .. } = ItemTables::of(kind);
        let visible = audience.sees("i.");
        let sql = format!(
            "SELECT i.slug FROM previous_addresses p JOIN {items} i ON i.id = p.item_id \
             WHERE p.kind = $1 AND p.slug = $2 AND i.slug <> p.slug \
             AND i.trashed_at IS NULL {visible}"
        );
        let now = sqlx::query_scalar(&sql).bind(*kind).bind(slug);
        Ok(now.fetch_optional(&self.pool).await?)
    }

    async fn versions(&self, kind: ItemKind, id: i64) -> Result<Vec<VersionSummary>, StoreError> {
        let ItemTables {
            items,
            key,
            revisions,
            ..
        } = ItemTables::of(kind);
        // One statement, so a publish in between cannot list a version twice or leave one out.
        let sql = format!(
            "SELECT version, title, updated_by AS saved_by, updated_at AS saved_at, \
             TRUE AS current FROM {items} WHERE id = $1 AND trashed_at IS NULL \
             UNION ALL SELECT r.version, r.title, r.saved_by, r.saved_at, FALSE \
             FROM {revisions} r \
             JOIN {items} i ON i.id = r.{key} WHERE i.id = $1 AND i.trashed_at IS NULL \
             ORDER BY version DESC"
        );
        let rows: Vec<VersionRow> = sqlx::query_as(&sql).bind(id).fetch_all(&self.pool).await?;
        if rows.is_empty() {
            return Err(StoreError::NotFound);
        }
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn desk(&self) -> Result<Vec<DeskEntry>, StoreError> {
        // Every kind's unpublished items, then every kind's trash (the first names the columns).
        // With the draft of an unpublished item, which names it until it is published.
        let with_draft = |kind| ItemTables::of(kind).with_draft();
        let drafts = ItemKind::ALL.map(|kind| {
            let (name, from) = (ItemTables::of(kind).kind, with_draft(kind));
            format!(
                "SELECT 'draft' AS place, '{name}' AS kind, i.id, i.slug, i.title, \
                 i.updated_at AS at, d.fields AS draft FROM {from} \
                 WHERE i.status = 'draft' AND i.trashed_at IS NULL"
            )
        });
        let trash = ItemKind::ALL.map(|kind| {
            let (name, from) = (ItemTables::of(kind).kind, with_draft(kind));
            format!(
                "SELECT 'trash', '{name}', i.id, i.slug, i.title, i.trashed_at, d.fields \
                 FROM {from} WHERE i.trashed_at IS NOT NULL"
            )
        });
        let sql = format!(
            "{} UNION ALL {} ORDER BY at DESC, id DESC",
            drafts.join(" UNION ALL "),
            trash.join(" UNION ALL ")
        );
        let rows: Vec<DeskRow> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| {
                let kind = ItemKind::ALL
                    .into_iter()
                    .find(|kind| ItemTables::of(*kind).kind == row.kind)?;
                let place = match row.place.as_str() {
                    "draft" => DeskPlace::Draft,
                    _ => DeskPlace::Trash,
                };
                Some(DeskEntry {
                    place,
                    kind,
                    id: row.id,
                    title: row.title_shown(),
                    slug: row.slug,
                    at: row.at,
                })
            })
            .collect())
    }

    async fn article_revisions(
        &self,
        article_id: i64,
        only: Option<i64>,
    ) -> Result<Vec<ArticleRevision>, StoreError> {
        let mut query = QueryBuilder::<D>::new(
            "SELECT version, title, lead, body_html, contact, saved_by, saved_at \
             FROM article_revisions r WHERE r.article_id = ",
        );
        query.push_bind(article_id);
        let rows: Vec<RevisionRow> =
            D::fetch_built(&mut only_version(query, only), &self.pool).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn event_revisions(
        &self,
        event_id: i64,
        only: Option<i64>,
    ) -> Result<Vec<EventRevision>, StoreError> {
        let mut query = QueryBuilder::<D>::new(format!(
            "SELECT {EVENT_REVISION_COLUMNS} WHERE r.event_id = "
        ));
        query.push_bind(event_id);
        let rows: Vec<EventRevisionRow> =
            D::fetch_built(&mut only_version(query, only), &self.pool).await?;
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
        // Who saved the text and when stay (the history names them); the audit line says
        // who changed the settings.
        let updated: Option<i64> = sqlx::query_scalar(
            "UPDATE articles SET category_id = $1, status = $2, version = version + 1 \
                     WHERE id = $3 AND version = $4 AND trashed_at IS NULL RETURNING id",
        )
        .bind(category_id)
        .bind(settings.status.as_str())
        .bind(id)
        .bind(expected_version)
        .fetch_optional(&mut *tx)
        .await?;
        // Settings are not a version of the text: no revision is kept, and a draft goes on
        // from the new version.
        let draft = DraftRule::Follows;
        let write = VersionedWrite::new(id, expected_version, draft, audit);
        Self::finish_versioned_write(&mut tx, &ItemTables::ARTICLES, updated, write).await?;
        Self::date_first_publication(&mut tx, id, Utc::now()).await?;
        let written = Self::article_in(&mut tx, id).await?;
        tx.commit().await?;
        Ok(written)
    }

    async fn change_address(
        &self,
        kind: ItemKind,
        id: i64,
        expected_version: i64,
        slug: &str,
        audit: Audit<'_>,
    ) -> Result<i64, StoreError> {
        let tables = ItemTables::of(kind);
        let mut tx = self.begin_write().await?;
        let sql = format!(
            "SELECT slug, version, was_published FROM {} WHERE id = $1 AND trashed_at IS NULL",
            tables.items
        );
        let before: Option<AddressAt> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        if before
            .as_ref()
            .is_some_and(|at| at.slug == slug && at.version == expected_version)
        {
            // Already there: no new version (which other editors would have to catch up
            // with) and no audit line.
            return Ok(expected_version);
        }
        // Not a version of the text: who saved that and when stay, as for settings.
        let sql = format!(
            "UPDATE {} SET slug = $1, version = version + 1 \
             WHERE id = $2 AND version = $3 AND trashed_at IS NULL RETURNING version",
            tables.items
        );
        let written = sqlx::query_scalar(&sql)
            .bind(slug)
            .bind(id)
            .bind(expected_version)
            .fetch_optional(&mut *tx)
            .await;
        // The slug's unique key answers whether another item has it, even one moving
        // there at this very moment.
        let written: Option<i64> = match written {
            Err(sqlx::Error::Database(refused)) if refused.is_unique_violation() => {
                return Err(StoreError::Taken("slug"));
            }
            other => other?,
        };
        let write = VersionedWrite::new(id, expected_version, DraftRule::Follows, audit);
        Self::finish_versioned_write(&mut tx, tables, written, write).await?;
        if let Some(before) = before.filter(|before| before.slug != slug) {
            let addresses = (before.slug.as_str(), slug);
            Self::move_address(&mut tx, tables, id, addresses, before.was_published).await?;
        }
        tx.commit().await?;
        written.ok_or(StoreError::NotFound)
    }
}

/// Where an item is before a change of address.
#[derive(sqlx::FromRow)]
struct AddressAt {
    slug: String,
    version: i64,
    /// Whether readers saw it (there or anywhere), so their links may lead to `slug`.
    was_published: bool,
}

/// A query of revisions `r` narrowed to version `only`, if given, newest first.
fn only_version<D: Dialect>(
    mut query: QueryBuilder<'_, D>,
    only: Option<i64>,
) -> QueryBuilder<'_, D>
where
    i64: SqlValue<D>,
{
    if let Some(version) = only {
        query.push(" AND r.version = ").push_bind(version);
    }
    query.push(" ORDER BY r.version DESC");
    query
}
