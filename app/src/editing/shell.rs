//! The editor shell every kind of item shares: loading the item, where editing starts from, the
//! editing bar, the keyboard (Ctrl+S saves at once, Esc leaves), deleting, and the one rule
//! for what "theirs" is in a conflict. Each kind supplies its fields, its messages
//! and its form ([`Editable`], implemented in each kind's descriptor, `kinds/article.rs` and
//! `kinds/event.rs`); `opened` holds an editor's saving and conflicts.

use std::future::Future;

use leptos::{ev::KeyboardEvent, prelude::*, task::spawn_local};
use serde::{de::DeserializeOwned, Serialize};

use super::{
    autosave::{field_message, SaveState},
    conflict::Part,
    delete_item,
    drafting::Draft,
    DraftState, EditableItem, ItemKind, ItemRef, ItemSave, KindWords, Saved,
};
use crate::{
    error::AppError,
    i18n::{tr, tr_with, Arg, Lang},
};

/// A kind of item as its editor in the browser knows it, implemented by what only its editor
/// needs (`ArticleDetails`, `EventDetails`): which kind it is, its messages, its conflict
/// parts; its server functions are [`KindEndpoints`], written by its entry in
/// `editing/kinds/mod.rs`. Its item is an [`EditableItem`] of its fields and itself.
pub trait Editable:
    Clone + Send + Sync + Serialize + DeserializeOwned + KindEndpoints + 'static
{
    const KIND: ItemKind;
    /// The conflict view's heading (a message key).
    const CONFLICT_HEADING: &'static str;
    /// What deleting the item asks first (a message key).
    const DELETE_QUESTION: &'static str;

    /// The messages that name the kind in the editor.
    const WORDS: KindWords;
    /// The address of the item at `slug` (without a language prefix).
    const PAGE: fn(&str) -> String;
    /// The title a new item starts with, which its editor selects, so typing replaces it.
    const NEW_TITLE: &'static str;

    /// The kind's editor on the item at `slug` (a `#[lazy]` function, so its code is a chunk
    /// of its own).
    fn editor_view(slug: String, on_leave: Callback<()>) -> impl Future<Output = AnyView>;
    /// The parts the conflict view lets an editor choose between.
    fn parts() -> Vec<Part<Self::Fields>>;
    /// The body's HTML, which the body editor holds outside the reactive fields (and the
    /// server answers as sanitised).
    fn body_mut(fields: &mut Self::Fields) -> &mut String;
    /// Whether the kind's write, by an editor who knew the item's details as `known`, would
    /// undo what another editor changed in them since (`now`). Publishing an article shows
    /// it to readers, so it would undo hiding it: that editor is asked first.
    fn write_would_undo(_known: &Self, _now: &Self) -> bool {
        false
    }
    /// What moving the item into the trash does to its shared draft as the server stores it
    /// (`ItemTables::hide_in_draft`): a draft whose write would show the item hides it instead.
    /// Nothing for a kind whose fields do not say whether readers see it (an article's).
    fn hide_in_draft(_fields: &mut Self::Fields) {}
}

/// A kind's server functions, as its editor calls them; its line in `editing/kinds/mod.rs` writes
/// them and this impl.
pub trait KindEndpoints: Sized {
    type Fields: Clone + PartialEq + Send + Sync + Serialize + DeserializeOwned + 'static;

    /// The item as stored now, for its editor.
    fn fetch(
        slug: String,
    ) -> impl Future<Output = Result<EditableItem<Self::Fields, Self>, AppError>> + Send + 'static;
    /// Saves the shared draft.
    fn save_shared_draft(
        save: ItemSave<Self::Fields>,
    ) -> impl Future<Output = Result<Saved<Self::Fields>, AppError>> + 'static;
    /// The kind's write of the editor's fields over the item, its editing bar's primary
    /// action: publishing an article; saving an event, published or not as its fields say.
    fn write(
        save: ItemSave<Self::Fields>,
    ) -> impl Future<Output = Result<Saved<Self::Fields>, AppError>> + 'static;
}

impl<K: Editable> EditableItem<K::Fields, K> {
    /// Which item this is, as history, trash and delete name it.
    pub fn item(&self) -> ItemRef {
        ItemRef {
            kind: K::KIND,
            id: self.id,
        }
    }

