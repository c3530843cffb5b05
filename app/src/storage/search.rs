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

/// What a search answers of each hit (`h`) and its category (`c`).
const HIT_COLUMNS: &str = "h.kind, h.slug, h.title, h.lead, h.body_html, h.at, h.text_lang, \
     h.snippet_lang, \
     c.id AS category_id, c.slug AS category_slug, c.name AS category_name, \
     c.name_en AS category_name_en, c.name_ru AS category_name_ru, c.colour AS category_colour";

/// A kind of item as search reads it, for the dialects' `push_search_hits`: each selects
/// `kind, slug, title, lead, body_html, text_lang, snippet_lang, at, category_id, rank` from
/// it.
pub(super) struct Searched {
    /// Its tables; `tables.kind` is `SearchKind::as_str`.
    pub tables: &'static ItemTables,
    /// The alias of `tables.items` in the statement.
    pub alias: &'static str,
    /// The text column shown under the title: an article's lead, an event's summary.
    pub lead: &'static str,
    /// The instant a hit is dated by.
    pub at: &'static str,
}

impl Searched {
    /// What a search in `lang` reads, in order: each kind (with its place in [`SEARCHED`]) in
    /// the reader's translation first (`Some(code)`) where the reader reads one, then in
    /// Latvian (`None`).
    pub(super) fn in_order(lang: Lang) -> Vec<(u8, &'static Searched, Option<&'static str>)> {
        let kinds = || (0_u8..).zip(&SEARCHED);
        let translated = lang.translated_code();
        let mut order: Vec<_> = kinds()
            .filter(|_| translated.is_some())
            .map(|(n, s)| (n, s, translated))
            .collect();
        order.extend(kinds().map(|(n, searched)| (n, searched, None)));
        order
    }

    /// The `slug, title, lead, body_html` of a hit as the search shows them, and the language
    /// of its title (`text_lang`) and of its body (`snippet_lang`, most of the snippet): from
    /// the translation (alias `t`) into `translation` where there is one, with the Latvian for
    /// the parts it leaves (`ItemTables::translated`), else the item's own.
    pub(super) fn shown(&self, translation: Option<&str>) -> String {
        let (x, lead) = (self.alias, self.lead);
        let Some(code) = translation else {
            return format!(
                "{x}.slug, {x}.title, {x}.{lead} AS lead, {x}.body_html, 'lv' AS text_lang, \
                 'lv' AS snippet_lang"
            );
        };
        let part = |column: &str| ItemTables::translated("t", x, column);
        let lang_of =
            |column: &str| format!("CASE WHEN t.{column} = '' THEN 'lv' ELSE '{code}' END");
        format!(
            "{x}.slug, {} AS title, {} AS lead, {} AS body_html, {} AS text_lang, \
             {} AS snippet_lang",
            part("title"),
            part(lead),
            part("body_html"),
            lang_of("title"),
            lang_of("body_html"),
        )
    }

    /// Ends one select of the search: only published items, and in Latvian (`translation`
    /// `None`) only those with no translation into the reader's `lang`, which are searched in
    /// that version instead.
    pub(super) fn published_only<D: sqlx::Database>(
        &self,
        query: &mut QueryBuilder<'_, D>,
        translation: Option<&str>,
        lang: Lang,
    ) {
        let item = self.alias;
        query.push(format_args!(" AND {item}.status = 'published'"));
        if let (None, Some(code)) = (translation, lang.translated_code()) {
            query.push(format_args!(
                " AND NOT EXISTS (SELECT 1 FROM {translations} u \
                 WHERE u.{key} = {item}.id AND u.lang = '{code}')",
                translations = self.tables.translations,
                key = self.tables.key,
            ));
        }
    }
}

/// Articles, then events.
pub(super) const SEARCHED: [Searched; 2] = [
    Searched {
        tables: &ItemTables::ARTICLES,
        alias: "a",
        lead: "lead",
        at: "published_at",
    },
    Searched {
        tables: &ItemTables::EVENTS,
        alias: "e",
        lead: "summary",
        at: "starts_at",
    },
];

