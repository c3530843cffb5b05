//! Stored events to wire types: instants become Riga wall-clock times.

use super::{last_day_covered, CategoryTag, EventDetail, EventSummary};
use crate::{storage, timezone};

pub fn category_tag(category: &storage::Category) -> CategoryTag {
    CategoryTag {
        slug: category.slug.clone(),
        name: category.name.clone(),
        colour: category.colour.clone(),
    }
}

pub fn event_summary(event: &storage::Event) -> EventSummary {
    let start = timezone::local(event.starts_at);
    let end = timezone::local(event.ends_at);
    EventSummary {
        slug: event.slug.clone(),
        title: event.title.clone(),
        all_day: event.all_day,
        start,
        end,
        last_day: last_day_covered(start, end),
        location: event.location.clone(),
        category: event.category.as_ref().map(category_tag),
    }
}

pub fn event_detail(event: &storage::Event) -> EventDetail {
    EventDetail {
        event: event_summary(event),
        summary: event.summary.clone(),
        body_html: event.body_html.clone(),
    }
}
