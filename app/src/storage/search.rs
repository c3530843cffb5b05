//! Search over published articles and events, in the reader's language.
//!
//! The trait is part of `Store`; its SQL is the generic impl below, one for both backends
//! (`SqlStore<D: Dialect>`, see `sql` and `dialect`).

use async_trait::async_trait;

use super::sql::prelude::*;

#[async_trait]
pub trait SearchStore: Send + Sync {
    /// Published articles and events whose text has every word of the request (as a word
    /// prefix, ignoring case and diacritics), best match first.
    async fn search(&self, request: &SearchRequest) -> Result<SearchPage, StoreError>;

    /// Fills the search text of rows stored before search existed; returns how many.
    async fn backfill_search(&self) -> Result<u64, StoreError>;
}

#[async_trait]
impl<D: Dialect> crate::storage::SearchStore for SqlStore<D>
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
    async fn search(&self, request: &SearchRequest) -> Result<SearchPage, StoreError> {
        if request.words.is_empty() {
            return Ok(SearchPage {
                hits: Vec::new(),
                total: 0,
            });
        }
        // Category slugs are bound from $5 on; $2 is the kind ('' for both).
        let in_categories = in_slugs("(c.slug", 5, request.categories.len());
        let from_hits = format!(
            "WITH hits AS ({}) SELECT {{columns}} FROM hits h \
                     LEFT JOIN categories c ON c.id = h.category_id \
                     WHERE ($2 = '' OR h.kind = $2){in_categories}",
            D::search_hits(request.lang)
        );
        let rows_sql = from_hits.replace(
            "{columns}",
            "h.kind, h.slug, h.title, h.lead, h.body_html, h.at, h.text_lang, \
                     c.id AS category_id, \
                     c.slug AS category_slug, c.name AS category_name, \
                     c.name_en AS category_name_en, c.name_ru AS category_name_ru, \
                     c.colour AS category_colour",
        ) + " ORDER BY h.rank DESC, h.at DESC LIMIT $3 OFFSET $4";
        // The count binds limit and offset too, so the category slugs keep their numbers.
        let count_sql = from_hits.replace("{columns}", "COUNT(*)") + " AND $3 >= 0 AND $4 >= 0";
        let matched = D::match_expression(&request.words);
        let kind = request.kind.map(SearchKind::as_str).unwrap_or("");
        let mut rows = sqlx::query_as::<_, SearchRow>(&rows_sql)
            .bind(&matched)
            .bind(kind)
            .bind(request.limit)
            .bind(request.offset);
        let mut count = sqlx::query_scalar::<_, i64>(&count_sql)
            .bind(&matched)
            .bind(kind)
            .bind(request.limit)
            .bind(request.offset);
        for slug in &request.categories {
            rows = rows.bind(slug);
            count = count.bind(slug);
        }
        let hits = rows.fetch_all(&self.pool).await?;
        let total = count.fetch_one(&self.pool).await?;
        Ok(SearchPage {
            hits: hits.into_iter().map(Into::into).collect(),
            total,
        })
    }

    async fn backfill_search(&self) -> Result<u64, StoreError> {
        let articles: Vec<(i64, String, String, String)> = sqlx::query_as(
            "SELECT id, title, lead, body_html FROM articles WHERE search_title = ''",
        )
        .fetch_all(&self.pool)
        .await?;
        let events: Vec<(i64, String, String, String, String)> = sqlx::query_as(
            "SELECT id, title, summary, location, body_html FROM events \
                     WHERE search_title = ''",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut tx = self.begin_write().await?;
        for (id, title, lead, body) in &articles {
            let (search_title, search_body) = search_text(title, &[lead], body);
            sqlx::query("UPDATE articles SET search_title = $1, search_body = $2 WHERE id = $3")
                .bind(search_title)
                .bind(search_body)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        for (id, title, summary, location, body) in &events {
            let (search_title, search_body) = search_text(title, &[summary, location], body);
            sqlx::query("UPDATE events SET search_title = $1, search_body = $2 WHERE id = $3")
                .bind(search_title)
                .bind(search_body)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        // English and Russian versions saved before they were searchable.
        let translations: Vec<(String, i64, String, String, String, String, String)> =
            sqlx::query_as(
                "SELECT 'article', article_id, lang, title, lead, '', body_html \
                         FROM article_translations WHERE search_title = '' \
                         UNION ALL SELECT 'event', event_id, lang, title, summary, location, \
                         body_html FROM event_translations WHERE search_title = ''",
            )
            .fetch_all(&mut *tx)
            .await?;
        for (kind, id, lang, title, second, third, body) in &translations {
            let (search_title, search_body) = search_text(title, &[second, third], body);
            let table = if kind == "article" {
                &ItemTables::ARTICLES
            } else {
                &ItemTables::EVENTS
            };
            let sql = format!(
                "UPDATE {} SET search_title = $1, search_body = $2 \
                         WHERE {} = $3 AND lang = $4",
                table.translations, table.key
            );
            sqlx::query(&sql)
                .bind(search_title)
                .bind(search_body)
                .bind(id)
                .bind(lang)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok((articles.len() + events.len() + translations.len()) as u64)
    }
}
