//! The editor shell's rules for both kinds: where editing starts, what "theirs" is in a
//! conflict, and what goes on without a choice.

use super::*;
use crate::editing::ReadersSee;

const SHOWN: ReadersSee = ReadersSee {
    published: true,
    shown_before: true,
};
use crate::editing::{
    event_fields::{EditableEvent, EventDetails, EventFields},
    ArticleDetails, ArticleFields, EditableArticle,
};

fn draft<F>(fields: F, base_version: i64) -> DraftState<F> {
    DraftState {
        fields,
        base_version,
        draft_version: 3,
        saved_by: Some("anna@example.lv".into()),
        saved_at: "29.11.2026 10:42".into(),
        written_on: None,
    }
}

fn article(version: i64, draft_base: Option<i64>) -> EditableArticle {
    let titled = |title: &str| ArticleFields {
        title: title.into(),
        ..ArticleFields::default()
    };
    EditableArticle {
        id: 1,
        slug: "raksts".into(),
        version,
        current: titled("Saglabātais"),
        draft: draft_base.map(|base| draft(titled("Melnraksts"), base)),
        categories: Vec::new(),
        details: ArticleDetails {
            readers: SHOWN,
            category: String::new(),
        },
        writer: String::new(),
    }
}

fn event(version: i64, draft_base: Option<i64>) -> EditableEvent {
    let titled = |title: &str| EventFields {
        title: title.into(),
        ..EventFields::default()
    };
    EditableEvent {
        id: 1,
        slug: "notikums".into(),
        version,
        current: titled("Saglabātais"),
        draft: draft_base.map(|base| draft(titled("Melnraksts"), base)),
        categories: Vec::new(),
        details: EventDetails {
            repeats: false,
            readers: SHOWN,
        },
        writer: String::new(),
    }
}

/// Both kinds answer the same questions the same way: (start title, start version,
/// their title, who).
fn seen<K: Editable>(
    item: &EditableItem<K::Fields, K>,
    title: fn(&K::Fields) -> &str,
) -> (String, bool, String, String) {
    let start = item.starting_fields();
    let (theirs, who) = item.theirs(Lang::Lv);
    (
        title(&start).into(),
        item.draft_is_older(),
        title(&theirs).into(),
        who,
    )
}

#[test]
fn a_draft_older_than_its_item_is_told_apart_for_both_kinds() {
    // A draft written on version 4; the item moved on to 5 (restored, or the event moved).
    let article = seen(&article(5, Some(4)), |f| &f.title);
    let event = seen(&event(5, Some(4)), |f| &f.title);
    assert_eq!((article.0.as_str(), article.1), ("Melnraksts", true));
    assert_eq!((event.0.as_str(), event.1), ("Melnraksts", true));
    // The other side of the conflict that follows is the item as saved, not the old draft.
    assert_eq!(article.2, "Saglabātais");
    assert_eq!(event.2, "Saglabātais");
}

#[test]
fn a_draft_goes_on_from_the_item_changed_since_only_beside_its_text() {
    let mut article = article(5, Some(4));
    let mut event = event(5, Some(4));
    // Written on a version of another text: from that version.
    article.draft.as_mut().expect("draft").written_on = Some(ArticleFields::default());
    event.draft.as_mut().expect("draft").written_on = Some(EventFields::default());
    assert!(seen(&article, |f| &f.title).1);
    assert!(seen(&event, |f| &f.title).1);
    // Written on a version of the same text as now: from now.
    article.draft.as_mut().expect("draft").written_on = Some(article.current.clone());
    event.draft.as_mut().expect("draft").written_on = Some(event.current.clone());
    assert!(!seen(&article, |f| &f.title).1);
    assert!(!seen(&event, |f| &f.title).1);
}

#[test]
fn a_draft_on_the_current_version_is_the_other_side_for_both_kinds() {
    let article = seen(&article(5, Some(5)), |f| &f.title);
    let event = seen(&event(5, Some(5)), |f| &f.title);
    for seen in [&article, &event] {
        assert!(!seen.1);
        assert_eq!(seen.2, "Melnraksts");
        assert_eq!(seen.3, "anna@example.lv (29.11.2026 10:42)");
    }
}

/// (same text and draft, text changed, a draft saved since, a draft of another text under
/// the same number) for an item of either kind, its draft (3) holding the editor's text.
fn beside_text<K: Editable>(item: EditableItem<K::Fields, K>) -> [bool; 5] {
    let saved = item.current.clone();
    let drafted = item.draft.clone().expect("a draft").fields;
    let mut changed = item.clone();
    changed.current = drafted.clone();
    [
        item.changed_only_beside_text(&saved, Some((3, &drafted))),
        changed.changed_only_beside_text(&saved, Some((3, &drafted))),
        item.changed_only_beside_text(&saved, Some((2, &drafted))),
        // Another editor's draft under the number this editor's had.
        item.changed_only_beside_text(&saved, Some((3, &saved))),
        item.changed_only_beside_text(&saved, None),
    ]
}

