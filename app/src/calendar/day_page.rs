//! `/calendar/{yyyy}/{mm}/{dd}`: one day's events, all of them ("+N vēl" leads here).

use crate::i18n::{tr_with, Arg};
use chrono::Days;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{
    agenda::AgendaItem,
    day_path, get_days, in_calendar_range, parse_day,
    toolbar::{
        filter_query, CalendarOptions, CategoryFilter, PeriodNavigation, View, ViewLinks,
        ViewSwitcher,
    },
    use_calendar_filter, DaysData, DaysQuery,
};
use crate::{
    components::{ErrorPage, PageMeta},
    error::AppError,
    locale,
};

#[component]
pub fn DayPage() -> impl IntoView {
    let params = use_params_map();
    let filter = use_calendar_filter();
    let query = Memo::new(move |_| {
        params
            .with(|p| {
                parse_day(
                    &p.get("year").unwrap_or_default(),
                    &p.get("month").unwrap_or_default(),
                    &p.get("day").unwrap_or_default(),
                )
            })
            .map(|day| DaysQuery {
                lang: crate::i18n::current_lang(),
                first: day,
                last: day,
                filter: filter.get(),
            })
            .ok_or(AppError::NotFound)
    });
    let day = Resource::new(
        move || query.get(),
        |query| async move { get_days(query?).await },
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">{crate::i18n::t("loading-day")}</p> }>
            {move || Suspend::new(async move {
                match day.await {
                    Ok(data) => view! { <DayView data/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn DayView(data: DaysData) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let filter = use_calendar_filter().get_untracked();
    let day = data.first;
    let period = locale::long_date_with_weekday(lang, day);
    let heading = tr_with(lang, "calendar-heading", &[("period", Arg::Text(&period))]);
    let query = filter_query(&filter);
    let (previous, next) = (day - Days::new(1), day + Days::new(1));
    let links = ViewLinks::at(day);
    let empty = data.events.is_empty();
    view! {
        <PageMeta
            title=heading.clone()
            description=format!("{}: {}.", locale::long_date(lang, day), locale::event_count(lang, data.events.len()))
            path=day_path(day)
            noindex=empty
        />
        <section class="calendar" aria-labelledby="calendar-heading">
            <h1 id="calendar-heading">{heading}</h1>
            <div class="calendar-toolbar">
                <PeriodNavigation
                    previous=in_calendar_range(previous).then(|| (format!("{}{query}", day_path(previous)), locale::long_date(lang, previous)))
                    current=(format!("{}{query}", day_path(data.today)), lang.t("calendar-today"))
                    next=in_calendar_range(next).then(|| (format!("{}{query}", day_path(next)), locale::long_date(lang, next)))
                    previous_label=lang.t("calendar-previous-day")
                    next_label=lang.t("calendar-next-day")
                />
                <CalendarOptions filter=filter.clone()>
                    <ViewSwitcher current=View::Day links filter=filter.clone()/>
                    <CategoryFilter categories=data.categories.clone() filter action=day_path(day)/>
                </CalendarOptions>
            </div>
            {if empty {
                view! { <p class="calendar__empty">{lang.t("calendar-day-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="agenda">
                        {data.events.into_iter().map(|event| view! { <AgendaItem event/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
