//! A category's colour swatch with its name: colour is never the only cue.

use leptos::prelude::*;

use crate::{calendar::CategoryTag, i18n::Lang};

/// The category's name in the page's language, and `lang` to mark it with where it is the
/// Latvian name on an English or Russian page (no such name was given), so screen readers
/// pronounce it as Latvian.
pub fn category_name(category: &CategoryTag) -> (String, Option<&'static str>) {
    let page = crate::i18n::current_lang();
    let (name, lang) = category.name_in(page);
    (name.to_string(), (lang != page).then_some(Lang::Lv.code()))
}

/// " · in Latvian" in a list item's line of facts, when its text is not in the page's
/// language (an item not translated yet): the `lang` attribute tells screen readers, this
/// tells everyone else why the title is not in English or Russian.
#[component]
pub fn TextLanguage(text_lang: Lang) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    (text_lang != lang).then(|| {
        view! { " · " <span class="text-language">{lang.t("text-in-latvian")}</span> }
    })
}

#[component]
pub fn CategoryLabel(category: CategoryTag) -> impl IntoView {
    let (name, lang) = category_name(&category);
    view! {
        <span class="category-label" style=format!("--category-colour: {}", category.colour) lang=lang>
            <span class="category-label__swatch" aria-hidden="true"></span>
            {name}
        </span>
    }
}
