//! Translations of articles and events into English and Russian.
//!
//! The trait is part of `Store`; the macro is its SQL, shared by both backends (see `sql`).

use async_trait::async_trait;

use super::*;

#[async_trait]
pub trait TranslationStore: Send + Sync {
    /// An article's translations, by language code (`en`, `ru`).
    async fn article_translations(
        &self,
        article_id: i64,
    ) -> Result<Vec<Translation<ArticleText>>, StoreError>;

    /// Adds the article's translation into `lang` (`seen_version` 0) or replaces the one at
    /// `seen_version`; answers the new version. When there is a translation and `seen_version`
    /// is not its version, or there is none and `seen_version` is not 0:
    /// `StoreError::Conflict` and nothing changes. The audit line (none for demo content)
    /// names the article by its own title.
    async fn save_article_translation(
        &self,
        article_id: i64,
        lang: &str,
        text: &ArticleText,
        seen_version: i64,
        audit: Option<Audit<'_>>,
    ) -> Result<i64, StoreError>;

    /// The slugs of the published articles and of the published events translated into
    /// `lang`, in no particular order.
    async fn translated_slugs(&self, lang: &str) -> Result<(Vec<String>, Vec<String>), StoreError>;

    /// An event's translations, by language code.
    async fn event_translations(
        &self,
        event_id: i64,
    ) -> Result<Vec<Translation<EventText>>, StoreError>;

    /// Adds or replaces the event's translation into `lang`, as `save_article_translation`.
    async fn save_event_translation(
        &self,
        event_id: i64,
        lang: &str,
        text: &EventText,
        seen_version: i64,
        audit: Option<Audit<'_>>,
    ) -> Result<i64, StoreError>;
}