#[async_trait]
impl<D: Dialect> SearchStore for SqlStore<D>
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
        let matched = D::match_expression(&request.words);
        let hits = |select: &str| {
            let mut query = QueryBuilder::<D>::new("WITH hits AS (");
            D::push_search_hits(&mut query, request.lang, &matched);
            query.push(format_args!(
                ") SELECT {select} FROM hits h \
                 LEFT JOIN categories c ON c.id = h.category_id WHERE 1 = 1"
            ));
            if let Some(kind) = request.kind {
                query.push(" AND h.kind = ").push_bind(kind.as_str());
            }
            push_categories(&mut query, "h.category_id", &request.categories);
            query
        };
        let mut rows = hits(HIT_COLUMNS);
        rows.push(" ORDER BY h.rank DESC, h.at DESC LIMIT ")
            .push_bind(request.limit)
            .push(" OFFSET ")
            .push_bind(request.offset);
        let hits_found: Vec<SearchRow> = D::fetch_built(&mut rows, &self.pool).await?;
        let total = Self::count_built(&mut hits("COUNT(*)"), &self.pool).await?;
        Ok(SearchPage {
            hits: hits_found.into_iter().map(Into::into).collect(),
            total,
        })
    }

    async fn backfill_search(&self) -> Result<u64, StoreError> {
        // A batch a transaction: an upgrade that folds every item again neither holds every
        // body in memory at once nor keeps other writers waiting for all of them.
        let batches = unsearched_batches::<D>(&mut *self.pool.acquire().await?).await?;
        let mut folded = 0;
        for _ in 0..batches {
            let mut tx = self.begin_write().await?;
            folded += fold_selected::<D>(&mut tx, &unsearched_batch(), FOLD_BATCH, None).await?;
            tx.commit().await?;
        }
        Ok(folded)
    }
}

/// Rows of search text folded together: their bodies are in memory at once.
const FOLD_BATCH: i64 = 500;

/// Folds the search text of every item, English and Russian version saved before it was
/// searchable (an empty `search_title`), in the caller's transaction (an import, which
/// empties it first so the text is folded as this version folds it), a batch at a time.
pub(super) async fn fold_unsearched<D: Dialect>(tx: &mut D::Connection) -> Result<u64, StoreError>
where
    for<'c> &'c mut D::Connection: sqlx::Executor<'c, Database = D>,
    for<'q> D::Arguments<'q>: sqlx::IntoArguments<'q, D>,
    usize: sqlx::ColumnIndex<D::Row>,
    UnsearchedRow: for<'r> sqlx::FromRow<'r, D::Row>,
    i64: SqlValue<D>,
    String: SqlValue<D>,
    for<'q> &'q str: sqlx::Encode<'q, D> + sqlx::Type<D>,
{
    let mut folded = 0;
    for _ in 0..unsearched_batches::<D>(tx).await? {
        folded += fold_selected::<D>(tx, &unsearched_batch(), FOLD_BATCH, None).await?;
    }
    Ok(folded)
}

/// How many batches fold every unsearched row: counted first, so a row that stays
/// unsearched (a title that folds to nothing) cannot keep the folding going.
async fn unsearched_batches<D: Dialect>(connection: &mut D::Connection) -> Result<i64, StoreError>
where
    for<'c> &'c mut D::Connection: sqlx::Executor<'c, Database = D>,
    for<'q> D::Arguments<'q>: sqlx::IntoArguments<'q, D>,
    i64: SqlValue<D>,
    usize: sqlx::ColumnIndex<D::Row>,
{
    let unsearched: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM articles WHERE search_title = '') \
              + (SELECT COUNT(*) FROM events WHERE search_title = '') \
              + (SELECT COUNT(*) FROM article_translations WHERE search_title = '') \
              + (SELECT COUNT(*) FROM event_translations WHERE search_title = '')",
    )
    .fetch_one(&mut *connection)
    .await?;
    Ok((unsearched + FOLD_BATCH - 1) / FOLD_BATCH)
}

/// Up to `$1` rows (`UnsearchedRow`s) of items and English and Russian versions saved before
/// they were searchable, for [`fold_selected`].
fn unsearched_batch() -> String {
    format!(
        "SELECT 'article' AS kind, id, '' AS lang, title, lead, '' AS extra, body_html \
         FROM articles WHERE search_title = '' \
         UNION ALL SELECT 'event', id, '', title, summary, location, body_html \
         FROM events WHERE search_title = '' \
         UNION ALL {} UNION ALL {} LIMIT $1",
        translations_to_fold(&ItemTables::ARTICLES, "t.search_title = ''"),
        translations_to_fold(&ItemTables::EVENTS, "t.search_title = ''"),
    )
}

