//! Where an item is: a new item's address following its title, and the old addresses an
//! item moved away from leading on to it (`EditingStore::moved_item`).

use super::prelude::*;
use crate::storage::slugs;

// Only what these statements need: a slug and ids bound, an id read back.
impl<D: Dialect> SqlStore<D>
where
    for<'c> &'c mut D::Connection: sqlx::Executor<'c, Database = D>,
    for<'q> D::Arguments<'q>: sqlx::IntoArguments<'q, D>,
    usize: sqlx::ColumnIndex<D::Row>,
    for<'q> &'q str: sqlx::Encode<'q, D> + sqlx::Type<D>,
    i64: SqlValue<D>,
    String: SqlValue<D>,
{
    /// Item `id` of `tables`' kind moves from the address `from` to `to`: links to `from` lead
    /// on to it (`EditingStore::moved_item`), and `to` leads nowhere else any more.
    pub(in crate::storage) async fn move_address(
        conn: &mut D::Connection,
        tables: &ItemTables,
        id: i64,
        from: &str,
        to: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO previous_addresses (kind, slug, item_id) VALUES ($1, $2, $3) \
             ON CONFLICT (kind, slug) DO UPDATE SET item_id = excluded.item_id",
        )
        .bind(tables.kind)
        .bind(from)
        .bind(id)
        .execute(&mut *conn)
        .await?;
        Self::take_address(conn, tables, to).await
    }

    /// An item of `tables`' kind is now at `slug`: an earlier item's old address there no
    /// longer leads to that one (a browser that kept the earlier redirect would go round).
    pub(in crate::storage) async fn take_address(
        conn: &mut D::Connection,
        tables: &ItemTables,
        slug: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM previous_addresses WHERE kind = $1 AND slug = $2")
            .bind(tables.kind)
            .bind(slug)
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// A new item's address follows its title until readers see it or an editor chooses one:
    /// when its slug was made from its title before this write ("jauns-raksts-2" from "Jauns
    /// raksts", the title a new item starts with), it becomes the first free slug made from
    /// `title`. An address readers saw stays, hidden and retitled since: links and bookmarks
    /// to it keep working, and only an editor moves it (`change_address`).
    pub(super) async fn follow_title(
        conn: &mut D::Connection,
        tables: &ItemTables,
        id: i64,
        before: AddressRow,
        title: &str,
    ) -> Result<(), StoreError> {
        let made_from = slugs::title_slug(&before.title, tables.slug_fallback);
        let base = slugs::title_slug(title, tables.slug_fallback);
        if before.status != Status::Draft.as_str()
            || before.was_published
            || !slugs::is_candidate(&before.slug, &made_from)
            || base == made_from
        {
            return Ok(());
        }
        let items = tables.items;
        let sql = format!(
            "UPDATE {items} SET slug = $1 WHERE id = $2 \
             AND NOT EXISTS (SELECT 1 FROM {items} WHERE slug = $1 AND id <> $2) RETURNING id"
        );
        for attempt in 1.. {
            let slug = slugs::candidate(&base, attempt);
            // Two writes may want one free slug at once: the loser tries the next, in a
            // savepoint, so the unique key's refusal does not end the transaction.
            let mut savepoint = sqlx::Connection::begin(&mut *conn).await?;
            let moved: Result<Option<i64>, sqlx::Error> = sqlx::query_scalar(&sql)
                .bind(&slug)
                .bind(id)
                .fetch_optional(&mut *savepoint)
                .await;
            match moved {
                Ok(Some(_)) => {
                    savepoint.commit().await?;
                    return Self::move_address(conn, tables, id, &before.slug, &slug).await;
                }
                Ok(None) => savepoint.commit().await?,
                Err(sqlx::Error::Database(refused)) if refused.is_unique_violation() => {
                    savepoint.rollback().await?;
                }
                Err(error) => return Err(error.into()),
            }
        }
        unreachable!("slug candidates are endless")
    }
}
