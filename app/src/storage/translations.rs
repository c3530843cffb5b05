//! Translations of articles and events into English and Russian.
//!
//! The trait is part of `Store`; its SQL is the generic impl below, one for both backends
//! (`SqlStore<D: Dialect>`, see `sql` and `dialect`).

use async_trait::async_trait;

use super::sql::prelude::*;
use crate::editing::ItemKind;

#[async_trait]
pub trait TranslationStore: Send + Sync {
    /// The translations of an article or event, by language code (`en`, `ru`).
    async fn translations(
        &self,
        kind: ItemKind,
        item_id: i64,
    ) -> Result<Vec<Translation<TranslatedText>>, StoreError>;

    /// Which languages an article or event is translated into, each with its version and
    /// time, by language code, without their text (what a reader's page needs).
    async fn translation_versions(
        &self,
        kind: ItemKind,
        item_id: i64,
    ) -> Result<Vec<Translation<()>>, StoreError>;

    /// Adds the item's translation into `lang` (`seen_version` 0) or replaces the one at
    /// `seen_version`, or one an earlier save of the same translation editor left
    /// (`TranslationWrite::writer`, its answer lost); answers the translation as stored, its
    /// text aside (the new version and when it was saved; a repeat of the stored save, the
    /// stored ones). When there is
    /// another translation and `seen_version` is not its version, or there is none and
    /// `seen_version` is not 0: `StoreError::Conflict` and nothing changes; for an item in
    /// the trash, `NotFound`. The audit line (none for demo content) names the item by its
    /// own title, in the same transaction.
    async fn save_translation(
        &self,
        write: TranslationWrite<'_>,
        audit: Option<Audit<'_>>,
    ) -> Result<Translation<()>, StoreError>;

    /// Whether the Latvian text of the item's translated parts changed since its translation
    /// into `lang` was written from it: the version it was written from, the item's now, and
    /// which of the four parts (`ItemTables::columns`) changed. `None` when nothing the
    /// translation translates changed (a part its translator left follows the Latvian text,
    /// and dates or settings are not translated), when there is no translation, or when its
    /// source is not known (saved before sources were kept, with no version of that time).
    async fn translation_behind(
        &self,
        kind: ItemKind,
        item_id: i64,
        lang: &str,
    ) -> Result<Option<TranslationBehind>, StoreError>;

    /// The slugs of the published articles and of the published events translated into
    /// `lang`, in no particular order.
    async fn translated_slugs(&self, lang: &str) -> Result<(Vec<String>, Vec<String>), StoreError>;
}

