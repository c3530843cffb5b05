//! An editor opened on one item, of any kind: what it continues from (the item's version, its
//! text as saved there, its address and settings), its draft saves, its write (the editing
//! bar's primary action), and what a conflict means for it.
//!
//! A write names the item's version, and every write of the item makes a new one, its
//! address and settings as much as its text. So an editor may meet a conflict although nobody
//! touched its text: another editor changed only the address or the category. The editor
//! knows the text saved at its version (`saved`), so it tells the two apart: when the item's
//! text is still that one and nobody saved a draft since, it goes on from the item as it is
//! now and writes again, with nothing to choose ([`Opened::rebase`]). (The store moves a
//! shared draft along with such a change, `DraftRule::Follows`, so an editor who opens the
//! item afterwards continues its draft without a conflict either.)

use leptos::{html, prelude::*, task::spawn_local};

mod choice;
mod rebase;

use super::{
    autosave::SaveState,
    body_editor::{shows_as_stored, writable},
    conflict::ItemCategories,
    drafting::Draft,
    shell::Editable,
    EditableItem, ItemRef, ItemSave, Saved, Writer,
};
use crate::{
    error::AppError,
    i18n::{tr, Lang},
};

/// An editor opened on an item of kind `K`: what every kind's form starts from.
pub struct Opened<K: Editable> {
    pub draft: Draft<K::Fields, EditableItem<K::Fields, K>>,
    /// The item version the editor continues from.
    pub version: RwSignal<i64>,
    /// The item's fields as saved at `version`.
    pub saved: RwSignal<K::Fields>,
    /// What only the kind's editor needs (an article's category and visibility), as stored.
    pub details: RwSignal<K>,
    pub item: ItemRef,
    /// The item's address as stored (a write may move it, see [`follow_address`]).
    pub slug: RwSignal<String>,
    /// The body editor's element, which a resolved conflict writes into.
    pub body: NodeRef<html::Div>,
    /// This editor's mark (`EditableItem::writer`) and the number of the last save it made
    /// (some made are not sent: one asked for while another is on its way).
    writer: StoredValue<Writer>,
    /// What met the conflict shown, if any: it says what saving the choice does (and its
    /// button).
    conflict_from: RwSignal<ConflictFrom>,
    /// Another editor changed the item's details in a way this editor's write would undo
    /// (hid the article), found by a draft save that went on from the item as it is without
    /// asking (drafts change no details): the details this editor knew before, so that its
    /// next write judges the item as it is then against them ([`Opened::would_undo`]) and
    /// asks first, as one meeting the change itself does.
    details_behind: StoredValue<Option<K>>,
    /// The parts (their names, as messages) another editor's publication changed and this
    /// editor's text took in without a choice, told until the editor types again.
    taken_in: RwSignal<Vec<&'static str>>,
    /// The write would show readers again what another editor hid meanwhile, and nothing
    /// else changed: the editor is asked whether to publish all the same
    /// ([`Opened::ask_before_showing`]).
    asks_to_show: RwSignal<bool>,
}

/// What met a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConflictFrom {
    /// A draft save: the choice is saved as the draft.
    DraftSave,
    /// The kind's write (a publication), which the editor asked for: saving the choice
    /// writes it, unless the write would undo another editor's change to the details.
    Write { choice_writes: bool },
    /// Opening the item: its shared draft was written on an older version than the item's
    /// (kept by a restore, or stored before drafts had to go on from the item as it is). The
    /// choice is saved as the draft.
    OlderDraft,
}

/// How [`Opened::catch_up`] went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatchUp {
    /// The editor stands on the item as it is now.
    Done,
    /// Another editor changed the text: the choice between the two is shown first.
    ChoiceFirst,
    /// The item could not be fetched.
    Failed,
}

/// A write [`Opened::rebase`] could not simply send again.
struct Refused<K: Editable> {
    /// The item as fetched, the conflict's other side.
    theirs: Option<EditableItem<K::Fields, K>>,
    /// The item changed only beside its text since this editor's version.
    beside_text: bool,
    /// The write would undo another editor's change to the item's details.
    undoes: bool,
}

impl<K: Editable> Clone for Opened<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Editable> Copy for Opened<K> {}

