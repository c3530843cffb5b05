//! The choice an opened editor shows after a conflict, and the question after a write that
//! would show again what another editor hid.

use leptos::prelude::*;

use super::{ConflictFrom, Opened};
use crate::editing::{
    autosave::SaveState,
    conflict::{ConflictView, HiddenMeanwhile},
    shell::Editable,
};
use crate::i18n::{tr, tr_with, Arg, Lang};

impl<K: Editable> Opened<K> {
    /// The choice between this editor's fields and the other version, while there is one.
    /// The merged fields become the editor's, saved on top of the other version: as a draft
    /// (`save_now`), or with the kind's `write` when the conflict refused a write, its button
    /// then saying so (`write_label`, a message). Above it, in a polite live region, what
    /// another editor's publication brought into this editor's text without a choice.
    pub fn conflict_view(
        self,
        lang: Lang,
        save_now: impl Fn() + Copy + Send + Sync + 'static,
        write: impl Fn() + Copy + Send + Sync + 'static,
        write_label: &'static str,
    ) -> impl IntoView {
        let taken_in = self.taken_in;
        let note = move || {
            taken_in.with(|taken| {
                let names: Vec<String> = taken.iter().map(|part| tr(lang, part)).collect();
                let parts = [("parts", Arg::Text(&names.join(", ")))];
                (!taken.is_empty()).then(|| tr_with(lang, "editor-taken-in", &parts))
            })
        };
        let choice = self.choice_view(lang, save_now, write, write_label);
        let asks_to_show = self.asks_to_show;
        // The question goes, and with it the focused button: back to where the editor was.
        let answered = move || {
            asks_to_show.set(false);
            request_animation_frame(crate::editing::text_field::focus_back);
        };
        let publish = Callback::new(move |()| {
            answered();
            write();
        });
        let keep = Callback::new(move |()| answered());
        // Not beside a choice between two versions, which comes first (its heading is the
        // one the editor is taken to).
        let conflict = self.draft.conflict;
        let question = move || {
            (asks_to_show.get() && conflict.with(Option::is_none))
                .then(|| view! { <HiddenMeanwhile publish keep/> })
        };
        view! {
            <p class="editor-note" role="status">{note}</p>
            {question}
            {choice}
        }
    }

    /// The choice of [`Opened::conflict_view`], while there is one.
    fn choice_view(
        self,
        lang: Lang,
        save_now: impl Fn() + Copy + Send + Sync + 'static,
        write: impl Fn() + Copy + Send + Sync + 'static,
        write_label: &'static str,
    ) -> impl Fn() -> Option<AnyView> + Copy + Send + Sync + 'static {
        let draft = self.draft;
        let conflict = draft.conflict;
        let resolve = Callback::new(move |merged: K::Fields| {
            let Some(theirs) = conflict.get_untracked() else {
                return;
            };
            self.take_in(merged, &theirs);
            conflict.set(None);
            draft.autosave.state.set(SaveState::Unsaved);
            match self.conflict_from.get_untracked() {
                ConflictFrom::Write {
                    choice_writes: true,
                } => write(),
                // A publication asked for that would show again what another editor hid:
                // the choice is the draft, and then the question (once the view has put the
                // focus back in the fields).
                ConflictFrom::Write {
                    choice_writes: false,
                } => {
                    save_now();
                    self.asks_to_show.set(true);
                    request_animation_frame(|| {
                        request_animation_frame(crate::editing::conflict::focus_the_choice)
                    });
                }
                _ => save_now(),
            }
        });
        move || {
            conflict.get().map(|theirs| {
                // What both went on from: against another editor's draft, the shared draft
                // this editor knew last (which that editor saved over), else the version it
                // opened or wrote; against a newer publication, that version (whoever
                // published did not go on from this editor's own draft); for a draft older
                // than its item, the version it was written on, when that is still kept.
                // Read untracked: a write asked for while the choice waits changes only
                // its button, and building the view again would lose what was chosen.
                let from = self.conflict_from.get_untracked();
                let known_draft = match theirs.theirs_is_draft() {
                    true => draft.drafted.get_untracked(),
                    false => None,
                };
                let base = match from {
                    ConflictFrom::OlderDraft => {
                        theirs.draft.as_ref().and_then(|d| d.written_on.clone())
                    }
                    _ => Some(known_draft.unwrap_or_else(|| self.saved.get_untracked())),
                };
                let (theirs, who) = theirs.theirs(lang);
                let conflict_from = self.conflict_from;
                let save_label = Signal::derive(move || match conflict_from.get() {
                    ConflictFrom::Write {
                        choice_writes: true,
                    } => tr(lang, write_label),
                    _ => tr(lang, "conflict-save"),
                });
                let heading = match from {
                    ConflictFrom::OlderDraft => tr(lang, "conflict-older-draft-heading"),
                    ConflictFrom::Write {
                        choice_writes: false,
                    } => tr(lang, "conflict-undoes-heading"),
                    _ => tr(lang, K::CONFLICT_HEADING),
                };
                view! {
                    <ConflictView
                        heading
                        save_label
                        mine=draft.fields.into()
                        theirs
                        base
                        who
                        parts=K::parts()
                        text_lang=std::sync::Arc::new(|_, _: &K::Fields, _: &str| crate::i18n::Lang::Lv)
                        stored_in=crate::i18n::Lang::Lv
                        on_resolve=resolve
                    />
                }
                .into_any()
            })
        }
    }
}