#[async_trait]
impl<D: Dialect> TranslationStore for SqlStore<D>
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
    async fn translations(
        &self,
        kind: ItemKind,
        item_id: i64,
    ) -> Result<Vec<Translation<TranslatedText>>, StoreError> {
        let sql = format!(
            "{} ORDER BY t.lang",
            ItemTables::of(kind).translations_select()
        );
        let rows: Vec<TranslationRow> = sqlx::query_as(&sql)
            .bind(item_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn translation_versions(
        &self,
        kind: ItemKind,
        item_id: i64,
    ) -> Result<Vec<Translation<()>>, StoreError> {
        let ItemTables {
            translations, key, ..
        } = ItemTables::of(kind);
        let sql = format!(
            "SELECT lang, version, updated_at FROM {translations} WHERE {key} = $1 ORDER BY lang"
        );
        let rows: Vec<(String, i64, DateTime<Utc>)> = sqlx::query_as(&sql)
            .bind(item_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(lang, version, updated_at)| Translation {
                lang,
                text: (),
                part_langs: None,
                version,
                updated_at,
            })
            .collect())
    }

    async fn save_translation(
        &self,
        write: TranslationWrite<'_>,
        audit: Option<Audit<'_>>,
    ) -> Result<Translation<()>, StoreError> {
        let TranslationWrite {
            kind,
            item_id,
            lang,
            text,
            seen_version,
            writer,
            source_version,
        } = write;
        let table = ItemTables::of(kind);
        let ItemTables {
            translations: name,
            key: item,
            items: parent,
            columns,
            ..
        } = table;
        let [c1, c2, c3, c4] = columns;
        let [v1, v2, v3, v4] = [(c1, "$3"), (c2, "$4"), (c3, "$5"), (c4, "$6")]
            .map(|(column, text)| table.translating(column, text));
        // Each shape is one statement, so two translators cannot both win: the first
        // save inserts (only if there is none yet), later ones update only the version
        // their translator saw, or their own translation editor's earlier save.
        let own = own_write(name, "$10", "$11");
        // Written from the item's text as its translator had it (`$12`), or as it is now if
        // that is newer or unknown (`translation_behind` compares with it).
        let now = format!("(SELECT version FROM {parent} WHERE id = $1)");
        let source = format!("CASE WHEN CAST($12 AS BIGINT) < {now} THEN $12 ELSE {now} END");
        let replace = format!(
            "{c1} = {v1}, {c2} = {v2}, {c3} = {v3}, {c4} = {v4}, updated_at = $7, \
             version = {name}.version + 1, sanitizer_version = $9, writer = $10, \
             writer_save = $11, source_version = {source}"
        );
        let sql = if seen_version == 0 {
            format!(
                "INSERT INTO {name} \
                 ({item}, lang, {c1}, {c2}, {c3}, {c4}, updated_at, version, \
                 sanitizer_version, writer, writer_save, source_version) \
                 SELECT id, $2, {v1}, {v2}, {v3}, {v4}, $7, 1, $9, $10, $11, {source} \
                 FROM {parent} WHERE id = $1 AND CAST($8 AS BIGINT) = 0 \
                 ON CONFLICT ({item}, lang) DO UPDATE SET {replace} WHERE {own} \
                 RETURNING version, updated_at"
            )
        } else {
            format!(
                "UPDATE {name} SET {replace} \
                 WHERE {item} = $1 AND lang = $2 AND (version = $8 OR {own}) \
                 RETURNING version, updated_at"
            )
        };
        let query = sqlx::query_as(&sql)
            .bind(item_id)
            .bind(lang)
            .bind(&text.title)
            .bind(&text.lead)
            .bind(text.body_html.as_str())
            .bind(&text.extra);
        let mut tx = self.begin_write().await?;
        // The item's text decides which parts are stored empty and how they are searched: a
        // write of the item waits until this one is done, and this one for it. One moved to
        // the trash since its translator's request found it takes no translation.
        let lock = format!(
            "SELECT id FROM {parent} WHERE id = $1 AND trashed_at IS NULL{}",
            D::FOR_UPDATE
        );
        let locked: Option<i64> = sqlx::query_scalar(&lock)
            .bind(item_id)
            .fetch_optional(&mut *tx)
            .await?;
        if locked.is_none() {
            return Err(StoreError::NotFound);
        }
        let saved: Option<(i64, DateTime<Utc>)> = query
            .bind(D::instant(Utc::now()))
            .bind(seen_version)
            .bind(crate::sanitize::SANITIZER_VERSION)
            .bind(writer.map(|writer| writer.mark.clone()))
            .bind(writer.map(|writer| writer.save))
            .bind(source_version)
            .fetch_optional(&mut *tx)
            .await?;
        let as_stored = |(version, updated_at)| Translation {
            lang: lang.to_string(),
            text: (),
            part_langs: None,
            version,
            updated_at,
        };
        if let Some(saved) = saved {
            // Folded as readers read it: the parts it leaves in the Latvian text.
            let written = Some(&text.body_html);
            fold_selected::<D>(&mut tx, &translations_of(table), item_id, written).await?;
            if let Some(audit) = audit {
                Self::audit_line(&mut tx, table, item_id, audit).await?;
            }
            tx.commit().await?;
            return Ok(as_stored(saved));
        }
        // Refused: the version stored, and whether it holds what this save would store (the
        // same save again, see `item_write`).
        let sql = format!(
            "SELECT version, updated_at, CASE WHEN {c1} = {v1} AND {c2} = {v2} \
             AND {c3} = {v3} AND {c4} = {v4} THEN 1 ELSE 0 END FROM {name} \
             WHERE {item} = $1 AND lang = $2"
        );
        let stored: Option<(i64, DateTime<Utc>, i32)> = sqlx::query_as(&sql)
            .bind(item_id)
            .bind(lang)
            .bind(&text.title)
            .bind(&text.lead)
            .bind(text.body_html.as_str())
            .bind(&text.extra)
            .fetch_optional(&mut *tx)
            .await?;
        Err(match stored {
            Some((version, at, 1)) => return Ok(as_stored((version, at))),
            Some((stored, _, _)) => StoreError::Conflict {
                expected: seen_version,
                stored,
            },
            // The translation the translator saw is gone.
            None if seen_version > 0 => StoreError::Conflict {
                expected: seen_version,
                stored: 0,
            },
            // Nothing stored and nothing inserted: the item itself is gone.
            None => StoreError::NotFound,
        })
    }

    async fn translation_behind(
        &self,
        kind: ItemKind,
        item_id: i64,
        lang: &str,
    ) -> Result<Option<TranslationBehind>, StoreError> {
        let ItemTables {
            items,
            key,
            revisions,
            translations,
            columns,
            ..
        } = ItemTables::of(kind);
        // A part changed when it is translated (not stored empty) and the item's text of it
        // is not the text of the version the translation was written from. That text is in
        // the first revision from that version on: only a write of the text keeps one, so a
        // version a new address or settings replaced has the text of the next. A translation
        // written from the text as it is now joins none.
        let [c1, c2, c3, c4] =
            columns.map(|c| format!("CASE WHEN t.{c} <> '' AND r.{c} <> i.{c} THEN 1 ELSE 0 END"));
        let sql = format!(
            "SELECT r.version, i.version, {c1}, {c2}, {c3}, {c4} FROM {translations} t \
             JOIN {items} i ON i.id = t.{key} \
             JOIN {revisions} r ON r.{key} = t.{key} AND r.version = (SELECT MIN(version) \
             FROM {revisions} WHERE {key} = t.{key} AND version >= t.source_version) \
             WHERE t.{key} = $1 AND t.lang = $2"
        );
        let found: Option<(i64, i64, i32, i32, i32, i32)> = sqlx::query_as(&sql)
            .bind(item_id)
            .bind(lang)
            .fetch_optional(&self.pool)
            .await?;
        Ok(found.and_then(|(since, now, p1, p2, p3, p4)| {
            let changed = [p1, p2, p3, p4].map(|part| part == 1);
            changed.contains(&true).then_some(TranslationBehind {
                since,
                now,
                changed,
            })
        }))
    }

    async fn translated_slugs(&self, lang: &str) -> Result<(Vec<String>, Vec<String>), StoreError> {
        // The slugs of the published items of one kind translated into `lang`.
        let published = |tables: &ItemTables| {
            let ItemTables {
                items,
                key,
                translations,
                ..
            } = tables;
            let sql = format!(
                "SELECT p.slug FROM {translations} t JOIN {items} p ON p.id = t.{key} \
                 WHERE t.lang = $1 AND p.status = 'published'"
            );
            async move {
                let slugs = sqlx::query_scalar(&sql).bind(lang);
                slugs.fetch_all(&self.pool).await
            }
        };
        Ok((
            published(&ItemTables::ARTICLES).await?,
            published(&ItemTables::EVENTS).await?,
        ))
    }
}