/// An editor opened on `item`; its categories become the editor's context (for the conflict
/// view).
pub fn open<K: Editable>(item: &EditableItem<K::Fields, K>) -> Opened<K> {
    provide_context(ItemCategories(item.categories.clone()));
    let fields = item.starting_fields();
    let stored = item
        .draft
        .as_ref()
        .map(|draft| (draft.draft_version, draft.saved_at.as_str()));
    let older_draft = item.draft_is_older();
    // Even from an older draft the editor stands on the item as it is: its address and
    // settings are saved on that version while the choice below waits, and the choice
    // itself is saved on it.
    let opened = Opened {
        draft: Draft::new(fields, stored),
        version: RwSignal::new(item.version),
        saved: RwSignal::new(item.current.clone()),
        details: RwSignal::new(item.details.clone()),
        item: item.item(),
        slug: RwSignal::new(item.slug.clone()),
        body: NodeRef::new(),
        writer: StoredValue::new(Writer::opened(item.writer.clone())),
        conflict_from: RwSignal::new(ConflictFrom::DraftSave),
        details_behind: StoredValue::new(None),
        taken_in: RwSignal::new(Vec::new()),
        asks_to_show: RwSignal::new(false),
    };
    // Going on with it would save the draft's older text over what was saved since: the
    // choice comes first, before any typing.
    if older_draft {
        opened.conflict_from.set(ConflictFrom::OlderDraft);
        opened.draft.conflict.set(Some(item.clone()));
    }
    opened
}

impl<K: Editable> Opened<K> {
    /// The save of the editor's fields as they are now, numbered after every save before.
    fn request(self) -> ItemSave<K::Fields> {
        let writer = self.writer.try_update_value(Writer::next_save);
        ItemSave {
            id: self.item.id,
            fields: self.draft.fields.get_untracked(),
            base_version: self.version.get_untracked(),
            draft_version: self.draft.draft_version.get_untracked(),
            writer,
        }
    }

    /// How the editor saves as its user types: `save_now` saves the shared draft at once;
    /// `edit` changes the fields and saves a moment after typing stops. A save that fails
    /// shows why ([`Draft::failed`]), with the choice between the two versions when someone
    /// else saved meanwhile. Answers `(save_now, edit)`; `save_now` is what the editor asks
    /// for (Ctrl+S, the bar's button): while a choice between two versions waits, it says so
    /// instead ([`Draft::choice_pending`]).
    // Two closures of unnameable types: a type alias cannot name `impl Fn`.
    #[allow(clippy::type_complexity)]
    pub fn saving(
        self,
        lang: Lang,
    ) -> (
        impl Fn() + Copy + 'static,
        impl Fn(&dyn Fn(&mut K::Fields)) + Copy + 'static,
    ) {
        let save_now = move || self.save_draft_now(lang);
        let asked = move || {
            if !self.draft.choice_pending(lang) {
                save_now();
            }
        };
        let edit = move |change: &dyn Fn(&mut K::Fields)| {
            if self.draft.changed_by(change) {
                if self.taken_in.with_untracked(|taken| !taken.is_empty()) {
                    self.taken_in.set(Vec::new());
                }
                self.draft.autosave.schedule(save_now);
            }
        };
        (asked, edit)
    }

    /// Saves the editor's fields as the shared draft at once ([`Draft::save_now`]).
    fn save_draft_now(self, lang: Lang) {
        let failed = move |error| {
            self.draft
                .failed(lang, error, move || self.draft_refused(lang))
        };
        self.draft
            .save_now(self.request(), K::save_shared_draft, failed);
    }

    /// After a write refused by a rule of writing, not of drafts: the words it did not take
    /// are kept in the shared draft ([`Draft::keep_refused`]), so that nothing typed waits on
    /// the publication, and the bar says both why and that they are kept.
    fn keep_words_refused(self, lang: Lang) {
        let draft = self.draft;
        let SaveState::Failed(why) = draft.autosave.state.get_untracked() else {
            return;
        };
        let told = format!("{why} {}", tr(lang, "editor-kept-as-draft"));
        let failed = move |error| draft.failed(lang, error, move || self.draft_refused(lang));
        draft.keep_refused(self.request(), K::save_shared_draft, failed, told);
    }

