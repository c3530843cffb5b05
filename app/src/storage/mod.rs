//! The storage seam: one `Store` trait, with SQLite (embedded default) and PostgreSQL (several
//! server instances on one database) behind it. `Store` is made of one trait per resource
//! (`EventStore`, `ArticleStore`, `EditingStore`, `TranslationStore`, `AccountStore`,
//! `SearchStore`), each declared with its SQL in its own module; callers hold an
//! `Arc<dyn Store>` and call any of them without importing the resource traits. The SQL is
//! one generic `SqlStore<D: Dialect>` (`sql` and the resource modules); the backend modules
//! hold only the connection and their `Dialect` (`dialect`): how an instant is bound, how a
//! write begins, full-text search, backups and following other instances' writes.

mod dialect;
mod item_write;
mod sql;
mod store;
mod tables;

pub mod changes;

mod accounts;
mod articles;
mod events;
mod search;
mod translations;
mod upkeep;
mod versions;

mod content;
mod editing;
mod postgres;
mod rows;
mod schema;
pub mod slugs;
mod sqlite;
pub mod transfer;

#[cfg(test)]
mod contract;

use std::sync::Arc;

use async_trait::async_trait;

pub use accounts::AccountStore;
pub use articles::ArticleStore;
pub use content::*;
pub use editing::{
    ArticleRevision, ArticleText, Audience, Audit, AuditEntry, Credentials, DeskEntry, DeskPlace,
    DraftRule, DraftSave, EarlierFailures, EventRevision, FoundItem, ItemAt, NewSession, Role,
    SignInAttempt, StoredDraft, TranslatedText, Translation, TranslationBehind, TranslationWrite,
    TrashMove, User, VersionSummary,
};
pub use events::EventStore;
pub use postgres::PostgresStore;
pub use schema::Schema;
pub use search::SearchStore;
pub use sql::SqlStore;
pub use sqlite::SqliteStore;
pub(crate) use tables::ItemTables;
pub use translations::TranslationStore;
pub use upkeep::StaleBody;
pub use versions::EditingStore;

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
    /// `notikumi backup` never overwrites a file.
    #[error("{0} already exists; a backup is written to a new file")]
    BackupExists(String),
    /// PostgreSQL has its own tools for this.
    #[error("notikumi backup copies a SQLite database; back up PostgreSQL with pg_dump")]
    BackupNotHere,
    /// An import into a database that already holds what it may not (`transfer::Receiving`).
    #[error("the database already holds content or accounts; import into a new, empty one")]
    NotEmpty,
    /// An export that cannot be written, or a file that cannot be imported, and why.
    #[error("{0}")]
    Transfer(String),
    /// A command that takes the database as it is (`Schema::AsIs`) found another schema, or
    /// the server found one a newer notikumi has upgraded.
    #[error("the database cannot be read as it is: {0}")]
    Schema(String),
    /// The database's folder or its new file could not be made.
    #[error("could not prepare {path} for the database: {source}")]
    Folder {
        path: String,
        source: std::io::Error,
    },
}

/// Everything Notikumi reads and writes. Readers only ever see published items.
#[async_trait]
pub trait Store:
    EventStore
    + ArticleStore
    + EditingStore
    + TranslationStore
    + AccountStore
    + SearchStore
    + Send
    + Sync
    + 'static
{
    /// Answers when the database does (for `/readyz`).
    async fn ping(&self) -> Result<(), StoreError>;

    /// Closes every connection (at shutdown; SQLite then checkpoints its WAL). Later calls fail.
    async fn close(&self);

    /// Connections the pool holds open, and how many of them are idle (for `/metrics`).
    fn pool_connections(&self) -> (u32, usize);

    /// Up to `limit` bodies of items and translations stored under another sanitizer
    /// version than `current` (see `upkeep`). A translation that leaves the body to the
    /// Latvian text (an empty one) is none.
    async fn stale_bodies(&self, current: i32, limit: i64) -> Result<Vec<StaleBody>, StoreError>;

    /// Stores each body of `cleaned` as cleaned under `current`, where its row is still at
    /// the version it was read at (a save meanwhile stored its own body, cleaned), in one
    /// transaction. Not an edit: no new version, revision or audit line, and readers' pages
    /// stay as they were (a stale body was shown cleaned the same way). The words are the
    /// same words, so the search text stands. Answers how many were stored.
    async fn store_cleaned(
        &self,
        cleaned: &[(StaleBody, crate::sanitize::SafeHtml)],
        current: i32,
    ) -> Result<u64, StoreError>;

    /// Moves on after every committed write readers could see (`changes`): a page rendered
    /// under one generation is current as long as the generation is.
    fn content_generation(&self) -> u64;

    /// Starts following the writes other server instances make to the same database, so
    /// `content_generation` moves on for them too (PostgreSQL; needs a tokio runtime).
    fn follow_other_instances(&self);

    /// Writes a consistent copy of the whole database to the new file `path` while the site
    /// runs on (SQLite: `VACUUM INTO`, one read transaction, so every write committed before
    /// it began is in the copy). PostgreSQL: `BackupNotHere`, use `pg_dump`.
    async fn back_up_to(&self, path: &std::path::Path) -> Result<(), StoreError>;

    /// The whole site (content, accounts, history) as backend-neutral JSON (`transfer`), read
    /// in one transaction.
    async fn export_site(&self) -> Result<transfer::SiteExport, StoreError>;

    /// Writes an export into this database, which must hold no more than `receiving` allows
    /// (else `StoreError::NotEmpty`), in one transaction: all of it or, with an error saying
    /// why, nothing. Imports into one database at once take turns: one writes, the others
    /// find its rows.
    async fn import_site(
        &self,
        site: &transfer::SiteExport,
        receiving: transfer::Receiving,
    ) -> Result<(), StoreError>;

    /// True when there are no categories, events or articles yet (demo content goes in).
    async fn is_empty(&self) -> Result<bool, StoreError>;

    async fn create_category(&self, category: &NewCategory) -> Result<Category, StoreError>;

    async fn categories(&self) -> Result<Vec<Category>, StoreError>;
}

/// Opens (and migrates) the database a `DATABASE_URL` names.
pub async fn connect(url: &str) -> Result<SharedStore, StoreError> {
    open(url, Schema::Upgrade).await
}

/// Opens the database a `DATABASE_URL` names, doing with its schema what `schema` says.
pub async fn open(url: &str, schema: Schema) -> Result<SharedStore, StoreError> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::open(url, schema).await?))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(PostgresStore::open(url, schema).await?))
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
