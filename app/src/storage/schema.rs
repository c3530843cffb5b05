//! Whether a database is migrated on opening. The server upgrades the schema when it starts
//! (`Schema::Upgrade`); the operator's commands that read a site while its server may run
//! (`notikumi backup`, `notikumi export`) take it as it is (`Schema::AsIs`): a newer binary's
//! backup must not change the schema under the older server still serving it. Such a command
//! refuses a database whose schema is not the one it was built for, naming both. `notikumi
//! user add`, which may be the first command a new site sees, makes a new database's schema
//! and takes an existing one as it is (`Schema::NewOrAsIs`).

use sqlx::migrate::Migrator;

use super::StoreError;

/// What opening a database does with its schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    /// Applies the migrations it has not had yet.
    Upgrade,
    /// Changes nothing, and refuses a schema other than this build's.
    AsIs,
    /// Makes the schema of a database that has none yet (no migration applied); otherwise
    /// as `AsIs`.
    NewOrAsIs,
}

impl Schema {
    /// Brings the database behind `pool` to `migrator`'s schema, or checks it is there.
    pub(super) async fn prepare<DB>(
        self,
        pool: &sqlx::Pool<DB>,
        migrator: &Migrator,
    ) -> Result<(), StoreError>
    where
        DB: sqlx::Database,
        <DB as sqlx::Database>::Connection: sqlx::migrate::Migrate,
        for<'q> <DB as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
        for<'c> &'c mut <DB as sqlx::Database>::Connection: sqlx::Executor<'c, Database = DB>,
        for<'c> &'c sqlx::Pool<DB>: sqlx::Executor<'c, Database = DB>,
        i64: sqlx::Type<DB> + for<'r> sqlx::Decode<'r, DB>,
        usize: sqlx::ColumnIndex<DB::Row>,
    {
        let schema = match self {
            Schema::NewOrAsIs if applied_count(pool).await == 0 => Schema::Upgrade,
            Schema::NewOrAsIs => {
                let all = i64::try_from(migrator.iter().count()).unwrap_or(i64::MAX);
                after_another_making_it(all, || applied_count(pool)).await;
                Schema::AsIs
            }
            other => other,
        };
        match schema {
            Schema::Upgrade | Schema::NewOrAsIs => {
                let mut applied = applied_count(pool).await;
                let mut busy_tries = 0;
                loop {
                    match migrator.run(pool).await {
                        Ok(()) => return Ok(()),
                        // A newer notikumi has served it: this one cannot go back.
                        Err(sqlx::migrate::MigrateError::VersionMissing(version)) => {
                            return Err(StoreError::Schema(format!(
                                "a newer notikumi has upgraded it (its migration {version} is \
                                 unknown to this one): serve it with that version, or restore \
                                 a backup"
                            )))
                        }
                        Err(error) => {
                            // Another command made the same migration first (two `user add`
                            // on a new SQLite file; PostgreSQL's migrations take a lock):
                            // while it gets further, this one goes on after it. While it
                            // holds SQLite's write lock mid-migration, this one's is refused
                            // at once (no wait for a read turning into a write), and the
                            // count has not moved yet: tried again for up to 10 s.
                            let now = applied_count(pool).await;
                            let busy = matches!(
                                &error,
                                sqlx::migrate::MigrateError::Execute(error)
                                    | sqlx::migrate::MigrateError::ExecuteMigration(error, _)
                                    if super::sqlite::is_busy(error)
                            );
                            if now <= applied && !(busy && busy_tries < 100) {
                                return Err(error.into());
                            }
                            busy_tries += 1;
                            applied = now;
                            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                        }
                    }
                }
            }
            Schema::AsIs => {
                let applied: Vec<i64> = sqlx::query_scalar(
                    "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
                )
                .fetch_all(pool)
                .await
                .map_err(|error| {
                    StoreError::Schema(format!("its migrations cannot be read: {error}"))
                })?;
                let known: Vec<i64> = migrator
                    .iter()
                    .filter(|migration| !migration.migration_type.is_down_migration())
                    .map(|migration| migration.version)
                    .collect();
                if applied == known {
                    return Ok(());
                }
                let last = |versions: &[i64]| versions.last().copied().unwrap_or(0);
                Err(StoreError::Schema(format!(
                    "its schema is at migration {}, this notikumi's at {}: use the notikumi \
                     that serves it, or let this version's `notikumi serve` upgrade it first",
                    last(&applied),
                    last(&known)
                )))
            }
        }
    }
}

/// Returns once `applied` (the migrations a database has) counts `all`, or none were added
/// for a second: another command making a new site's schema (a second `user add` at once) is
/// let finish, where an older site's schema stays as it is.
async fn after_another_making_it<Count, Counted>(all: i64, applied: Count)
where
    Count: Fn() -> Counted,
    Counted: std::future::Future<Output = i64>,
{
    let (mut count, mut unchanged) = (applied().await, 0);
    while count < all && unchanged < 10 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let now = applied().await;
        unchanged = if now > count { 0 } else { unchanged + 1 };
        count = now;
    }
}

