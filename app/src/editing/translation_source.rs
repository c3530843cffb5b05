//! The translation editor's note that the Latvian text changed since the translation was
//! written from it: which parts, and on request what changed in them, word by word.

use leptos::{prelude::*, task::spawn_local};

use super::{
    compare_versions, conflict::translation_parts, history::ComparisonView, Change, Comparison,
    SourceChanged,
};
use crate::i18n::{tr, tr_with, Arg, Lang};

/// `changed`, told in `lang`; the translator may open the comparison of the Latvian text then
/// and now, cut to what changed.
#[component]
pub(super) fn SourceChangedNote(changed: SourceChanged, lang: Lang) -> impl IntoView {
    // Named as the translation editor names its parts, which come in the same order.
    let parts: Vec<String> = translation_parts(changed.item.kind)
        .iter()
        .zip(changed.parts)
        .filter(|(_, changed)| *changed)
        .map(|(part, _)| tr(lang, part.label))
        .collect();
    let told = tr_with(
        lang,
        "translation-source-changed",
        &[("parts", Arg::Text(&parts.join(", ")))],
    );
    // The note comes after the editor has put the keyboard in the title: heard once it is
    // there, so a screen reader's user is told too.
    let said = RwSignal::new(String::new());
    crate::components::announce_on_arrival(said, told.clone());
    let comparison = RwSignal::new(None::<Comparison>);
    let problem = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    let toggle = move |_| {
        if open.get_untracked() {
            open.set(false);
            return;
        }
        open.set(true);
        if comparison.get_untracked().is_some() {
            return;
        }
        let SourceChanged {
            item, since, now, ..
        } = changed;
        spawn_local(async move {
            match compare_versions(item, since, now, Some(lang)).await {
                Ok(mut found) => {
                    found.fields.retain(|(_, changes)| {
                        changes
                            .iter()
                            .any(|change| !matches!(change, Change::Same(_)))
                    });
                    comparison.try_set(Some(found));
                }
                Err(error) => {
                    problem.try_set(Some(error.describe(lang)));
                }
            }
        });
    };
    view! {
        <div class="translation-source" role="note">
            <p>{told}</p>
            <p class="visually-hidden" role="status">{move || said.get()}</p>
            <button
                type="button"
                class="button"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=toggle
            >
                {move || tr(lang, if open.get() { "translation-source-hide" } else { "translation-source-show" })}
            </button>
            {move || {
                open.get()
                    .then(|| comparison.get())
                    .flatten()
                    .map(|found| {
                        let label = tr(lang, "translation-source-differences");
                        view! { <ComparisonView found label/> }
                    })
            }}
            <p role="status">{move || problem.get()}</p>
        </div>
    }
}
