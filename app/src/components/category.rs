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