/// Implements [`TranslationStore`] for a backend (arguments as `sql::impl_store`).
macro_rules! impl_translations {
    ($store:ident, $db:ty, $instant:path) => {
        impl $store {
            /// One item's translations in every language, as rows of type `R` (the kind's
            /// four text columns by their own names, with the item's slug).
            async fn read_translations<R>(
                &self,
                table: &ItemTables,
                id: i64,
            ) -> Result<Vec<R>, StoreError>
            where
                R: for<'r> sqlx::FromRow<'r, <$db as sqlx::Database>::Row> + Send + Unpin,
            {
                let ItemTables {
                    translations: name,
                    key: item,
                    items: parent,
                    columns,
                    ..
                } = table;
                let texts = columns.map(|column| format!("t.{column}")).join(", ");
                let sql = format!(
                    "SELECT p.slug, t.lang, {texts}, t.version, t.updated_at FROM {name} t \
                     JOIN {parent} p ON p.id = t.{item} WHERE p.id = $1 ORDER BY t.lang"
                );
                Ok(sqlx::query_as(&sql).bind(id).fetch_all(&self.pool).await?)
            }

            /// The slugs of the published items translated into `lang`.
            async fn published_translated(
                &self,
                table: &ItemTables,
                lang: &str,
            ) -> Result<Vec<String>, StoreError> {
                let ItemTables {
                    translations: name,
                    key: item,
                    items: parent,
                    ..
                } = table;
                let sql = format!(
                    "SELECT p.slug FROM {name} t JOIN {parent} p ON p.id = t.{item} \
                     WHERE t.lang = $1 AND p.status = 'published'"
                );
                Ok(sqlx::query_scalar(&sql)
                    .bind(lang)
                    .fetch_all(&self.pool)
                    .await?)
            }

            /// Adds (`seen_version` 0) or replaces (the one at `seen_version`) a translation in
            /// one statement, so two editors cannot both win; answers the new version.
            #[allow(clippy::too_many_arguments)]
            async fn save_translation(
                &self,
                table: &ItemTables,
                item_id: i64,
                lang: &str,
                fields: [&str; 4],
                search: (String, String),
                seen_version: i64,
                audit: Option<Audit<'_>>,
            ) -> Result<i64, StoreError> {
                let ItemTables {
                    translations: name,
                    key: item,
                    items: parent,
                    columns,
                    ..
                } = table;
                let [c1, c2, c3, c4] = columns;
                // Each shape is one statement, so two translators cannot both win: the first
                // save inserts (only if there is none yet), later ones update only the version
                // their translator saw.
                let sql = if seen_version == 0 {
                    format!(
                        "INSERT INTO {name} \
                         ({item}, lang, {c1}, {c2}, {c3}, {c4}, updated_at, version, \
                         search_title, search_body, sanitizer_version) \
                         SELECT id, $2, $3, $4, $5, $6, $7, 1, $9, $10, $11 FROM {parent} \
                         WHERE id = $1 AND CAST($8 AS BIGINT) = 0 \
                         ON CONFLICT ({item}, lang) DO NOTHING RETURNING version"
                    )
                } else {
                    format!(
                        "UPDATE {name} SET {c1} = $3, {c2} = $4, {c3} = $5, {c4} = $6, \
                         updated_at = $7, version = version + 1, search_title = $9, \
                         search_body = $10, sanitizer_version = $11 \
                         WHERE {item} = $1 AND lang = $2 AND version = $8 RETURNING version"
                    )
                };
                let mut query = sqlx::query_scalar(&sql).bind(item_id).bind(lang);
                for field in fields {
                    query = query.bind(field);
                }
                let mut tx = self.begin_write().await?;
                let saved: Option<i64> = query
                    .bind($instant(Utc::now()))
                    .bind(seen_version)
                    .bind(search.0)
                    .bind(search.1)
                    .bind($crate::sanitize::SANITIZER_VERSION)
                    .fetch_optional(&mut *tx)
                    .await?;
                if let Some(version) = saved {
                    if let Some(audit) = audit {
                        Self::audit_line(&mut tx, table, item_id, audit).await?;
                    }
                    tx.commit().await?;
                    return Ok(version);
                }
                let sql = format!("SELECT version FROM {name} WHERE {item} = $1 AND lang = $2");
                let stored: Option<i64> = sqlx::query_scalar(&sql)
                    .bind(item_id)
                    .bind(lang)
                    .fetch_optional(&mut *tx)
                    .await?;
                Err(match stored {
                    Some(stored) => StoreError::Conflict {
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
        }

        #[async_trait]
        impl $crate::storage::TranslationStore for $store {
            async fn article_translations(
                &self,
                article_id: i64,
            ) -> Result<Vec<Translation<ArticleText>>, StoreError> {
                let rows: Vec<ArticleTranslationRow> = self
                    .read_translations(&ItemTables::ARTICLES, article_id)
                    .await?;
                Ok(rows
                    .into_iter()
                    .map(|row| row.into_translation().1)
                    .collect())
            }

            async fn save_article_translation(
                &self,
                article_id: i64,
                lang: &str,
                text: &ArticleText,
                seen_version: i64,
                audit: Option<Audit<'_>>,
            ) -> Result<i64, StoreError> {
                self.save_translation(
                    &ItemTables::ARTICLES,
                    article_id,
                    lang,
                    [&text.title, &text.lead, &text.body_html, &text.contact],
                    search_text(&text.title, &[&text.lead], &text.body_html),
                    seen_version,
                    audit,
                )
                .await
            }

            async fn translated_slugs(
                &self,
                lang: &str,
            ) -> Result<(Vec<String>, Vec<String>), StoreError> {
                Ok((
                    self.published_translated(&ItemTables::ARTICLES, lang)
                        .await?,
                    self.published_translated(&ItemTables::EVENTS, lang).await?,
                ))
            }

            async fn event_translations(
                &self,
                event_id: i64,
            ) -> Result<Vec<Translation<EventText>>, StoreError> {
                let rows: Vec<EventTranslationRow> = self
                    .read_translations(&ItemTables::EVENTS, event_id)
                    .await?;
                Ok(rows
                    .into_iter()
                    .map(|row| row.into_translation().1)
                    .collect())
            }

            async fn save_event_translation(
                &self,
                event_id: i64,
                lang: &str,
                text: &EventText,
                seen_version: i64,
                audit: Option<Audit<'_>>,
            ) -> Result<i64, StoreError> {
                self.save_translation(
                    &ItemTables::EVENTS,
                    event_id,
                    lang,
                    [&text.title, &text.summary, &text.body_html, &text.location],
                    search_text(
                        &text.title,
                        &[&text.summary, &text.location],
                        &text.body_html,
                    ),
                    seen_version,
                    audit,
                )
                .await
            }
        }
    };
}

pub(super) use impl_translations;
