//! Row shapes shared by both backends. Column names are the same in both schemas, and both
//! drivers decode the instants into `DateTime<Utc>` (SQLite from INTEGER Unix seconds).

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;

use super::dialect::SqlValue;
use super::tables::ItemTables;
use crate::i18n::{Lang, PartLangs};

mod drafts;
mod items;
pub(super) use drafts::{draft_columns, DraftRow, SavedDraftRow, StoredDraftRow};
pub(super) use items::{AddressRow, DeskRow, FoundRow};

use super::{
    Article, ArticleRevision, ArticleText, Attachment, Category, Credentials, EarlierFailures,
    Event, EventRevision, Recurrence, Role, SearchHit, SearchKind, Status, TranslatedText,
    Translation, User, VersionSummary,
};

/// A category's columns, as `CategoryColumns` reads them.
const CATEGORY_COLUMNS: &str = "c.id AS category_id, c.slug AS category_slug, \
     c.name AS category_name, c.name_en AS category_name_en, c.name_ru AS category_name_ru, \
     c.colour AS category_colour";

/// The SELECT list and FROM clause for events (`e`) with their category, their text in the
/// reader's `lang` (see [`text_in`]); editors and writes read them in Latvian.
pub(super) fn event_columns(lang: Lang) -> String {
    let (text, join) = text_in(lang, "e", &ItemTables::EVENTS);
    format!(
        "e.id, e.slug, e.starts_at, e.ends_at, e.all_day, e.status, e.was_published, e.version, \
         e.created_at, e.trashed_at, e.rrule, e.exdates, e.series_end, {text}, {CATEGORY_COLUMNS} \
         FROM events e LEFT JOIN categories c ON c.id = e.category_id{join}"
    )
}

/// The same for articles (`a`).
pub(super) fn article_columns(lang: Lang) -> String {
    let (text, join) = text_in(lang, "a", &ItemTables::ARTICLES);
    format!(
        "a.id, a.slug, a.published_at, a.status, a.was_published, a.version, a.created_at, \
         a.event_id, a.trashed_at, {text}, {CATEGORY_COLUMNS} \
         FROM articles a LEFT JOIN categories c ON c.id = a.category_id{join}"
    )
}

/// Where a list of articles (`a`) finds its page's ids and counts them, narrowed to the
/// categories with these `slugs` by [`push_category_slugs`]: from the categories first, then
/// each one's articles by its index, in that order (SQLite keeps a CROSS JOIN's order). Left
/// to choose, SQLite walked every published article newest first looking for a page of a
/// small category's (94 ms for an empty one among 100,000).
pub(super) fn articles_from(slugs: &[String]) -> &'static str {
    if slugs.is_empty() {
        "FROM articles a"
    } else {
        "FROM categories c CROSS JOIN articles a"
    }
}

/// Reading in a language, the one place it is done: an item's four text `columns`, its
/// sanitiser version and its last change as they read in `lang`, with `part_langs` saying
/// which language each is in. In Latvian that is the item's own; in English or Russian the
/// item's translation (`t`) where it has one, else the Latvian, and Latvian for a part the
/// translator left (stored empty). A translation's change counts as the
/// item's (feeds and calendar programs pick it up). Returns the SELECT
/// part and the JOIN to append to the FROM clause. `lang.code()` is one of three constants,
/// so it is written into the SQL, not bound: the statement keeps its parameter numbers.
fn text_in(lang: Lang, item: &str, tables: &ItemTables) -> (String, String) {
    let ItemTables {
        translations,
        key,
        columns,
        ..
    } = tables;
    let Some(code) = lang.translated_code() else {
        let own: Vec<String> = columns.iter().map(|c| format!("{item}.{c}")).collect();
        return (
            format!(
                "{}, {item}.sanitizer_version, {item}.updated_at, 'lv,lv,lv,lv' AS part_langs",
                own.join(", ")
            ),
            String::new(),
        );
    };
    let translated: Vec<String> = columns
        .iter()
        .map(|c| format!("{} AS {c}", ItemTables::translated("t", item, c)))
        .collect();
    // A part the translation leaves (stored empty) is Latvian.
    let part_langs: Vec<String> = columns
        .iter()
        .map(|c| format!("CASE WHEN COALESCE(t.{c}, '') = '' THEN 'lv' ELSE t.lang END"))
        .collect();
    // The body's sanitiser version is that of the body shown: the item's where the
    // translation leaves it.
    let body = columns[2];
    (
        format!(
            "{}, CASE WHEN COALESCE(t.{body}, '') = '' THEN {item}.sanitizer_version \
             ELSE t.sanitizer_version END AS sanitizer_version, \
             CASE WHEN t.updated_at > {item}.updated_at THEN t.updated_at \
             ELSE {item}.updated_at END AS updated_at, {} AS part_langs",
            translated.join(", "),
            part_langs.join(" || ',' || ")
        ),
        format!(" LEFT JOIN {translations} t ON t.{key} = {item}.id AND t.lang = '{code}'"),
    )
}

