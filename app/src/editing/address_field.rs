//! An item's address, changed on its own beside its editor and at once, like publishing: the
//! same field for every kind of item. The old address leads on to the new one.

use std::future::Future;

use leptos::{prelude::*, task::spawn_local};

use super::{
    change_address,
    opened::{follow_address, CatchUp, Opened},
    shell::Editable,
};
use crate::{
    error::AppError,
    i18n::{tr, tr_with, Arg, Lang},
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

/// Sends a save beside the text of `opened`'s item (its address, its settings) on the
/// item's version: `send(version)`. Every write of the item makes a new version, so another
/// editor's save meanwhile (of its text, or of something else beside it) refuses this one as
/// a conflict; the editor then catches up with the item as stored ([`Opened::catch_up`]) and
/// sends again, `send` keeping what the other editor changed and this one did not. Unless
/// the other editor changed the same (`clashes`, after catching up): then the field shows
/// what they saved, and `note` asks to choose again. Answers the save's answer, or `None`
/// when nothing was saved and `note` says why.
pub(super) async fn sent_beside<K: Editable, T, Fut>(
    opened: Opened<K>,
    lang: Lang,
    note: SaveNote,
    send: impl Fn(i64) -> Fut,
    clashes: impl FnOnce() -> bool,
) -> Option<Result<T, AppError>>
where
    Fut: Future<Output = Result<T, AppError>>,
{
    let answer = send(opened.version.get_untracked()).await;
    if !matches!(answer, Err(AppError::Conflict { .. })) {
        return Some(answer);
    }
    // (The editor may have closed while the answer was on its way.)
    if opened.version.is_disposed() {
        return None;
    }
    let told = match opened.catch_up(lang).await {
        CatchUp::Done if !clashes() => return Some(send(opened.version.get_untracked()).await),
        CatchUp::Done => "editor-changed-meanwhile",
        CatchUp::ChoiceFirst => "editor-choice-first",
        CatchUp::Failed => return Some(answer),
    };
    note.say(tr(lang, told));
    None
}

/// The address field of `opened`'s item. Its version and address are shared with the
/// editor: a change of address is a new version, and the editor and the browser's address bar
/// move with it.
pub fn address_field<K: Editable>(opened: Opened<K>) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let (item, version, address) = (opened.item, opened.version, opened.slug);
    // What the field holds: the stored address, until the editor types another.
    let typed: RwSignal<String> = editable_copy(address.into());
    // A refusal is about the address it refused: it goes when the field holds another (typed,
    // or the stored one after a save of anything else).
    let refused = RwSignal::new(None::<(String, String)>);
    let error = Memo::new(move |_| {
        refused.with(|refused| {
            let (address, message) = refused.as_ref()?;
            typed
                .with(|typed| typed == address)
                .then(|| message.clone())
        })
    });
    let note = SaveNote::new(version);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (before, slug) = (address.get_untracked(), typed.get_untracked());
        spawn_local(async move {
            let send = |at| change_address(item, at, slug.clone());
            let moved_meanwhile = || address.with_untracked(|now| *now != before && *now != slug);
            match sent_beside(opened, lang, note, send, moved_meanwhile).await {
                None => {}
                Some(Ok(saved)) => {
                    version.set(saved.version);
                    refused.set(None);
                    note.say(tr(lang, "editor-address-changed"));
                    // As folded on the server ("Ā B" is `a-b`), also when it did not move.
                    typed.set(saved.slug.clone());
                    follow_address::<K>(address, lang, Some(&saved.slug));
                }
                Some(Err(AppError::Validation { field, message })) if field == "slug" => {
                    note.clear();
                    refused.set(Some((slug, message.in_lang(lang))));
                }
                Some(Err(other)) => note.say(other.describe(lang)),
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
