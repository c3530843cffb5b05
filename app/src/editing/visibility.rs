//! Whether readers see an item: the choice in its editor and what its editor's bar says of
//! it, worded once for every kind (an article chooses it in its settings, an event among its
//! fields).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::{
    editing::ItemKind,
    i18n::{tr, Lang},
};

/// The two choices of a status `<select>`, `published` (reactive) telling which is chosen;
/// `starting` is the choice the server renders.
pub(super) fn visibility_options(
    lang: Lang,
    starting: bool,
    published: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <option value="draft" selected=!starting prop:selected=move || !published()>
            {tr(lang, "editor-status-unpublished-hidden")}
        </option>
        <option value="published" selected=starting prop:selected=published>
            {tr(lang, "editor-status-published")}
        </option>
    }
}

/// Whether a status `<select>`'s new value shows the item to readers.
pub(super) fn chose_published(event: &leptos::ev::Event) -> bool {
    event_target_value(event) == "published"
}

/// Whether readers see an item, and whether they ever did (every kind's details carry it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadersSee {
    /// Readers see the item now.
    pub published: bool,
    /// Readers saw it once: unpublished, it is then hidden from them, not new.
    pub shown_before: bool,
}

impl ReadersSee {
    /// An item's, as stored.
    #[cfg(feature = "ssr")]
    pub(crate) fn of(status: crate::storage::Status, was_published: bool) -> Self {
        ReadersSee {
            published: status == crate::storage::Status::Published,
            shown_before: was_published,
        }
    }

    /// After a write that left the item `published` or not: once shown, always shown before.
    pub fn set(&mut self, published: bool) {
        self.published = published;
        self.shown_before |= published;
    }

    /// What readers see of an item of `kind` now, as its editor's bar says it (a catalogue
    /// message): the published version, or nothing, as of an item hidden from them or one
    /// not published yet; the page says the same once the editor closes.
    pub(super) fn message(self, kind: ItemKind) -> &'static str {
        match (self.published, self.shown_before) {
            (true, _) => "editor-readers-see-published",
            (false, true) => kind.words().hidden,
            (false, false) => kind.words().unpublished,
        }
    }
}
