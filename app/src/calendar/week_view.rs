//! The week view: Monday to Sunday, each day with all its events in order.

use crate::i18n::{tr_with, Arg};
use chrono::Days;
use leptos::prelude::*;

use super::{
    agenda::AgendaItem,
    day_path, in_calendar_range, iso_week_of,
    toolbar::{
        filter_query, CalendarOptions, CategoryFilter, PeriodNavigation, SubscribeLink, View,
        ViewLinks, ViewSwitcher,
    },
    week_path, CalendarFilter, DaysData,
};
use crate::{components::PageMeta, locale};

#[component]
pub fn WeekView(data: DaysData, filter: CalendarFilter) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let first = data.first;
    let (year, week) = iso_week_of(first);
    let week_label = move |date| {
        let (year, week) = iso_week_of(date);
        let (year, week) = (year.to_string(), week.to_string());
        tr_with(
            lang,
            "calendar-week",
            &[("week", Arg::Text(&week)), ("year", Arg::Text(&year))],
        )
    };
    let period = format!(
        "{} ({} – {})",
        week_label(first),
        locale::short_date(lang, first),
        locale::short_date(lang, data.last)
    );
    let heading = tr_with(lang, "calendar-heading", &[("period", Arg::Text(&period))]);
    let query = filter_query(&filter);
    let subscribe_filter = filter.clone();
    let previous = first - Days::new(7);
    let next = first + Days::new(7);
    let links = ViewLinks::of_period(first, data.last, data.today);
    let days: Vec<_> = first
        .iter_days()
        .take_while(|day| *day <= data.last)
        .map(|day| {
            let events: Vec<_> = data
                .events
                .iter()
                .filter(|e| e.covers(day))
                .cloned()
                .collect();
            (day, events)
        })
        .collect();
    view! {
        <PageMeta
            title=heading.clone()
            description=tr_with(lang, "calendar-week-description", &[("week", Arg::Text(&week.to_string())), ("year", Arg::Text(&year.to_string()))])
            path=week_path(first)
            noindex=data.events.is_empty()
        />
        <section class="calendar" aria-labelledby="calendar-heading">
            <h1 id="calendar-heading">{heading}</h1>
            <div class="calendar-toolbar">
                <PeriodNavigation
                    previous=in_calendar_range(previous).then(|| (format!("{}{query}", week_path(previous)), week_label(previous)))
                    current=(format!("{}{query}", week_path(data.today)), lang.t("calendar-this-week"))
                    next=in_calendar_range(next).then(|| (format!("{}{query}", week_path(next)), week_label(next)))
                    previous_label=lang.t("calendar-previous-week")
                    next_label=lang.t("calendar-next-week")
                />
                <CalendarOptions filter=filter.clone()>
                    <ViewSwitcher current=View::Week links filter=filter.clone()/>
                    <CategoryFilter categories=data.categories.clone() filter action=week_path(first)/>
                </CalendarOptions>
            </div>
            <ol class="week-view">
                {days
                    .into_iter()
                    .map(|(day, events)| view! {
                        <li
                            class="week-view__day"
                            class:week-view__day--today=day == data.today
                            aria-current=(day == data.today).then_some("date")
                        >
                            <h2 class="week-view__date">
                                // The week of 31 December 2999 ends in days without pages.
                                {if in_calendar_range(day) {
                                    view! {
                                        <a href=lang.href(&format!("{}{query}", day_path(day)))>
                                            {locale::long_date_with_weekday(lang, day)}
                                        </a>
                                    }
                                    .into_any()
                                } else {
                                    locale::long_date_with_weekday(lang, day).into_any()
                                }}
                            </h2>
                            {if events.is_empty() {
                                view! { <p class="week-view__empty">{lang.t("calendar-no-events")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="agenda">
                                        {events.into_iter().map(|event| view! { <AgendaItem event/> }).collect_view()}
                                    </ul>
                                }
                                .into_any()
                            }}
                        </li>
                    })
                    .collect_view()}
            </ol>
            <SubscribeLink filter=subscribe_filter/>
        </section>
    }
}
