//! Accounts, sessions, sign-in attempts and the audit log.
//!
//! The trait is part of `Store`; its SQL is the generic impl below, one for both backends
//! (`SqlStore<D: Dialect>`, see `sql` and `dialect`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::sql::prelude::*;

#[async_trait]
pub trait AccountStore: Send + Sync {
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

    /// Starts a session after a right password, in one transaction: clears the failures
    /// counted under the account's key, takes the attempt's own off the address's (see
    /// `NewSession`), purges expired sessions and stores this one.
    async fn start_session(&self, session: NewSession<'_>) -> Result<(), StoreError>;

    /// The account of a session that has not expired at `now`.
    async fn session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<User>, StoreError>;

    async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError>;

    /// Counts a sign-in attempt as a failure under each of its keys before its password is
    /// checked (a right password then clears the counts), in one transaction, so attempts
    /// made at once are counted one after another, in the same order under every key.
    /// Failures last counted before `forget_before` no longer count, and rows that old are
    /// purged. Answers, per key, the failures counted before this attempt and when the last
    /// of them was (`None`: none). An attempt `refused` by those (it must wait) is not
    /// checked, so it counts nothing: the transaction is rolled back, and trying again too
    /// early never lengthens the wait.
    async fn count_sign_in_attempt(
        &self,
        attempt: SignInAttempt<'_>,
    ) -> Result<Vec<Option<EarlierFailures>>, StoreError>;

    /// Clears the failures of every key starting with `prefix` (an account's, whatever the
    /// address).
    async fn clear_login_failures_under(&self, prefix: &str) -> Result<(), StoreError>;

    /// The audit log, newest first (by id: ids only grow, where two writers' clocks may
    /// not); with `upto`, only the lines up to that one (the first a listing showed), so
    /// lines written meanwhile do not push its pages along.
    async fn audit_log(
        &self,
        limit: i64,
        offset: i64,
        upto: Option<i64>,
    ) -> Result<Vec<AuditEntry>, StoreError>;
}

#[async_trait]
impl<D: Dialect> AccountStore for SqlStore<D>
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
    async fn create_user(
        &self,
        email: &str,
        password_hash: &str,
        role: Role,
    ) -> Result<User, StoreError> {
        let row: Option<UserRow> = sqlx::query_as(
            "INSERT INTO users (email, password_hash, role, created_at) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (email) DO NOTHING \
                     RETURNING id, email, role, created_at",
        )
        .bind(email)
        .bind(password_hash)
        .bind(role.as_str())
        .bind(D::instant(Utc::now()))
        .fetch_optional(&self.pool)
        .await?;
        row.map(Into::into).ok_or(StoreError::Taken("email"))
    }