#[test]
fn a_conflict_made_only_beside_the_text_is_told_apart_for_both_kinds() {
    // Version 6 after an address change; the editor's draft (3) went on with it.
    let expected = [true, false, false, false, false];
    assert_eq!(beside_text(article(6, Some(6))), expected);
    assert_eq!(beside_text(event(6, Some(6))), expected);
    // No draft at all: the editor saw none either, or saw one someone published since.
    let (before, now) = (article(5, None), article(6, None));
    assert!(now.changed_only_beside_text(&before.current, None));
    let (before, now) = (event(5, None), event(6, None));
    let drafted = before.current.clone();
    assert!(!now.changed_only_beside_text(&before.current, Some((3, &drafted))));
}

#[test]
fn a_publication_went_on_from_the_draft_it_took_and_a_restore_from_what_was_saved() {
    let saved = ArticleFields::default();
    let drafted = article(5, Some(5)).draft.expect("a draft").fields;
    // Published since: the draft went with the publication, whose editor saw it.
    let published = article(6, None);
    assert_eq!(published.went_on_from(&saved, Some(&drafted)), &drafted);
    assert_eq!(published.went_on_from(&saved, None), &saved);
    // Restored since: the draft stays, and the restored text did not go on from it.
    let restored = article(6, Some(5));
    assert_eq!(restored.went_on_from(&saved, Some(&drafted)), &saved);
}

#[test]
fn publishing_would_undo_hiding_an_article_only() {
    let details = |published| ArticleDetails {
        readers: ReadersSee {
            published,
            shown_before: true,
        },
        category: String::new(),
    };
    assert!(ArticleDetails::write_would_undo(
        &details(true),
        &details(false)
    ));
    assert!(!ArticleDetails::write_would_undo(
        &details(false),
        &details(false)
    ));
    assert!(!ArticleDetails::write_would_undo(
        &details(true),
        &details(true)
    ));
    let repeats = EventDetails {
        repeats: false,
        readers: SHOWN,
    };
    assert!(!EventDetails::write_would_undo(&repeats, &repeats));
}

#[test]
fn without_a_draft_both_start_from_what_is_saved() {
    assert_eq!(seen(&article(7, None), |f| &f.title).0, "Saglabātais");
    assert!(!seen(&event(7, None), |f| &f.title).1);
}

/// An editor's own event draft, which another editor's move into the trash hid (and the
/// restore kept): the hiding is taken in from that draft, not offered as another editor's
/// version. Another editor's draft, or text changed meanwhile, still make a choice.
#[test]
fn the_trash_hiding_an_editors_own_draft_is_taken_in() {
    // Published when the editor saved its draft (3) on version 5.
    let mut before = event(5, Some(5));
    before.current.published = true;
    before.draft.as_mut().expect("draft").fields.published = true;
    let saved = before.current.clone();
    let drafted = before.draft.clone().expect("draft").fields;
    // Into the trash and out again: version 7, hidden, the draft hidden and on it.
    let after = event(7, Some(7));
    let (other, base) = after
        .to_take_in(&saved, Some((3, &drafted)))
        .expect("taken in");
    assert!(!other.published);
    assert_eq!(other.title, "Melnraksts");
    assert_eq!(base, &drafted);
    // Another editor's draft saved since, or of other text under the same number: a choice.
    assert_eq!(after.to_take_in(&saved, Some((2, &drafted))), None);
    let mut retitled = after.clone();
    retitled.draft.as_mut().expect("draft").fields.title = "Cits".into();
    assert_eq!(retitled.to_take_in(&saved, Some((3, &drafted))), None);
    // The text changed meanwhile (an older version restored): a choice.
    let mut restored = after.clone();
    restored.current.title = "Vecais".into();
    assert_eq!(restored.to_take_in(&saved, Some((3, &drafted))), None);
    // An article's draft never says whether readers see it, so hiding changes none: a draft
    // of other text under its number is another editor's, whatever the trash did.
    let article = article(7, Some(7));
    let mut drafted = article.draft.clone().expect("draft").fields;
    drafted.title = "Annas melnraksts".into();
    assert_eq!(
        article.to_take_in(&article.current, Some((3, &drafted))),
        None
    );
    // Not a draft on the item as it is (a publication or restore since): its text, from
    // what it went on from, as before.
    let published = event(7, None);
    let saved_text = &before.current;
    let (other, base) = published
        .to_take_in(
            saved_text,
            Some((3, &before.draft.as_ref().expect("draft").fields)),
        )
        .expect("taken in");
    assert_eq!(other, &published.current);
    assert_eq!(
        base,
        published.went_on_from(
            saved_text,
            Some(&before.draft.as_ref().expect("draft").fields)
        )
    );
}
