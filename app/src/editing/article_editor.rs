//! The article page in editing mode: title, lead, body and contact line editable where they
//! stand, saved as a draft two seconds after typing stops, published on request.
//! Ctrl+S saves at once, Esc leaves editing; leaving the page with unsaved changes asks first.

use leptos::prelude::*;

use super::{
    article_settings::ArticleSettings,
    body_editor::BodyEditor,
    history::History,
    opened,
    shell::{self, load_editor, Editable, EditorBar},
    text_field::{EditableText, Lines},
    ArticleDetails, EditableArticle, ItemKind,
};
use crate::i18n::{tr, tr_with, Arg};

/// Loads the article for editing. `on_leave` runs when the editor presses Esc.
#[component]
pub fn ArticleEditor(slug: String, on_leave: Callback<()>) -> impl IntoView {
    load_editor(slug, move |article: EditableArticle| {
        view! { <EditorForm article on_leave/> }
    })
}

#[component]
fn EditorForm(article: EditableArticle, on_leave: Callback<()>) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let opened = opened::open(&article);
    let (save_now, edit) = opened.saving(lang);
    let details = opened.details;
    let publish = opened.writing(lang, move |saved| {
        details.update(|details| details.readers.set(true));
        tr_with(lang, "editor-published-at", &[("at", Arg::Text(&saved.at))])
    });
    let conflict_view = opened.conflict_view(lang, save_now, publish, "conflict-save-and-publish");
    let (draft, item, version) = (opened.draft, opened.item, opened.version);
    let (on_keydown, stop, delete) = draft.controls(lang, item, save_now, on_leave);
    let (fields, state) = (draft.fields, draft.autosave.state);
    let starting = fields.get_untracked();
    let readers_see = move || details.with(|now| now.readers.message(ItemKind::Article));
    let error_for = move |field: &'static str| draft.error_for(field);

    view! {
        <div class="article-editor" on:keydown=on_keydown on:beforeinput=shell::undo_stays_in_field on:focusin=super::text_field::remember_field>
            <EditorBar
                state
                heading=Signal::derive(move || fields.with(|f| shell::editing_title(lang, &f.title)))
                primary=tr(lang, "editor-publish")
                on_save=Callback::new(move |()| save_now())
                on_primary=Callback::new(move |()| publish())
                on_stop=Callback::new(move |()| stop())
                on_delete=Callback::new(move |()| delete())
            >
                <p class="editor-bar__visibility">
                    {move || tr(lang, readers_see())}
                </p>
            </EditorBar>
            <ArticleSettings categories=article.categories.clone() opened/>
            {conflict_view}
            <article class="article article--editing">
                <EditableText
                    id="edit-title"
                    first=true
                    select_on_open=fields.with_untracked(|f| f.title == ArticleDetails::NEW_TITLE)
                    label=tr(lang, "editor-field-title")
                    lines=Lines::Several(2)
                    class="editable--title"
                    value=Signal::derive(move || fields.with(|f| f.title.clone()))
                    on_input=Callback::new(move |value: String| edit(&|f| f.title.clone_from(&value)))
                    error=error_for("title")
                />
                <EditableText
                    id="edit-lead"
                    label=tr(lang, "editor-field-lead")
                    lines=Lines::Several(3)
                    class="article__lead"
                    value=Signal::derive(move || fields.with(|f| f.lead.clone()))
                    on_input=Callback::new(move |value: String| edit(&|f| f.lead.clone_from(&value)))
                    error=error_for("lead")
                />
                <BodyEditor
                    initial_html=starting.body_html.clone()
                    node=opened.body
                    on_change=Callback::new(move |html: String| edit(&|f| f.body_html = html.clone()))
                    error=error_for("body")
                />
                <EditableText
                    id="edit-contact"
                    label=tr(lang, "editor-field-contact")
                    lines=Lines::One
                    class="article__contact"
                    value=Signal::derive(move || fields.with(|f| f.contact.clone()))
                    on_input=Callback::new(move |value: String| edit(&|f| f.contact.clone_from(&value)))
                    error=error_for("contact")
                />
            </article>
            <History item base_version=version autosave=draft.autosave/>
        </div>
    }
}
