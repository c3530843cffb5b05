//! The storage seam: one `Store` trait, with SQLite (embedded default) and PostgreSQL (several
//! server instances on one database) behind it. All SQL lives in `sql` (shared) and the two
//! backend modules (connection and dialect).

mod sql;

mod content;
mod editing;
mod postgres;
mod rows;
pub mod slugs;
mod sqlite;

#[cfg(test)]
mod contract;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

pub use content::*;
pub use editing::{
    ArticleDraft, ArticleRevision, ArticleText, Audit, AuditEntry, Credentials, DraftRule,
    EventDraft, EventRevision, EventText, Role, Translation, User,
};
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;

/// The store shared by every request.
pub type SharedStore = Arc<dyn Store>;

/// Storage failures. Details are for the log; readers see `AppError::Internal`.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported DATABASE_URL (expected sqlite:… or postgres://…): {0}")]
    UnsupportedUrl(String),
    #[error("unknown category: {0}")]
    UnknownCategory(String),
    #[error("unknown event: {0}")]
    UnknownEvent(String),
    #[error("no such item")]
    NotFound,
    /// A unique value (an e-mail address) is taken.
    #[error("already taken: {0}")]
    Taken(&'static str),
    /// Someone else saved since `expected` was read; nothing was written.
    #[error("version conflict: expected {expected}, stored {stored}")]
    Conflict { expected: i64, stored: i64 },
    /// A write meant to publish the shared draft found a newer one, saved by someone else
    /// since; nothing was written. `item_version` is the item's unchanged version.
    #[error("a newer draft was saved meanwhile (item at version {item_version})")]
    NewerDraft { item_version: i64 },
    #[error("could not create the database folder {path}: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
}

