//! The SQLite backend: the embedded default. WAL mode and foreign keys are switched on for
//! every connection; instants are stored as INTEGER Unix seconds.

use std::{future::Future, path::Path, str::FromStr, sync::Arc, time::Duration};

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use sqlx::Sqlite;

use super::search::Searched;
use super::sql::prelude::*;
use super::transfer::{self, Kind, TableRows};

/// `Store` over a SQLite file.
pub type SqliteStore = SqlStore<Sqlite>;

impl SqliteStore {
    /// Opens `sqlite:path` (creating the file and its folder) and applies migrations.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        Self::open(url, Schema::Upgrade).await
    }

    /// Opens `sqlite:path` (creating the file and its folder), doing with its schema what
    /// `schema` says.
    pub async fn open(url: &str, schema: Schema) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        if let Some(folder) = options.get_filename().parent() {
            if !folder.as_os_str().is_empty() && !Path::new(folder).exists() {
                std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
                    path: folder.display().to_string(),
                    source,
                })?;
            }
        }
        if !in_memory(url) {
            // Made empty and owner-only before SQLite opens it (an empty file is an empty
            // database), as a backup is: password hashes and sessions go into it. SQLite gives
            // its WAL files the database file's mode. An existing file keeps its own.
            let file = options.get_filename();
            match new_owner_only_file(file) {
                Ok(_) => {}
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(source) => {
                    let path = file.display().to_string();
                    return Err(StoreError::Folder { path, source });
                }
            }
        }
        // A new file's first connection switches it to WAL, which another process opening
        // it at the same moment may hold up: SQLite answers "busy" at once, without waiting.
        let mut attempts = 0;
        let pool = loop {
            match SqlitePoolOptions::new()
                .max_connections(8)
                .connect_with(options.clone())
                .await
            {
                Err(error) if is_busy(&error) && attempts < 50 => {
                    attempts += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                connected => break connected?,
            }
        };
        schema
            .prepare(&pool, &sqlx::migrate!("./migrations/sqlite"))
            .await?;
        Ok(Self {
            changes: ContentChanges::new(),
            pool,
        })
    }
}

/// Whether SQLite refused because another connection held the lock it needed (`SQLITE_BUSY`).
pub(super) fn is_busy(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(error) if error.code().as_deref() == Some("5"))
}

/// Whether `url` names a database kept in memory only, with no file.
fn in_memory(url: &str) -> bool {
    let (database, query) = url.split_once('?').unwrap_or((url, ""));
    database.ends_with(":memory:") || query.split('&').any(|pair| pair == "mode=memory")
}

/// Creates the new, empty file `path`, readable by its owner only; never over another file.
fn new_owner_only_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

// `BEGIN IMMEDIATE`: a write transaction that reads first (a category's id, a draft's version)
// takes the write lock at its start. A plain `BEGIN` would fail with `SQLITE_BUSY` at its
// first write whenever another writer committed in between, without waiting.
impl Dialect for Sqlite {
    const BEGIN_WRITE: &'static str = "BEGIN IMMEDIATE";
    const ANNOUNCE: &'static str = super::changes::BUMP_SQLITE;
    // A read transaction is one snapshot, and write transactions take turns already.
    const EXPORT_SNAPSHOT: Option<&'static str> = None;
    const ONE_IMPORT: Option<&'static str> = None;

    // Every word a quoted prefix term (`"cilveku"* "tirdzniec"*`): quoting keeps FTS5's
    // query syntax out of reach, and all terms must match.
    const PREFIX_TERM: (&'static str, &'static str) = ("\"", "\"*");
    const ALL_OF: &'static str = " ";
    const FOR_UPDATE: &'static str = "";
    const SAME_AS: &'static str = "IS";

    type Instant = i64;

    fn instant(at: DateTime<Utc>) -> i64 {
        at.timestamp()
    }

    fn rows_affected(result: &sqlx::sqlite::SqliteQueryResult) -> u64 {
        result.rows_affected()
    }

    /// One server owns a SQLite file, but an operator's command (`notikumi generate-events`,
    /// a restore) may write to it from another process. Every content write moves the
    /// `content_generation` row on in its transaction (`changes::BUMP_SQLITE`); polled
    /// twice a second, it moves this server's generation on for writes made elsewhere too.
    /// Sessions, sign-in attempts and drafts do not touch it, so they never empty the cache.
    fn follow_changes(pool: SqlitePool, changes: Arc<ContentChanges>) {
        tokio::spawn(async move {
            let mut seen = None;
            let mut every = tokio::time::interval(Duration::from_millis(500));
            while !pool.is_closed() {
                every.tick().await;
                let stored: i64 =
                    match sqlx::query_scalar("SELECT n FROM content_generation WHERE id = 1")
                        .fetch_one(&pool)
                        .await
                    {
                        Ok(stored) => stored,
                        Err(sqlx::Error::PoolClosed) => return,
                        Err(error) => {
                            tracing::warn!(%error, "cannot read the content generation");
                            continue;
                        }
                    };
                if seen.is_some_and(|seen| seen != stored) {
                    changes.changed();
                }
                seen = Some(stored);
            }
        });
    }

