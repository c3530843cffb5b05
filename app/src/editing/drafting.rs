//! The drafting the article and event editors share: saving the draft, and what a failed
//! save does. The two editors differ only in their fields and their server functions.

use std::future::Future;

use leptos::{prelude::*, task::spawn_local};

use super::{
    autosave::{Autosave, SaveState},
    ItemSave, Saved,
};
use crate::{
    error::AppError,
    i18n::{tr, Lang},
};

/// The parts of an editor of `F` that saving touches. `T` is the item as the server sends
/// it, shown beside this editor's fields when someone else saved meanwhile.
pub struct Draft<F: 'static, T: 'static> {
    pub fields: RwSignal<F>,
    /// The version of the shared draft this editor saw last (0: none).
    pub draft_version: RwSignal<i64>,
    /// That draft's fields as stored (trimmed, the body sanitised), when the editor knows
    /// them: opened with it, or answered by its save. A conflict compares the draft fetched
    /// then with these to tell whether anybody else saved one.
    pub drafted: RwSignal<Option<F>>,
    /// The field the server refused, with why.
    pub field_error: RwSignal<Option<(String, String)>>,
    /// The fields of the last draft save refused as invalid: saving them again as a draft
    /// would be refused the same way.
    refused_as_draft: RwSignal<Option<F>>,
    /// The other version, shown beside this editor's fields until the editor chooses.
    pub conflict: RwSignal<Option<T>>,
    pub autosave: Autosave,
}

impl<F, T> Clone for Draft<F, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F, T> Copy for Draft<F, T> {}