/// Events or articles as editors and writes read them, in Latvian: `{EVENT_COLUMNS}` in a
/// `format!`.
pub(super) struct InLatvian(fn(Lang) -> String);

impl std::fmt::Display for InLatvian {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&(self.0)(Lang::Lv))
    }
}

pub(super) const EVENT_COLUMNS: InLatvian = InLatvian(event_columns);
pub(super) const ARTICLE_COLUMNS: InLatvian = InLatvian(article_columns);

#[derive(sqlx::FromRow)]
pub(super) struct CategoryRow {
    id: i64,
    slug: String,
    name: String,
    name_en: String,
    name_ru: String,
    colour: String,
}

impl From<CategoryRow> for Category {
    fn from(row: CategoryRow) -> Self {
        Category {
            id: row.id,
            slug: row.slug,
            name: row.name,
            name_en: row.name_en,
            name_ru: row.name_ru,
            colour: row.colour,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct EventRow {
    id: i64,
    slug: String,
    title: String,
    summary: String,
    body_html: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    all_day: bool,
    location: String,
    status: String,
    was_published: bool,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    trashed_at: Option<DateTime<Utc>>,
    rrule: Option<String>,
    exdates: String,
    series_end: Option<DateTime<Utc>>,
    sanitizer_version: i32,
    part_langs: String,
    #[sqlx(flatten)]
    category: CategoryColumns,
}

impl From<EventRow> for Event {
    fn from(row: EventRow) -> Self {
        Event {
            id: row.id,
            slug: row.slug,
            title: row.title,
            summary: row.summary,
            body_html: crate::sanitize::for_render(&row.body_html, row.sanitizer_version),
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            all_day: row.all_day,
            location: row.location,
            category: row.category.into_category(),
            recurrence: row.rrule.map(|rule| Recurrence {
                rule,
                exdates: Recurrence::parse_exdates(&row.exdates),
                series_end: row.series_end,
            }),
            trashed_at: row.trashed_at,
            status: Status::parse(&row.status),
            was_published: row.was_published,
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
            part_langs: PartLangs::from_codes(&row.part_langs),
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct ArticleRow {
    id: i64,
    slug: String,
    title: String,
    lead: String,
    body_html: String,
    contact: String,
    published_at: DateTime<Utc>,
    status: String,
    was_published: bool,
    version: i64,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    sanitizer_version: i32,
    event_id: Option<i64>,
    trashed_at: Option<DateTime<Utc>>,
    part_langs: String,
    #[sqlx(flatten)]
    category: CategoryColumns,
}

impl From<ArticleRow> for Article {
    fn from(row: ArticleRow) -> Self {
        Article {
            id: row.id,
            slug: row.slug,
            title: row.title,
            lead: row.lead,
            body_html: crate::sanitize::for_render(&row.body_html, row.sanitizer_version),
            contact: row.contact,
            published_at: row.published_at,
            category: row.category.into_category(),
            event_id: row.event_id,
            status: Status::parse(&row.status),
            was_published: row.was_published,
            trashed_at: row.trashed_at,
            version: row.version,
            created_at: row.created_at,
            updated_at: row.updated_at,
            part_langs: PartLangs::from_codes(&row.part_langs),
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct AttachmentRow {
    title: String,
    href: String,
    media_type: String,
    size_bytes: i64,
}

impl From<AttachmentRow> for Attachment {
    fn from(row: AttachmentRow) -> Self {
        Attachment {
            title: row.title,
            href: row.href,
            media_type: row.media_type,
            size_bytes: row.size_bytes,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct UserRow {
    id: i64,
    email: String,
    role: String,
    created_at: DateTime<Utc>,
}

impl From<UserRow> for User {
    fn from(row: UserRow) -> Self {
        User {
            id: row.id,
            email: row.email,
            // The column's CHECK allows only the two roles; an unknown one gets the lesser.
            role: Role::parse(&row.role).unwrap_or(Role::Editor),
            created_at: row.created_at,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct CredentialsRow {
    #[sqlx(flatten)]
    user: UserRow,
    password_hash: String,
}

impl From<CredentialsRow> for Credentials {
    fn from(row: CredentialsRow) -> Self {
        Credentials {
            user: row.user.into(),
            password_hash: row.password_hash,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct RevisionRow {
    version: i64,
    title: String,
    lead: String,
    body_html: String,
    contact: String,
    saved_by: String,
    saved_at: DateTime<Utc>,
}

impl From<RevisionRow> for ArticleRevision {
    fn from(row: RevisionRow) -> Self {
        ArticleRevision {
            version: row.version,
            text: ArticleText {
                title: row.title,
                lead: row.lead,
                body_html: row.body_html,
                contact: row.contact,
            },
            saved_by: row.saved_by,
            saved_at: row.saved_at,
        }
    }
}

/// An event's revisions in the shape of the event itself (`updated_at` is when the revision
/// was saved), so they read like events. Bound to the event's id as `$1`.
pub(super) const EVENT_REVISION_COLUMNS: &str = "e.id, e.slug, r.title, r.summary, \
     r.body_html, r.starts_at, r.ends_at, r.all_day, r.location, r.status, e.was_published, \
     r.version, e.created_at, r.saved_at AS updated_at, e.trashed_at, e.rrule, e.exdates, e.series_end, \
     e.sanitizer_version, 'lv,lv,lv,lv' AS part_langs, c.id AS category_id, \
     c.slug AS category_slug, \
     c.name AS category_name, c.name_en AS category_name_en, c.name_ru AS category_name_ru, \
     c.colour AS category_colour, r.saved_by \
     FROM event_revisions r JOIN events e ON e.id = r.event_id \
     LEFT JOIN categories c ON c.id = r.category_id";

#[derive(sqlx::FromRow)]
pub(super) struct EventRevisionRow {
    #[sqlx(flatten)]
    event: EventRow,
    saved_by: String,
}

impl From<EventRevisionRow> for EventRevision {
    fn from(row: EventRevisionRow) -> Self {
        EventRevision {
            event: row.event.into(),
            saved_by: row.saved_by,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct SearchRow {
    kind: String,
    slug: String,
    title: String,
    lead: String,
    body_html: String,
    at: DateTime<Utc>,
    text_lang: String,
    snippet_lang: String,
    #[sqlx(flatten)]
    category: CategoryColumns,
}

impl From<SearchRow> for SearchHit {
    fn from(row: SearchRow) -> Self {
        SearchHit {
            kind: if row.kind == "event" {
                SearchKind::Event
            } else {
                SearchKind::Article
            },
            slug: row.slug,
            title: row.title,
            lead: row.lead,
            body_html: row.body_html,
            at: row.at,
            category: row.category.into_category(),
            text_lang: crate::i18n::Lang::from_code(&row.text_lang).unwrap_or_default(),
            snippet_lang: crate::i18n::Lang::from_code(&row.snippet_lang).unwrap_or_default(),
        }
    }
}

/// Narrows `query` to items whose `column` is the id of one of the categories with these
/// `slugs`, each bound (`QueryBuilder` numbers the placeholders as the backend wants them);
/// no narrowing when there are none. Only the first `MAX_FILTER_CATEGORIES` slugs count.
pub(super) fn push_categories<'a, D: sqlx::Database>(
    query: &mut QueryBuilder<'a, D>,
    column: &str,
    slugs: &'a [String],
) where
    String: SqlValue<D>,
{
    if slugs.is_empty() {
        return;
    }
    query.push(format_args!(
        " AND {column} IN (SELECT id FROM categories WHERE slug IN "
    ));
    push_slug_list(query, slugs);
    query.push(")");
}

/// Narrows a list read [`articles_from`] its categories to those with these `slugs`, as
/// [`push_categories`] does for other lists.
pub(super) fn push_category_slugs<'a, D: sqlx::Database>(
    query: &mut QueryBuilder<'a, D>,
    slugs: &'a [String],
) where
    String: SqlValue<D>,
{
    if slugs.is_empty() {
        return;
    }
    query.push(" AND a.category_id = c.id AND c.slug IN ");
    push_slug_list(query, slugs);
}

/// `(slug, …)`, each bound.
fn push_slug_list<'a, D: sqlx::Database>(query: &mut QueryBuilder<'a, D>, slugs: &'a [String])
where
    String: SqlValue<D>,
{
    // More than the site has categories: a longer list is not a reader's, and each slug is a
    // bound value (SQLite refuses a statement of more than 32,766).
    let slugs = &slugs[..slugs.len().min(crate::calendar::MAX_FILTER_CATEGORIES)];
    query.push("(");
    let mut list = query.separated(", ");
    for slug in slugs {
        list.push_bind(slug);
    }
    list.push_unseparated(")");
}

/// The columns of a joined category, all NULL when there is none.
#[derive(sqlx::FromRow)]
pub(super) struct CategoryColumns {
    category_id: Option<i64>,
    category_slug: Option<String>,
    category_name: Option<String>,
    category_name_en: Option<String>,
    category_name_ru: Option<String>,
    category_colour: Option<String>,
}

impl CategoryColumns {
    fn into_category(self) -> Option<Category> {
        Some(Category {
            id: self.category_id?,
            slug: self.category_slug?,
            name: self.category_name?,
            name_en: self.category_name_en.unwrap_or_default(),
            name_ru: self.category_name_ru.unwrap_or_default(),
            colour: self.category_colour?,
        })
    }
}

#[cfg(test)]
mod tests;

/// A sign-in throttle key's row after an attempt was counted under it.
#[derive(sqlx::FromRow)]
pub(super) struct FailuresRow {
    failures: i64,
    previous_failure_at: Option<DateTime<Utc>>,
}

impl FailuresRow {
    /// What was counted before this attempt (`None`: nothing).
    pub(super) fn earlier(&self) -> Option<EarlierFailures> {
        Some(EarlierFailures {
            count: self.failures - 1,
            last_at: self.previous_failure_at?,
        })
    }
}

/// A version as an item's history lists it: the current one has no `saved_by`.
#[derive(sqlx::FromRow)]
pub(super) struct VersionRow {
    version: i64,
    title: String,
    saved_by: String,
    saved_at: DateTime<Utc>,
    current: bool,
}

impl From<VersionRow> for VersionSummary {
    fn from(row: VersionRow) -> Self {
        VersionSummary {
            version: row.version,
            title: row.title,
            saved_by: row.saved_by,
            saved_at: row.saved_at,
            current: row.current,
        }
    }
}

/// An item's or a translation's text whose search columns are still empty (`lang` is empty
/// for the item's own Latvian text).
#[derive(sqlx::FromRow)]
pub(super) struct UnsearchedRow {
    pub(super) kind: String,
    pub(super) id: i64,
    pub(super) lang: String,
    pub(super) title: String,
    pub(super) lead: String,
    pub(super) extra: String,
    pub(super) body_html: String,
}

/// A translation of either kind, its text columns named as `TranslatedText`'s fields.
#[derive(sqlx::FromRow)]
pub(super) struct TranslationRow {
    lang: String,
    title: String,
    lead: String,
    body_html: String,
    extra: String,
    part_langs: String,
    version: i64,
    updated_at: DateTime<Utc>,
}

impl From<TranslationRow> for Translation<TranslatedText> {
    fn from(row: TranslationRow) -> Self {
        Translation {
            lang: row.lang,
            text: TranslatedText {
                title: row.title,
                lead: row.lead,
                body_html: row.body_html,
                extra: row.extra,
            },
            part_langs: Some(PartLangs::from_codes(&row.part_langs)),
            version: row.version,
            updated_at: row.updated_at,
        }
    }
}
