//! Shared drafts, once for every kind of item: how a draft is stored, opened and saved.
//!
//! A draft is stored as a JSON shape of its kind's own ([`StoredShape`]), with a format
//! number, so the browser's wire types (`ArticleFields`, `EventFields`) can change (a field
//! renamed, added or dropped) without making a stored draft unreadable: a draft is the form as
//! typed and need not be a valid item yet (an event's dates and times are kept as typed).
//! Every kind keeps its drafts in the same columns and goes through the same storage calls
//! (`Store::draft`, `Store::save_draft`) and the same service code here.
//!
//! Changing a shape means a new format number and a conversion from the old one; the tests
//! below hold drafts as the first format stored them, and they must keep opening.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::{kind_service::KindService, shell::Editable, DraftState, ItemKind, ItemSave, Saved};
use crate::{
    error::AppError,
    state::store,
    storage::{DraftSave, User},
};

/// The format drafts are written in now.
pub const FORMAT: u32 = 1;

/// A kind of item's draft as stored: its fields under pinned names, whatever its wire type
/// calls them. Missing fields read as empty (`#[serde(default)]`), unknown ones are ignored.
/// Every shape keeps the item's title as `title`: storage reads it there to name an
/// unpublished item by it (`storage/rows/items.rs`).
pub trait StoredShape: Serialize + DeserializeOwned + Default {
    /// The editor's fields, as the browser sends them.
    type Fields;
    const KIND: ItemKind;

    fn from_fields(fields: &Self::Fields) -> Self;
    fn into_fields(self) -> Self::Fields;
}

/// A stored draft: the format number beside the kind's fields. Drafts saved before the format
/// number existed are format 1 (the same names).
#[derive(Serialize, Deserialize)]
struct Stored<S> {
    #[serde(default = "first_format")]
    format: u32,
    #[serde(flatten)]
    shape: S,
}

fn first_format() -> u32 {
    1
}

/// Why a stored draft could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum UnreadableDraft {
    #[error("not a stored draft: {0}")]
    Json(#[from] serde_json::Error),
    #[error("draft format {0} is newer than this program knows")]
    Format(u32),
}

/// The draft as it is stored.
pub fn to_stored<S: StoredShape>(fields: &S::Fields) -> Result<String, serde_json::Error> {
    serde_json::to_string(&Stored {
        format: FORMAT,
        shape: S::from_fields(fields),
    })
}

/// A stored draft, of any format this program knows, as the editor's fields.
pub fn from_stored<S: StoredShape>(json: &str) -> Result<S::Fields, UnreadableDraft> {
    let stored: Stored<S> = serde_json::from_str(json)?;
    if stored.format != FORMAT {
        return Err(UnreadableDraft::Format(stored.format));
    }
    Ok(stored.shape.into_fields())
}

/// The shared draft of item `item_id`, as its editor opens it.
pub async fn opened<S: StoredShape>(
    item_id: i64,
) -> Result<Option<DraftState<S::Fields>>, AppError> {
    let Some(draft) = store()?.draft(S::KIND, item_id).await? else {
        return Ok(None);
    };
    let fields = from_stored::<S>(&draft.fields_json).map_err(|error| {
        tracing::error!(kind = ?S::KIND, item = item_id, %error, "unreadable draft");
        AppError::Internal
    })?;
    Ok(Some(DraftState {
        fields,
        base_version: draft.base_version,
        draft_version: draft.draft_version,
        saved_by: draft.saved_by,
        saved_at: super::service::stamp(draft.saved_at),
        written_on: None,
    }))
}

/// Saves `save` (its fields checked, the body sanitised) as the shared draft of its item,
/// written on the item version it names over the draft version it names (0: none yet) or
/// over a draft an earlier save of its opened editor left (`ItemSave::writer`); answers what was
/// saved.
pub async fn save<S: StoredShape>(
    editor: &User,
    save: ItemSave<S::Fields>,
) -> Result<Saved<S::Fields>, AppError> {
    let json = to_stored::<S>(&save.fields).map_err(|_| AppError::Internal)?;
    let draft = store()?
        .save_draft(
            DraftSave {
                kind: S::KIND,
                item_id: save.id,
                fields_json: &json,
                base_version: save.base_version,
                seen_draft_version: save.draft_version,
                user_id: editor.id,
                writer: save.writer.as_ref(),
            },
            super::service::audit(editor, "changed"),
        )
        .await?;
    Ok(Saved {
        version: save.base_version,
        draft_version: draft.draft_version,
        at: super::service::clock(draft.saved_at),
        fields: save.fields,
        slug: None,
    })
}

