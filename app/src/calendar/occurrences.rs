//! The events a calendar page shows: single events and the occurrences of recurring series
//! in the range, filtered by category.

use chrono::{Days, NaiveDate, Utc};

use super::{
    records, recurrence, rule_text, CalendarFilter, CategoryTag, EventList, EventSummary,
    ListQuery, LIST_PAGE_SIZE, MAX_OCCURRENCES_PER_SERIES,
};
use crate::{
    error::AppError,
    storage::{self, Direction, Store},
    timezone,
};

fn wanted(event: &storage::Event, filter: &CalendarFilter) -> bool {
    in_categories(event, &filter.categories)
}

/// Whether `event` is in one of `categories` (`filter_slugs`), or they are none: no filter.
pub fn in_categories(event: &storage::Event, categories: &[String]) -> bool {
    categories.is_empty()
        || event.category.as_ref().is_some_and(|category| {
            categories
                .iter()
                .take(super::MAX_FILTER_CATEGORIES)
                .any(|slug| *slug == category.slug)
        })
}

/// Every event and occurrence touching the Riga days `first..=last`, by start, in `lang`.
pub async fn summaries_between(
    store: &dyn Store,
    lang: crate::i18n::Lang,
    first: NaiveDate,
    last: NaiveDate,
    filter: &CalendarFilter,
) -> Result<Vec<EventSummary>, AppError> {
    // The month grid of December 2999 ends in January 3000: a week's margin either side of
    // the calendar's years is still a range to look in.
    let near_calendar = |day: NaiveDate| {
        [
            day.checked_sub_days(Days::new(7)),
            Some(day),
            day.checked_add_days(Days::new(7)),
        ]
        .into_iter()
        .flatten()
        .any(super::in_calendar_range)
    };
    let after_last = last
        .checked_add_days(Days::new(1))
        .filter(|day| near_calendar(first) && near_calendar(*day))
        .ok_or(AppError::NotFound)?;
    let from = timezone::start_of_day(first);
    let to = timezone::start_of_day(after_last);
    let mut summaries = Vec::new();
    for event in store.events_between(lang, from, to).await? {
        if !wanted(&event, filter) {
            continue;
        }
        let Some(series) = &event.recurrence else {
            // The store also returns events that end exactly where the range starts (so a
            // zero-length event there is found); those belong to the day before.
            let inside = event.ends_at > from
                || (event.starts_at == event.ends_at && event.starts_at >= from);
            if inside {
                summaries.push(records::event_summary(&event));
            }
            continue;
        };
        match recurrence::occurrences(
            timezone::local(event.starts_at),
            &series.rule,
            &series.exdates,
            event.ends_at - event.starts_at,
            from,
            to,
            MAX_OCCURRENCES_PER_SERIES,
        ) {
            Ok(starts) => summaries.extend(
                starts
                    .into_iter()
                    .map(|start| records::occurrence_summary(&event, start)),
            ),
            // A rule stored by an older version that no longer parses must not take the
            // whole page down; the event page still shows the event itself.
            Err(error) => {
                tracing::warn!(slug = %event.slug, %error, "skipping unexpandable series")
            }
        }
    }
    summaries.sort_by(|a, b| (a.start, &a.title).cmp(&(b.start, &b.title)));
    Ok(summaries)
}

pub async fn category_tags(store: &dyn Store) -> Result<Vec<CategoryTag>, AppError> {
    Ok(store
        .categories()
        .await?
        .iter()
        .map(records::category_tag)
        .collect())
}

/// A page of the list view: single events by time, and on the first page the recurring
/// series with their next occurrence.
pub async fn event_list(store: &dyn Store, query: &ListQuery) -> Result<EventList, AppError> {
    let paging = crate::components::Paging::new(query.page, LIST_PAGE_SIZE);
    let direction = if query.past {
        Direction::Past
    } else {
        Direction::Upcoming
    };
    let found = store
        .list_events(
            query.lang,
            Utc::now(),
            direction,
            &query.filter.categories,
            paging.limit(),
            paging.offset(),
        )
        .await?;
    if paging.past_end(found.total) {
        return Err(AppError::NotFound);
    }
    let events = found.events.iter().map(records::event_summary).collect();
    // Series, once on the list's first page: upcoming ones with their next occurrence, past
    // ones (ended or going on) with their last.
    let recurring = if paging.first() {
        store
            .recurring_events(query.lang)
            .await?
            .iter()
            .filter(|event| wanted(event, &query.filter))
            .filter_map(|event| {
                let series = event.recurrence.as_ref()?;
                let shown = if query.past {
                    records::last_occurrence(event, series)?
                } else {
                    records::next_occurrence(event, series)?
                };
                Some((shown, rule_text::describe(&series.rule, query.lang)))
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(EventList {
        events,
        recurring,
        past: query.past,
        page: paging.page(),
        pages: paging.pages(found.total),
        categories: category_tags(store).await?,
        today: crate::timezone::today(),
    })
}
