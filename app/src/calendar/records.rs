//! Stored events to wire types: instants become Riga wall-clock times, and a recurring
//! event's occurrence gets its own times.

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::{
    last_day_covered, recurrence, rule_text, CategoryTag, EventDetail, EventSummary, NewsMark,
};
use crate::{error::AppError, storage, timezone};

/// Most news marks one month page carries; busier months link on to the archive.
const MAX_NEWS_MARKS: i64 = 200;

/// Articles in `categories` (every one when empty) published from `first` to `last` (Riga
/// days), oldest first.
pub async fn news_marks(
    store: &dyn storage::Store,
    lang: crate::i18n::Lang,
    categories: &[String],
    first: NaiveDate,
    last: NaiveDate,
) -> Result<Vec<NewsMark>, AppError> {
    let after = last
        .checked_add_days(Days::new(1))
        .ok_or(AppError::NotFound)?;
    let found = store
        .published_articles_in(
            lang,
            categories,
            Some((timezone::start_of_day(first), timezone::start_of_day(after))),
            MAX_NEWS_MARKS,
            0,
        )
        .await?;
    let mut marks: Vec<NewsMark> = found
        .articles
        .iter()
        .map(|article| NewsMark {
            date: timezone::local(article.published_at).date(),
            slug: article.slug.clone(),
            title: article.title.clone(),
            text_lang: article.text_lang(),
        })
        .collect();
    marks.reverse();
    Ok(marks)
}

pub fn category_tag(category: &storage::Category) -> CategoryTag {
    CategoryTag {
        slug: category.slug.clone(),
        name: category.name.clone(),
        name_en: category.name_en.clone(),
        name_ru: category.name_ru.clone(),
        colour: category.colour.clone(),
    }
}

/// The event as stored (for a recurring event: its first occurrence).
pub fn event_summary(event: &storage::Event) -> EventSummary {
    summary_between(event, event.starts_at, event.ends_at, None)
}

/// The occurrence of a recurring `event` that starts at `start`. All-day occurrences last
/// whole Riga days, whatever the clocks do in between.
pub fn occurrence_summary(event: &storage::Event, start: DateTime<Utc>) -> EventSummary {
    let end = if event.all_day {
        let days = (timezone::local(event.ends_at).date() - timezone::local(event.starts_at).date())
            .num_days()
            .max(0) as u64;
        timezone::start_of_day(timezone::local(start).date() + Days::new(days))
    } else {
        start + (event.ends_at - event.starts_at)
    };
    summary_between(event, start, end, Some(timezone::local(start).date()))
}

fn summary_between(
    event: &storage::Event,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    occurrence: Option<NaiveDate>,
) -> EventSummary {
    let start = timezone::local(starts_at);
    let end = timezone::local(ends_at);
    EventSummary {
        slug: event.slug.clone(),
        title: event.title.clone(),
        text_lang: event.text_lang(),
        all_day: event.all_day,
        start,
        end,
        last_day: last_day_covered(start, end),
        location: event.location.clone(),
        category: event.category.as_ref().map(category_tag),
        occurrence,
    }
}

/// The occurrence of a series going on today, or else the next one (within five years), if it
/// has one: like a single event, one that started before today and is still running is not
/// over yet.
pub fn next_occurrence(
    event: &storage::Event,
    series: &storage::Recurrence,
) -> Option<EventSummary> {
    let today = timezone::today();
    let starts = recurrence::occurrences(
        timezone::local(event.starts_at),
        &series.rule,
        &series.exdates,
        event.ends_at - event.starts_at,
        timezone::start_of_day(today),
        timezone::start_of_day(today.checked_add_days(Days::new(366 * 5))?),
        1,
    )
    .ok()?;
    starts
        .first()
        .map(|start| occurrence_summary(event, *start))
}

/// The last occurrence of a series that is over by now (as the past list's single events
/// are), if it had one: for a series that ended, its last; for one going on, the latest found
/// looking back forty days, then a year, five, thirty, then to its first (a series repeating
/// every two years has none in the last year).
pub fn last_occurrence(
    event: &storage::Event,
    series: &storage::Recurrence,
) -> Option<EventSummary> {
    use chrono::Duration;
    let duration = (event.ends_at - event.starts_at).max(Duration::zero());
    // Occurrences starting before this have ended by now.
    let before = Utc::now() - duration;
    let latest_start = match series.series_end {
        Some(end) if end - duration < before => end - duration,
        _ => before,
    };
    let looking_back = [40, 367, 5 * 366, 30 * 366].map(|days| latest_start - Duration::days(days));
    looking_back
        .into_iter()
        .chain([event.starts_at])
        .map(|from| from.max(event.starts_at))
        .find_map(|from| {
            let starts = recurrence::occurrences(
                timezone::local(event.starts_at),
                &series.rule,
                &series.exdates,
                duration,
                from,
                before,
                // An hourly series over forty days; a window is widened only when the narrower
                // one held none, so the last of this many is the last.
                1_000,
            )
            .ok()?;
            starts.last().map(|start| occurrence_summary(event, *start))
        })
}

/// The event page's data. For a recurring event, `date` picks the occurrence shown (the next
/// one from today when absent); a date that is no occurrence (for a one-off event, none of
/// its days) is not found.
pub fn event_detail(
    event: &storage::Event,
    date: Option<NaiveDate>,
    site_url: &str,
    lang: crate::i18n::Lang,
    languages: crate::editing::PageLanguages,
) -> Result<EventDetail, AppError> {
    let summary = match (&event.recurrence, date) {
        (None, None) => event_summary(event),
        // A one-off event at one of its own days is itself (a link made by hand, or kept
        // from when it repeated); at any other day it is not found.
        (None, Some(day)) => {
            let (start, end) = (
                timezone::local(event.starts_at),
                timezone::local(event.ends_at),
            );
            let days = start.date()..=super::grid::last_day_covered(start, end);
            if !days.contains(&day) {
                return Err(AppError::NotFound);
            }
            event_summary(event)
        }
        (Some(_), None) => match event
            .recurrence
            .as_ref()
            .and_then(|series| next_occurrence(event, series))
        {
            // Without a date: the next occurrence, else (a series that is over) the first.
            Some(next) => next,
            None => event_summary(event),
        },
        (Some(series), Some(day)) => {
            let from = timezone::start_of_day(day);
            let until = timezone::start_of_day(
                day.checked_add_days(Days::new(1))
                    .ok_or(AppError::NotFound)?,
            );
            let starts = recurrence::occurrences(
                timezone::local(event.starts_at),
                &series.rule,
                &series.exdates,
                chrono::Duration::zero(),
                from,
                until,
                1,
            )
            .map_err(|error| {
                tracing::error!(slug = %event.slug, %error, "stored rule does not expand");
                AppError::Internal
            })?;
            match starts.first() {
                Some(start) => occurrence_summary(event, *start),
                None => return Err(AppError::NotFound),
            }
        }
    };
    let url = languages.canonical_url(site_url, lang, &summary.path());
    let utc = |local| {
        timezone::instant(local)
            .format("%Y%m%dT%H%M%SZ")
            .to_string()
    };
    let utc_range = format!("{}/{}", utc(summary.start), utc(summary.end));
    Ok(EventDetail {
        event: summary,
        summary: event.summary.clone(),
        body_html: event.body_html.clone(),
        repeats: event
            .recurrence
            .as_ref()
            .map(|series| rule_text::describe(&series.rule, lang)),
        url,
        site_url: site_url.to_string(),
        utc_range,
        news: Vec::new(),
        languages,
    })
}