    /// What an editor starts from: the shared draft, if there is one, else the saved item.
    pub fn starting_fields(&self) -> K::Fields {
        match &self.draft {
            Some(draft) => draft.fields.clone(),
            None => self.current.clone(),
        }
    }

    /// Whether the shared draft was written on an older version of another text than the
    /// item's now (a restore, an event moved on the calendar, a draft stored before drafts
    /// had to go on from the item as it is): its editor chooses between the two before going
    /// on. A draft written on a version of the same text just goes on from the item as it is.
    pub fn draft_is_older(&self) -> bool {
        self.draft.is_some() && !self.theirs_is_draft()
    }

    /// The other side of a conflict, and who saved it: a draft written on the item as it is
    /// now, else the saved item.
    pub fn theirs(&self, lang: Lang) -> (K::Fields, String) {
        match &self.draft {
            Some(draft) if self.theirs_is_draft() => (draft.fields.clone(), saved_by(lang, draft)),
            _ => (self.current.clone(), tr(lang, "conflict-saved-version")),
        }
    }

    /// Whether the other side of a conflict is a draft written on the item as it is now (or
    /// on a version of the same text: the item changed since only beside it).
    pub fn theirs_is_draft(&self) -> bool {
        self.draft.as_ref().is_some_and(|draft| {
            draft.base_version == self.version || draft.written_on.as_ref() == Some(&self.current)
        })
    }

    /// What the item's newest version, as fetched after a conflict, went on from, for an
    /// editor who knew the item's text `saved` and the shared draft `drafted`: that draft
    /// when a publication took it (a draft goes only with a publication, and a publication
    /// cannot land over a draft its editor has not seen); else `saved` (a restore or a move on
    /// the calendar keeps the draft, and did not go on from it).
    pub fn went_on_from<'a>(
        &self,
        saved: &'a K::Fields,
        drafted: Option<&'a K::Fields>,
    ) -> &'a K::Fields {
        match (&self.draft, drafted) {
            (None, Some(drafted)) => drafted,
            _ => saved,
        }
    }

    /// After a conflict, what another editor's change may be taken in from without a choice,
    /// and what it went on from (the other side and the base of
    /// `conflict::merged_without_choice`): a publication or restore ([`Self::went_on_from`]);
    /// not another editor's draft (a write would publish text its editor has not published),
    /// but this editor's own draft, `known_draft`, which the trash hid meanwhile (and a
    /// restore from the trash kept), with the item's text as the editor knew it (`saved`).
    pub fn to_take_in<'a>(
        &'a self,
        saved: &'a K::Fields,
        known_draft: Option<(i64, &'a K::Fields)>,
    ) -> Option<(&'a K::Fields, &'a K::Fields)> {
        if !self.theirs_is_draft() {
            let drafted = known_draft.map(|(_, fields)| fields);
            return Some((&self.current, self.went_on_from(saved, drafted)));
        }
        let (draft, (number, known)) = self.draft.as_ref().zip(known_draft)?;
        let hidden = |fields: &K::Fields| {
            let mut fields = fields.clone();
            K::hide_in_draft(&mut fields);
            fields
        };
        let only_hidden = draft.draft_version == number
            && draft.fields != *known
            && draft.fields == hidden(known)
            && (self.current == *saved || self.current == hidden(saved));
        only_hidden.then_some((&draft.fields, known))
    }

    /// Whether the item, as fetched after a conflict, changed only beside its text since an
    /// editor's version, so the editor's write loses nobody's words: its fields are still
    /// those saved there (`saved`), and its shared draft is still the one the editor knows
    /// (`known_draft`, its number and its text as stored; none: no draft). A draft's number
    /// starts again after a publication, so the number alone does not say whose it is.
    pub fn changed_only_beside_text(
        &self,
        saved: &K::Fields,
        known_draft: Option<(i64, &K::Fields)>,
    ) -> bool {
        let draft_is_known = match (&self.draft, known_draft) {
            (None, None) => true,
            (Some(draft), Some((number, fields))) => {
                draft.draft_version == number && draft.fields == *fields
            }
            _ => false,
        };
        self.current == *saved && draft_is_known
    }
}

