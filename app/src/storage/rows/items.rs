//! The rows of what editors find of an item: on the desk, at an address, and as a write
//! finds its address.

use chrono::{DateTime, Utc};

use super::super::{FoundItem, Status};

/// An item on the editors' desk: `place` is `draft` or `trash`, `kind` the audit log's name
/// of its kind (`ItemTables::kind`).
#[derive(sqlx::FromRow)]
pub(in crate::storage) struct DeskRow {
    pub(in crate::storage) place: String,
    pub(in crate::storage) kind: String,
    pub(in crate::storage) id: i64,
    pub(in crate::storage) slug: String,
    pub(in crate::storage) title: String,
    pub(in crate::storage) at: DateTime<Utc>,
    /// The item's shared draft (its fields as JSON), while it is unpublished.
    pub(in crate::storage) draft: Option<String>,
}

impl DeskRow {
    /// The title the desk names the item by ([`title_for_editors`]).
    pub(in crate::storage) fn title_shown(&self) -> String {
        title_for_editors(&self.title, self.draft.as_deref())
    }
}

/// The title editors know an item by: its shared draft's (`draft`, its fields as JSON, read
/// only while the item is unpublished: a new article is "Jauns raksts" until its first
/// publication), else its own `title`. Every kind's stored draft keeps its title as `title`
/// (`editing::stored_draft`).
fn title_for_editors(title: &str, draft: Option<&str>) -> String {
    let drafted = draft.and_then(|draft| {
        let fields: serde_json::Value = serde_json::from_str(draft).ok()?;
        // A format this program does not know may keep its title elsewhere.
        let format = fields
            .get("format")
            .map_or(Some(1), serde_json::Value::as_u64);
        if format != Some(crate::editing::stored_draft::FORMAT.into()) {
            return None;
        }
        let title = fields.get("title")?.as_str()?.trim();
        (!title.is_empty()).then(|| title.to_string())
    });
    drafted.unwrap_or_else(|| title.to_string())
}

/// An item found at an address, with its draft while it is unpublished.
#[derive(sqlx::FromRow)]
pub(in crate::storage) struct FoundRow {
    id: i64,
    title: String,
    status: String,
    was_published: bool,
    draft: Option<String>,
}

impl From<FoundRow> for FoundItem {
    fn from(row: FoundRow) -> Self {
        FoundItem {
            id: row.id,
            title: title_for_editors(&row.title, row.draft.as_deref()),
            readers: crate::editing::ReadersSee::of(Status::parse(&row.status), row.was_published),
        }
    }
}

/// An item's address as a write finds it, with its title and whether readers saw it, which
/// decide whether its address follows a new title (`SqlStore::follow_title`, `sql/addresses.rs`).
#[derive(sqlx::FromRow)]
pub(in crate::storage) struct AddressRow {
    pub(in crate::storage) slug: String,
    pub(in crate::storage) title: String,
    pub(in crate::storage) status: String,
    pub(in crate::storage) was_published: bool,
}