    async fn credentials(&self, email: &str) -> Result<Option<Credentials>, StoreError> {
        let row: Option<CredentialsRow> = sqlx::query_as(
            "SELECT id, email, role, created_at, password_hash FROM users WHERE email = $1",
        )
        .bind(email)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(Into::into))
    }

    async fn users(&self) -> Result<Vec<User>, StoreError> {
        let rows: Vec<UserRow> =
            sqlx::query_as("SELECT id, email, role, created_at FROM users ORDER BY email")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn set_password(&self, email: &str, password_hash: &str) -> Result<(), StoreError> {
        let mut tx = self.begin_private_write().await?;
        let user_id: Option<i64> =
            sqlx::query_scalar("UPDATE users SET password_hash = $1 WHERE email = $2 RETURNING id")
                .bind(password_hash)
                .bind(email)
                .fetch_optional(&mut *tx)
                .await?;
        let user_id = user_id.ok_or(StoreError::NotFound)?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn remove_user(&self, email: &str) -> Result<(), StoreError> {
        let removed = sqlx::query("DELETE FROM users WHERE email = $1")
            .bind(email)
            .execute(&self.pool)
            .await?;
        if D::rows_affected(&removed) == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn start_session(&self, session: NewSession<'_>) -> Result<(), StoreError> {
        let NewSession {
            token_hash,
            user_id,
            expires_at,
            cleared,
            taken_back,
            attempted_at,
        } = session;
        let now = Utc::now();
        let mut tx = self.begin_private_write().await?;
        for key in cleared {
            sqlx::query("DELETE FROM login_failures WHERE key = $1")
                .bind(key)
                .execute(&mut *tx)
                .await?;
        }
        for key in taken_back {
            // Others' failures counted meanwhile stay, and so does the time of the last one
            // if it was not this attempt; a count taken back to none goes.
            sqlx::query(
                "UPDATE login_failures SET failures = failures - 1, last_failure_at = \
                 CASE WHEN last_failure_at = $2 AND previous_failure_at IS NOT NULL \
                 THEN previous_failure_at ELSE last_failure_at END WHERE key = $1",
            )
            .bind(key)
            .bind(D::instant(attempted_at))
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM login_failures WHERE key = $1 AND failures <= 0")
                .bind(key)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(D::instant(now))
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (id, user_id, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(D::instant(now))
        .bind(D::instant(expires_at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<User>, StoreError> {
        let row: Option<UserRow> = sqlx::query_as(
            "SELECT u.id, u.email, u.role, u.created_at FROM sessions s \
                     JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND s.expires_at > $2",
        )
        .bind(token_hash)
        .bind(D::instant(now))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(Into::into))
    }

    async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        delete_by(&self.pool, "DELETE FROM sessions WHERE id = $1", token_hash).await
    }

    async fn count_sign_in_attempt(
        &self,
        attempt: SignInAttempt<'_>,
    ) -> Result<Vec<Option<EarlierFailures>>, StoreError> {
        let SignInAttempt {
            keys,
            now,
            forget_before,
            refused,
        } = attempt;
        let mut tx = self.begin_private_write().await?;
        sqlx::query("DELETE FROM login_failures WHERE last_failure_at < $1")
            .bind(D::instant(forget_before))
            .execute(&mut *tx)
            .await?;
        let mut counted = Vec::with_capacity(keys.len());
        for key in keys {
            // The `SET` expressions read the row as it was before this attempt.
            let counted_now: FailuresRow = sqlx::query_as(
                "INSERT INTO login_failures (key, failures, last_failure_at) \
                         VALUES ($1, 1, $2) ON CONFLICT (key) DO UPDATE SET \
                         failures = CASE WHEN login_failures.last_failure_at < $3 THEN 1 \
                         ELSE login_failures.failures + 1 END, \
                         previous_failure_at = CASE WHEN login_failures.last_failure_at < $3 \
                         THEN NULL ELSE login_failures.last_failure_at END, \
                         last_failure_at = $2 \
                         RETURNING failures, previous_failure_at",
            )
            .bind(key)
            .bind(D::instant(now))
            .bind(D::instant(forget_before))
            .fetch_one(&mut *tx)
            .await?;
            counted.push(counted_now.earlier());
        }
        if refused(&counted) {
            tx.rollback().await?;
        } else {
            tx.commit().await?;
        }
        Ok(counted)
    }

    async fn clear_login_failures_under(&self, prefix: &str) -> Result<(), StoreError> {
        let sql = "DELETE FROM login_failures WHERE substr(key, 1, length($1)) = $1";
        delete_by(&self.pool, sql, prefix).await
    }

    async fn audit_log(
        &self,
        limit: i64,
        offset: i64,
        upto: Option<i64>,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let lines = sqlx::query_as(
            "SELECT id, at, actor, action, item_kind, item_id, item_title FROM audit_log \
             WHERE $3 IS NULL OR id <= $3 ORDER BY id DESC LIMIT $1 OFFSET $2",
        )
        .bind(limit)
        .bind(offset)
        .bind(upto)
        .fetch_all(&self.pool)
        .await?;
        Ok(lines)
    }
}

/// Deletes the rows `sql` finds by one text (`$1`): a session, an account's failures.
async fn delete_by<D: Dialect>(
    pool: &sqlx::Pool<D>,
    sql: &str,
    value: &str,
) -> Result<(), StoreError>
where
    for<'c> &'c mut D::Connection: sqlx::Executor<'c, Database = D>,
    for<'q> D::Arguments<'q>: sqlx::IntoArguments<'q, D>,
    for<'q> &'q str: sqlx::Encode<'q, D> + sqlx::Type<D>,
{
    sqlx::query(sql).bind(value).execute(pool).await?;
    Ok(())
}