/// Who saved a draft and when, as the conflict view names the other version.
pub(super) fn saved_by<F>(lang: Lang, draft: &DraftState<F>) -> String {
    let who = match &draft.saved_by {
        Some(who) => who.clone(),
        None => tr(lang, "conflict-other-editor"),
    };
    format!("{who} ({})", draft.saved_at)
}

/// The page title and hidden heading while an item is edited.
pub(super) fn editing_title(lang: Lang, title: &str) -> String {
    tr_with(lang, "editor-editing", &[("title", Arg::Text(title))])
}

/// Loads the item `slug` and shows its editor `form`, or why it cannot be opened.
pub fn load_editor<K, V>(
    slug: String,
    form: impl Fn(EditableItem<K::Fields, K>) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    K: Editable,
    V: IntoView + 'static,
{
    let lang = crate::i18n::current_lang();
    let item = Resource::new(move || slug.clone(), K::fetch);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{tr(lang, "editor-opening")}</p> }>
            {move || {
                let form = form.clone();
                Suspend::new(async move {
                    match item.await {
                        Ok(item) => form(item).into_any(),
                        Err(error) => view! { <p class="form-error" role="alert">{error.describe(lang)}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

impl<K: Editable> Draft<K::Fields, EditableItem<K::Fields, K>> {
    /// The editor's keys ([`editor_keys`]); Esc leaves as [`Draft::leave_when_saved`] does.
    pub fn keys(
        self,
        lang: Lang,
        save_now: impl Fn() + Copy + 'static,
        on_leave: Callback<()>,
    ) -> impl Fn(KeyboardEvent) + Copy + 'static {
        editor_keys(save_now, self.leave_when_saved(lang, save_now, on_leave))
    }

    /// Leaving the editor (Esc, "Stop editing"): unsaved typing is saved first, and the
    /// editor leaves once no save is under way. Leaving while the save was still travelling
    /// lost it; after a save that failed (or a choice between two versions left unmade) the
    /// typing is unsaved, and the site asks first, as a link does: staying keeps the editor
    /// open (the browser's own question would come only as the page unloads, and without
    /// the site's words).
    pub fn leave_when_saved(
        self,
        lang: Lang,
        save_now: impl Fn() + Copy + 'static,
        on_leave: Callback<()>,
    ) -> impl Fn() + Copy + 'static {
        let (autosave, conflict) = (self.autosave, self.conflict);
        move || {
            autosave.when_idle(move || {
                // Not while a choice waits: that save would be refused, and asking to choose
                // first would take the focus to the choice before the question.
                let choosing = conflict.with_untracked(Option::is_some);
                if autosave.state.get_untracked() == SaveState::Unsaved && !choosing {
                    save_now();
                }
                autosave.when_idle(move || {
                    if super::autosave::may_leave(autosave.state, lang) {
                        on_leave.run(());
                    }
                });
            });
        }
    }

    /// What every kind's form wires the same way: its keys ([`Draft::keys`]), leaving
    /// ([`Draft::leave_when_saved`]) and deleting `item` ([`Draft::delete_after_asking`]), as
    /// `(on_keydown, stop, delete)`.
    #[allow(clippy::type_complexity)]
    pub fn controls(
        self,
        lang: Lang,
        item: ItemRef,
        save_now: impl Fn() + Copy + 'static,
        on_leave: Callback<()>,
    ) -> (
        impl Fn(KeyboardEvent) + Copy + 'static,
        impl Fn() + Copy + 'static,
        impl Fn() + Copy + 'static,
    ) {
        (
            self.keys(lang, save_now, on_leave),
            self.leave_when_saved(lang, save_now, on_leave),
            self.delete_after_asking(lang, item),
        )
    }

    /// The server's message about `field`, to show next to it.
    pub fn error_for(self, field: &'static str) -> Signal<Option<String>> {
        field_message(self.field_error, field)
    }

    /// Asks whether to delete `item` (the kind's question), then stops saving, moves it to
    /// the trash and goes to the desk, which says so and offers it back.
    pub fn delete_after_asking(self, lang: Lang, item: ItemRef) -> impl Fn() + Copy + 'static {
        let state = self.autosave.state;
        move || {
            let sure = window()
                .confirm_with_message(&tr(lang, K::DELETE_QUESTION))
                .unwrap_or(false);
            if !sure {
                return;
            }
            self.autosave.cancel();
            spawn_local(async move {
                match delete_item(item).await {
                    Ok(()) => {
                        state.set(SaveState::Unchanged);
                        crate::components::go_to(&lang.href(super::desk::AFTER_TRASHING));
                    }
                    Err(error) => state.set(SaveState::Failed(error.describe(lang))),
                }
            });
        }
    }
}

/// Every editor's keys: Ctrl+S (⌘S) saves at once, Esc leaves the editor with `leave`.
pub fn editor_keys(
    save_now: impl Fn() + Copy + 'static,
    leave: impl Fn() + Copy + 'static,
) -> impl Fn(KeyboardEvent) + Copy + 'static {
    move |event: KeyboardEvent| {
        let key = event.key();
        // S by the key's place too, so it works on a Cyrillic layout (where it types "ы").
        let s = key.eq_ignore_ascii_case("s") || event.code() == "KeyS";
        if (event.ctrl_key() || event.meta_key()) && s {
            event.prevent_default();
            save_now();
        } else if key == "Escape" {
            event.prevent_default();
            leave();
        }
    }
}

/// Keeps undo and redo in the field the editor is in. The browser keeps one undo history for
/// the whole page: Ctrl+Z in the body with nothing of its own left to undo would undo the
/// typing in the title, out of sight, and take the caret there. Every editor's form listens
/// with it to `beforeinput`, which the browser sends to the field it is about to change.
pub fn undo_stays_in_field(event: leptos::ev::InputEvent) {
    if !event.input_type().starts_with("history") {
        return;
    }
    use leptos::wasm_bindgen::JsCast;
    let changed = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Node>().ok());
    let elsewhere = match (document().active_element(), changed) {
        (Some(focused), Some(changed)) => !focused.contains(Some(&changed)),
        _ => false,
    };
    if elsewhere {
        event.prevent_default();
    }
}

/// The bar above every editor: the save state, then save draft (for kinds with drafts), the
/// kind's own primary action, stop and delete (for kinds that can be deleted). `children`
/// come between the state and the buttons.
#[component]
pub fn EditorBar(
    state: RwSignal<SaveState>,
    /// The page's title while editing, also its hidden heading.
    heading: Signal<String>,
    primary: String,
    on_primary: Callback<()>,
    on_stop: Callback<()>,
    #[prop(optional)] on_save: Option<Callback<()>>,
    #[prop(optional)] on_delete: Option<Callback<()>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    Effect::new(move |_| crate::components::show_title(heading.get()));
    view! {
        <h1 class="visually-hidden">{heading}</h1>
        <div class="editor-bar" role="region" aria-label=tr(lang, "editor-bar")>
            // Busy while typing and saving: screen readers then wait, and say only how the
            // save ended, not three states at every pause in typing.
            <p
                class="editor-bar__state"
                role="status"
                aria-live="polite"
                aria-busy=move || state.with(|state| matches!(state, SaveState::Unsaved | SaveState::Saving)).to_string()
            >
                {move || state.with(|state| state.text(lang))}
                {move || state.with(|state| *state == SaveState::SignedOut).then(|| view! {
                    " "
                    <a href=lang.href(crate::paths::LOGIN) target="_blank">{tr(lang, "editor-sign-in-again")}</a>
                })}
            </p>
            {children.map(|children| children())}
            {on_save.map(|on_save| view! {
                <button type="button" class="button" on:click=move |_| on_save.run(())>{tr(lang, "editor-save-draft")}</button>
            })}
            <button type="button" class="button button--primary" on:click=move |_| on_primary.run(())>{primary}</button>
            <button type="button" class="button button--quiet" on:click=move |_| on_stop.run(())>{tr(lang, "editor-stop")}</button>
            {on_delete.map(|on_delete| view! {
                <button type="button" class="button button--danger" on:click=move |_| on_delete.run(())>{tr(lang, "editor-delete")}</button>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests;