/// A stored draft of `K`'s kind as the trash leaves it: made to hide its item when written
/// (`Editable::hide_in_draft`, where the kind's form names the field), or `None` when its
/// write would not show the item, or it cannot be read (its editor is told so on opening it).
pub(in crate::editing) fn hidden<K: KindService>(json: &str) -> Option<String> {
    let fields = match from_stored::<K::Draft>(json) {
        Ok(fields) => fields,
        Err(error) => {
            // Left as it is rather than guessed at: its editor is told when opening it.
            tracing::warn!(kind = ?K::Draft::KIND, %error, "the trash left an unreadable draft");
            return None;
        }
    };
    let mut hidden = fields.clone();
    <K::Details as Editable>::hide_in_draft(&mut hidden);
    if hidden == fields {
        return None;
    }
    to_stored::<K::Draft>(&hidden).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editing::kinds::{
        article::service::{ArticleKind, StoredArticleDraft},
        event::service::{EventKind, StoredEventDraft},
    };

    /// A draft exactly as the first stored format wrote it (before it had a format number).
    const STORED_BEFORE_FORMATS: &str = r#"{"title":"Seminārs Rēzeknē","summary":"Par riskiem","body_html":"<p>Teksts</p>","location":"Rēzekne","category":"apmacibas","all_day":false,"start_date":"2020-08-12","start_time":"10:00","end_date":"2020-08-12","end_time":"13:30","published":true}"#;

    #[test]
    fn a_draft_stored_by_the_first_format_still_opens() {
        let fields =
            from_stored::<StoredEventDraft>(STORED_BEFORE_FORMATS).expect("an old draft opens");
        assert_eq!(fields.title, "Seminārs Rēzeknē");
        assert_eq!(fields.location, "Rēzekne");
        assert_eq!(fields.category, "apmacibas");
        assert_eq!(
            (fields.start_date.as_str(), fields.end_time.as_str()),
            ("2020-08-12", "13:30")
        );
        assert!(fields.published && !fields.all_day);
    }

    /// An article draft as the migration that moved article drafts from columns writes it.
    const ARTICLE_AS_MIGRATED: &str = r#"{"format":1,"title":"Sadarbība","lead":"Ievads","body_html":"<p>Teksts</p>","contact":"Tālrunis 67000000"}"#;

    #[test]
    fn an_article_draft_moved_from_columns_opens_and_round_trips() {
        let fields = from_stored::<StoredArticleDraft>(ARTICLE_AS_MIGRATED).expect("opens");
        assert_eq!(
            (fields.title.as_str(), fields.contact.as_str()),
            ("Sadarbība", "Tālrunis 67000000")
        );
        let stored = to_stored::<StoredArticleDraft>(&fields).expect("serialises");
        assert_eq!(
            from_stored::<StoredArticleDraft>(&stored).expect("opens again"),
            fields
        );
    }

    #[test]
    fn drafts_round_trip_with_their_format_number() {
        let fields =
            from_stored::<StoredEventDraft>(STORED_BEFORE_FORMATS).expect("an old draft opens");
        let stored = to_stored::<StoredEventDraft>(&fields).expect("a draft serialises");
        assert!(stored.contains(r#""format":1"#), "{stored}");
        assert_eq!(
            from_stored::<StoredEventDraft>(&stored).expect("a new draft opens"),
            fields
        );
    }

    #[test]
    fn missing_fields_read_as_empty_and_unknown_ones_are_ignored() {
        let fields =
            from_stored::<StoredEventDraft>(r#"{"title":"Tikai virsraksts","colour":"red"}"#)
                .expect("a partial draft opens");
        assert_eq!(fields.title, "Tikai virsraksts");
        assert_eq!(fields.start_date, "");
    }

    #[test]
    fn a_newer_format_or_broken_json_is_an_error_not_a_guess() {
        assert!(matches!(
            from_stored::<StoredEventDraft>(r#"{"format":2,"title":"x"}"#),
            Err(UnreadableDraft::Format(2))
        ));
        assert!(matches!(
            from_stored::<StoredEventDraft>("{\"title\": 5}"),
            Err(UnreadableDraft::Json(_))
        ));
    }

    #[test]
    fn the_trash_hides_an_event_draft_that_would_show_it_and_keeps_the_rest() {
        let stored = hidden::<EventKind>(STORED_BEFORE_FORMATS).expect("a shown draft changes");
        let before = from_stored::<StoredEventDraft>(STORED_BEFORE_FORMATS).expect("opens");
        let after = from_stored::<StoredEventDraft>(&stored).expect("opens hidden");
        assert!(!after.published);
        assert_eq!(
            crate::editing::event_fields::EventFields {
                published: true,
                ..after
            },
            before
        );
        // Hidden already: nothing to write.
        assert_eq!(hidden::<EventKind>(&stored), None);
    }

    #[test]
    fn the_trash_leaves_drafts_that_cannot_show_their_item_or_be_read() {
        // An article's visibility is one of its settings, not a field of its draft.
        assert_eq!(hidden::<ArticleKind>(ARTICLE_AS_MIGRATED), None);
        assert_eq!(
            hidden::<EventKind>(r#"{"format":2,"published":true}"#),
            None
        );
        assert_eq!(hidden::<EventKind>("not json"), None);
    }
}
