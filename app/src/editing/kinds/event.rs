//! Events as a kind of editable item: what the editing core asks of a kind, in one place.
//! Here, the browser's half (its words, page, editor and conflict parts); in `service.rs`
//! beside it, the server's (its stored draft, how its fields become a version, and what only
//! events have: creating one on a day, moving one to another day). The form is
//! `event_editor.rs`, the storage `storage/events.rs`.

use std::future::Future;

use leptos::prelude::*;

use super::super::{
    conflict::{text_part, ItemCategories, Part},
    event_editor::EventEditor,
    event_fields::{EventDetails, EventFields},
    shell::Editable,
    ItemKind, KindWords,
};

#[cfg(feature = "ssr")]
pub(in crate::editing) mod service;

/// Events, as their editor in the browser knows them.
impl Editable for EventDetails {
    const KIND: ItemKind = ItemKind::Event;
    const CONFLICT_HEADING: &'static str = "conflict-event-heading";
    const DELETE_QUESTION: &'static str = "editor-event-delete-question";
    const PAGE: fn(&str) -> String = crate::paths::event;
    const NEW_TITLE: &'static str = "Jauns notikums";
    const WORDS: KindWords = KindWords {
        edit: "editor-edit-event",
        unpublished: "event-unpublished",
        hidden: "event-hidden",
        in_trash: "desk-event",
        translated: [
            "editor-field-name",
            "editor-field-summary",
            "editor-field-location",
        ],
    };

    fn editor_view(slug: String, on_leave: Callback<()>) -> impl Future<Output = AnyView> {
        event_editor_view(slug, on_leave)
    }
    fn body_mut(fields: &mut EventFields) -> &mut String {
        &mut fields.body_html
    }
    fn hide_in_draft(fields: &mut EventFields) {
        fields.published = false;
    }

    /// The parts of an event; its dates and times are one part.
    fn parts() -> Vec<Part<EventFields>> {
        vec![
            text_part!("title", title, "editor-field-name", " / "),
            Part {
                key: "when",
                label: "editor-field-when",
                html: false,
                text: false,
                show: EventFields::when_text,
                take: |f, o| {
                    f.all_day = o.all_day;
                    f.start_date.clone_from(&o.start_date);
                    f.start_time.clone_from(&o.start_time);
                    f.end_date.clone_from(&o.end_date);
                    f.end_time.clone_from(&o.end_time);
                },
                join: None,
            },
            text_part!("location", location, "editor-field-location", " / "),
            Part {
                key: "category",
                label: "editor-field-category",
                html: false,
                text: false,
                show: |f, lang| {
                    let categories = use_context::<ItemCategories>().unwrap_or_default();
                    f.category_text(&categories.0, lang)
                },
                take: |f, o| f.category.clone_from(&o.category),
                join: None,
            },
            // One line in the editor: both versions stay on it.
            text_part!("summary", summary, "editor-field-summary", " / "),
            text_part!("body", body_html, "editor-field-body", "", html = true),
            Part {
                key: "status",
                label: "editor-field-status",
                html: false,
                text: false,
                show: EventFields::status_text,
                take: |f, o| f.published = o.published,
                join: None,
            },
        ]
    }
}

/// The event editor, split off like the article editor.
#[cfg_attr(feature = "editors", lazy)]
async fn event_editor_view(slug: String, on_leave: Callback<()>) -> AnyView {
    view! { <EventEditor slug on_leave/> }.into_any()
}
