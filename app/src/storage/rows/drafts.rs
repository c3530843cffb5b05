//! The rows of shared drafts: as an editor opens one, as a save writes one, as a refused
//! save finds one.

use chrono::{DateTime, Utc};

use super::super::{tables::ItemTables, StoredDraft};

/// The SELECT list and FROM clause for a shared draft (`d`) of the kind `tables` names, with
/// the address of who saved it.
pub(in crate::storage) fn draft_columns(tables: &ItemTables) -> String {
    let ItemTables { drafts, key, .. } = tables;
    format!(
        "d.{key} AS item_id, d.fields, d.base_version, d.draft_version, \
         u.email AS saved_by, d.saved_at FROM {drafts} d LEFT JOIN users u ON u.id = d.saved_by"
    )
}

#[derive(sqlx::FromRow)]
pub(in crate::storage) struct DraftRow {
    item_id: i64,
    fields: String,
    base_version: i64,
    draft_version: i64,
    saved_by: Option<String>,
    saved_at: DateTime<Utc>,
}

impl From<DraftRow> for StoredDraft {
    fn from(row: DraftRow) -> Self {
        StoredDraft {
            item_id: row.item_id,
            fields_json: row.fields,
            base_version: row.base_version,
            draft_version: row.draft_version,
            saved_by: row.saved_by,
            saved_at: row.saved_at,
        }
    }
}

/// What a draft save wrote: the draft's new version and when.
#[derive(sqlx::FromRow)]
pub(in crate::storage) struct SavedDraftRow {
    pub(in crate::storage) draft_version: i64,
    pub(in crate::storage) saved_at: DateTime<Utc>,
}

/// The draft a refused save found, to tell whether it is that very save, done already.
#[derive(sqlx::FromRow)]
pub(in crate::storage) struct StoredDraftRow {
    pub(in crate::storage) draft_version: i64,
    pub(in crate::storage) base_version: i64,
    pub(in crate::storage) fields: String,
    pub(in crate::storage) saved_at: DateTime<Utc>,
}
