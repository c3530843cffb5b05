//! A category's colour swatch with its name: colour is never the only cue.

use leptos::prelude::*;

use crate::{calendar::CategoryTag, i18n::Lang};

/// `lang="lv"` for a category name on an English or Russian page: names are content, kept in
/// Latvian, and screen readers should pronounce them as such.
pub fn category_name_lang() -> Option<&'static str> {
    (crate::i18n::current_lang() != Lang::Lv).then_some(Lang::Lv.code())
}

#[component]
pub fn CategoryLabel(category: CategoryTag) -> impl IntoView {
    view! {
        <span class="category-label" style=format!("--category-colour: {}", category.colour) lang=category_name_lang()>
            <span class="category-label__swatch" aria-hidden="true"></span>
            {category.name}
        </span>
    }
}
