//! How an opened editor goes on after a conflict when there is nothing to choose: from the
//! item as it is now, another editor's change taken in beside its own.

use leptos::prelude::*;

use super::{Opened, Refused};
use crate::editing::{autosave::SaveState, body_editor::writable, shell::Editable, EditableItem};
use crate::i18n::Lang;

impl<K: Editable> Opened<K> {
    /// After a write or a draft save refused as a conflict: whether the item changed
    /// meanwhile only beside its text (another editor changed its address or settings) while
    /// nobody saved a draft since this editor's, and the editor's write would not undo that
    /// change. Then the editor goes on from the item as it is now (its version, address and
    /// details), and the save may go again: there is nothing to choose. So it does when
    /// another editor's publication changed only parts this editor left as they were, whose
    /// text is then taken in beside the editor's own changes elsewhere
    /// (`conflict::merged_without_choice`). Otherwise answers
    /// the item as fetched, if it was (the conflict's other side), and whether the write
    /// would undo another editor's change to its details (the article hidden meanwhile: a
    /// draft save then goes on all the same, and the write asks, see `details_behind`).
    pub(super) async fn rebase(self, lang: Lang) -> Result<(), Refused<K>> {
        let saved = self.saved.get_untracked();
        let Ok(theirs) = self.fetch_again(lang).await else {
            return Err(Refused {
                theirs: None,
                beside_text: false,
                undoes: false,
            });
        };
        let number = self.draft.draft_version.get_untracked();
        let drafted = self.draft.drafted.get_untracked();
        let known_draft = drafted.as_ref().map(|fields| (number, fields));
        let beside_text = theirs.changed_only_beside_text(&saved, known_draft);
        let undoes = self.would_undo(&theirs.details);
        // Another editor's publication (or restore, or the trash) changed only parts this
        // editor left as they were: taken in, nothing to choose.
        let to_take_in = theirs.to_take_in(&saved, known_draft);
        if let Some((other, base)) = to_take_in.filter(|_| !beside_text && !undoes) {
            let merged = self.draft.fields.with_untracked(|mine| {
                crate::editing::conflict::merged_without_choice(&K::parts(), mine, other, base)
            });
            if let Some((merged, taken)) = merged {
                self.take_in(merged, &theirs);
                if !taken.is_empty() {
                    self.taken_in.set(taken);
                }
                return Ok(());
            }
        }
        if !beside_text || undoes {
            return Err(Refused {
                theirs: Some(theirs),
                beside_text,
                undoes,
            });
        }
        self.version.set(theirs.version);
        self.details.set(theirs.details);
        self.details_behind.set_value(None);
        Ok(())
    }

    /// Goes on from `theirs` (the item as fetched after a conflict) with the `merged` fields:
    /// its version, its text as saved, its details and its shared draft become the editor's.
    /// A version the editor is already past (its own address or settings saved while the
    /// choice waited; they change no text) stays past: only the draft is taken then.
    pub(super) fn take_in(self, mut merged: K::Fields, theirs: &EditableItem<K::Fields, K>) {
        let draft = self.draft;
        let mut mine = draft.fields.get_untracked();
        let body_changed = K::body_mut(&mut mine) != K::body_mut(&mut merged);
        if let Some(element) = self.body.get_untracked().filter(|_| body_changed) {
            element.set_inner_html(&writable(K::body_mut(&mut merged).clone()));
        }
        draft.fields.set(merged);
        if theirs.version >= self.version.get_untracked() {
            self.version.set(theirs.version);
            self.saved.set(theirs.current.clone());
            self.details.set(theirs.details.clone());
            self.details_behind.set_value(None);
            // The question about the version it moved past is answered by the choice.
            self.asks_to_show.set(false);
        }
        draft
            .draft_version
            .set(theirs.draft.as_ref().map_or(0, |draft| draft.draft_version));
        draft
            .drafted
            .set(theirs.draft.as_ref().map(|draft| draft.fields.clone()));
        // The shared draft the bar told of went with another editor's publication.
        let state = draft.autosave.state;
        if theirs.draft.is_none() && matches!(state.get_untracked(), SaveState::Saved(_)) {
            state.set(SaveState::Unchanged);
        }
    }
}