impl<F, T> Draft<F, T>
where
    F: Clone + PartialEq + Send + Sync + 'static,
    T: Send + Sync + 'static,
{
    /// Applies an editor's `change` to the fields, and answers whether it changed them. One
    /// that changes nothing (the browser's undo with nothing left to undo, a field set to what
    /// it holds) leaves the work as it stands: the caller marks nothing unsaved, saves nothing.
    pub fn changed_by(self, change: &dyn Fn(&mut F)) -> bool {
        let mut changed = false;
        self.fields.maybe_update(|fields| {
            let before = fields.clone();
            change(fields);
            changed = *fields != before;
            changed
        });
        changed
    }

    /// An editor starting from `fields`; `stored` is the shared draft they come from, as its
    /// version and the time it was saved, if there is one (then `fields` are its fields). Call
    /// it where the editor is built (the autosave reads the page's language).
    pub fn new(fields: F, stored: Option<(i64, &str)>) -> Self {
        let autosave = Autosave::new(match stored {
            Some((_, saved_at)) => SaveState::Saved(saved_at.to_string()),
            None => SaveState::Unchanged,
        });
        let drafted = stored.map(|_| fields.clone());
        Draft {
            fields: RwSignal::new(fields),
            draft_version: RwSignal::new(stored.map_or(0, |(version, _)| version)),
            drafted: RwSignal::new(drafted),
            field_error: RwSignal::new(None),
            refused_as_draft: RwSignal::new(None),
            conflict: RwSignal::new(None),
            autosave,
        }
    }

    /// Shows why a save failed: a conflict fetches the other version with `theirs` and opens
    /// the choice between them (`theirs` answers `None` when the editor closed meanwhile, or
    /// found nothing to choose and saved again itself); a
    /// field's problem is shown at the field; anything else in the editor bar. A field's
    /// problem from an earlier answer goes with any later one: it says no more than the bar.
    pub fn failed<Fut>(self, lang: Lang, error: AppError, theirs: impl FnOnce() -> Fut + 'static)
    where
        Fut: Future<Output = Result<Option<T>, AppError>> + 'static,
    {
        let state = self.autosave.state;
        if !matches!(error, AppError::Validation { .. }) {
            self.field_error.set(None);
        }
        match error {
            // Told once the other version is here: it may turn out to be nothing to choose
            // from (`theirs` answers `None`, and goes on itself).
            AppError::Conflict { .. } => spawn_local(async move {
                match theirs().await {
                    Ok(Some(theirs)) => {
                        self.conflict.set(Some(theirs));
                        state.set(self.meanwhile(lang));
                    }
                    Ok(None) => {}
                    Err(error) => state.set(SaveState::Failed(error.describe(lang))),
                }
            }),
            AppError::Validation { field, message } => {
                let message = message.in_lang(lang);
                state.set(SaveState::Failed(message.clone()));
                self.field_error.set(Some((field, message)));
            }
            // The session ended while the editor typed: signing in on this page would leave it.
            AppError::Unauthorized => state.set(SaveState::SignedOut),
            // Unlike a restore or a settings change, a text refused keeps its words here.
            AppError::InTrash => state.set(SaveState::Failed(tr(lang, "editor-text-in-trash"))),
            other => state.set(SaveState::Failed(other.describe(lang))),
        }
    }

    /// The state beside a choice between two versions: whether this editor's words are all in
    /// the shared draft (a write refused after its last draft save; then leaving loses
    /// nothing, and asks nothing), or not saved anywhere yet.
    fn meanwhile(self, lang: Lang) -> SaveState {
        match self.form_is(self.drafted) {
            true => SaveState::Waiting(tr(lang, "editor-saved-meanwhile-kept")),
            false => SaveState::Failed(tr(lang, "editor-saved-meanwhile")),
        }
    }

    /// Whether the form holds what `fields` hold: the shared draft's, or the fields a draft
    /// save refused. (False once the editor has closed: this follows answers from the server.)
    fn form_is(self, fields: RwSignal<Option<F>>) -> bool {
        let same = self
            .fields
            .try_with_untracked(|now| fields.try_with_untracked(|then| then.as_ref() == Some(now)));
        same.flatten().unwrap_or(false)
    }

    /// Whether a choice between two versions waits for the editor. Nothing is saved or
    /// written until it is made (either would be refused as the conflict it shows), so a save
    /// or a write asked for meanwhile tells the editor so, without calling saved work
    /// unsaved, and takes them to the choice.
    pub fn choice_pending(self, lang: Lang) -> bool {
        if self.conflict.with_untracked(Option::is_none) {
            return false;
        }
        let state = self.autosave.state;
        let told = match state.get_untracked().unsaved() {
            true => SaveState::Failed(tr(lang, "editor-choose-first")),
            false => SaveState::Waiting(tr(lang, "editor-choose-first-saved")),
        };
        state.set(told);
        super::conflict::focus_the_choice();
        true
    }

    /// Saves `request` as the shared draft with `save`, unless a save is under way or a
    /// conflict waits for the editor's choice.
    pub fn save_now<Fut>(
        self,
        request: ItemSave<F>,
        save: fn(ItemSave<F>) -> Fut,
        failed: impl FnOnce(AppError) + 'static,
    ) where
        Fut: Future<Output = Result<Saved<F>, AppError>> + 'static,
    {
        self.save_draft(request, save, failed, None);
    }

    /// As [`Self::save_now`], after a write refused by a rule only a write keeps (a
    /// publication needs a lead or a text, and every image its description): the words the
    /// write did not take go to the shared draft, and the bar and the field go on saying why
    /// the write was refused (`told`, the bar's line). Nothing is sent when the draft holds
    /// them already, or a draft save refused them too.
    pub fn keep_refused<Fut>(
        self,
        request: ItemSave<F>,
        save: fn(ItemSave<F>) -> Fut,
        failed: impl FnOnce(AppError) + 'static,
        told: String,
    ) where
        Fut: Future<Output = Result<Saved<F>, AppError>> + 'static,
    {
        if self.form_is(self.drafted) {
            self.autosave.state.set(SaveState::Waiting(told));
            return;
        }
        // The write's refusal is one a draft meets too: the bar already says why.
        if self.form_is(self.refused_as_draft) {
            return;
        }
        self.save_draft(request, save, failed, Some(told));
    }

    fn save_draft<Fut>(
        self,
        request: ItemSave<F>,
        save: fn(ItemSave<F>) -> Fut,
        failed: impl FnOnce(AppError) + 'static,
        refused_write: Option<String>,
    ) where
        Fut: Future<Output = Result<Saved<F>, AppError>> + 'static,
    {
        let state = self.autosave.state;
        // A save under way keeps the pending autosave: it takes the typing done meanwhile
        // once the answer is in.
        if state.get_untracked() == SaveState::Saving
            || self.conflict.with_untracked(Option::is_some)
        {
            return;
        }
        self.autosave.cancel();
        let ticket = self.autosave.start_saving();
        let sent = request.fields.clone();
        spawn_local(async move {
            let answer = save(request).await;
            if !self.autosave.latest(ticket) {
                return;
            }
            match answer {
                Ok(saved) => {
                    self.draft_version.set(saved.draft_version);
                    self.drafted.set(Some(saved.fields));
                    let done = match refused_write {
                        Some(told) => SaveState::Waiting(told),
                        None => {
                            self.field_error.set(None);
                            SaveState::Saved(saved.at)
                        }
                    };
                    // Typing that went on during the save is saved next time.
                    let unchanged = self.fields.with_untracked(|fields| *fields == sent);
                    self.autosave.answered(unchanged, done);
                }
                Err(error) => {
                    if matches!(error, AppError::Validation { .. }) {
                        self.refused_as_draft.set(Some(sent));
                    }
                    failed(error)
                }
            }
        });
    }
}
