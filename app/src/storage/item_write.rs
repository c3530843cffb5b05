//! The one `INSERT` and the one versioned `UPDATE` every kind's items are written with. A kind
//! only says which columns its fields fill and with what (`ItemColumns`); the statements are
//! built here, and `SqlStore::insert_item` and `update_item` (`sql.rs`) run them with what
//! every kind's write needs: a free slug, the sanitiser version of the stored HTML, the
//! revision kept, the version check, the settled draft and the audit line. An item in the
//! trash is not updated (it is not found).
//!
//! A write from an older version is refused as a conflict, unless the item already holds
//! exactly what it would write (`held_statement`): then it is the same write again (its
//! answer was lost on the way, and the editor sent it once more) or another editor's
//! identical one, and it is answered as done, without a second version or audit line. The
//! drafts' and translations' saves treat a repeat the same way (`versions.rs`,
//! `translations.rs`).

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
    pub draft: DraftRule<'a>,
    pub audit: Audit<'a>,
}

impl<'a> VersionedWrite<'a> {
    pub fn new(id: i64, expected_version: i64, draft: DraftRule<'a>, audit: Audit<'a>) -> Self {
        Self {
            id,
            expected_version,
            draft,
            audit,
        }
    }
}

/// What a versioned write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::storage) enum Outcome {
    /// It wrote the new version.
    Written,
    /// The item held what it would write already (the same write again): nothing is written,
    /// and the caller writes nothing more for it either.
    Repeated,
}

/// `$first, $first+1, …` for `count` values.
fn placeholders(first: usize, count: usize) -> Vec<String> {
    (first..first + count).map(|at| format!("${at}")).collect()
}

/// The insert of an item of `tables`' kind: `columns`' values as `$1…$n`, then the sanitiser
/// version, the time (created and updated), the editor who created it (empty for the demo and
/// imports) and the slug; answers the new id, or nothing when the slug is taken.
pub(in crate::storage) fn insert_statement(tables: &ItemTables, columns: &ItemColumns) -> String {
    let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    let count = columns.len();
    format!(
        "INSERT INTO {items} ({names}, sanitizer_version, created_at, updated_at, updated_by, \
         slug) VALUES ({values}, ${sanitizer}, ${now}, ${now}, ${by}, ${slug}) \
         ON CONFLICT (slug) DO NOTHING RETURNING id",
        items = tables.items,
        names = names.join(", "),
        values = placeholders(1, count).join(", "),
        sanitizer = count + 1,
        now = count + 2,
        by = count + 3,
        slug = count + 4,
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

/// Whether the item still holds `columns`' values (as `$1…$n`, compared so that two NULLs
/// are `same_as` each other) and is not in the trash, its id as `$n+1`: answers its id if so.
pub(in crate::storage) fn held_statement(
    tables: &ItemTables,
    columns: &ItemColumns,
    same_as: &str,
) -> String {
    let count = columns.len();
    let held: Vec<String> = columns
        .iter()
        .zip(placeholders(1, count))
        .map(|((name, _), place)| format!("{name} {same_as} {place}"))
        .collect();
    format!(
        "SELECT id FROM {items} WHERE {held} AND id = ${id} AND trashed_at IS NULL",
        items = tables.items,
        held = held.join(" AND "),
        id = count + 1,
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
             updated_by, slug) VALUES ($1, $2, $3, $4, $4, $5, $6) \
             ON CONFLICT (slug) DO NOTHING RETURNING id"
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

    #[test]
    fn the_check_for_a_repeated_write_compares_every_column_it_would_write() {
        assert_eq!(
            held_statement(&ItemTables::EVENTS, &two_columns(), "IS"),
            "SELECT id FROM events WHERE title IS $1 AND all_day IS $2 \
             AND id = $3 AND trashed_at IS NULL"
        );
    }
}