/// Everything Notikumi reads and writes. Readers only ever see published items.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Answers when the database does (for `/readyz`).
    async fn ping(&self) -> Result<(), StoreError>;

    /// Closes every connection (at shutdown; SQLite then checkpoints its WAL). Later calls fail.
    async fn close(&self);

    /// True when there are no categories, events or articles yet (demo content goes in).
    async fn is_empty(&self) -> Result<bool, StoreError>;

    async fn create_category(&self, category: &NewCategory) -> Result<Category, StoreError>;
    async fn categories(&self) -> Result<Vec<Category>, StoreError>;

    /// Stores an event under a fresh unique slug made from its title, with the audit line of
    /// the editor who created it (none for imports and demo content).
    async fn create_event(
        &self,
        event: &NewEvent,
        audit: Option<Audit<'_>>,
    ) -> Result<Event, StoreError>;
    /// Stores many events in one transaction (imports, load tests); all or none.
    async fn create_events(&self, events: &[NewEvent]) -> Result<u64, StoreError>;
    /// Published events that touch `[from, to)`, by start time: single events overlapping it,
    /// and recurring series that may have occurrences in it (expand those with
    /// `calendar::recurrence`). Looks back only as far as the longest event lasts, so the
    /// cost follows the size of the range, not of the table.
    async fn events_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Event>, StoreError>;
    /// A page of published single events before or after `now` (see `Direction`), in the
    /// categories with the given slugs (all categories when empty).
    async fn list_events(
        &self,
        now: DateTime<Utc>,
        direction: Direction,
        categories: &[String],
        limit: i64,
        offset: i64,
    ) -> Result<EventPage, StoreError>;
    /// Every published recurring series, by first start.
    async fn recurring_events(&self) -> Result<Vec<Event>, StoreError>;
    /// Every published event, by start time (for calendar feeds).
    async fn published_events(&self) -> Result<Vec<Event>, StoreError>;
    async fn published_event(&self, slug: &str) -> Result<Option<Event>, StoreError>;
    /// An event in any state but trashed, for editors.
    async fn event_for_editing(&self, slug: &str) -> Result<Option<Event>, StoreError>;
    /// The same, by id.
    async fn event_by_id_for_editing(&self, id: i64) -> Result<Option<Event>, StoreError>;
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
    /// Events in the trash, most recently trashed first, with when they were trashed.
    async fn trashed_events(&self) -> Result<Vec<(Event, DateTime<Utc>)>, StoreError>;

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
        categories: &[String],
        limit: i64,
        offset: i64,
    ) -> Result<ArticlePage, StoreError>;
    async fn published_article(&self, slug: &str) -> Result<Option<Article>, StoreError>;
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
    /// Articles in the trash, most recently trashed first.
    async fn trashed_articles(&self) -> Result<Vec<Article>, StoreError>;
    /// An article by id, in any state (trashed too).
    async fn article(&self, id: i64) -> Result<Option<Article>, StoreError>;
    /// An article in any state but trashed, for editors.
    async fn article_for_editing(&self, slug: &str) -> Result<Option<Article>, StoreError>;
    /// Unpublished articles (not trashed), newest first, for editors.
    async fn draft_articles(&self) -> Result<Vec<Article>, StoreError>;
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
    /// The translations into `lang` of those of the articles at `slugs` that have one, each
    /// with its article's slug, in one query.
    async fn article_translations_into(
        &self,
        lang: &str,
        slugs: &[String],
    ) -> Result<Vec<(String, Translation<ArticleText>)>, StoreError>;
    /// The slugs of the published articles and of the published events translated into
    /// `lang`, in no particular order.
    async fn translated_slugs(&self, lang: &str) -> Result<(Vec<String>, Vec<String>), StoreError>;
    /// The translations into `lang` of those of the events at `slugs` that have one, each with
    /// its event's slug, in one query.
    async fn event_translations_into(
        &self,
        lang: &str,
        slugs: &[String],
    ) -> Result<Vec<(String, Translation<EventText>)>, StoreError>;
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

    /// Creates an account; `StoreError::Taken` when the address has one.
    async fn create_user(
        &self,
        email: &str,
        password_hash: &str,
        role: Role,
    ) -> Result<User, StoreError>;
    async fn credentials(&self, email: &str) -> Result<Option<Credentials>, StoreError>;
    async fn users(&self) -> Result<Vec<User>, StoreError>;
    /// Sets a new password hash and ends the account's sessions.
    async fn set_password(&self, email: &str, password_hash: &str) -> Result<(), StoreError>;
    /// Removes an account and its sessions.
    async fn remove_user(&self, email: &str) -> Result<(), StoreError>;
    /// Stores a session under the SHA-256 of its token.
    async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// The account of a session that has not expired at `now`.
    async fn session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<User>, StoreError>;
    async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError>;
    /// Counts a sign-in attempt as a failure under each of `keys` before its password is
    /// checked (a right password then clears the counts), in one transaction, so attempts
    /// made at once are counted one after another, in the same order under every key.
    /// Failures last counted before `forget_before` no longer count, and rows that old are
    /// purged. Answers, per key, the failures counted before this attempt and when the last
    /// of them was (`None`: none).
    async fn count_sign_in_attempt(
        &self,
        keys: &[String],
        now: DateTime<Utc>,
        forget_before: DateTime<Utc>,
    ) -> Result<Vec<Option<(i64, DateTime<Utc>)>>, StoreError>;
    async fn clear_login_failures(&self, key: &str) -> Result<(), StoreError>;
    /// Clears the failures of every key starting with `prefix` (an account's, whatever the
    /// address).
    async fn clear_login_failures_under(&self, prefix: &str) -> Result<(), StoreError>;
    /// The audit log, newest first.
    async fn audit_log(&self, limit: i64, offset: i64) -> Result<Vec<AuditEntry>, StoreError>;
    /// The attachments of an article, in order.
    async fn attachments(&self, article_id: i64) -> Result<Vec<Attachment>, StoreError>;
    /// Published articles that report on an event, newest first.
    async fn articles_about_event(&self, event_id: i64) -> Result<Vec<Article>, StoreError>;
    /// A published event by its id (the event an article reports on).
    async fn published_event_by_id(&self, id: i64) -> Result<Option<Event>, StoreError>;
    /// Published articles published in `[from, to)`, newest first.
    async fn published_articles_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: i64,
        offset: i64,
    ) -> Result<ArticlePage, StoreError>;
    /// When each published article was published (the archive counts them by month).
    async fn publication_times(&self) -> Result<Vec<DateTime<Utc>>, StoreError>;
    /// The published neighbours of `article`, with up to `related` others from its category.
    async fn article_neighbours(
        &self,
        article: &Article,
        related: i64,
    ) -> Result<ArticleNeighbours, StoreError>;

    /// Published articles and events whose text has every word of the request (as a word
    /// prefix, ignoring case and diacritics), best match first.
    async fn search(&self, request: &SearchRequest) -> Result<SearchPage, StoreError>;
    /// Fills the search text of rows stored before search existed; returns how many.
    async fn backfill_search(&self) -> Result<u64, StoreError>;
}

/// Opens (and migrates) the database a `DATABASE_URL` names.
pub async fn connect(url: &str) -> Result<SharedStore, StoreError> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::connect(url).await?))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(PostgresStore::connect(url).await?))
    } else {
        Err(StoreError::UnsupportedUrl(redact(url)))
    }
}

/// `admin_url` with its database name replaced by `name`, its query kept (the tests make a
/// fresh database per test on one server this way).
pub fn with_database_name(admin_url: &str, name: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (admin_url, None),
    };
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

/// A URL safe to log: any password is replaced, and query parameters (which may carry one)
/// are left out.
pub fn redact(url: &str) -> String {
    let url = match url.split_once('?') {
        Some((base, _)) => return format!("{}?…", redact(base)),
        None => url,
    };
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redact_hides_passwords_only() {
        assert_eq!(
            redact("postgres://notikumi:s3cret@db:5432/notikumi"),
            "postgres://notikumi:***@db:5432/notikumi"
        );
        assert_eq!(redact("postgres://db/notikumi"), "postgres://db/notikumi");
        assert_eq!(redact("sqlite:data/notikumi.db"), "sqlite:data/notikumi.db");
        assert_eq!(
            redact("postgres://notikumi@db/notikumi?password=s3cret"),
            "postgres://notikumi@db/notikumi?…"
        );
    }
}
