//! How an event's shared draft is stored: a JSON shape of its own, with a format number, so
//! the browser's wire type [`EventFields`] can change (a field renamed, added or dropped)
//! without making a stored draft unreadable. Article drafts are columns; an event's form has
//! dates and times as typed, which only the editor reads back, so they are kept as one
//! document.
//!
//! Changing this shape means a new format number and a conversion from the old one; the test
//! below holds a draft as it was stored by the first format, and it must keep opening.

use serde::{Deserialize, Serialize};

use super::event_fields::EventFields;

/// The format drafts are written in now.
const FORMAT: u32 = 1;

/// Format 1. The field names are the stored ones, pinned here, whatever `EventFields` calls
/// them. Drafts saved before the format number existed are format 1 too (the same names).
#[derive(Debug, Serialize, Deserialize)]
#[serde(default)]
struct StoredEventDraft {
    format: u32,
    title: String,
    summary: String,
    body_html: String,
    location: String,
    category: String,
    all_day: bool,
    start_date: String,
    start_time: String,
    end_date: String,
    end_time: String,
    published: bool,
}

impl Default for StoredEventDraft {
    fn default() -> Self {
        StoredEventDraft {
            format: FORMAT,
            title: String::new(),
            summary: String::new(),
            body_html: String::new(),
            location: String::new(),
            category: String::new(),
            all_day: false,
            start_date: String::new(),
            start_time: String::new(),
            end_date: String::new(),
            end_time: String::new(),
            published: false,
        }
    }
}

/// Why a stored draft could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum UnreadableDraft {
    #[error("not a stored event draft: {0}")]
    Json(#[from] serde_json::Error),
    #[error("event draft format {0} is newer than this program knows")]
    Format(u32),
}

/// The draft as it is stored.
pub fn to_stored(fields: &EventFields) -> Result<String, serde_json::Error> {
    let fields = fields.clone();
    let stored = StoredEventDraft {
        format: FORMAT,
        title: fields.title,
        summary: fields.summary,
        body_html: fields.body_html,
        location: fields.location,
        category: fields.category,
        all_day: fields.all_day,
        start_date: fields.start_date,
        start_time: fields.start_time,
        end_date: fields.end_date,
        end_time: fields.end_time,
        published: fields.published,
    };
    serde_json::to_string(&stored)
}

/// A stored draft, of any format this program knows, as the editor's fields.
pub fn from_stored(json: &str) -> Result<EventFields, UnreadableDraft> {
    let stored: StoredEventDraft = serde_json::from_str(json)?;
    if stored.format != FORMAT {
        return Err(UnreadableDraft::Format(stored.format));
    }
    Ok(EventFields {
        title: stored.title,
        summary: stored.summary,
        body_html: stored.body_html,
        location: stored.location,
        category: stored.category,
        all_day: stored.all_day,
        start_date: stored.start_date,
        start_time: stored.start_time,
        end_date: stored.end_date,
        end_time: stored.end_time,
        published: stored.published,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A draft exactly as the first stored format wrote it (before it had a format number).
    const STORED_BEFORE_FORMATS: &str = r#"{"title":"Seminārs Rēzeknē","summary":"Par riskiem","body_html":"<p>Teksts</p>","location":"Rēzekne","category":"apmacibas","all_day":false,"start_date":"2020-08-12","start_time":"10:00","end_date":"2020-08-12","end_time":"13:30","published":true}"#;

    #[test]
    fn a_draft_stored_by_the_first_format_still_opens() {
        let fields = from_stored(STORED_BEFORE_FORMATS).expect("an old draft opens");
        assert_eq!(fields.title, "Seminārs Rēzeknē");
        assert_eq!(fields.location, "Rēzekne");
        assert_eq!(fields.category, "apmacibas");
        assert_eq!(
            (fields.start_date.as_str(), fields.end_time.as_str()),
            ("2020-08-12", "13:30")
        );
        assert!(fields.published && !fields.all_day);
    }

    #[test]
    fn drafts_round_trip_with_their_format_number() {
        let fields = from_stored(STORED_BEFORE_FORMATS).expect("an old draft opens");
        let stored = to_stored(&fields).expect("a draft serialises");
        assert!(stored.contains(r#""format":1"#), "{stored}");
        assert_eq!(from_stored(&stored).expect("a new draft opens"), fields);
    }

    #[test]
    fn missing_fields_read_as_empty_and_unknown_ones_are_ignored() {
        let fields = from_stored(r#"{"title":"Tikai virsraksts","colour":"red"}"#)
            .expect("a partial draft opens");
        assert_eq!(fields.title, "Tikai virsraksts");
        assert_eq!(fields.start_date, "");
    }

    #[test]
    fn a_newer_format_or_broken_json_is_an_error_not_a_guess() {
        assert!(matches!(
            from_stored(r#"{"format":2,"title":"x"}"#),
            Err(UnreadableDraft::Format(2))
        ));
        assert!(matches!(
            from_stored("{\"title\": 5}"),
            Err(UnreadableDraft::Json(_))
        ));
    }
}
