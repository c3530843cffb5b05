//! What a signed-in editor sees on an article or event page: the reader's page with an edit
//! button, or the page turned into its editor. An item readers cannot see yet opens in
//! editing mode at once, but only once the page is interactive: an editor served as HTML
//! would take typing before its code had loaded, and lose it. On the English and Russian
//! pages the button translates the item instead.

use leptos::prelude::*;

use super::{translation_editor_view, ItemKind, ReadersSee, TranslationStart};
use crate::{
    components::{announce_on_arrival, announced_before_reload, keep_for_page, kept_for_this_page},
    i18n::{tr, Lang},
};

/// Kept for the page an editor left (see [`keep_for_page`]).
const LEFT_KEY: &str = "notikumi-left-editor";

fn edit_label(lang: Lang, kind: ItemKind) -> String {
    tr(lang, kind.words().edit)
}

/// An island: `children` is the page as readers see it (while they cannot see it yet, only
/// its title as the heading), rendered on the server and hidden while the editor is open. When the editor leaves, the
/// page loads again, so it shows what was saved.
// Lazy: its code is a chunk of its own, fetched only on pages rendered for an editor.
#[cfg_attr(feature = "editors", island(lazy))]
#[cfg_attr(not(feature = "editors"), component)]
pub fn EditInPlace(
    kind: ItemKind,
    slug: String,
    /// Whether readers saw it, if they cannot see it now: then the editor opens at once.
    unpublished: Option<ReadersSee>,
    /// The text as this page shows it, to translate from (published items only).
    shown: Option<TranslationStart>,
    lang: Lang,
    children: Children,
) -> impl IntoView {
    crate::i18n::provide_lang_of(lang);
    // On an English or Russian page, editing a published item means translating it.
    let translating = (lang != Lang::Lv).then_some(shown).flatten();
    let label = match &translating {
        // The translation is always into the page's language, which the message names.
        Some(_) => tr(lang, "translation-start"),
        None => edit_label(lang, kind),
    };
    let editing = RwSignal::new(false);
    // While an editor is open, pages load the usual way instead of being swapped in
    // (`island_loader.js`), so its guard for unsaved text asks on leaving and it ends.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = if editing.get() {
                root.set_attribute("data-editing", "")
            } else {
                root.remove_attribute("data-editing")
            };
        }
    });
    // Effects run only in the browser, after hydration. An editor that just left this page
    // reloaded it: an unpublished item then stays closed, and the edit button has the focus
    // (Esc or "Stop editing" went on from there).
    let edit_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        let left = kept_for_this_page(LEFT_KEY).is_some();
        if unpublished.is_some() && !left {
            editing.set(true);
        } else if let Some(button) = edit_button.get_untracked().filter(|_| left) {
            let _ = button.focus();
        }
    });
    // What the page before it asked to say (a version restored). The editor that did it
    // closed with the page: the keyboard goes on from the edit button, as after leaving it.
    let said = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(text) = announced_before_reload() {
            if let Some(button) = edit_button.get_untracked() {
                let _ = button.focus();
            }
            announce_on_arrival(said, text);
        }
    });
    let leave = Callback::new(move |()| {
        if let Ok(here) = window().location().pathname() {
            keep_for_page(LEFT_KEY, &here, "");
        }
        crate::components::reload_page();
    });
    let readers_note = unpublished.map(|readers| tr(lang, readers.message(kind)));
    let editor = move || {
        if editing.get() {
            let slug = slug.clone();
            let translating = translating.clone();
            return view! {
                <Suspense fallback=move || view! { <p class="loading">{tr(lang, "editor-opening")}</p> }>
                    {move || {
                        let slug = slug.clone();
                        let translating = translating.clone();
                        Suspend::new(async move {
                            match translating {
                                Some(start) => {
                                    translation_editor_view(kind, slug, lang, start, leave).await
                                }
                                None => kind.editor_view(slug, leave).await,
                            }
                        })
                    }}
                </Suspense>
            }
            .into_any();
        }
        view! {
            <div class="editor-bar" role="region" aria-label=tr(lang, "editor-bar")>
                <button type="button" class="button button--primary" node_ref=edit_button on:click=move |_| editing.set(true)>
                    {label.clone()}
                </button>
            </div>
            {readers_note.clone().map(|note| view! { <p>{note}</p> })}
        }
        .into_any()
    };
    view! {
        // Outside the editor, so it is there whether the editor opens (an unpublished item)
        // or not.
        <p class="in-place__said" role="status">{move || said.get()}</p>
        {editor}
        <div class="reader-view" hidden=move || editing.get()>{children()}</div>
    }
}
