//! The event page in editing mode: every field of the event where it stands, saved (and
//! published or not, as chosen) with "Saglabāt" or Ctrl+S; Esc leaves. A save over someone
//! else's shows both versions side by side to choose from.

use leptos::{ev::KeyboardEvent, html, prelude::*, task::spawn_local};
use leptos_router::{hooks::use_navigate, NavigateOptions};

use super::{
    body_editor::BodyEditor,
    delete_event,
    event_fields::{EditableEvent, EventFields, EventSave},
    get_editable_event, save_event,
};
use crate::error::AppError;

#[component]
pub fn EventEditor(slug: String, on_leave: Callback<()>) -> impl IntoView {
    let event = Resource::new(move || slug.clone(), get_editable_event);
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Atver rediģēšanai…"</p> }>
            {move || Suspend::new(async move {
                match event.await {
                    Ok(event) => view! { <EventForm event on_leave/> }.into_any(),
                    Err(error) => view! { <p class="form-error" role="alert">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The differing fields of two versions, labelled, for the conflict view.
fn differences(mine: &EventFields, theirs: &EventFields) -> Vec<(&'static str, String, String)> {
    let when = |f: &EventFields| {
        if f.all_day {
            format!("{} – {} (visu dienu)", f.start_date, f.end_date)
        } else {
            format!(
                "{} {} – {} {}",
                f.start_date, f.start_time, f.end_date, f.end_time
            )
        }
    };
    let status = |f: &EventFields| {
        if f.published {
            "publicēts"
        } else {
            "melnraksts"
        }
        .to_string()
    };
    [
        ("Nosaukums", mine.title.clone(), theirs.title.clone()),
        ("Laiks", when(mine), when(theirs)),
        ("Vieta", mine.location.clone(), theirs.location.clone()),
        ("Kategorija", mine.category.clone(), theirs.category.clone()),
        ("Īss apraksts", mine.summary.clone(), theirs.summary.clone()),
        ("Apraksts", mine.body_html.clone(), theirs.body_html.clone()),
        ("Statuss", status(mine), status(theirs)),
    ]
    .into_iter()
    .filter(|(_, a, b)| a != b)
    .collect()
}

#[component]
fn EventForm(event: EditableEvent, on_leave: Callback<()>) -> impl IntoView {
    let event_id = event.id;
    let slug = event.slug.clone();
    let fields = RwSignal::new(event.fields.clone());
    let version = RwSignal::new(event.version);
    let message = RwSignal::new(None::<String>);
    let field_error = RwSignal::new(None::<(String, String)>);
    let conflict = RwSignal::new(None::<EditableEvent>);
    let body = NodeRef::<html::Div>::new();
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            field_error
                .get()
                .filter(|(name, _)| name == field)
                .map(|(_, message)| message)
        })
    };

    let save = move || {
        let request = EventSave {
            event_id,
            version: version.get_untracked(),
            fields: fields.get_untracked(),
        };
        let slug = slug.clone();
        message.set(Some("Saglabā…".into()));
        spawn_local(async move {
            match save_event(request).await {
                Ok(new_version) => {
                    version.set(new_version);
                    field_error.set(None);
                    message.set(Some("Saglabāts.".into()));
                }
                Err(AppError::Conflict { .. }) => {
                    message.set(Some("Kāds cits pa to laiku saglabāja šo notikumu.".into()));
                    if let Ok(theirs) = get_editable_event(slug).await {
                        conflict.set(Some(theirs));
                    }
                }
                Err(AppError::Validation {
                    field,
                    message: text,
                }) => {
                    message.set(Some(text.clone()));
                    field_error.set(Some((field, text)));
                }
                Err(error) => message.set(Some(error.to_string())),
            }
        });
    };
    let save = StoredValue::new(save);
    let on_keydown = move |event: KeyboardEvent| {
        if (event.ctrl_key() || event.meta_key()) && event.key().eq_ignore_ascii_case("s") {
            event.prevent_default();
            save.with_value(|save| save());
        } else if event.key() == "Escape" {
            event.prevent_default();
            on_leave.run(());
        }
    };
    let navigate = use_navigate();
    let delete = move |_| {
        let sure = window()
            .confirm_with_message("Pārvietot šo notikumu uz miskasti?")
            .unwrap_or(false);
        if !sure {
            return;
        }
        let navigate = navigate.clone();
        spawn_local(async move {
            match delete_event(event_id).await {
                Ok(()) => navigate("/calendar", NavigateOptions::default()),
                Err(error) => message.set(Some(error.to_string())),
            }
        });
    };
    let keep_theirs = move |theirs: EditableEvent| {
        if let Some(element) = body.get_untracked() {
            element.set_inner_html(&theirs.fields.body_html);
        }
        fields.set(theirs.fields);
        version.set(theirs.version);
        conflict.set(None);
        message.set(Some("Paturēta otra versija.".into()));
    };
    let keep_mine = move |theirs: EditableEvent| {
        version.set(theirs.version);
        conflict.set(None);
        save.with_value(|save| save());
    };
    let text_field = move |id: &'static str,
                           label: &'static str,
                           get: fn(&EventFields) -> String,
                           set: fn(&mut EventFields, String)| {
        view! {
            <label class="editable__label" for=id>{label}</label>
            <input
                id=id
                class="editable"
                type="text"
                value=fields.with_untracked(get)
                prop:value=move || fields.with(get)
                aria-invalid=move || if error_for(field_key(id)).get().is_some() { "true" } else { "false" }
                on:input=move |event| {
                    let value = event_target_value(&event);
                    fields.update(|f| set(f, value));
                }
            />
            <p class="field-error" role="alert">{move || error_for(field_key(id)).get()}</p>
        }
    };
    let date_time = move |prefix: &'static str, label: &'static str| {
        let (date_id, time_id) = if prefix == "start" {
            ("edit-start-date", "edit-start-time")
        } else {
            ("edit-end-date", "edit-end-time")
        };
        let date_of = move |f: &EventFields| {
            if prefix == "start" {
                f.start_date.clone()
            } else {
                f.end_date.clone()
            }
        };
        let time_of = move |f: &EventFields| {
            if prefix == "start" {
                f.start_time.clone()
            } else {
                f.end_time.clone()
            }
        };
        view! {
            <fieldset class="event-editor__when">
                <legend>{label}</legend>
                <label for=date_id>"Datums"</label>
                <input
                    id=date_id
                    type="date"
                    value=fields.with_untracked(date_of)
                    prop:value=move || fields.with(date_of)
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        fields.update(|f| if prefix == "start" { f.start_date = value } else { f.end_date = value });
                    }
                />
                <label for=time_id>"Laiks"</label>
                <input
                    id=time_id
                    type="time"
                    value=fields.with_untracked(time_of)
                    prop:value=move || fields.with(time_of)
                    disabled=move || fields.with(|f| f.all_day)
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        fields.update(|f| if prefix == "start" { f.start_time = value } else { f.end_time = value });
                    }
                />
                <p class="field-error" role="alert">
                    {move || error_for(if prefix == "start" { "start_date" } else { "end_date" }).get()}
                    {move || error_for(if prefix == "start" { "start_time" } else { "end_time" }).get()}
                </p>
            </fieldset>
        }
    };

    view! {
        <div class="event-editor" on:keydown=on_keydown>
            <h1 class="visually-hidden">{move || format!("Rediģē: {}", fields.with(|f| f.title.clone()))}</h1>
            <div class="editor-bar" role="region" aria-label="Rediģēšana">
                <p class="editor-bar__state" role="status" aria-live="polite">{move || message.get()}</p>
                <button type="button" class="button button--primary" on:click=move |_| save.with_value(|save| save())>"Saglabāt"</button>
                <button type="button" class="button button--quiet" on:click=move |_| on_leave.run(())>"Beigt rediģēt"</button>
                <button type="button" class="button button--danger" on:click=delete>"Dzēst"</button>
            </div>
            {move || conflict.get().map(|theirs| {
                let rows = differences(&fields.get_untracked(), &theirs.fields);
                let (mine_theirs, theirs_again) = (theirs.clone(), theirs);
                view! {
                    <section class="conflict" aria-labelledby="event-conflict-heading">
                        <h2 id="event-conflict-heading">"Kāds cits saglabāja šo notikumu, kamēr jūs to rediģējāt"</h2>
                        <table class="conflict__table">
                            <thead><tr><th scope="col">"Lauks"</th><th scope="col">"Jūsu versija"</th><th scope="col">"Otra versija"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(label, mine, theirs)| view! {
                                    <tr><th scope="row">{label}</th><td>{mine}</td><td>{theirs}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <button type="button" class="button button--primary" on:click=move |_| keep_mine(mine_theirs.clone())>"Paturēt manu versiju"</button>
                        " "
                        <button type="button" class="button button--quiet" on:click=move |_| keep_theirs(theirs_again.clone())>"Paturēt otru versiju"</button>
                    </section>
                }
            })}
            {event.repeats.then(|| view! {
                <p class="event-editor__note">"Atkārtots notikums: datumi ir pirmās reizes datumi; atkārtošanās kārtība paliek."</p>
            })}
            <article class="event event--editing">
                {text_field("edit-title", "Nosaukums", |f| f.title.clone(), |f, v| f.title = v)}
                <label class="editable__label" for="edit-all-day">
                    <input
                        id="edit-all-day"
                        type="checkbox"
                        checked=event.fields.all_day
                        prop:checked=move || fields.with(|f| f.all_day)
                        on:change=move |event| {
                            let checked = event_target_checked(&event);
                            fields.update(|f| f.all_day = checked);
                        }
                    />
                    " Visu dienu"
                </label>
                {date_time("start", "Sākums")}
                {date_time("end", "Beigas")}
                {text_field("edit-location", "Vieta", |f| f.location.clone(), |f, v| f.location = v)}
                <label class="editable__label" for="edit-category">"Kategorija"</label>
                <select
                    id="edit-category"
                    class="editable"
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        fields.update(|f| f.category = value);
                    }
                >
                    <option value="" selected=event.fields.category.is_empty()>"Bez kategorijas"</option>
                    {event.categories.iter().map(|category| view! {
                        <option value=category.slug.clone() selected=category.slug == event.fields.category>{category.name.clone()}</option>
                    }).collect_view()}
                </select>
                <label class="editable__label" for="edit-status">"Statuss"</label>
                <select
                    id="edit-status"
                    class="editable"
                    on:change=move |event| {
                        let published = event_target_value(&event) == "published";
                        fields.update(|f| f.published = published);
                    }
                >
                    <option value="draft" selected=!event.fields.published>"Melnraksts (lasītāji neredz)"</option>
                    <option value="published" selected=event.fields.published>"Publicēts"</option>
                </select>
                {text_field("edit-summary", "Īss apraksts", |f| f.summary.clone(), |f, v| f.summary = v)}
                <BodyEditor
                    initial_html=event.fields.body_html.clone()
                    node=body
                    on_change=Callback::new(move |html: String| fields.update(|f| f.body_html = html))
                    error=error_for("body")
                />
            </article>
        </div>
    }
}

/// The validation field a form control reports under.
fn field_key(id: &str) -> &'static str {
    match id {
        "edit-title" => "title",
        "edit-location" => "location",
        "edit-summary" => "summary",
        _ => "",
    }
}