    /// After a draft save refused as a conflict: when the item changed meanwhile only beside
    /// its text (see [`Opened::rebase`]), the editor goes on from it as it is now and saves
    /// again, with nothing to choose (a change its write would undo is asked about at the
    /// write, `details_behind`); otherwise answers the item as saved meanwhile, the
    /// conflict's other side.
    async fn draft_refused(
        self,
        lang: Lang,
    ) -> Result<Option<EditableItem<K::Fields, K>>, AppError> {
        self.conflict_from.try_set(ConflictFrom::DraftSave);
        let ticket = self.draft.autosave.ticket();
        let rebased = self.rebase(lang).await;
        // A save or write started while the item was on its way goes on from there; this
        // save's typing is in it.
        if !self.draft.autosave.latest(ticket) {
            return Ok(None);
        }
        match rebased {
            Ok(()) => {}
            Err(Refused {
                theirs: Some(theirs),
                beside_text: true,
                undoes: true,
            }) => self.go_on_past_hidden(theirs),
            Err(Refused {
                theirs: Some(theirs),
                ..
            }) => return Ok(Some(theirs)),
            Err(_) => return self.reopen(lang).await,
        }
        self.draft.autosave.state.set(SaveState::Unsaved);
        self.save_draft_now(lang);
        Ok(None)
    }

    /// Goes on from `theirs`, which another editor hid while this one wrote, without asking
    /// yet: its details as they are now, so a settings save keeps the change; publishing
    /// asks first (`details_behind`).
    fn go_on_past_hidden(self, theirs: EditableItem<K::Fields, K>) {
        if self.details_behind.with_value(Option::is_none) {
            self.details_behind
                .set_value(Some(self.details.get_untracked()));
        }
        self.version.set(theirs.version);
        self.details.set(theirs.details);
    }

    /// After a save beside the text (the address, the settings) refused as a conflict: the
    /// editor goes on from the item as it is now, as after a draft save ([`Opened::rebase`];
    /// another editor's text taken in is saved as the draft), and answers whether it did.
    /// Then its version, address and details are the stored ones, and the save may go
    /// again with what its editor changed, unless another editor changed the same meanwhile.
    /// Not when another editor changed the text so that there is a choice to make: the
    /// choice is shown, as after a draft save, and the save waits for it.
    pub async fn catch_up(self, lang: Lang) -> CatchUp {
        // A choice shown already comes first, as the editor left it.
        if self.draft.conflict.with_untracked(Option::is_some) {
            return CatchUp::ChoiceFirst;
        }
        match self.rebase(lang).await {
            Ok(()) => {
                // Another editor's text taken in is saved as the draft, once no save or write
                // is under way (its answer is not to be taken over).
                let draft = self.draft;
                let unsaved = move || {
                    draft.fields.with_untracked(|now| {
                        draft.drafted.with_untracked(|drafted| match drafted {
                            Some(drafted) => drafted != now,
                            None => self.saved.with_untracked(|saved| saved != now),
                        })
                    })
                };
                draft.autosave.when_idle(move || {
                    if unsaved() {
                        draft.autosave.state.set(SaveState::Unsaved);
                        self.save_draft_now(lang);
                    }
                });
                CatchUp::Done
            }
            Err(Refused {
                theirs: Some(theirs),
                beside_text: true,
                undoes: true,
            }) => {
                self.go_on_past_hidden(theirs);
                CatchUp::Done
            }
            Err(Refused {
                theirs: Some(theirs),
                ..
            }) => {
                self.conflict_from.set(ConflictFrom::DraftSave);
                let error = AppError::Conflict {
                    current_version: theirs.version,
                };
                (self.draft).failed(lang, error, move || async move { Ok(Some(theirs)) });
                CatchUp::ChoiceFirst
            }
            Err(Refused { theirs: None, .. }) => CatchUp::Failed,
        }
    }

