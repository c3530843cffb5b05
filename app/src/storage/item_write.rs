//! The one `INSERT` and the one versioned `UPDATE` every kind's items are written with. A kind
//! only says which columns its fields fill and with what (`ItemColumns`); the statements, the
//! search for a free slug, the sanitiser version of the stored HTML, the revision kept, the version check, the settled draft and the
//! audit line are written here once, for every kind and both backends.

use super::sql::prelude::*;

/// A value a kind stores in one column of its items' table.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::storage) enum ColumnValue {
    Text(String),
    OptionalText(Option<String>),
    Integer(i64),
    OptionalInteger(Option<i64>),
    Flag(bool),
    Instant(DateTime<Utc>),
    OptionalInstant(Option<DateTime<Utc>>),
}

/// An item's columns as its kind writes them: the insert and the update name the same ones.
/// The names are the kind's own constants, never input.
pub(in crate::storage) type ItemColumns = Vec<(&'static str, ColumnValue)>;

/// `$first, $first+1, …` for `count` values.
fn placeholders(first: usize, count: usize) -> Vec<String> {
    (first..first + count).map(|at| format!("${at}")).collect()
}

impl<D: Dialect> SqlStore<D>
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
    /// Binds `columns`' values in their order.
    fn bind_columns<'q>(
        mut query: sqlx::query::QueryScalar<'q, D, i64, D::Arguments<'q>>,
        columns: &'q ItemColumns,
    ) -> sqlx::query::QueryScalar<'q, D, i64, D::Arguments<'q>> {
        for (_, value) in columns {
            query = match value {
                ColumnValue::Text(text) => query.bind(text.as_str()),
                ColumnValue::OptionalText(text) => query.bind(text.clone()),
                ColumnValue::Integer(number) => query.bind(*number),
                ColumnValue::OptionalInteger(number) => query.bind(*number),
                ColumnValue::Flag(flag) => query.bind(*flag),
                ColumnValue::Instant(at) => query.bind(D::instant(*at)),
                ColumnValue::OptionalInstant(at) => query.bind(at.map(D::instant)),
            };
        }
        query
    }

    /// Inserts an item of `tables`' kind under the first free slug made from `title`, and
    /// answers its id.
    pub(super) async fn insert_item(
        conn: &mut D::Connection,
        tables: &ItemTables,
        columns: &ItemColumns,
        title: &str,
    ) -> Result<i64, StoreError> {
        let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
        let count = columns.len();
        let sql = format!(
            "INSERT INTO {items} ({names}, sanitizer_version, created_at, updated_at, slug) \
             VALUES ({values}, ${sanitizer}, ${now}, ${now}, ${slug}) \
             ON CONFLICT (slug) DO NOTHING RETURNING id",
            items = tables.items,
            names = names.join(", "),
            values = placeholders(1, count).join(", "),
            sanitizer = count + 1,
            now = count + 2,
            slug = count + 3,
        );
        let now = D::instant(Utc::now());
        let base = slugs::slug_for(title, tables.slug_fallback);
        for attempt in 1.. {
            let inserted: Option<i64> = Self::bind_columns(sqlx::query_scalar(&sql), columns)
                .bind(crate::sanitize::SANITIZER_VERSION)
                .bind(now)
                .bind(slugs::candidate(&base, attempt))
                .fetch_optional(&mut *conn)
                .await?;
            if let Some(id) = inserted {
                return Ok(id);
            }
        }
        unreachable!("slug candidates are endless")
    }

    /// Replaces item `id`'s `columns` (its slug stays) if it is still at `expected_version`,
    /// between the two steps every versioned write takes: the replaced version kept as a
    /// revision, then a stale write refused (`NotFound`, `Conflict`), the draft settled by
    /// `draft` and the audit line written; all in the caller's transaction.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn update_item(
        conn: &mut D::Connection,
        tables: &ItemTables,
        id: i64,
        expected_version: i64,
        columns: &ItemColumns,
        draft: DraftRule,
        audit: Audit<'_>,
    ) -> Result<(), StoreError> {
        Self::keep_revision(conn, tables, id, expected_version).await?;
        let count = columns.len();
        let sets: Vec<String> = columns
            .iter()
            .zip(placeholders(1, count))
            .map(|((name, _), place)| format!("{name} = {place}"))
            .collect();
        let sql = format!(
            "UPDATE {items} SET {sets}, sanitizer_version = ${sanitizer}, updated_at = ${at}, \
             updated_by = ${by}, version = version + 1 \
             WHERE id = ${id} AND version = ${version} RETURNING id",
            items = tables.items,
            sets = sets.join(", "),
            sanitizer = count + 1,
            at = count + 2,
            by = count + 3,
            id = count + 4,
            version = count + 5,
        );
        let updated: Option<i64> = Self::bind_columns(sqlx::query_scalar(&sql), columns)
            .bind(crate::sanitize::SANITIZER_VERSION)
            .bind(D::instant(Utc::now()))
            .bind(audit.actor)
            .bind(id)
            .bind(expected_version)
            .fetch_optional(&mut *conn)
            .await?;
        Self::finish_versioned_write(conn, tables, id, expected_version, updated, draft, audit)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_number_on_from_the_first() {
        assert_eq!(placeholders(3, 2), ["$3", "$4"]);
        assert!(placeholders(1, 0).is_empty());
    }
}
