//! The article page in editing mode: title, lead, body and contact line editable where they
//! stand, saved as a draft two seconds after typing stops, published on request.
//! Ctrl+S saves at once, Esc leaves editing; leaving the page with unsaved changes asks first.

use leptos::{prelude::*, task::spawn_local};

use super::{
    article_settings::ArticleSettings,
    autosave::SaveState,
    body_editor::BodyEditor,
    drafting::Draft,
    history::History,
    publish_article,
    shell::{self, load_editor, EditorBar, Opened},
    text_field::{EditableText, Lines},
    ArticleDetails, EditableArticle,
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
    let opened = shell::open(&article);
    let (request, (failed, save_now, edit)) = (opened.request(), opened.saving(lang));
    let Opened {
        draft,
        version: base_version,
        starting,
        item,
        body,
        slug,
    } = opened;
    let Draft {
        fields,
        draft_version,
        field_error,
        autosave,
        ..
    } = draft;
    let state = autosave.state;
    let published = RwSignal::new(article.details.published);
    let error_for = move |field: &'static str| draft.error_for(field);

    let publish = move || {
        let save = request();
        let ticket = autosave.start_saving();
        spawn_local(async move {
            let answer = publish_article(save).await;
            if !autosave.latest(ticket) {
                return;
            }
            match answer {
                Ok(saved) => {
                    shell::follow_address::<ArticleDetails>(slug, lang, saved.slug.as_deref());
                    base_version.set(saved.version);
                    draft_version.set(0);
                    published.set(true);
                    field_error.set(None);
                    let at = [("at", Arg::Text(&saved.at))];
                    state.set(SaveState::Done(tr_with(lang, "editor-published-at", &at)));
                }
                Err(error) => failed(error),
            }
        });
    };
    let publish = move |()| {
        autosave.cancel();
        autosave.when_idle(publish);
    };

    let delete = draft.delete_after_asking(lang, item);
    let on_keydown = draft.keys(save_now, on_leave);
    let stop = draft.leave_when_saved(save_now, on_leave);
    let conflict_view = draft.conflict_view(lang, base_version, body, save_now);

    view! {
        <div class="article-editor" on:keydown=on_keydown>
            <EditorBar
                state
                heading=Signal::derive(move || fields.with(|f| shell::editing_title(lang, &f.title)))
                primary=tr(lang, "editor-publish")
                on_save=Callback::new(move |()| save_now())
                on_primary=Callback::new(publish)
                on_stop=Callback::new(move |()| stop())
                on_delete=Callback::new(move |()| delete())
            >
                <p class="editor-bar__visibility">
                    {move || if published.get() {
                        tr(lang, "editor-readers-see-published")
                    } else {
                        tr(lang, "editor-article-unpublished")
                    }}
                </p>
            </EditorBar>
            <ArticleSettings article=article.clone() item version=base_version published address=slug/>
            {conflict_view}
            <article class="article article--editing">
                <EditableText
                    id="edit-title"
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
                    node=body
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
            <History item base_version/>
        </div>
    }
}
