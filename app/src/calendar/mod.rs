//! The reader's calendar: month pages and event pages, their wire types and server functions.

mod event_page;
mod grid;
mod month_page;
#[cfg(feature = "ssr")]
pub(crate) mod records;

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
pub use event_page::EventPage;
pub use grid::{last_day_covered, month_weeks, visible_days, YearMonth};
pub use month_page::MonthPage;

/// A category as readers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryTag {
    pub slug: String,
    pub name: String,
    /// `#rrggbb`, always shown together with the name.
    pub colour: String,
}

/// An event in a list or a day cell. Times are wall-clock times in Europe/Riga.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    pub slug: String,
    pub title: String,
    pub all_day: bool,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// The last day the event covers (see [`last_day_covered`]).
    pub last_day: NaiveDate,
    pub location: String,
    pub category: Option<CategoryTag>,
}

impl EventSummary {
    pub fn first_day(&self) -> NaiveDate {
        self.start.date()
    }

    pub fn covers(&self, day: NaiveDate) -> bool {
        self.first_day() <= day && day <= self.last_day
    }

    pub fn path(&self) -> String {
        format!("/events/{}", self.slug)
    }
}

/// The event page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDetail {
    pub event: EventSummary,
    pub summary: String,
    /// Sanitised when stored.
    pub body_html: String,
}

/// A month page: the month and every published event in its visible weeks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthData {
    pub month: YearMonth,
    pub events: Vec<EventSummary>,
}

/// The events of `month`, or of the current month in Riga when `month` is `None`.
#[server]
pub async fn get_month(month: Option<YearMonth>) -> Result<MonthData, AppError> {
    use crate::{state::store, timezone};

    let month = month.unwrap_or_else(|| YearMonth::of(timezone::today()));
    let (first, last) = visible_days(month);
    let until = last.succ_opt().unwrap_or(last);
    let events = store()?
        .events_between(timezone::start_of_day(first), timezone::start_of_day(until))
        .await?;
    Ok(MonthData {
        month,
        events: events.iter().map(records::event_summary).collect(),
    })
}

/// One published event by its slug.
#[server]
pub async fn get_event(slug: String) -> Result<EventDetail, AppError> {
    let event = crate::state::store()?
        .published_event(&slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(records::event_detail(&event))
}