    /// `VACUUM INTO` the new file `path`: a consistent, compacted copy, taken in one read
    /// transaction while writers go on.
    async fn copy_database_to(pool: &SqlitePool, path: &Path) -> Result<(), StoreError> {
        // Made empty first (`VACUUM INTO` fills an empty file), never over another file, and
        // readable by its owner only: the accounts' password hashes are in it.
        match new_owner_only_file(path) {
            Ok(_) => {}
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StoreError::BackupExists(path.display().to_string()));
            }
            Err(error) => {
                let cannot = format!("cannot write {}: {error}", path.display());
                return Err(StoreError::Transfer(cannot));
            }
        }
        let copied = sqlx::query("VACUUM INTO $1")
            .bind(path.to_string_lossy().into_owned())
            .execute(pool)
            .await;
        if let Err(error) = copied {
            // No empty file left behind to refuse the next try; failing to remove it leaves
            // only that.
            let _ = std::fs::remove_file(path);
            return Err(error.into());
        }
        Ok(())
    }

    fn export_value(
        table: &str,
        row: &sqlx::sqlite::SqliteRow,
        at: usize,
        kind: Kind,
    ) -> Result<serde_json::Value, StoreError> {
        transfer::sqlite_value(table, row, at, kind)
    }

    async fn insert_rows(
        conn: &mut sqlx::SqliteConnection,
        table: &TableRows,
    ) -> Result<(), StoreError> {
        transfer::insert_sqlite_rows(conn, table).await
    }

    /// Full-text search with FTS5: rowids of `search_index` are id * 2 (+ 1 for events), of
    /// `translation_search_index` id * 4 (+ 2 for events, + 1 for Russian); the title weighs
    /// eight times the body.
    fn push_search_hits<'a>(query: &mut QueryBuilder<'a, Sqlite>, lang: Lang, matched: &'a str) {
        for (n, (kind_at, searched, translation)) in
            Searched::in_order(lang).into_iter().enumerate()
        {
            let (x, at) = (searched.alias, searched.at);
            let shown = searched.shown(translation);
            let ItemTables {
                kind,
                items,
                key,
                translations,
                ..
            } = searched.tables;
            if n > 0 {
                query.push(" UNION ALL ");
            }
            let residue = match translation {
                Some(code) => {
                    query.push(format_args!(
                        "SELECT '{kind}' AS kind, {shown}, {x}.{at} AS at, {x}.category_id, \
                         -bm25(translation_search_index, 8.0, 1.0) AS rank \
                         FROM translation_search_index \
                         JOIN {translations} t ON t.{key} = translation_search_index.rowid / 4 \
                         AND t.lang = '{code}' JOIN {items} {x} ON {x}.id = t.{key} \
                         WHERE translation_search_index MATCH "
                    ));
                    format!(
                        "translation_search_index.rowid % 4 = {}",
                        2 * kind_at + u8::from(code == "ru")
                    )
                }
                None => {
                    query.push(format_args!(
                        "SELECT '{kind}' AS kind, {shown}, {x}.{at} AS at, {x}.category_id, \
                         -bm25(search_index, 8.0, 1.0) AS rank \
                         FROM search_index JOIN {items} {x} ON {x}.id = search_index.rowid / 2 \
                         WHERE search_index MATCH "
                    ));
                    format!("search_index.rowid % 2 = {kind_at}")
                }
            };
            query
                .push_bind(matched)
                .push(format_args!(" AND {residue}"));
            searched.published_only(query, translation, lang);
        }
    }

    fn fetch_built<'q, 'a: 'q, O>(
        query: &'q mut QueryBuilder<'a, Sqlite>,
        pool: &'q SqlitePool,
    ) -> impl Future<Output = Result<Vec<O>, sqlx::Error>> + Send + 'q
    where
        O: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + Send + Unpin + 'q,
    {
        query.build_query_as().fetch_all(pool)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path)
            .expect("the file")
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn databases_in_memory_have_no_file() {
        assert!(in_memory("sqlite::memory:"));
        assert!(in_memory("sqlite://site.db?mode=memory&cache=shared"));
        assert!(!in_memory("sqlite:data/notikumi.db"));
        assert!(!in_memory("sqlite:/var/lib/memory/notikumi.db?mode=rwc"));
    }

    #[tokio::test]
    async fn a_new_database_is_its_owners_only_and_an_existing_one_keeps_its_mode() {
        let folder = tempfile::tempdir().expect("folder");
        let path = folder.path().join("jauna").join("notikumi.db");
        let url = format!("sqlite:{}", path.display());
        let store = SqliteStore::connect(&url).await.expect("made");
        let wal = folder.path().join("jauna").join("notikumi.db-wal");
        assert!(wal.exists(), "WAL mode");
        assert_eq!((mode(&path), mode(&wal)), (0o600, 0o600));
        store.close().await;

        // An operator who chose a group's read access keeps it.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        let again = SqliteStore::connect(&url).await.expect("opened");
        assert_eq!(mode(&path), 0o640);
        again.close().await;
    }
}
