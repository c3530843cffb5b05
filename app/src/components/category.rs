//! A category's colour swatch with its name: colour is never the only cue.

use leptos::prelude::*;

use crate::calendar::CategoryTag;

#[component]
pub fn CategoryLabel(category: CategoryTag) -> impl IntoView {
    view! {
        <span class="category-label" style=format!("--category-colour: {}", category.colour)>
            <span class="category-label__swatch" aria-hidden="true"></span>
            {category.name}
        </span>
    }
}
