//! `/calendar` and `/calendar/{yyyy}/{mm}`: the month as a Monday-first grid.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::{get_month, month_weeks, EventSummary, MonthData, YearMonth};
use crate::{
    components::{CategoryLabel, ErrorPage},
    error::AppError,
    locale,
};

/// Which month the URL asks for: `Ok(None)` is "the current month".
fn requested_month(
    year: Option<String>,
    month: Option<String>,
) -> Result<Option<YearMonth>, AppError> {
    match (year, month) {
        (None, None) => Ok(None),
        (Some(year), Some(month)) => YearMonth::parse(&year, &month)
            .map(Some)
            .ok_or(AppError::NotFound),
        _ => Err(AppError::NotFound),
    }
}

#[component]
pub fn MonthPage() -> impl IntoView {
    let params = use_params_map();
    let requested =
        Memo::new(move |_| params.with(|p| requested_month(p.get("year"), p.get("month"))));
    let month = Resource::new(
        move || requested.get(),
        |requested| async move { get_month(requested?).await },
    );
    view! {
        <Transition fallback=|| view! { <p class="loading">"Ielādē kalendāru…"</p> }>
            {move || Suspend::new(async move {
                match month.await {
                    Ok(data) => view! { <MonthView data/> }.into_any(),
                    Err(error) => view! { <ErrorPage error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn MonthView(data: MonthData) -> impl IntoView {
    let MonthData { month, events } = data;
    let heading = format!(
        "Notikumu kalendārs — {}",
        locale::month_heading(month.year, month.month)
    );
    let empty = events.is_empty();
    let description = if empty {
        "Šajā mēnesī notikumu nav.".to_string()
    } else {
        format!(
            "{} mēnesī: {}.",
            locale::event_count(events.len()),
            locale::month_heading(month.year, month.month)
        )
    };
    view! {
        <Title text=heading.clone()/>
        <Meta name="description" content=description/>
        {empty.then(|| view! { <Meta name="robots" content="noindex"/> })}
        <section class="calendar" aria-labelledby="calendar-heading">
            <h1 id="calendar-heading">{heading.clone()}</h1>
            <MonthNavigation month/>
            {empty.then(|| view! { <p class="calendar__empty">"Šajā mēnesī notikumu nav."</p> })}
            <table class="calendar-grid">
                <caption class="visually-hidden">{heading}</caption>
                <thead>
                    <tr>
                        {locale::weekday_names()
                            .into_iter()
                            .zip(locale::WEEKDAYS_SHORT)
                            .map(|(name, short)| view! {
                                <th scope="col"><abbr title=name>{short}</abbr></th>
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {month_weeks(month)
                        .into_iter()
                        .map(|week| view! {
                            <tr>
                                {week
                                    .into_iter()
                                    .map(|day| view! { <DayCell day month events=events_on(&events, day)/> })
                                    .collect_view()}
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

fn events_on(events: &[EventSummary], day: NaiveDate) -> Vec<EventSummary> {
    events
        .iter()
        .filter(|event| event.covers(day))
        .cloned()
        .collect()
}

#[component]
fn MonthNavigation(month: YearMonth) -> impl IntoView {
    let previous = month.previous();
    let next = month.next();
    view! {
        <nav class="calendar-nav" aria-label="Mēneši">
            <a class="calendar-nav__link" href=previous.path() rel="prev">
                <span aria-hidden="true">"← "</span>
                <span class="visually-hidden">"Iepriekšējais mēnesis: "</span>
                {locale::month_heading(previous.year, previous.month)}
            </a>
            <a class="calendar-nav__link" href="/calendar">"Šis mēnesis"</a>
            <a class="calendar-nav__link" href=next.path() rel="next">
                <span class="visually-hidden">"Nākamais mēnesis: "</span>
                {locale::month_heading(next.year, next.month)}
                <span aria-hidden="true">" →"</span>
            </a>
        </nav>
    }
}

#[component]
fn DayCell(day: NaiveDate, month: YearMonth, events: Vec<EventSummary>) -> impl IntoView {
    let label = format!(
        "{}, {}",
        locale::long_date_with_weekday(day),
        locale::event_count(events.len())
    );
    let busy = !events.is_empty();
    view! {
        <td
            class="calendar-grid__day"
            class:calendar-grid__day--outside=!month.contains(day)
            class:calendar-grid__day--busy=busy
        >
            <span class="calendar-grid__date" aria-hidden="true">{day.day()}</span>
            <span class="visually-hidden">{label}</span>
            {busy.then(|| view! {
                <ul class="calendar-grid__events">
                    {events.into_iter().map(|event| view! { <EventChip event/> }).collect_view()}
                </ul>
            })}
        </td>
    }
}

#[component]
fn EventChip(event: EventSummary) -> impl IntoView {
    let time = locale::time_range(event.all_day, event.start, event.end);
    let colour = event
        .category
        .as_ref()
        .map(|category| format!("--category-colour: {}", category.colour));
    view! {
        <li class="calendar-event" class:calendar-event--all-day=event.all_day style=colour>
            <a class="calendar-event__link" href=event.path()>
                <span class="calendar-event__time">{time}</span>
                " "
                <span class="calendar-event__title">{event.title.clone()}</span>
            </a>
            {event.category.map(|category| view! { <CategoryLabel category/> })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requested_month_reads_the_url() {
        assert_eq!(requested_month(None, None), Ok(None));
        assert_eq!(
            requested_month(Some("2020".into()), Some("08".into())),
            Ok(YearMonth::new(2020, 8))
        );
        assert_eq!(
            requested_month(Some("2020".into()), Some("13".into())),
            Err(AppError::NotFound)
        );
        assert_eq!(
            requested_month(Some("abc".into()), Some("01".into())),
            Err(AppError::NotFound)
        );
    }
}
