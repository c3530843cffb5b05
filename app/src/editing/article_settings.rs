//! An article's address, category and visibility, set beside the text in editing mode and
//! saved on their own (they take effect at once, like publishing).

use leptos::{prelude::*, task::spawn_local};

use super::{
    shell::follow_address, update_article_settings, ArticleDetails, ArticleSettingsSave,
    EditableArticle,
};
use crate::{error::AppError, i18n::tr};

#[component]
pub fn ArticleSettings(
    article: EditableArticle,
    /// The stored article's version, shared with the text editor.
    version: RwSignal<i64>,
    published: RwSignal<bool>,
    /// The stored article's address, shared with the text editor (publishing an unpublished
    /// article may move it to one made from its title).
    address: RwSignal<String>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let article_id = article.id;
    // What the address field holds: the stored address, until the editor types another.
    let slug = RwSignal::new(address.get_untracked());
    Effect::watch(
        move || address.get(),
        move |stored, _, _| slug.set(stored.clone()),
        false,
    );
    // What the status field holds: whether readers see the article, until the editor
    // chooses otherwise (publishing from the editing bar changes it too).
    let visible = RwSignal::new(published.get_untracked());
    Effect::watch(
        move || published.get(),
        move |stored, _, _| visible.set(*stored),
        false,
    );
    let category = RwSignal::new(article.details.category.clone());
    // The last save's outcome, shown only while the article is at the version it belongs
    // to: once the text is published, "Settings saved." would be about something past.
    let message = RwSignal::new(None::<(i64, String)>);
    let say = move |text: String| message.set(Some((version.get_untracked(), text)));
    let slug_error = RwSignal::new(None::<String>);
    let save = move |_| {
        let request = ArticleSettingsSave {
            article_id,
            version: version.get_untracked(),
            slug: slug.get_untracked(),
            category: category.get_untracked(),
            published: visible.get_untracked(),
        };
        let now_published = request.published;
        spawn_local(async move {
            match update_article_settings(request).await {
                Ok(saved) => {
                    version.set(saved.version);
                    published.set(now_published);
                    slug_error.set(None);
                    say(tr(lang, "editor-settings-saved"));
                    follow_address::<ArticleDetails>(address, lang, Some(&saved.slug));
                }
                Err(AppError::Validation {
                    field,
                    message: text,
                }) if field == "slug" => {
                    slug_error.set(Some(text.in_lang(lang)));
                }
                Err(error) => say(error.describe(lang)),
            }
        });
    };
    view! {
        <fieldset class="article-settings">
            <legend>{tr(lang, "editor-settings")}</legend>
            <label for="edit-slug">{tr(lang, "editor-settings-address")}</label>
            <input
                id="edit-slug"
                type="text"
                prop:value=move || slug.get()
                aria-describedby="edit-slug-error"
                aria-invalid=move || if slug_error.get().is_some() { "true" } else { "false" }
                on:input=move |event| slug.set(event_target_value(&event))
            />
            <p id="edit-slug-error" class="field-error" role="alert">{move || slug_error.get()}</p>
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
            <p role="status">
                {move || {
                    let current = version.get();
                    message.get().and_then(|(at, text)| (at == current).then_some(text))
                }}
            </p>
        </fieldset>
    }
}
