//! The reader's calendar: month, week, day and list views and event pages, their wire types
//! and server functions. Recurring series are expanded on the server for the range shown.

mod agenda;
mod day_page;
mod event_page;
mod grid;
pub(crate) mod grid_keys;
#[cfg(feature = "ssr")]
pub mod layout;
mod list_page;
mod month_grid;
mod month_page;
#[cfg(feature = "ssr")]
pub(crate) mod occurrences;
#[cfg(feature = "ssr")]
pub(crate) mod records;
#[cfg(feature = "ssr")]
pub mod recurrence;
#[cfg(feature = "ssr")]
mod rule_text;
mod toolbar;
mod week_view;

use chrono::{NaiveDate, NaiveDateTime};
use leptos::{prelude::*, server_fn::codec::Json};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
pub use day_page::DayPage;
pub use event_page::EventPage;
pub use grid::{
    day_path, in_calendar_range, iso_week_days, iso_week_of, last_day_covered, month_weeks,
    parse_day, parse_week, visible_days, week_path, GridKey, YearMonth, YEARS,
};
pub use list_page::ListPage;
pub use month_page::CalendarPage;
pub use toolbar::{filter_query_with, CategoryFilter};

/// The categories a filter asks for, from the values of its `category` parameters: only
/// slug-shaped ones count (an empty one is no filter), each once, at most
/// `MAX_FILTER_CATEGORIES`. Pages and feeds read a filter alike.
pub fn filter_slugs(values: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut categories: Vec<String> = values
        .into_iter()
        .filter(|slug| {
            !slug.is_empty()
                && slug.len() <= 80
                && slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        .take(MAX_FILTER_CATEGORIES)
        .collect();
    categories.sort();
    categories.dedup();
    categories
}

/// The category filter in the URL: `?category=a&category=b` (see [`filter_slugs`]).
pub fn use_calendar_filter() -> Memo<CalendarFilter> {
    let query = leptos_router::hooks::use_query_map();
    Memo::new(move |_| {
        let categories = filter_slugs(query.with(|q| q.get_all("category")).unwrap_or_default());
        let news = query.with(|q| q.get("news")).as_deref() == Some("1");
        CalendarFilter { categories, news }
    })
}

/// Occurrences a single series may contribute to one page; a runaway rule cannot flood it.
pub const MAX_OCCURRENCES_PER_SERIES: usize = 400;

/// A category as readers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryTag {
    pub slug: String,
    /// The Latvian name; see [`CategoryTag::name_in`].
    pub name: String,
    /// The English and Russian names, empty where there is none.
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub name_ru: String,
    /// `#rrggbb`, always shown together with the name.
    pub colour: String,
}

impl CategoryTag {
    /// The name in `lang` (Latvian where there is none), and the language it is in.
    pub fn name_in(&self, lang: crate::i18n::Lang) -> (&str, crate::i18n::Lang) {
        lang.pick(&self.name, &self.name_en, &self.name_ru)
    }
}

/// An event (or one occurrence of a recurring one) in a list or on the grid. Times are
/// wall-clock times in Europe/Riga.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    pub slug: String,
    pub title: String,
    /// The language of `title` and `location`: the reader's where the event has that
    /// translation, else Latvian.
    #[serde(default)]
    pub text_lang: crate::i18n::Lang,
    pub all_day: bool,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// The last day the event covers (see [`last_day_covered`]).
    pub last_day: NaiveDate,
    pub location: String,
    pub category: Option<CategoryTag>,
    /// For an occurrence of a recurring event: the day it starts, which its link carries.
    pub occurrence: Option<NaiveDate>,
}

impl EventSummary {
    pub fn first_day(&self) -> NaiveDate {
        self.start.date()
    }

    pub fn covers(&self, day: NaiveDate) -> bool {
        self.first_day() <= day && day <= self.last_day
    }

    /// The event page; an occurrence's link names its date.
    pub fn path(&self) -> String {
        match self.occurrence {
            Some(date) => crate::paths::event_occurrence(&self.slug, date),
            None => crate::paths::event(&self.slug),
        }
    }
}