/// The English and Russian versions of `tables`' kind that meet `condition` (on `t`, the
/// translation, and `i`, the item), as [`fold_selected`] folds them: each part as readers see it
/// (`ItemTables::translated`), so a part the translator left is searched in the Latvian text.
fn translations_to_fold(tables: &ItemTables, condition: &str) -> String {
    let ItemTables {
        kind,
        items,
        key,
        translations,
        columns,
        ..
    } = tables;
    let [title, lead, body, extra] = columns.map(|column| ItemTables::translated("t", "i", column));
    format!(
        "SELECT '{kind}' AS kind, t.{key} AS id, t.lang, {title} AS title, {lead} AS lead, \
         {extra} AS extra, {body} AS body_html FROM {translations} t \
         JOIN {items} i ON i.id = t.{key} WHERE {condition}"
    )
}

/// Item `$1`'s English and Russian versions, for [`fold_selected`] to fold again in the
/// transaction that changed the item or one of them: the parts they leave are searched in the
/// item's text of now.
pub(super) fn translations_of(tables: &ItemTables) -> String {
    translations_to_fold(tables, &format!("t.{} = $1", tables.key))
}

/// Writes the folded search text of the rows (items, or their versions in a `lang`) that
/// `sql`, given `value` as `$1`, selects; answers how many. A row whose body is `known` (the
/// one its transaction wrote, its text read off the request threads) takes its text from it
/// instead of reading the HTML again.
pub(super) async fn fold_selected<D: Dialect>(
    tx: &mut D::Connection,
    sql: &str,
    value: i64,
    known: Option<&SafeHtml>,
) -> Result<u64, StoreError>
where
    for<'c> &'c mut D::Connection: sqlx::Executor<'c, Database = D>,
    for<'q> D::Arguments<'q>: sqlx::IntoArguments<'q, D>,
    UnsearchedRow: for<'r> sqlx::FromRow<'r, D::Row>,
    i64: SqlValue<D>,
    String: SqlValue<D>,
    for<'q> &'q str: sqlx::Encode<'q, D> + sqlx::Type<D>,
{
    let rows: Vec<UnsearchedRow> = sqlx::query_as(sql).bind(value).fetch_all(&mut *tx).await?;
    for row in &rows {
        let tables = SEARCHED
            .iter()
            .map(|searched| searched.tables)
            .find(|tables| tables.kind == row.kind)
            .unwrap_or(&ItemTables::ARTICLES);
        let body_text = match known.filter(|known| known.as_str() == row.body_html) {
            Some(known) => Cow::Borrowed(known.plain_text()),
            None => Cow::Owned(crate::search::text::plain_text(&row.body_html)),
        };
        let (search_title, search_body) =
            search_text(tables, &row.title, &row.lead, &row.extra, &body_text);
        let sql = if row.lang.is_empty() {
            format!(
                "UPDATE {} SET search_title = $1, search_body = $2 \
                     WHERE id = $3 AND $4 = ''",
                tables.items
            )
        } else {
            format!(
                "UPDATE {} SET search_title = $1, search_body = $2 \
                     WHERE {} = $3 AND lang = $4",
                tables.translations, tables.key
            )
        };
        sqlx::query(&sql)
            .bind(search_title)
            .bind(search_body)
            .bind(row.id)
            .bind(&row.lang)
            .execute(&mut *tx)
            .await?;
    }
    Ok(rows.len() as u64)
}

/// The folded title and body stored for search of an item of `tables`' kind (or a
/// translation of it): the title; the lead, the extra line where the kind searches it
/// (`ItemTables::extra_searched`) and the body's text (`body_text`, read from its HTML). The
/// one rule for every write of them: an item's, a translation's and the backfill's.
pub(super) fn search_text(
    tables: &ItemTables,
    title: &str,
    lead: &str,
    extra: &str,
    body_text: &str,
) -> (String, String) {
    use crate::search::text::fold;
    let mut body = lead.to_string();
    if tables.extra_searched {
        body.push(' ');
        body.push_str(extra);
    }
    body.push(' ');
    body.push_str(body_text);
    (fold(title), fold(&body))
}
