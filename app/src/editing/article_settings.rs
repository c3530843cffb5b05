//! An article's address, category and visibility, set beside the text in editing mode and
//! saved on their own (they take effect at once, like publishing).

use leptos::{prelude::*, task::spawn_local};

use super::{
    address_field::{address_field, editable_copy, sent_beside, SaveNote},
    opened::Opened,
    update_article_settings,
    visibility::{chose_published, visibility_options},
    ArticleDetails, ArticleSettingsSave,
};
use crate::{calendar::CategoryTag, error::AppError, i18n::tr};

#[component]
pub fn ArticleSettings(
    /// The categories an editor may choose from.
    categories: Vec<CategoryTag>,
    /// The article's editor, whose version, address, category and visibility these are
    /// (publishing makes the article visible; a conflict brings another editor's settings).
    opened: Opened<ArticleDetails>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let (version, details) = (opened.version, opened.details);
    // What the fields hold: the stored settings, until the editor chooses otherwise.
    let visible = editable_copy(Memo::new(move |_| details.with(|d| d.readers.published)).into());
    let category = editable_copy(Memo::new(move |_| details.with(|d| d.category.clone())).into());
    let note = SaveNote::new(version);
    let save = move |_| {
        let before = details.get_untracked();
        let (chose_published, chose_category) = (visible.get_untracked(), category.get_untracked());
        spawn_local(async move {
            // What this editor changed, over the settings as stored (another editor's change
            // of the other setting stays).
            let sent = || {
                let mut sent = details.get_untracked();
                if chose_published != before.readers.published {
                    sent.readers.published = chose_published;
                }
                if chose_category != before.category {
                    sent.category.clone_from(&chose_category);
                }
                sent
            };
            let send = |version| {
                let sent = sent();
                let request = ArticleSettingsSave {
                    article_id: opened.item.id,
                    version,
                    category: sent.category.clone(),
                    published: sent.readers.published,
                };
                async move {
                    update_article_settings(request)
                        .await
                        .map(|saved| (saved, sent))
                }
            };
            // Another editor chose otherwise meanwhile for a setting this editor changed.
            let clashes = || {
                let now = details.get_untracked();
                clash(
                    &chose_published,
                    &before.readers.published,
                    &now.readers.published,
                ) || clash(&chose_category, &before.category, &now.category)
            };
            match sent_beside(opened, lang, note, send, clashes).await {
                None => {}
                Some(Ok((saved, sent))) => {
                    version.set(saved.version);
                    // Stored now, unless the editor chose again meanwhile (the next save
                    // sends that).
                    details.update(|stored| {
                        // Readers saw it, even if the editor chose otherwise meanwhile.
                        stored.readers.shown_before |= sent.readers.published;
                        if visible.get_untracked() == sent.readers.published {
                            stored.readers.published = sent.readers.published;
                        }
                        if category.with_untracked(|chosen| *chosen == sent.category) {
                            stored.category = sent.category;
                        }
                    });
                    note.say(tr(lang, "editor-settings-saved"));
                }
                Some(Err(error)) => {
                    // Refused to show readers what is not ready: the choice goes back to
                    // what is stored (unless changed again meanwhile), so the other
                    // settings can still be saved.
                    let status_refused =
                        matches!(&error, AppError::Validation { field, .. } if field == "status");
                    if status_refused && visible.get_untracked() == chose_published {
                        visible.set(details.with_untracked(|stored| stored.readers.published));
                    }
                    note.say(error.describe(lang));
                }
            }
        });
    };
    let stored = details.get_untracked();
    view! {
        <fieldset class="item-settings">
            <legend>{tr(lang, "editor-settings")}</legend>
            {address_field(opened)}
            <label for="edit-article-category">{tr(lang, "editor-field-category")}</label>
            <select id="edit-article-category" on:change=move |event| {
                note.clear();
                category.set(event_target_value(&event));
            }>
                <option value="" selected=stored.category.is_empty() prop:selected=move || category.with(String::is_empty)>
                    {tr(lang, "editor-no-category")}
                </option>
                {categories.into_iter().map(|tag| {
                    let chosen = tag.slug.clone();
                    let (name, name_lang) = crate::components::category_name(&tag);
                    view! {
                        <option
                            value=tag.slug.clone()
                            lang=name_lang
                            selected=tag.slug == stored.category
                            prop:selected=move || category.with(|category| *category == chosen)
                        >
                            {name}
                        </option>
                    }
                }).collect_view()}
            </select>
            <label for="edit-article-status">{tr(lang, "editor-field-status")}</label>
            <select
                id="edit-article-status"
                on:change=move |event| {
                    note.clear();
                    visible.set(chose_published(&event));
                }
            >
                {visibility_options(lang, stored.readers.published, move || visible.get())}
            </select>
            <button type="button" class="button" on:click=save>{tr(lang, "editor-settings-save")}</button>
            {note.view()}
        </fieldset>
    }
}

/// Whether a setting this editor changed from `before` to `chosen` was changed to something
/// else, `now`, by another editor meanwhile.
fn clash<T: PartialEq>(chosen: &T, before: &T, now: &T) -> bool {
    chosen != before && now != before && now != chosen
}
