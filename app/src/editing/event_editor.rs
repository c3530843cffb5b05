//! The event page in editing mode: every field of the event where it stands. Changes are
//! saved as a shared draft two seconds after typing stops (Ctrl+S at once); "Saglabāt
//! notikumu" saves them over the event, published or not as chosen. Esc leaves. A save over
//! someone else's shows both versions, to choose from part by part.

use leptos::prelude::*;

use super::{
    address_field::address_field,
    body_editor::BodyEditor,
    event_fields::{EditableEvent, EventDetails, EventFields},
    history::History,
    opened,
    shell::{self, load_editor, Editable, EditorBar},
    text_field::{EditableText, Lines},
    visibility::{chose_published, visibility_options},
    ItemKind,
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
    let opened = opened::open(&event);
    let (save_now, edit) = opened.saving(lang);
    let details = opened.details;
    let store = opened.writing(lang, move |saved| {
        details.update(|now| now.readers.set(saved.fields.published));
        let at = [("at", Arg::Text(&saved.at))];
        if saved.fields.published {
            tr_with(lang, "editor-published-at", &at)
        } else {
            tr_with(lang, "editor-saved-as-draft-at", &at)
        }
    });
    let conflict_view = opened.conflict_view(lang, save_now, store, "conflict-save-to-event");
    let (draft, item, version) = (opened.draft, opened.item, opened.version);
    let (on_keydown, stop, delete) = draft.controls(lang, item, save_now, on_leave);
    let (fields, state) = (draft.fields, draft.autosave.state);
    let starting = fields.get_untracked();
    let error_for = move |field: &'static str| draft.error_for(field);
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
                first=key == "title"
                select_on_open=key == "title" && fields.with_untracked(|f| f.title == EventDetails::NEW_TITLE)
                value=Signal::derive(move || fields.with(get))
                on_input=Callback::new(move |value: String| edit(&|f| set(f, value.clone())))
                error=error_for(key)
            />
        }
    };
    // The start or the end: its date and time controls, and the fields they edit.
    let date_time = move |end: End, label: String| {
        let [date_id, time_id, date_field, time_field] = end.names();
        // As a text field's: each control names the message under them and says while its
        // value is refused.
        let error_id = format!("{date_id}-error");
        let invalid = move |field: &'static str| super::text_field::refused(error_for(field));
        view! {
            <fieldset class="event-editor__when">
                <legend>{label}</legend>
                <label for=date_id>{tr(lang, "editor-date")}</label>
                <input
                    id=date_id
                    type="date"
                    value=fields.with_untracked(|f| end.of(f).0.clone())
                    prop:value=move || fields.with(|f| end.of(f).0.clone())
                    aria-describedby=error_id.clone()
                    aria-invalid=invalid(date_field)
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
                    aria-describedby=error_id.clone()
                    aria-invalid=invalid(time_field)
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        edit(&|f| end.of_mut(f).1.clone_from(&value));
                    }
                />
                <p id=error_id class="field-error" role="alert">
                    {move || error_for(date_field).get()}
                    {move || error_for(time_field).get()}
                </p>
            </fieldset>
        }
    };

    view! {
        <div class="event-editor" on:keydown=on_keydown on:beforeinput=shell::undo_stays_in_field on:focusin=super::text_field::remember_field>
            <EditorBar
                state
                heading=Signal::derive(move || fields.with(|f| shell::editing_title(lang, &f.title)))
                primary=tr(lang, "editor-save-event")
                on_save=Callback::new(move |()| save_now())
                on_primary=Callback::new(move |()| store())
                on_stop=Callback::new(move |()| stop())
                on_delete=Callback::new(move |()| delete())
            >
                <p class="editor-bar__visibility">
                    {move || {
                        let message = details.with(|now| {
                            now.readers.message(ItemKind::Event)
                        });
                        tr(lang, message)
                    }}
                </p>
            </EditorBar>
            {conflict_view}
            {event.details.repeats.then(|| view! {
                <p class="event-editor__note">{tr(lang, "editor-recurring-note")}</p>
            })}
            <fieldset class="item-settings">
                <legend>{tr(lang, "editor-settings")}</legend>
                {address_field(opened)}
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
                            edit(&|f| f.set_all_day(checked));
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
                    <option
                        value=""
                        selected=starting.category.is_empty()
                        prop:selected=move || fields.with(|f| f.category.is_empty())
                    >
                        {tr(lang, "editor-no-category")}
                    </option>
                    {event.categories.iter().map(|category| {
                        let chosen = category.slug.clone();
                        let (name, name_lang) = crate::components::category_name(category);
                        view! {
                            <option
                                value=category.slug.clone()
                                lang=name_lang
                                selected=category.slug == starting.category
                                prop:selected=move || fields.with(|f| f.category == chosen)
                            >
                                {name}
                            </option>
                        }
                    }).collect_view()}
                </select>
                <label class="editable__label" for="edit-status">{tr(lang, "editor-field-status")}</label>
                <select
                    id="edit-status"
                    class="editable"
                    on:change=move |event| {
                        let published = chose_published(&event);
                        edit(&|f| f.published = published);
                    }
                >
                    {visibility_options(lang, starting.published, move || fields.with(|f| f.published))}
                </select>
                {text_field(("edit-summary", "summary"), tr(lang, "editor-field-summary"), |f| f.summary.clone(), |f, v| f.summary = v)}
                <BodyEditor
                    initial_html=starting.body_html.clone()
                    node=opened.body
                    on_change=Callback::new(move |html: String| edit(&|f| f.body_html.clone_from(&html)))
                    error=error_for("body")
                />
            </article>
            <History item base_version=version autosave=draft.autosave/>
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
