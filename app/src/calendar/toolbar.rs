//! What sits above every calendar view: the period's heading and neighbours, the view
//! switcher, the month picker and the category filter. All of it is plain links and GET
//! forms, so it works before (and without) the WebAssembly.

use leptos::prelude::*;

use chrono::{Datelike, NaiveDate};

use super::{CalendarFilter, CategoryTag, YearMonth};
use crate::components::CategoryLabel;

/// `?category=a&category=b&news=1` (or nothing), to keep the filter on every link.
pub fn filter_query(filter: &CalendarFilter) -> String {
    filter_query_with(filter, &[])
}

/// The filter plus other `(name, value)` parameters.
pub fn filter_query_with(filter: &CalendarFilter, extra: &[(&str, String)]) -> String {
    let pairs: Vec<String> = extra
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .chain(
            filter
                .categories
                .iter()
                .map(|slug| format!("category={slug}")),
        )
        .chain(filter.news.then(|| "news=1".to_string()))
        .collect();
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// The calendar as an iCalendar feed (`/calendar.ics`) in the reader's language and the
/// page's categories, for a calendar program to subscribe to.
#[component]
pub fn SubscribeLink(filter: CalendarFilter) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let categories = CalendarFilter {
        news: false,
        ..filter
    };
    let href = lang.href(&format!("/calendar.ics{}", filter_query(&categories)));
    view! {
        <p class="calendar-subscribe">
            <a href=href type="text/calendar">{lang.t("calendar-subscribe")}</a>
        </p>
    }
}

/// Which view a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Month,
    Week,
    Day,
    List,
}

/// Links to the same time in the other views.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewLinks {
    pub month: String,
    pub week: String,
    pub day: String,
    /// The list's link is to past events (on their list) rather than upcoming ones.
    pub past: bool,
}

impl ViewLinks {
    /// The month, week and day of `date`, and the list of upcoming events.
    pub fn at(date: NaiveDate) -> Self {
        ViewLinks {
            month: YearMonth::of(date).path(),
            week: super::week_path(date),
            day: super::day_path(date),
            past: false,
        }
    }

    /// The other views of the period from `first` to `last` (a month, a week): at today while
    /// the period holds it, else at its first day, in the month most of its days are in (a
    /// week's Thursday's, as ISO weeks are counted; its first day's at the calendar's end).
    pub fn of_period(first: NaiveDate, last: NaiveDate, today: NaiveDate) -> Self {
        if (first..=last).contains(&today) {
            return Self::at(today);
        }
        let middle = first + (last - first) / 2;
        let month =
            YearMonth::new(middle.year(), middle.month()).unwrap_or_else(|| YearMonth::of(first));
        ViewLinks {
            month: month.path(),
            ..Self::at(first)
        }
    }
}

#[component]
pub fn ViewSwitcher(current: View, links: ViewLinks, filter: CalendarFilter) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let query = filter_query(&filter);
    let past = links.past.then(|| ("past", "1".to_string()));
    let list_href = format!(
        "/calendar/list{}",
        filter_query_with(&filter, past.as_slice())
    );
    let item = move |view: View, label: &'static str, href: String| {
        let current = (view == current).then_some("page");
        view! {
            <li>
                <a href=lang.href(&href) aria-current=current>{lang.t(label)}</a>
            </li>
        }
    };
    view! {
        <nav class="calendar-views" aria-label=lang.t("calendar-views")>
            <ul>
                {item(View::Month, "view-month", format!("{}{query}", links.month))}
                {item(View::Week, "view-week", format!("{}{query}", links.week))}
                {item(View::Day, "view-day", format!("{}{query}", links.day))}
                {item(View::List, "view-list", list_href)}
            </ul>
        </nav>
    }
}

/// The view switcher, the month picker and the filters. On a phone they fold behind one
/// button, so the period itself fills the first screen; from 40rem they are always shown.
/// While `filter` leaves categories out they start unfolded: what hides events is in sight,
/// with the way to show them all.
#[component]
pub fn CalendarOptions(filter: CalendarFilter, children: Children) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    view! {
        <details class="phone-fold calendar-options" open=!filter.categories.is_empty()>
            <summary class="phone-fold__toggle">{lang.t("calendar-options")}</summary>
            {children()}
        </details>
    }
}

/// Previous / current / next links for a period; `None` at either end of the calendar's
/// years, where there is nothing further to link to.
#[component]
pub fn PeriodNavigation(
    previous: Option<(String, String)>,
    current: (String, String),
    next: Option<(String, String)>,
    /// Screen-reader prefix, e.g. "Iepriekšējais mēnesis:".
    #[prop(into)]
    previous_label: String,
    #[prop(into)] next_label: String,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    view! {
        <nav class="calendar-nav" aria-label=lang.t("calendar-periods")>
            {previous.map(|(href, period)| view! {
                <a class="calendar-nav__link" href=lang.href(&href) rel="prev">
                    <span aria-hidden="true">"←"</span>
                    <span class="visually-hidden">{previous_label} " "</span>
                    <span class="calendar-nav__period">{period}</span>
                </a>
            })}
            <a class="calendar-nav__link" href=lang.href(&current.0)>{current.1}</a>
            {next.map(|(href, period)| view! {
                <a class="calendar-nav__link" href=lang.href(&href) rel="next">
                    <span class="visually-hidden">{next_label} " "</span>
                    <span class="calendar-nav__period">{period}</span>
                    <span aria-hidden="true">"→"</span>
                </a>
            })}
        </nav>
    }
}

