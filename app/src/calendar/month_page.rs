//! `/calendar`, `/calendar/{yyyy}/{mm}` and `/calendar/{yyyy}/w{ww}`: the month grid and the
//! week view, with the toolbar. The page is server HTML; in the browser only the grid's
//! keyboard (`MonthGridKeys`) and, for editors, its tools (`GridEditing`) are islands.

use crate::i18n::{tr_with, Arg, Message};

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    get_days, get_month,
    month_grid::MonthCalendar,
    parse_week,
    toolbar::{
        filter_query, CalendarOptions, CategoryFilter, MonthPicker, NewsToggle, PeriodNavigation,
        SubscribeLink, View, ViewLinks, ViewSwitcher,
    },
    use_calendar_filter,
    week_view::WeekView,
    CalendarFilter, DaysQuery, MonthData, MonthQuery, YearMonth,
};
use crate::{
    auth::editor_signed_in,
    components::{ErrorPage, PageMeta},
    error::AppError,
    locale,
};

/// What the URL asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Period {
    /// `None`: the current month.
    Month(Option<YearMonth>),
    Week([NaiveDate; 7]),
}

fn requested_period(
    year: Option<String>,
    period: Option<String>,
    month_parameter: Option<String>,
) -> Result<Period, AppError> {
    match (year, period) {
        (None, None) => match month_parameter {
            None => Ok(Period::Month(None)),
            // The month picker sends `?month=2020-08`, or what was typed into it.
            Some(value) => YearMonth::from_picker(&value)
                .map(|month| Period::Month(Some(month)))
                .ok_or_else(|| AppError::Validation {
                    field: "month".into(),
                    message: Message::new("calendar-month-unreadable"),
                }),
        },
        (Some(year), Some(period)) if period.starts_with('w') => parse_week(&year, &period)
            .map(Period::Week)
            .ok_or(AppError::NotFound),
        (Some(year), Some(month)) => YearMonth::parse(&year, &month)
            .map(|month| Period::Month(Some(month)))
            .ok_or(AppError::NotFound),
        _ => Err(AppError::NotFound),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Month,
    Week,
    Missing,
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let filter = use_calendar_filter();
    let period = Memo::new(move |_| {
        let month_parameter = query.with(|q| q.get("month"));
        params.with(|p| requested_period(p.get("year"), p.get("period"), month_parameter))
    });
    let kind = Memo::new(move |_| match period.get() {
        Ok(Period::Month(_)) => Kind::Month,
        Ok(Period::Week(_)) => Kind::Week,
        Err(_) => Kind::Missing,
    });
    let month_query = Memo::new(move |_| match period.get() {
        Ok(Period::Month(month)) => Some(MonthQuery {
            lang: crate::i18n::current_lang(),
            month,
            filter: filter.get(),
        }),
        _ => None,
    });
    let week_query = Memo::new(move |_| match period.get() {
        Ok(Period::Week(days)) => Some(DaysQuery {
            lang: crate::i18n::current_lang(),
            first: days[0],
            last: days[6],
            filter: filter.get(),
        }),
        _ => None,
    });

    let month = Resource::new(
        move || month_query.get(),
        |query| async move {
            let editor = editor_signed_in().await;
            let Some(query) = query else {
                return (editor, Ok(None));
            };
            (editor, get_month(query).await.map(Some))
        },
    );
    let week = Resource::new(
        move || week_query.get(),
        |query| async move {
            match query {
                Some(query) => get_days(query).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        {move || match kind.get() {
            Kind::Missing => {
                let error = period.get().err().unwrap_or(AppError::NotFound);
                match query.with(|q| q.get("month")) {
                    // What the reader wrote is kept in the picker, to be mended.
                    Some(written) => view! {
                        <ErrorPage error>
                            <MonthPicker value=written filter=filter.get_untracked()/>
                        </ErrorPage>
                    }
                    .into_any(),
                    None => view! { <ErrorPage error/> }.into_any(),
                }
            }
            Kind::Month => view! {
                <Transition fallback=|| view! { <p class="loading">{crate::i18n::t("loading-calendar")}</p> }>
                    {move || Suspend::new(async move {
                        let (editor, found) = month.await;
                        match found {
                            Ok(Some(data)) => {
                                view! { <MonthView data filter=filter.get_untracked() editor/> }.into_any()
                            }
                            Ok(None) => ().into_any(),
                            Err(error) => view! { <ErrorPage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
            .into_any(),
            Kind::Week => view! {
                <Transition fallback=|| view! { <p class="loading">{crate::i18n::t("loading-week")}</p> }>
                    {move || Suspend::new(async move {
                        match week.await {
                            Ok(Some(data)) => view! { <WeekView data filter=filter.get_untracked()/> }.into_any(),
                            Ok(None) => ().into_any(),
                            Err(error) => view! { <ErrorPage error/> }.into_any(),
                        }
                    })}
                </Transition>
            }
            .into_any(),
        }}
    }
}

#[component]
fn MonthView(
    data: MonthData,
    filter: CalendarFilter,
    /// A signed-in editor: days can be added to and events moved.
    editor: bool,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let month = data.month;
    let period = locale::month_heading(lang, month.year, month.month);
    let heading = tr_with(lang, "calendar-heading", &[("period", Arg::Text(&period))]);
    let empty = data.events_in_month == 0;
    // Nothing in the categories chosen is not nothing at all.
    let nothing = match filter.categories.is_empty() {
        true => lang.t("calendar-month-empty"),
        false => lang.t("calendar-month-empty-filtered"),
    };
    let description = if empty {
        nothing.clone()
    } else {
        let events = locale::event_count(lang, data.events_in_month);
        tr_with(
            lang,
            "calendar-month-summary",
            &[
                ("events", Arg::Text(&events)),
                ("month", Arg::Text(&period)),
            ],
        )
    };
    let query = filter_query(&filter);
    // No links past the calendar's first and last months.
    let within = |month: YearMonth| YearMonth::new(month.year, month.month);
    let (previous, next) = (within(month.previous()), within(month.next()));
    let first = month.first_day();
    let links = ViewLinks::of_period(first, month.last_day(), data.today);
    // The options are the toolbar's children, built once from their own copies.
    let (categories, options_filter) = (data.categories.clone(), filter.clone());
    view! {
        <PageMeta title=heading.clone() description path=month.path() noindex=empty/>
        <crate::app::PreloadIslands editor/>
        <section class="calendar" aria-labelledby="calendar-heading">
            <h1 id="calendar-heading">{heading.clone()}</h1>
            <div class="calendar-toolbar">
                <PeriodNavigation
                    previous=previous.map(|previous| (
                        format!("{}{query}", previous.path()),
                        locale::month_heading(lang, previous.year, previous.month),
                    ))
                    current=(format!("/calendar{query}"), lang.t("calendar-this-month"))
                    next=next.map(|next| (format!("{}{query}", next.path()), locale::month_heading(lang, next.year, next.month)))
                    previous_label=lang.t("calendar-previous-month")
                    next_label=lang.t("calendar-next-month")
                />
                <CalendarOptions filter=options_filter.clone()>
                    <ViewSwitcher current=View::Month links filter=options_filter.clone()/>
                    <MonthPicker
                        value=format!("{:04}-{:02}", month.year, month.month)
                        filter=options_filter.clone()
                    />
                    <div class="calendar-filters">
                        <CategoryFilter categories filter=options_filter.clone() action=month.path()/>
                        <NewsToggle filter=options_filter path=month.path()/>
                    </div>
                </CalendarOptions>
            </div>
            {empty.then(|| view! { <p class="calendar__empty">{nothing}</p> })}
            <MonthCalendar data filter=filter.clone() heading editor lang/>
            <SubscribeLink filter/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn some(value: &str) -> Option<String> {
        Some(value.to_string())
    }

    #[test]
    fn the_url_names_a_month_a_week_or_nothing() {
        assert_eq!(requested_period(None, None, None), Ok(Period::Month(None)));
        assert_eq!(
            requested_period(some("2020"), some("08"), None),
            Ok(Period::Month(YearMonth::new(2020, 8)))
        );
        assert_eq!(
            requested_period(None, None, some("2020-08")),
            Ok(Period::Month(YearMonth::new(2020, 8)))
        );
        assert!(matches!(
            requested_period(some("2020"), some("w32"), None),
            Ok(Period::Week(days)) if days[0].day() == 3
        ));
        for (year, period) in [
            ("2020", "13"),
            ("abc", "01"),
            ("2020", "w54"),
            ("2020", "x"),
        ] {
            assert_eq!(
                requested_period(some(year), some(period), None),
                Err(AppError::NotFound),
                "{year}/{period}"
            );
        }
        // Typed where the browser has no month field.
        for typed in [
            "08.2020", "8.2020.", "08/2020", "2020.08", " 2020 8 ", "2020-8",
        ] {
            assert_eq!(
                requested_period(None, None, some(typed)),
                Ok(Period::Month(YearMonth::new(2020, 8))),
                "{typed:?}"
            );
        }
        for typed in ["2020-13", "augusts", "08.20", "1.8.2020", "", "2020-08-01"] {
            assert!(
                matches!(
                    requested_period(None, None, some(typed)),
                    Err(AppError::Validation { ref field, .. }) if field == "month"
                ),
                "{typed:?}"
            );
        }
    }
}
