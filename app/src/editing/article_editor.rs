//! The article page in editing mode: title, lead, body and contact line editable where they
//! stand, saved as a draft two seconds after typing stops, published on request.
//! Ctrl+S saves at once, Esc leaves editing; leaving the page with unsaved changes asks first.

use leptos::{ev::KeyboardEvent, html, prelude::*, task::spawn_local};
use leptos_meta::Title;
use leptos_router::{hooks::use_navigate, NavigateOptions};

use super::{
    article_settings::ArticleSettings,
    autosave::{field_message, SaveState},
    body_editor::BodyEditor,
    conflict::{article_parts, ConflictView},
    delete_article,
    drafting::Draft,
    get_editable_article,
    history::History,
    publish_article, save_draft, ArticleFields, ArticleSave, EditableArticle, ItemKind, ItemRef,
};
use crate::i18n::{tr, tr_with, Arg, Lang};

/// Loads the article for editing. `on_leave` runs when the editor presses Esc.
#[component]
pub fn ArticleEditor(slug: String, on_leave: Callback<()>) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let article = Resource::new(move || slug.clone(), get_editable_article);
    view! {
        <Suspense fallback=move || view! { <p class="loading">{tr(lang, "editor-opening")}</p> }>
            {move || Suspend::new(async move {
                match article.await {
                    Ok(article) => view! { <EditorForm article on_leave/> }.into_any(),
                    Err(error) => view! { <p class="form-error" role="alert">{error.describe(lang)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EditorForm(article: EditableArticle, on_leave: Callback<()>) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let article_id = article.id;
    let slug = StoredValue::new(article.slug.clone());
    let starting = article
        .draft
        .as_ref()
        .map_or_else(|| article.current.clone(), |draft| draft.fields.clone());
    let base_version = RwSignal::new(article.version);
    let draft = Draft::<ArticleFields, EditableArticle>::new(
        starting.clone(),
        article
            .draft
            .as_ref()
            .map(|d| (d.draft_version, d.saved_at.as_str())),
    );
    let Draft {
        fields,
        draft_version,
        field_error,
        conflict,
        autosave,
    } = draft;
    let state = autosave.state;
    let published = RwSignal::new(article.published);
    let body = NodeRef::<html::Div>::new();

    let error_for = move |field: &'static str| field_message(field_error, field);

    // One function for every way a save can fail.
    let failed =
        move |error| draft.failed(lang, error, move || get_editable_article(slug.get_value()));

    let request = move || ArticleSave {
        article_id,
        fields: fields.get_untracked(),
        base_version: base_version.get_untracked(),
        draft_version: draft_version.get_untracked(),
    };
    let save_now = move || draft.save_now(request(), |save| &save.fields, save_draft, failed);
    let edit = move |change: &dyn Fn(&mut ArticleFields)| {
        fields.update(|fields| change(fields));
        autosave.schedule(save_now);
    };

    let publish = move || {
        let save = request();
        state.set(SaveState::Saving);
        spawn_local(async move {
            match publish_article(save).await {
                Ok(saved) => {
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
    let publish = move |_| {
        autosave.cancel();
        autosave.when_idle(publish);
    };

    let navigate = use_navigate();
    let delete = move |_| {
        let sure = window()
            .confirm_with_message(&tr(lang, "editor-article-delete-question"))
            .unwrap_or(false);
        if !sure {
            return;
        }
        autosave.cancel();
        let navigate = navigate.clone();
        spawn_local(async move {
            match delete_article(article_id).await {
                Ok(()) => {
                    state.set(SaveState::Unchanged);
                    navigate(&lang.href("/editor"), NavigateOptions::default());
                }
                Err(error) => state.set(SaveState::Failed(error.describe(lang))),
            }
        });
    };

    let on_keydown = move |event: KeyboardEvent| {
        let key = event.key();
        if (event.ctrl_key() || event.meta_key()) && key.eq_ignore_ascii_case("s") {
            event.prevent_default();
            save_now();
        } else if key == "Escape" {
            event.prevent_default();
            if matches!(state.get_untracked(), SaveState::Unsaved) {
                save_now();
            }
            on_leave.run(());
        }
    };

    // A resolved conflict: the merged fields become the editor's, on top of the other save.
    let resolve = Callback::new(move |merged: ArticleFields| {
        let Some((_, theirs)) = conflict.get_untracked() else {
            return;
        };
        if let Some(element) = body.get_untracked() {
            element.set_inner_html(&merged.body_html);
        }
        fields.set(merged);
        base_version.set(theirs.version);
        draft_version.set(theirs.draft.as_ref().map_or(0, |d| d.draft_version));
        conflict.set(None);
        state.set(SaveState::Unsaved);
        save_now();
    });
    let conflict_view = move || {
        conflict.get().map(|(mine, theirs)| {
            let (their_fields, who) = match &theirs.draft {
                Some(draft) => (draft.fields.clone(), saved_by(lang, draft)),
                None => (
                    theirs.current.clone(),
                    tr(lang, "conflict-published-version"),
                ),
            };
            view! {
                <ConflictView
                    heading=tr(lang, "conflict-article-heading")
                    mine
                    theirs=their_fields
                    who
                    parts=article_parts()
                    on_resolve=resolve
                />
            }
        })
    };

    view! {
        <div class="article-editor" on:keydown=on_keydown>
            <Title text=move || fields.with(|f| editing_title(lang, &f.title))/>
            <h1 class="visually-hidden">{move || fields.with(|f| editing_title(lang, &f.title))}</h1>
            <div class="editor-bar" role="region" aria-label=tr(lang, "editor-bar")>
                <p class="editor-bar__state" role="status" aria-live="polite">
                    {move || state.with(|state| state.text(lang))}
                </p>
                <p class="editor-bar__visibility">
                    {move || if published.get() {
                        tr(lang, "editor-readers-see-published")
                    } else {
                        tr(lang, "editor-article-unpublished")
                    }}
                </p>
                <button type="button" class="button" on:click=move |_| save_now()>{tr(lang, "editor-save-draft")}</button>
                <button type="button" class="button button--primary" on:click=publish>{tr(lang, "editor-publish")}</button>
                <button type="button" class="button button--quiet" on:click=move |_| on_leave.run(())>{tr(lang, "editor-stop")}</button>
                <button type="button" class="button button--danger" on:click=delete>{tr(lang, "editor-delete")}</button>
            </div>
            <ArticleSettings article=article.clone() version=base_version published/>
            {conflict_view}
            <article class="article article--editing">
                <label class="editable__label" for="edit-title">{tr(lang, "editor-field-title")}</label>
                <textarea
                    id="edit-title"
                    class="editable editable--title"
                    rows="2"
                    aria-describedby="edit-title-error"
                    aria-invalid=move || if error_for("title").get().is_some() { "true" } else { "false" }
                    prop:value=move || fields.with(|f| f.title.clone())
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        edit(&|f| f.title = value.clone());
                    }
                >{starting.title.clone()}</textarea>
                <p id="edit-title-error" class="field-error" role="alert">{move || error_for("title").get()}</p>
                <label class="editable__label" for="edit-lead">{tr(lang, "editor-field-lead")}</label>
                <textarea
                    id="edit-lead"
                    class="editable article__lead"
                    rows="3"
                    aria-describedby="edit-lead-error"
                    prop:value=move || fields.with(|f| f.lead.clone())
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        edit(&|f| f.lead = value.clone());
                    }
                >{starting.lead.clone()}</textarea>
                <p id="edit-lead-error" class="field-error" role="alert">{move || error_for("lead").get()}</p>
                <BodyEditor
                    initial_html=starting.body_html.clone()
                    node=body
                    on_change=Callback::new(move |html: String| edit(&|f| f.body_html = html.clone()))
                    error=error_for("body")
                />
                <label class="editable__label" for="edit-contact">{tr(lang, "editor-field-contact")}</label>
                <input
                    id="edit-contact"
                    class="editable article__contact"
                    type="text"
                    value=starting.contact.clone()
                    prop:value=move || fields.with(|f| f.contact.clone())
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        edit(&|f| f.contact = value.clone());
                    }
                />
            </article>
            <History item=ItemRef { kind: ItemKind::Article, id: article_id } base_version/>
        </div>
    }
}

/// Who saved a draft and when, as the conflict view names the other version.
pub(super) fn saved_by<F>(lang: Lang, draft: &super::DraftState<F>) -> String {
    let who = match &draft.saved_by {
        Some(who) => who.clone(),
        None => tr(lang, "conflict-other-editor"),
    };
    format!("{who} ({})", draft.saved_at)
}

/// The page title and hidden heading while an article or event is edited.
pub(super) fn editing_title(lang: Lang, title: &str) -> String {
    tr_with(lang, "editor-editing", &[("title", Arg::Text(title))])
}
