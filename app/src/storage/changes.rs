//! What readers can see changes with every committed content write; this is how the server
//! learns of it (for its page cache, `server::page_cache`).
//!
//! Every write transaction of the store (`begin_write`) ends in `ContentWrite::commit`, which
//! moves the generation on *after* the commit: a page rendered from data read before a write
//! was stored under an older generation and is never served again.
//!
//! Writes from elsewhere are followed by the running server (`Store::follow_other_instances`):
//! - with several instances on one PostgreSQL database, each write transaction also calls
//!   `pg_notify`, which PostgreSQL delivers at commit (and drops on a rollback); every instance
//!   listens on the channel and moves its own generation on;
//! - with SQLite, each content write also moves the `content_generation` row on, which the
//!   server polls twice a second, so a command run by an operator on the same file is noticed.
//!
//! Sessions, sign-in attempts and drafts are written with `begin_private_write`: no reader
//! sees them, so a burst of wrong passwords or an editor's autosaves never empty the cache.

use std::{
    ops::{Deref, DerefMut},
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
};

use super::StoreError;

/// The PostgreSQL channel write transactions announce themselves on…
pub const CHANNEL: &str = "notikumi_content_changed";
/// …with this statement, in the transaction (PostgreSQL sends it when the transaction commits).
pub const ANNOUNCE: &str = "SELECT pg_notify('notikumi_content_changed', '')";
/// SQLite's counterpart: the row other processes' servers poll (`SqliteStore`).
pub const BUMP_SQLITE: &str = "UPDATE content_generation SET n = n + 1 WHERE id = 1";

/// A counter that moves on with every committed content write.
#[derive(Debug, Default)]
pub struct ContentChanges {
    generation: AtomicU64,
}

impl ContentChanges {
    pub fn new() -> Arc<Self> {
        Arc::default()
    }

    /// The generation now; a different value later means something was written meanwhile.
    pub fn generation(&self) -> u64 {
        // Acquire pairs with `changed`'s release: whoever sees the new generation also sees
        // the committed rows when it reads next.
        self.generation.load(Ordering::Acquire)
    }

    /// Something readers can see was committed (here or, announced, on another instance).
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }
}

/// A write transaction that reports its commit to `ContentChanges`. It dereferences to the
/// connection, like `sqlx::Transaction`, so queries run on `&mut *write`.
pub struct ContentWrite<DB: sqlx::Database> {
    transaction: sqlx::Transaction<'static, DB>,
    changes: Arc<ContentChanges>,
}

impl<DB: sqlx::Database> ContentWrite<DB> {
    pub fn new(transaction: sqlx::Transaction<'static, DB>, changes: Arc<ContentChanges>) -> Self {
        Self {
            transaction,
            changes,
        }
    }

    /// Commits, then moves the generation on. Dropped without a commit, it rolls back and
    /// nothing changes.
    pub async fn commit(self) -> Result<(), StoreError> {
        self.transaction.commit().await?;
        self.changes.changed();
        Ok(())
    }
}

impl<DB: sqlx::Database> Deref for ContentWrite<DB> {
    type Target = DB::Connection;

    fn deref(&self) -> &DB::Connection {
        &self.transaction
    }
}

impl<DB: sqlx::Database> DerefMut for ContentWrite<DB> {
    fn deref_mut(&mut self) -> &mut DB::Connection {
        &mut self.transaction
    }
}

#[cfg(test)]
mod tests {
    use super::ContentChanges;

    #[test]
    fn every_change_moves_the_generation_on() {
        let changes = ContentChanges::new();
        let before = changes.generation();
        changes.changed();
        changes.changed();
        assert_eq!(changes.generation(), before + 2);
    }
}
