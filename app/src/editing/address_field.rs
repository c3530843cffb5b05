//! An item's address, changed on its own beside its editor and at once, like publishing: the
//! same field for every kind of item. The old address leads on to the new one.

use leptos::{prelude::*, task::spawn_local};

use super::{change_address, opened::follow_address, shell::Editable, ItemRef};
use crate::{
    error::AppError,
    i18n::{tr, tr_with, Arg},
};

/// The outcome of a save beside the editor ("Address changed."), shown only while the item
/// is at the version it belongs to: once the text is published after it, the line would be
/// about something past.
#[derive(Clone, Copy)]
pub(super) struct SaveNote {
    line: RwSignal<Option<(i64, String)>>,
    version: RwSignal<i64>,
}

impl SaveNote {
    pub(super) fn new(version: RwSignal<i64>) -> Self {
        SaveNote {
            line: RwSignal::new(None),
            version,
        }
    }

    /// Says nothing any more (the editor is changing what the line was about).
    pub(super) fn clear(self) {
        self.line.set(None);
    }

    /// Says `text` about the item as it is now.
    /// (It follows an answer from the server: when the editor closed meanwhile, there is
    /// nobody to tell.)
    pub(super) fn say(self, text: String) {
        if let Some(version) = self.version.try_get_untracked() {
            self.line.set(Some((version, text)));
        }
    }

    /// The line, in a polite live region.
    pub(super) fn view(self) -> impl IntoView {
        view! {
            <p role="status">
                {move || {
                    let current = self.version.get();
                    self.line.get().and_then(|(at, text)| (at == current).then_some(text))
                }}
            </p>
        }
    }
}

/// A field's own copy of the stored `value`: the editor may change it before saving, and it
/// becomes the stored value again whenever that changes (a save here, a publication there).
pub(super) fn editable_copy<T: Clone + Send + Sync + 'static>(value: Signal<T>) -> RwSignal<T> {
    let copy = RwSignal::new(value.get_untracked());
    Effect::watch(
        move || value.get(),
        move |stored, _, _| copy.set(stored.clone()),
        false,
    );
    copy
}

/// The address field of item `item` of kind `K`. `version` and `address` are the stored
/// item's, shared with its editor: a change of address is a new version, and the editor and
/// the browser's address bar move with it.
pub fn address_field<K: Editable>(
    item: ItemRef,
    version: RwSignal<i64>,
    address: RwSignal<String>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    // What the field holds: the stored address, until the editor types another.
    let typed = editable_copy(address.into());
    let error = RwSignal::new(None::<String>);
    let note = SaveNote::new(version);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (at, slug) = (version.get_untracked(), typed.get_untracked());
        spawn_local(async move {
            match change_address(item, at, slug).await {
                Ok(saved) => {
                    version.set(saved.version);
                    error.set(None);
                    note.say(tr(lang, "editor-address-changed"));
                    // As folded on the server ("Ā B" is `a-b`), also when it did not move.
                    typed.set(saved.slug.clone());
                    follow_address::<K>(address, lang, Some(&saved.slug));
                }
                Err(AppError::Validation { field, message }) if field == "slug" => {
                    note.clear();
                    error.set(Some(message.in_lang(lang)));
                }
                Err(other) => note.say(other.describe(lang)),
            }
        });
    };
    let label = tr_with(lang, "editor-address", &[("path", Arg::Text(&K::PAGE("")))]);
    view! {
        <form class="address-field" on:submit=save>
            <label for="edit-slug">{label}</label>
            <input
                id="edit-slug"
                type="text"
                prop:value=move || typed.get()
                aria-describedby="edit-slug-error"
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                on:input=move |event| {
                    note.clear();
                    typed.set(event_target_value(&event));
                }
            />
            <p id="edit-slug-error" class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="button">{tr(lang, "editor-address-save")}</button>
            {note.view()}
        </form>
    }
}
