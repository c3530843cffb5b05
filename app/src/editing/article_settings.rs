//! An article's address, category and visibility, set beside the text in editing mode and
//! saved on their own (they take effect at once, like publishing).

use leptos::{prelude::*, task::spawn_local};

use super::{
    address_field::{address_field, editable_copy, SaveNote},
    update_article_settings, ArticleDetails, ArticleSettingsSave, EditableArticle, ItemRef,
};
use crate::i18n::tr;

#[component]
pub fn ArticleSettings(
    article: EditableArticle,
    item: ItemRef,
    /// The stored article's version, shared with the text editor.
    version: RwSignal<i64>,
    published: RwSignal<bool>,
    /// The stored article's address, shared with the text editor (publishing an unpublished
    /// article may move it to one made from its title).
    address: RwSignal<String>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    // What the status field holds: whether readers see the article, until the editor
    // chooses otherwise (publishing from the editing bar changes it too).
    let visible = editable_copy(published);
    let category = RwSignal::new(article.details.category.clone());
    let note = SaveNote::new(version);
    let save = move |_| {
        let request = ArticleSettingsSave {
            article_id: item.id,
            version: version.get_untracked(),
            category: category.get_untracked(),
            published: visible.get_untracked(),
        };
        let now_published = request.published;
        spawn_local(async move {
            match update_article_settings(request).await {
                Ok(saved) => {
                    version.set(saved.version);
                    // Unless the editor chose again meanwhile, which the next save sends.
                    if visible.get_untracked() == now_published {
                        published.set(now_published);
                    }
                    note.say(tr(lang, "editor-settings-saved"));
                }
                Err(error) => note.say(error.describe(lang)),
            }
        });
    };
    view! {
        <fieldset class="item-settings">
            <legend>{tr(lang, "editor-settings")}</legend>
            {address_field::<ArticleDetails>(item, version, address)}
            <label for="edit-article-category">{tr(lang, "editor-field-category")}</label>
            <select id="edit-article-category" on:change=move |event| category.set(event_target_value(&event))>
                <option value="" selected=article.details.category.is_empty()>{tr(lang, "editor-no-category")}</option>
                {article.categories.iter().map(|tag| view! {
                    <option value=tag.slug.clone() selected=tag.slug == article.details.category>{tag.name.clone()}</option>
                }).collect_view()}
            </select>
            <label for="edit-article-status">{tr(lang, "editor-field-status")}</label>
            <select
                id="edit-article-status"
                on:change=move |event| visible.set(event_target_value(&event) == "published")
            >
                <option value="draft" selected=!article.details.published prop:selected=move || !visible.get()>
                    {tr(lang, "editor-status-unpublished-hidden")}
                </option>
                <option value="published" selected=article.details.published prop:selected=move || visible.get()>
                    {tr(lang, "editor-status-published")}
                </option>
            </select>
            <button type="button" class="button" on:click=save>{tr(lang, "editor-settings-save")}</button>
            {note.view()}
        </fieldset>
    }
}
