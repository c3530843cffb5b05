//! The one `INSERT` and the one versioned `UPDATE` every kind's items are written with. A kind
//! only says which columns its fields fill and with what (`ItemColumns`); the statements are
//! built here, and `SqlStore::insert_item` and `update_item` (`sql.rs`) run them with what
//! every kind's write needs: a free slug, the sanitiser version of the stored HTML, the
//! revision kept, the version check, the settled draft and the audit line. An item in the
//! trash is not updated (it is not found).

use super::tables::ItemTables;
use super::{Audit, DraftRule};
use std::borrow::Cow;

use chrono::{DateTime, Utc};

/// A value a kind stores in one column of its items' table. Text is borrowed from the item
/// where it can be, so a long body is bound without a copy.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::storage) enum ColumnValue<'a> {
    Text(Cow<'a, str>),
    /// Owned: the backends bind an absent text only as an `Option<String>`.
    OptionalText(Option<String>),
    Integer(i64),
    OptionalInteger(Option<i64>),
    Flag(bool),
    Instant(DateTime<Utc>),
    OptionalInstant(Option<DateTime<Utc>>),
}

/// An item's columns as its kind writes them: the insert and the update name the same ones.
/// The names are the kind's own constants, never input.
pub(in crate::storage) type ItemColumns<'a> = Vec<(&'static str, ColumnValue<'a>)>;

/// Which item a versioned write replaces, the version it must still be at, what becomes of
/// its shared draft and the audit line it leaves.
#[derive(Debug, Clone, Copy)]
pub(in crate::storage) struct VersionedWrite<'a> {
    pub id: i64,
    pub expected_version: i64,
    pub draft: DraftRule,
    pub audit: Audit<'a>,
}

impl<'a> VersionedWrite<'a> {
    pub fn new(id: i64, expected_version: i64, draft: DraftRule, audit: Audit<'a>) -> Self {
        Self {
            id,
            expected_version,
            draft,
            audit,
        }
    }
}

/// `$first, $first+1, …` for `count` values.
fn placeholders(first: usize, count: usize) -> Vec<String> {
    (first..first + count).map(|at| format!("${at}")).collect()
}

/// The insert of an item of `tables`' kind: `columns`' values as `$1…$n`, then the sanitiser
/// version, the time (created and updated) and the slug; answers the new id, or nothing when
/// the slug is taken.
pub(in crate::storage) fn insert_statement(tables: &ItemTables, columns: &ItemColumns) -> String {
    let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    let count = columns.len();
    format!(
        "INSERT INTO {items} ({names}, sanitizer_version, created_at, updated_at, slug) \
         VALUES ({values}, ${sanitizer}, ${now}, ${now}, ${slug}) \
         ON CONFLICT (slug) DO NOTHING RETURNING id",
        items = tables.items,
        names = names.join(", "),
        values = placeholders(1, count).join(", "),
        sanitizer = count + 1,
        now = count + 2,
        slug = count + 3,
    )
}

/// The guarded update of an item of `tables`' kind: `columns`' values as `$1…$n`, then the
/// sanitiser version, the time, the editor, the id and the version it must still be at;
/// answers the id, or nothing when the item is gone, in the trash or at another version.
pub(in crate::storage) fn update_statement(tables: &ItemTables, columns: &ItemColumns) -> String {
    let count = columns.len();
    let sets: Vec<String> = columns
        .iter()
        .zip(placeholders(1, count))
        .map(|((name, _), place)| format!("{name} = {place}"))
        .collect();
    format!(
        "UPDATE {items} SET {sets}, sanitizer_version = ${sanitizer}, updated_at = ${at}, \
         updated_by = ${by}, version = version + 1 \
         WHERE id = ${id} AND version = ${version} AND trashed_at IS NULL RETURNING id",
        items = tables.items,
        sets = sets.join(", "),
        sanitizer = count + 1,
        at = count + 2,
        by = count + 3,
        id = count + 4,
        version = count + 5,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_columns() -> ItemColumns<'static> {
        vec![
            ("title", ColumnValue::Text("Seminārs".into())),
            ("all_day", ColumnValue::Flag(true)),
        ]
    }

    #[test]
    fn the_insert_numbers_the_kinds_columns_first_and_the_shared_ones_after() {
        assert_eq!(
            insert_statement(&ItemTables::EVENTS, &two_columns()),
            "INSERT INTO events (title, all_day, sanitizer_version, created_at, updated_at, \
             slug) VALUES ($1, $2, $3, $4, $4, $5) ON CONFLICT (slug) DO NOTHING RETURNING id"
        );
    }

    #[test]
    fn the_update_is_guarded_by_the_id_and_the_version_after_the_columns() {
        assert_eq!(
            update_statement(&ItemTables::ARTICLES, &two_columns()),
            "UPDATE articles SET title = $1, all_day = $2, sanitizer_version = $3, \
             updated_at = $4, updated_by = $5, version = version + 1 \
             WHERE id = $6 AND version = $7 AND trashed_at IS NULL RETURNING id"
        );
    }
}