/// The event page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDetail {
    pub event: EventSummary,
    pub summary: String,
    /// Sanitised when stored.
    pub body_html: String,
    /// How the event repeats, in the page's language ("katru otrdienu", "every Tuesday"), for
    /// recurring events.
    pub repeats: Option<String>,
    /// Absolute URL of the canonical page (the Latvian one where the event has no version in
    /// the page's language), for structured data.
    pub url: String,
    /// The site's public base URL (no trailing slash).
    pub site_url: String,
    /// The occurrence in UTC as `20200804T070000Z/20200804T090000Z`, for calendar links.
    pub utc_range: String,
    /// Published articles about the event, newest first.
    pub news: Vec<crate::articles::ArticleSummary>,
    #[serde(flatten)]
    pub languages: crate::editing::PageLanguages,
}

/// A bar for an all-day or multi-day event across the days of one week of the month grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthBar {
    pub event: EventSummary,
    /// 0 (Monday) to 6.
    pub column: u8,
    /// Days the bar covers in this week.
    pub span: u8,
    /// Which of the day's lines it sits on, from the top.
    pub line: u8,
    pub continues_before: bool,
    pub continues_after: bool,
}

impl MonthBar {
    /// Whether the bar covers the week's day `column` without starting there.
    pub fn continues_on(&self, column: usize) -> bool {
        let first = usize::from(self.column);
        first < column && column < first + usize::from(self.span)
    }
}

/// One day of the month grid: the timed events that fit, and how many did not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaySlot {
    pub date: NaiveDate,
    /// Lines taken by bars on this day.
    pub bar_lines: u8,
    pub events: Vec<EventSummary>,
    /// Events on this day that are not shown ("+N vēl").
    pub hidden: usize,
    /// Every event on this day, shown or not.
    pub total: usize,
}

/// One Monday-to-Sunday row of the month grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekRow {
    pub bars: Vec<MonthBar>,
    pub days: Vec<DaySlot>,
    /// Bar lines the week needs.
    pub lines: u8,
}

/// The most categories a filter (of the calendar, the feeds or search) names; the rest of a
/// longer list is ignored, so no request can make one look up without end.
pub const MAX_FILTER_CATEGORIES: usize = 50;

/// What a calendar page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CalendarFilter {
    /// Category slugs; empty means every category.
    pub categories: Vec<String>,
    /// Also mark the days on which news was published (`?news=1`).
    pub news: bool,
}

/// An article published on a day of the month grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsMark {
    /// The publication day in Riga.
    pub date: NaiveDate,
    pub slug: String,
    pub title: String,
    /// The language of `title`: the reader's where the article has that translation.
    pub text_lang: crate::i18n::Lang,
}

/// A month page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthData {
    pub month: YearMonth,
    pub weeks: Vec<WeekRow>,
    /// Events in the month itself (what "no events" and `noindex` go by).
    pub events_in_month: usize,
    pub categories: Vec<CategoryTag>,
    /// Articles published on the days shown, oldest first (only when the filter asks).
    pub news: Vec<NewsMark>,
    /// Today in Riga, which the grid marks.
    pub today: NaiveDate,
}

/// A week or day page: every event in the days, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaysData {
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// Today in Riga, for the "this week" and "today" links.
    pub today: NaiveDate,
    pub events: Vec<EventSummary>,
    pub categories: Vec<CategoryTag>,
}

/// A page of the list view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventList {
    pub events: Vec<EventSummary>,
    /// Recurring series (first page only), with how they repeat in the page's language: their
    /// next occurrence, or in the past list their last.
    pub recurring: Vec<(EventSummary, String)>,
    pub past: bool,
    /// 1-based.
    pub page: u32,
    pub pages: u32,
    pub categories: Vec<CategoryTag>,
    /// Today in Riga: the view switcher's week and day are today's.
    pub today: NaiveDate,
}

