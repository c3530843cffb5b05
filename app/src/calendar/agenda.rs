//! One event as a line of a list (week, day and list views).

use leptos::prelude::*;

use super::EventSummary;
use crate::{components::CategoryLabel, locale};

#[component]
pub fn AgendaItem(
    event: EventSummary,
    /// Show the date too (lists that span many days).
    #[prop(optional)]
    with_date: bool,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    // A timed event over several days is dated even under one day's heading: its hours alone
    // ("09:00–17:00" on its middle day) would read as that day's.
    let over_days = !event.all_day && event.first_day() != event.last_day;
    let when = if with_date || over_days {
        locale::event_when(lang, event.all_day, event.start, event.end, event.last_day)
    } else {
        locale::time_range(lang, event.all_day, event.start, event.end)
    };
    let style = event
        .category
        .as_ref()
        .map(|category| format!("--category-colour: {}", category.colour));
    view! {
        <li class="agenda-item" style=style>
            <span class="agenda-item__when">{when}</span>
            <a class="agenda-item__title" href=lang.href(&event.path()) lang=event.text_lang.code()>{event.title.clone()}</a>
            {(!event.location.is_empty()).then(|| view! {
                <span class="agenda-item__location" lang=event.text_lang.code()>{event.location.clone()}</span>
            })}
            {event.category.map(|category| view! { <CategoryLabel category/> })}
        </li>
    }
}
