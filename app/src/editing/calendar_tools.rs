//! What editors can do on the month grid: add an event on a day ("+" button or the + key),
//! and move a single event to another day (drag it, or press M on its day, move with the
//! arrows and press Enter). Each change is announced to screen readers.

use chrono::NaiveDate;
use leptos::{prelude::*, task::spawn_local};

use super::{create_event, move_event};
use crate::{
    calendar::CalendarChanged,
    i18n::{tr, tr_with, Arg},
    locale,
};

/// Where the grid's announcements go (a polite live region).
#[derive(Clone, Copy)]
pub struct GridAnnouncer(pub RwSignal<String>);

/// Creates a draft event on `day` and opens it for editing.
pub fn add_event_on() -> impl Fn(NaiveDate) + Clone + 'static {
    let announcer = use_context::<GridAnnouncer>();
    let lang = crate::i18n::current_lang();
    move |day: NaiveDate| {
        spawn_local(async move {
            match create_event(day).await {
                Ok(slug) => crate::components::go_to(&lang.href(&crate::paths::event(&slug))),
                Err(error) => {
                    if let Some(GridAnnouncer(text)) = announcer {
                        text.set(error.describe(lang));
                    }
                }
            }
        });
    }
}

/// Moves the event `slug` to `day`, then reloads the month.
pub fn move_event_to() -> impl Fn(String, String, NaiveDate) + Clone + 'static {
    let lang = crate::i18n::current_lang();
    let changed = use_context::<CalendarChanged>();
    let announcer = use_context::<GridAnnouncer>();
    move |slug: String, title: String, day: NaiveDate| {
        spawn_local(async move {
            let said = match move_event(slug, day).await {
                Ok(()) => {
                    if let Some(CalendarChanged(reload)) = changed {
                        reload.run(());
                    }
                    let date = locale::long_date(lang, day);
                    let moved = [("title", Arg::Text(&title)), ("date", Arg::Text(&date))];
                    tr_with(lang, "editor-moved", &moved)
                }
                Err(error) => {
                    let reason = error.describe(lang);
                    let failed = [("title", Arg::Text(&title)), ("reason", Arg::Text(&reason))];
                    tr_with(lang, "editor-move-failed", &failed)
                }
            };
            if let Some(GridAnnouncer(text)) = announcer {
                text.set(said);
            }
        });
    }
}

/// The "+" of a day cell.
#[component]
pub fn AddEventButton(day: NaiveDate) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let add = add_event_on();
    let date = locale::long_date(lang, day);
    let label = tr_with(lang, "editor-add-event-on", &[("date", Arg::Text(&date))]);
    view! {
        <button
            type="button"
            class="month-grid__add"
            tabindex="-1"
            aria-label=label
            title=tr(lang, "editor-add-event")
            on:click=move |event| {
                event.stop_propagation();
                add(day);
            }
        >
            <span aria-hidden="true">"+"</span>
        </button>
    }
}
