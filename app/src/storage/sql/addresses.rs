//! Where an item is: a new item's address following its title, and the old addresses an
//! item moved away from leading on to it (`EditingStore::moved_item`).

use super::prelude::*;
use crate::storage::slugs;

// Only what these statements need: a slug, ids and a truth bound, an id read back.
impl<D: Dialect> SqlStore<D>
where
    for<'c> &'c mut D::Connection: sqlx::Executor<'c, Database = D>,
    for<'q> D::Arguments<'q>: sqlx::IntoArguments<'q, D>,
    usize: sqlx::ColumnIndex<D::Row>,
    for<'q> &'q str: sqlx::Encode<'q, D> + sqlx::Type<D>,
    i64: SqlValue<D>,
    bool: SqlValue<D>,
    String: SqlValue<D>,
{
    /// Item `id` of `tables`' kind moves from the address `from` to `to`: links to `from` lead
    /// on to it (`EditingStore::moved_item`), and `to` leads nowhere else any more. `seen`:
    /// whether readers may have seen the item at `from` (it has been published; whether at
    /// that very address is not kept), so that their links to it may be out there
    /// ([`Self::leads_elsewhere`]).
    pub(in crate::storage) async fn move_address(
        conn: &mut D::Connection,
        tables: &ItemTables,
        id: i64,
        (from, to): (&str, &str),
        seen: bool,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO previous_addresses (kind, slug, item_id, seen) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (kind, slug) DO UPDATE SET item_id = excluded.item_id, seen = excluded.seen",
        )
        .bind(tables.kind)
        .bind(from)
        .bind(id)
        .bind(seen)
        .execute(&mut *conn)
        .await?;
        Self::take_address(conn, tables, to).await
    }

    /// Whether `slug` is an old address of an item of `tables`' kind that readers saw there, so
    /// that their links to it may be out there and lead on to that item. An address made from
    /// a title passes it by, and those links keep leading where they did; an editor may still
    /// choose it in the address field, which takes it over. The addresses a new item's title
    /// gave it before it was first published were nobody's links, and are taken again.
    pub(in crate::storage) async fn leads_elsewhere(
        conn: &mut D::Connection,
        tables: &ItemTables,
        slug: &str,
    ) -> Result<bool, StoreError> {
        // A count is a 64-bit integer on both backends.
        let found: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM previous_addresses WHERE kind = $1 AND slug = $2 AND seen",
        )
        .bind(tables.kind)
        .bind(slug)
        .fetch_one(&mut *conn)
        .await?;
        Ok(found > 0)
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
    /// `title`, passing by old addresses readers' links may lead through
    /// ([`Self::leads_elsewhere`]). An address readers saw stays, hidden and retitled since: links and bookmarks
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
            if Self::leads_elsewhere(conn, tables, &slug).await? {
                continue;
            }
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
                    // Readers never saw it (above): nobody's links lead to where it was.
                    let addresses = (before.slug.as_str(), slug.as_str());
                    return Self::move_address(conn, tables, id, addresses, false).await;
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
