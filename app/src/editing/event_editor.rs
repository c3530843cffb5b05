//! The event page in editing mode: every field of the event where it stands. Changes are
//! saved as a shared draft two seconds after typing stops (Ctrl+S at once); "Saglabāt
//! notikumu" saves them over the event, published or not as chosen. Esc leaves. A save over
//! someone else's shows both versions, to choose from part by part.

use leptos::{prelude::*, task::spawn_local};

use super::{
    address_field::address_field,
    autosave::SaveState,
    body_editor::BodyEditor,
    event_fields::{EditableEvent, EventDetails, EventFields},
    history::History,
    save_event,
    shell::{self, load_editor, EditorBar, Opened},
    text_field::{EditableText, Lines},
};
use crate::i18n::{tr, tr_with, Arg};

#[component]
pub fn EventEditor(slug: String, on_leave: Callback<()>) -> impl IntoView {
    load_editor(slug, move |event: EditableEvent| {
        view! { <EventForm event on_leave/> }
    })
}

#[component]
fn EventForm(event: EditableEvent, on_leave: Callback<()>) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let opened = shell::open(&event);
    let (request, (failed, save_now, edit)) = (opened.request(), opened.saving(lang));
    let Opened {
        draft,
        version,
        starting,
        item,
        body,
        slug,
    } = opened;
    let fields = draft.fields;
    let (draft_version, field_error) = (draft.draft_version, draft.field_error);
    let autosave = draft.autosave;
    let state = autosave.state;
    let error_for = move |field: &'static str| draft.error_for(field);

    let store = move || {
        let save = request();
        let ticket = autosave.start_saving();
        spawn_local(async move {
            let published = save.fields.published;
            let answer = save_event(save).await;
            if !autosave.latest(ticket) {
                return;
            }
            match answer {
                Ok(saved) => {
                    shell::follow_address::<EventDetails>(slug, lang, saved.slug.as_deref());
                    version.set(saved.version);
                    draft_version.set(0);
                    field_error.set(None);
                    let at = [("at", Arg::Text(&saved.at))];
                    state.set(SaveState::Done(if published {
                        tr_with(lang, "editor-published-at", &at)
                    } else {
                        tr_with(lang, "editor-saved-as-draft-at", &at)
                    }));
                }
                Err(error) => failed(error),
            }
        });
    };
    let store = move |()| {
        autosave.cancel();
        autosave.when_idle(store);
    };
    let on_keydown = draft.keys(save_now, on_leave);
    let stop = draft.leave_when_saved(save_now, on_leave);
    let delete = draft.delete_after_asking(lang, item);
    let conflict_view = draft.conflict_view(lang, version, body, save_now);
    // A one-line field: its control's id, the field the server names when refusing it.
    let text_field = move |(id, key): (&'static str, &'static str),
                           label: String,
                           get: fn(&EventFields) -> String,
                           set: fn(&mut EventFields, String)| {
        view! {
            <EditableText
                id
                label
                lines=Lines::One
                value=Signal::derive(move || fields.with(get))
                on_input=Callback::new(move |value: String| edit(&|f| set(f, value.clone())))
                error=error_for(key)
            />
        }
    };
    // The start or the end: its date and time controls, and the fields they edit.
    let date_time = move |end: End, label: String| {
        let [date_id, time_id, date_field, time_field] = end.names();
        view! {
            <fieldset class="event-editor__when">
                <legend>{label}</legend>
                <label for=date_id>{tr(lang, "editor-date")}</label>
                <input
                    id=date_id
                    type="date"
                    value=fields.with_untracked(|f| end.of(f).0.clone())
                    prop:value=move || fields.with(|f| end.of(f).0.clone())
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        edit(&|f| end.of_mut(f).0.clone_from(&value));
                    }
                />
                <label for=time_id>{tr(lang, "editor-time")}</label>
                <input
                    id=time_id
                    type="time"
                    value=fields.with_untracked(|f| end.of(f).1.clone())
                    prop:value=move || fields.with(|f| end.of(f).1.clone())
                    disabled=move || fields.with(|f| f.all_day)
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        edit(&|f| end.of_mut(f).1.clone_from(&value));
                    }
                />
                <p class="field-error" role="alert">
                    {move || error_for(date_field).get()}
                    {move || error_for(time_field).get()}
                </p>
            </fieldset>
        }
    };

    view! {
        <div class="event-editor" on:keydown=on_keydown>
            <EditorBar
                state
                heading=Signal::derive(move || fields.with(|f| shell::editing_title(lang, &f.title)))
                primary=tr(lang, "editor-save-event")
                on_save=Callback::new(move |()| save_now())
                on_primary=Callback::new(store)
                on_stop=Callback::new(move |()| stop())
                on_delete=Callback::new(move |()| delete())
            />
            {conflict_view}
            {event.details.repeats.then(|| view! {
                <p class="event-editor__note">{tr(lang, "editor-recurring-note")}</p>
            })}
            <fieldset class="item-settings">
                <legend>{tr(lang, "editor-settings")}</legend>
                {address_field::<EventDetails>(item, version, slug)}
            </fieldset>
            <article class="event event--editing">
                {text_field(("edit-title", "title"), tr(lang, "editor-field-name"), |f| f.title.clone(), |f, v| f.title = v)}
                <label class="editable__label" for="edit-all-day">
                    <input
                        id="edit-all-day"
                        type="checkbox"
                        checked=starting.all_day
                        prop:checked=move || fields.with(|f| f.all_day)
                        on:change=move |event| {
                            let checked = event_target_checked(&event);
                            edit(&|f| f.all_day = checked);
                        }
                    />
                    " "{tr(lang, "editor-all-day")}
                </label>
                {date_time(End::Start, tr(lang, "editor-start"))}
                {date_time(End::Finish, tr(lang, "editor-end"))}
                {text_field(("edit-location", "location"), tr(lang, "editor-field-location"), |f| f.location.clone(), |f, v| f.location = v)}
                <label class="editable__label" for="edit-category">{tr(lang, "editor-field-category")}</label>
                <select
                    id="edit-category"
                    class="editable"
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        edit(&|f| f.category.clone_from(&value));
                    }
                >
                    <option value="" selected=starting.category.is_empty()>{tr(lang, "editor-no-category")}</option>
                    {event.categories.iter().map(|category| view! {
                        <option value=category.slug.clone() selected=category.slug == starting.category>{crate::components::category_name(category).0}</option>
                    }).collect_view()}
                </select>
                <label class="editable__label" for="edit-status">{tr(lang, "editor-field-status")}</label>
                <select
                    id="edit-status"
                    class="editable"
                    on:change=move |event| {
                        let published = event_target_value(&event) == "published";
                        edit(&|f| f.published = published);
                    }
                >
                    <option value="draft" selected=!starting.published>{tr(lang, "editor-status-draft-hidden")}</option>
                    <option value="published" selected=starting.published>{tr(lang, "editor-status-published")}</option>
                </select>
                {text_field(("edit-summary", "summary"), tr(lang, "editor-field-summary"), |f| f.summary.clone(), |f, v| f.summary = v)}
                <BodyEditor
                    initial_html=starting.body_html.clone()
                    node=body
                    on_change=Callback::new(move |html: String| edit(&|f| f.body_html.clone_from(&html)))
                    error=error_for("body")
                />
            </article>
            <History item base_version=version/>
        </div>
    }
}

/// Which end of the event a date and time control edits.
#[derive(Clone, Copy)]
enum End {
    Start,
    Finish,
}

impl End {
    /// Its date and time controls' ids, and the fields the server names when refusing them.
    fn names(self) -> [&'static str; 4] {
        match self {
            End::Start => [
                "edit-start-date",
                "edit-start-time",
                "start_date",
                "start_time",
            ],
            End::Finish => ["edit-end-date", "edit-end-time", "end_date", "end_time"],
        }
    }

    /// Its date and time.
    fn of(self, fields: &EventFields) -> (&String, &String) {
        match self {
            End::Start => (&fields.start_date, &fields.start_time),
            End::Finish => (&fields.end_date, &fields.end_time),
        }
    }

    fn of_mut(self, fields: &mut EventFields) -> (&mut String, &mut String) {
        match self {
            End::Start => (&mut fields.start_date, &mut fields.start_time),
            End::Finish => (&mut fields.end_date, &mut fields.end_time),
        }
    }
}