/// How many migrations were applied to the database behind `pool`: none for a new file or an
/// empty PostgreSQL database.
async fn applied_count<DB>(pool: &sqlx::Pool<DB>) -> i64
where
    DB: sqlx::Database,
    for<'q> <DB as sqlx::Database>::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
    for<'c> &'c sqlx::Pool<DB>: sqlx::Executor<'c, Database = DB>,
    i64: sqlx::Type<DB> + for<'r> sqlx::Decode<'r, DB>,
    usize: sqlx::ColumnIndex<DB::Row>,
{
    // Without the table the query fails: nothing was applied.
    sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
        .fetch_one(pool)
        .await
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use sqlx::{Connection, SqliteConnection};

    use super::*;

    /// The URL of a new SQLite site in `folder`, at this build's schema and closed again.
    async fn new_site_in(folder: &tempfile::TempDir) -> String {
        let url = format!("sqlite:{}", folder.path().join("site.db").display());
        crate::storage::connect(&url)
            .await
            .expect("created")
            .close()
            .await;
        url
    }

    /// What opening, as `schema` says, a site one migration behind this build answers (as a
    /// newer build finds a database the server of this one still serves), after checking that
    /// nothing was migrated; and the migration this build is at.
    async fn opening_a_site_a_migration_behind(schema: Schema) -> (String, i64) {
        let folder = tempfile::tempdir().expect("folder");
        let url = new_site_in(&folder).await;
        let mut connection = SqliteConnection::connect(&url).await.expect("raw");
        let newest = "SELECT MAX(version) FROM _sqlx_migrations";
        let last: i64 = sqlx::query_scalar(newest)
            .fetch_one(&mut connection)
            .await
            .expect("read");
        sqlx::query("DELETE FROM _sqlx_migrations WHERE version = $1")
            .bind(last)
            .execute(&mut connection)
            .await
            .expect("one migration behind");
        let refused = crate::storage::open(&url, schema).await.err();
        let still: i64 = sqlx::query_scalar(newest)
            .fetch_one(&mut connection)
            .await
            .expect("read");
        assert!(still < last, "{schema:?}: nothing was migrated");
        connection.close().await.expect("closed");
        (refused.expect("refused").to_string(), last)
    }

    /// A command taking the database as it is reads one at this build's schema, and refuses
    /// one a migration behind without changing it; so does `user add` (`NewOrAsIs`), which
    /// makes a new site's schema.
    #[tokio::test]
    async fn a_database_is_taken_as_it_is_or_refused_and_left_as_it_was() {
        let folder = tempfile::tempdir().expect("folder");
        let url = new_site_in(&folder).await;
        let opened = crate::storage::open(&url, Schema::AsIs).await;
        opened.expect("at this build's schema").close().await;
        let fresh = format!("sqlite:{}", folder.path().join("new.db").display());
        let made = crate::storage::open(&fresh, Schema::NewOrAsIs).await;
        made.expect("a new site is made").close().await;
        let opened = crate::storage::open(&fresh, Schema::AsIs).await;
        opened
            .expect("the new site is at this build's schema")
            .close()
            .await;

        for schema in [Schema::AsIs, Schema::NewOrAsIs] {
            let (said, last) = opening_a_site_a_migration_behind(schema).await;
            assert!(
                said.contains(&format!("this notikumi's at {last}")),
                "{schema:?}: {said}"
            );
        }
    }

    /// Two `user add` on one new site at once (an operator's script adding editors in
    /// parallel): both make or find the schema, neither fails on the other's tables.
    #[tokio::test]
    async fn two_commands_making_a_new_sites_schema_at_once_both_succeed() {
        let folder = tempfile::tempdir().expect("folder");
        let fresh = format!("sqlite:{}", folder.path().join("new.db").display());
        let (first, second) = tokio::join!(
            crate::storage::open(&fresh, Schema::NewOrAsIs),
            crate::storage::open(&fresh, Schema::NewOrAsIs)
        );
        for opened in [first, second] {
            opened.expect("the site opens").close().await;
        }
        let opened = crate::storage::open(&fresh, Schema::AsIs).await;
        opened.expect("at this build's schema").close().await;
    }

    /// A database a newer build has upgraded is refused by an older server with a reason an
    /// operator can act on, not sqlx's words about a missing migration.
    #[tokio::test]
    async fn a_database_from_a_newer_build_is_refused_saying_so() {
        let folder = tempfile::tempdir().expect("folder");
        let url = new_site_in(&folder).await;
        let mut connection = SqliteConnection::connect(&url).await.expect("raw");
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, \
             execution_time) VALUES (29991231000000, 'from the future', 1, X'00', 0)",
        )
        .execute(&mut connection)
        .await
        .expect("a newer build's migration");
        connection.close().await.expect("closed");
        let refused = crate::storage::connect(&url).await.err();
        let said = refused.expect("refused").to_string();
        assert!(said.contains("a newer notikumi has upgraded it"), "{said}");
        assert!(said.contains("29991231000000"), "{said}");
    }
}