/// A GET form choosing a month (`/calendar?month=2020-08`).
#[component]
pub fn MonthPicker(value: String, filter: CalendarFilter) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    view! {
        <form method="GET" action=lang.href("/calendar") class="calendar-picker">
            <label for="calendar-month">{lang.t("calendar-pick-month")}</label>
            // The years the calendar has pages for (`grid::YEARS`): the browser's own picker
            // then refuses a year typed beyond them, before the server would.
            <input id="calendar-month" type="month" name="month" value=value required=true min=format!("{}-01", super::grid::YEARS.start()) max=format!("{}-12", super::grid::YEARS.end())/>
            {filter
                .categories
                .into_iter()
                .map(|slug| view! { <input type="hidden" name="category" value=slug/> })
                .collect_view()}
            {filter.news.then(|| view! { <input type="hidden" name="news" value="1"/> })}
            <button type="submit">{lang.t("calendar-show")}</button>
        </form>
    }
}

/// Checkboxes for the categories; the choice goes into the URL.
#[component]
pub fn CategoryFilter(
    categories: Vec<CategoryTag>,
    filter: CalendarFilter,
    /// Where the form goes: the current view's path.
    action: String,
    /// The view's own parameters, which choosing categories keeps (the list's `past`).
    #[prop(optional)]
    keep: Vec<(&'static str, String)>,
) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let action = lang.href(&action);
    let clear = (!filter.categories.is_empty()).then(|| {
        let all = CalendarFilter {
            categories: Vec::new(),
            news: filter.news,
        };
        let href = format!("{action}{}", filter_query_with(&all, &keep));
        view! { <a class="calendar-filter__clear" href=href>{lang.t("categories-all")}</a> }
    });
    view! {
        <form method="GET" action=action.clone() class="calendar-filter">
            <fieldset>
                <legend>{lang.t("categories")}</legend>
                {categories
                    .into_iter()
                    .map(|category| {
                        let id = format!("category-{}", category.slug);
                        let checked = filter.categories.contains(&category.slug);
                        view! {
                            <span class="calendar-filter__option">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    name="category"
                                    value=category.slug.clone()
                                    checked=checked
                                />
                                <label for=id><CategoryLabel category/></label>
                            </span>
                        }
                    })
                    .collect_view()}
                {filter.news.then(|| view! { <input type="hidden" name="news" value="1"/> })}
                {keep
                    .iter()
                    .map(|(name, value)| view! { <input type="hidden" name=*name value=value.clone()/> })
                    .collect_view()}
                <button type="submit">{lang.t("categories-apply")}</button>
                {clear}
            </fieldset>
        </form>
    }
}

/// Turns the marking of news days on or off, keeping the rest of the filter. A link that says
/// where it leads ("Nerādīt ziņu dienas" while they show), not a toggle button: it loads
/// another page, as it does without JavaScript, and a button's Space could not follow it.
#[component]
pub fn NewsToggle(filter: CalendarFilter, path: String) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    let path = lang.href(&path);
    let shown = filter.news;
    let toggled = CalendarFilter {
        news: !shown,
        ..filter
    };
    let href = format!("{path}{}", filter_query(&toggled));
    view! {
        <a class="calendar-news-toggle" class:calendar-news-toggle--on=shown href=href>
            {lang.t(if shown { "news-days-hide" } else { "news-days-show" })}
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_other_views_of_a_period_are_at_today_in_it_else_in_its_own_month() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
        // Week 36 of 2020, Monday 31 August to Sunday 6 September: mostly September.
        let week = ViewLinks::of_period(day(2020, 8, 31), day(2020, 9, 6), day(2026, 12, 5));
        assert_eq!(
            (week.month.as_str(), week.week.as_str(), week.day.as_str()),
            (
                "/calendar/2020/09",
                "/calendar/2020/w36",
                "/calendar/2020/08/31"
            )
        );
        // This week and this month: today's.
        let this_week = ViewLinks::of_period(day(2026, 11, 30), day(2026, 12, 6), day(2026, 12, 5));
        assert_eq!(this_week, ViewLinks::at(day(2026, 12, 5)));
        let this_month =
            ViewLinks::of_period(day(2026, 12, 1), day(2026, 12, 31), day(2026, 12, 5));
        assert_eq!(this_month.day, "/calendar/2026/12/05");
        // The calendar's last week has no month 3000: its first day's.
        let last = ViewLinks::of_period(day(2999, 12, 30), day(3000, 1, 5), day(2026, 12, 5));
        assert_eq!(last.month, "/calendar/2999/12");
    }

    #[test]
    fn filter_queries_repeat_the_category_parameter() {
        let mut filter = CalendarFilter {
            categories: vec!["apmacibas".into(), "konferences".into()],
            news: false,
        };
        assert_eq!(
            filter_query(&filter),
            "?category=apmacibas&category=konferences"
        );
        assert_eq!(filter_query(&CalendarFilter::default()), "");
        assert_eq!(
            filter_query_with(&filter, &[("page", "2".into())]),
            "?page=2&category=apmacibas&category=konferences"
        );
        filter.news = true;
        assert_eq!(
            filter_query(&filter),
            "?category=apmacibas&category=konferences&news=1"
        );
    }
}