    /// The item as saved meanwhile, wherever it is now (publishing may have moved it), as
    /// the other side of a conflict. (A save after one whose answer was lost is none: the
    /// server finds the item or draft already holding its text and answers it as saved, or
    /// finds this editor's own draft, by its `writer` mark, and saves over it.)
    async fn reopen(self, lang: Lang) -> Result<Option<EditableItem<K::Fields, K>>, AppError> {
        Ok(Some(self.fetch_again(lang).await?))
    }

    /// The item as stored now, wherever it moved; the editor follows its address.
    async fn fetch_again(self, lang: Lang) -> Result<EditableItem<K::Fields, K>, AppError> {
        let theirs = K::fetch(self.slug.get_untracked()).await?;
        // The editor may have closed while the item was on its way: its signals are gone,
        // and reading one would panic. Nobody is left to tell.
        if self.slug.is_disposed() {
            return Err(AppError::NotFound);
        }
        if theirs.id != self.item.id {
            // Its old address is another item's now.
            return Err(AppError::NotFound);
        }
        follow_address::<K>(self.slug, lang, Some(&theirs.slug));
        Ok(theirs)
    }

    /// The kind's write ([`Editable::write`], the bar's primary action) of the editor's fields, once
    /// no draft save is under way; `done` says in the editing bar what was written, and may
    /// note it in the kind's details. A conflict made only beside the text (see
    /// [`Opened::rebase`]) is none: the write goes again on the item as it is now.
    pub fn writing(
        self,
        lang: Lang,
        done: impl Fn(&Saved<K::Fields>) -> String + Copy + 'static,
    ) -> impl Fn() + Copy + 'static {
        let (draft, autosave) = (self.draft, self.draft.autosave);
        let write = move || {
            let ticket = autosave.start_writing();
            spawn_local(async move {
                let mut request = self.request();
                let mut sent = request.fields.clone();
                let behind = self.details_behind.with_value(Option::is_some);
                let mut answer = match behind {
                    // Met as a conflict, without sending: see `details_behind`.
                    true => Err(AppError::Conflict {
                        current_version: request.base_version,
                    }),
                    false => K::write(request).await,
                };
                // The item as fetched to judge a conflict, so the choice needs no second fetch.
                let mut fetched = None;
                // The item as fetched, when the write would only show again what another
                // editor hid: a question, not a choice between texts.
                let mut hidden_meanwhile = None;
                // Whether saving the choice writes again. Not when the write would undo
                // another editor's change to the details, which the choice does not show (an
                // article hidden meanwhile): the choice is saved as the draft, and publishing
                // it stays a step of its own.
                let mut choice_writes = true;
                let conflict = matches!(answer, Err(AppError::Conflict { .. }));
                if conflict && autosave.latest(ticket) {
                    match self.rebase(lang).await {
                        Ok(()) => {
                            request = self.request();
                            sent = request.fields.clone();
                            answer = K::write(request).await;
                        }
                        Err(Refused {
                            theirs: Some(theirs),
                            beside_text: true,
                            undoes: true,
                        }) => hidden_meanwhile = Some(theirs),
                        Err(refused) => {
                            fetched = refused.theirs;
                            choice_writes = !refused.undoes;
                        }
                    }
                }
                if !autosave.latest(ticket) {
                    return;
                }
                if let Some(theirs) = hidden_meanwhile {
                    self.ask_before_showing(lang, theirs);
                    return;
                }
                match answer {
                    Ok(written) => {
                        follow_address::<K>(self.slug, lang, written.slug.as_deref());
                        self.version.set(written.version);
                        draft.draft_version.set(0);
                        draft.drafted.set(None);
                        draft.field_error.set(None);
                        let message = done(&written);
                        // Typing that went on during the write is not in it: it is saved as
                        // the next draft, and leaving before that asks.
                        let unchanged = draft.fields.with_untracked(|now| *now == sent);
                        if unchanged {
                            self.show_as_stored(written.fields.clone());
                        }
                        self.saved.set(written.fields);
                        autosave.answered(unchanged, SaveState::Done(message));
                    }
                    Err(error) => {
                        if matches!(error, AppError::Conflict { .. }) {
                            let from = ConflictFrom::Write { choice_writes };
                            self.conflict_from.try_set(from);
                        }
                        let refused_text = matches!(error, AppError::Validation { .. });
                        match fetched {
                            Some(theirs) => {
                                draft.failed(lang, error, move || async move { Ok(Some(theirs)) })
                            }
                            None => draft.failed(lang, error, move || self.reopen(lang)),
                        }
                        if refused_text {
                            self.keep_words_refused(lang);
                        }
                    }
                }
            });
        };
        // Asked again once idle: a draft save under way may meet a conflict meanwhile.
        let write_unless_choosing = move || {
            if !self.waits_before_writing(lang) {
                write();
            }
        };
        move || {
            if self.waits_before_writing(lang) {
                return;
            }
            autosave.cancel();
            autosave.when_idle(write_unless_choosing);
        }
    }

    /// After a write refused because another editor hid the item meanwhile, which the write
    /// would show again, while its text is as this editor knows it: nothing to choose between
    /// texts. The editor goes on from the item as it is now (hidden), its words saved as the
    /// draft, and is asked whether to publish all the same (`HiddenMeanwhile`).
    fn ask_before_showing(self, lang: Lang, theirs: EditableItem<K::Fields, K>) {
        self.version.set(theirs.version);
        self.details.set(theirs.details);
        self.details_behind.set_value(None);
        self.asks_to_show.set(true);
        self.draft.autosave.state.set(SaveState::Unsaved);
        self.save_draft_now(lang);
        request_animation_frame(super::conflict::focus_the_choice);
    }

    /// Whether a choice between two versions ([`Draft::choice_pending`]) or the question of
    /// [`Opened::ask_before_showing`] waits for the editor, who is taken to it. A write asked
    /// for while a choice from a draft save waits is made with the choice: its button says
    /// so. (Not one that would undo another editor's change to the details: the choice is
    /// then saved as the draft, and the question asked after it.)
    fn waits_before_writing(self, lang: Lang) -> bool {
        let undoes = (self.draft.conflict).with_untracked(|theirs| {
            theirs
                .as_ref()
                .map(|theirs| self.would_undo(&theirs.details))
        });
        let from = self.conflict_from.get_untracked();
        if let (Some(undoes), ConflictFrom::DraftSave | ConflictFrom::OlderDraft) = (undoes, from) {
            let choice_writes = !undoes;
            self.conflict_from
                .set(ConflictFrom::Write { choice_writes });
        }
        if undoes.is_none() && self.asks_to_show.get_untracked() {
            super::conflict::focus_the_choice();
            return true;
        }
        self.draft.choice_pending(lang)
    }

    /// Whether this editor's write would undo another editor's change to the item's details,
    /// `now` being them as stored: judged against the details it knew before it went on past
    /// such a change without asking (`details_behind`), else against its own.
    fn would_undo(self, now: &K) -> bool {
        self.details_behind.with_value(|before| match before {
            Some(before) => K::write_would_undo(before, now),
            None => (self.details).with_untracked(|known| K::write_would_undo(known, now)),
        })
    }

    /// Shows the fields as the server stored them, which readers now see: what its cleaning
    /// dropped (a pasted frame, a link address it cannot keep) leaves the editor too, instead
    /// of looking published. Only after a write, when nothing was typed meanwhile, and only
    /// when the cleaning changed what the body shows: replacing it loses the caret and undo.
    fn show_as_stored(self, mut stored: K::Fields) {
        if let Some(element) = self.body.get_untracked() {
            let body = K::body_mut(&mut stored);
            if !shows_as_stored(&element, body) {
                element.set_inner_html(&writable(body.clone()));
            }
        }
        self.draft.fields.set(stored);
    }
}

/// After a write of the item that answers its slug (a publication, its settings): when the
/// slug is new (the address of an item readers never saw follows its title; an editor may
/// choose another), the
/// editor goes on under it, and the browser's address bar and a reload show it.
pub fn follow_address<K: Editable>(slug: RwSignal<String>, lang: Lang, written: Option<&str>) {
    // (After an answer from the server: the editor may have closed meanwhile.)
    let Some(current) = slug.try_get_untracked() else {
        return;
    };
    let Some(new) = written.filter(|new| *new != current) else {
        return;
    };
    crate::components::replace_address(&lang.href(&K::PAGE(new)));
    slug.set(new.to_string());
}