/// What a month page asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MonthQuery {
    /// The reader's language: titles and places of translated events come in it.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    /// `None`: the current month in Riga.
    pub month: Option<YearMonth>,
    pub filter: CalendarFilter,
}

/// What a week or day page asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DaysQuery {
    /// The reader's language: titles and places of translated events come in it.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub filter: CalendarFilter,
}

/// What the list view asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ListQuery {
    /// The reader's language: titles and places of translated events come in it.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    pub page: u32,
    pub past: bool,
    pub filter: CalendarFilter,
}

/// Events per page of the list view.
pub const LIST_PAGE_SIZE: u32 = 20;

/// The month grid of `query.month` (or the current month in Riga).
#[server(input = Json)]
pub async fn get_month(query: MonthQuery) -> Result<MonthData, AppError> {
    use crate::{state::store, timezone};

    let today = timezone::today();
    let month = query.month.unwrap_or_else(|| YearMonth::of(today));
    let store = store()?;
    let (first, last) = visible_days(month);
    let events =
        occurrences::summaries_between(store.as_ref(), query.lang, first, last, &query.filter)
            .await?;
    let weeks = month_weeks(month);
    Ok(MonthData {
        month,
        weeks: layout::lay_out(&weeks, &events),
        events_in_month: events
            .iter()
            .filter(|event| {
                event.first_day() <= month.last_day() && event.last_day >= month.first_day()
            })
            .count(),
        categories: occurrences::category_tags(store.as_ref()).await?,
        news: if query.filter.news {
            let categories = &query.filter.categories;
            records::news_marks(store.as_ref(), query.lang, categories, first, last).await?
        } else {
            Vec::new()
        },
        today,
    })
}

/// Every event from `first` to `last` (at most six weeks), for week and day pages.
#[server(input = Json)]
pub async fn get_days(query: DaysQuery) -> Result<DaysData, AppError> {
    let store = crate::state::store()?;
    // The first day decides: the week of 31 December 2999 ends in the year 3000.
    if !in_calendar_range(query.first)
        || query.last < query.first
        || (query.last - query.first).num_days() > 41
    {
        return Err(AppError::NotFound);
    }
    // Occurrences beyond 2999 have no pages: the week of 31 December 2999 lists none.
    let last_shown = NaiveDate::from_ymd_opt(*YEARS.end(), 12, 31)
        .map_or(query.last, |last_day| query.last.min(last_day));
    let events = occurrences::summaries_between(
        store.as_ref(),
        query.lang,
        query.first,
        last_shown,
        &query.filter,
    )
    .await?;
    Ok(DaysData {
        first: query.first,
        last: query.last,
        today: crate::timezone::today(),
        events,
        categories: occurrences::category_tags(store.as_ref()).await?,
    })
}

/// A page of upcoming (or, with `past`, past) events.
#[server(input = Json)]
pub async fn list_events(query: ListQuery) -> Result<EventList, AppError> {
    let store = crate::state::store()?;
    occurrences::event_list(store.as_ref(), &query).await
}

/// One published event by its slug; with `date`, that occurrence of a recurring event.
#[server(input = Json)]
pub async fn get_event(
    slug: String,
    date: Option<NaiveDate>,
    lang: crate::i18n::Lang,
) -> Result<EventDetail, AppError> {
    if date.is_some_and(|date| !in_calendar_range(date)) {
        return Err(AppError::NotFound);
    }
    let state = crate::state::app_state()?;
    let event = state
        .store
        .published_event(lang, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let languages = crate::editing::PageLanguages::of(
        state.store.as_ref(),
        (crate::editing::ItemKind::Event, event.id, event.version),
        event.part_langs,
        lang,
    )
    .await?;
    let mut detail = records::event_detail(&event, date, &state.public_url, lang, languages)?;
    detail.news = state
        .store
        .articles_about_event(lang, event.id)
        .await?
        .iter()
        .map(crate::articles::records::article_summary)
        .collect();
    Ok(detail)
}
