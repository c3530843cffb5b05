//! Events' side of the editing core on the server ([`KindService`], the shape their drafts are
//! stored in), and what only events have: creating one on a day and moving one to another day.

use chrono::{Days, NaiveDate, NaiveTime};

use serde::{Deserialize, Serialize};

use crate::editing::{
    event_fields::{self, EventDetails, EventFields},
    kind_service::{ForEditing, KindService, Visibility},
    service::{self, audit, clock},
    shell::Editable,
    stored_draft::{self, StoredShape},
    validate, ItemKind, ReadersSee, Saved,
};
use crate::{
    calendar::recurrence,
    error::AppError,
    i18n::Message,
    sanitize::SafeHtml,
    state::store,
    storage::{
        DraftRule, Event, ItemAt, ItemTables, NewEvent, Recurrence, Status, TranslatedText, User,
    },
    timezone,
};

fn fields_of(event: &Event) -> EventFields {
    let start = timezone::local(event.starts_at);
    let end = timezone::local(event.ends_at);
    // All-day events end at the midnight after their last day; the form shows that last day.
    let last_day = if event.all_day {
        end.date()
            .checked_sub_days(Days::new(1))
            .unwrap_or(end.date())
    } else {
        end.date()
    };
    EventFields {
        title: event.title.clone(),
        summary: event.summary.clone(),
        body_html: event.body_html.clone(),
        location: event.location.clone(),
        category: event
            .category
            .as_ref()
            .map(|c| c.slug.clone())
            .unwrap_or_default(),
        all_day: event.all_day,
        start_date: start.date().to_string(),
        start_time: start.format("%H:%M").to_string(),
        end_date: last_day.to_string(),
        end_time: end.format("%H:%M").to_string(),
        published: event.status == Status::Published,
    }
}

/// The stored form of the fields; a recurring event keeps its rule and the dates it skips,
/// its series end following the new first start.
async fn new_event(
    fields: &EventFields,
    recurrence: Option<&Recurrence>,
) -> Result<NewEvent, AppError> {
    let times = event_fields::check(fields)?;
    let recurrence = match recurrence {
        None => None,
        Some(series) => {
            // A series whose end (its UNTIL, kept from the item) comes before the new first
            // start would show one date readers are told is past the series' last.
            let ended = recurrence::ended_before(times.start, &series.rule)
                .map_err(|_| AppError::Internal)?;
            if let Some(until) = ended {
                // An ISO date reads the same in every language the message is shown in.
                let until = timezone::local(until).date().to_string();
                let message = Message::new("invalid-event-start-after-series").text("until", until);
                return Err(AppError::invalid("start_date", message));
            }
            // A skipped occurrence is named by its start: at a new time of day, the same
            // dates stay skipped (else each would come back at the new time).
            let exdates: Vec<_> = series
                .exdates
                .iter()
                .map(|skipped| skipped.date().and_time(times.start.time()))
                .collect();
            let duration = times.end - times.start;
            Some(Recurrence {
                rule: series.rule.clone(),
                series_end: recurrence::series_end(times.start, &series.rule, &exdates, duration)
                    .map_err(|_| AppError::Internal)?,
                exdates,
            })
        }
    };
    Ok(NewEvent {
        title: validate::one_line(&fields.title),
        summary: validate::plain_text(&fields.summary),
        body_html: SafeHtml::from_editor(fields.body_html.clone()).await?,
        starts_at: timezone::instant(times.start),
        ends_at: timezone::instant(times.end),
        all_day: fields.all_day,
        location: validate::plain_text(&fields.location),
        category: Some(fields.category.clone()).filter(|slug| !slug.is_empty()),
        recurrence,
        status: if fields.published {
            Status::Published
        } else {
            Status::Draft
        },
    })
}

async fn event_by_id(
    store: &dyn crate::storage::Store,
    slug_or_id: i64,
) -> Result<Event, AppError> {
    store
        .event_by_id_for_editing(slug_or_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Events, as the editing core sees them.
pub(in crate::editing) struct EventKind;

/// An event's next version, and whether readers see it until it is written (which words the
/// audit line: "published" when this write shows it).
pub(in crate::editing) struct EventVersion {
    event: NewEvent,
    published_until_now: bool,
}

impl KindService for EventKind {
    type Fields = EventFields;
    type Draft = StoredEventDraft;
    type Details = EventDetails;
    type Version = EventVersion;
    const TABLES: &'static ItemTables = &ItemTables::EVENTS;

    async fn for_editing(slug: &str) -> Result<ForEditing<EventFields, EventDetails>, AppError> {
        let event = store()?
            .event_for_editing(slug)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(ForEditing {
            current: fields_of(&event),
            details: EventDetails {
                repeats: event.recurrence.is_some(),
                readers: ReadersSee::of(event.status, event.was_published),
            },
            id: event.id,
            slug: event.slug,
            version: event.version,
        })
    }

    fn validated(fields: EventFields) -> Result<EventFields, AppError> {
        event_fields::check(&fields)?;
        Ok(fields)
    }

    fn body_mut(fields: &mut EventFields) -> &mut String {
        &mut fields.body_html
    }

    /// A translation's second text is the summary, its line the place.
    fn translation_checked(text: TranslatedText) -> Result<TranslatedText, AppError> {
        event_fields::check_text(&text.title, &text.lead, &text.extra, &text.body_html)?;
        Ok(TranslatedText {
            title: validate::one_line(&text.title),
            lead: validate::plain_text(&text.lead),
            body_html: text.body_html,
            extra: validate::plain_text(&text.extra),
        })
    }

    /// The series rule is not one of the form's fields: a recurring event keeps its own.
    async fn version_of(
        id: i64,
        fields: EventFields,
        visibility: Visibility,
    ) -> Result<EventVersion, AppError> {
        let current = event_by_id(store()?.as_ref(), id).await?;
        let mut event = new_event(&fields, current.recurrence.as_ref()).await?;
        if visibility == Visibility::AsNow {
            event.status = current.status;
        }
        Ok(EventVersion {
            event,
            published_until_now: current.status == Status::Published,
        })
    }

    fn published_body(version: &EventVersion) -> Option<&str> {
        let event = &version.event;
        (event.status == Status::Published).then_some(event.body_html.as_str())
    }

    fn save_action(version: &EventVersion) -> &'static str {
        if version.event.status == Status::Published && !version.published_until_now {
            "published"
        } else {
            "changed"
        }
    }

    async fn write(
        editor: &User,
        id: i64,
        version: EventVersion,
        expected_version: i64,
        draft: DraftRule<'_>,
        action: &str,
    ) -> Result<Saved<EventFields>, AppError> {
        let audit = audit(editor, action);
        let updated = store()?
            .update_event(id, expected_version, &version.event, draft, audit)
            .await?;
        Ok(Saved {
            version: updated.version,
            draft_version: 0,
            at: clock(updated.updated_at),
            fields: fields_of(&updated),
            slug: Some(updated.slug),
        })
    }

    async fn fields_at(id: i64, version: i64) -> Result<EventFields, AppError> {
        let event = event_by_id(store()?.as_ref(), id).await?;
        Ok(fields_of(&event_version(&event, version).await?))
    }
}

pub async fn create_on(editor: &User, day: NaiveDate) -> Result<String, AppError> {
    let day = event_fields::in_calendar("start_date", day)?;
    let [start, end] = event_fields::FIRST_TIMES
        .map(|time| day.and_time(NaiveTime::parse_from_str(time, "%H:%M").unwrap_or_default()));
    let event = store()?
        .create_event(
            &NewEvent {
                title: EventDetails::NEW_TITLE.to_string(),
                summary: String::new(),
                body_html: SafeHtml::sanitize(""),
                starts_at: timezone::instant(start),
                ends_at: timezone::instant(end),
                all_day: false,
                location: String::new(),
                category: None,
                recurrence: None,
                status: Status::Draft,
            },
            Some(audit(editor, "created")),
        )
        .await?;
    Ok(event.slug)
}

/// Moves a single event to `day`, keeping its times of day and length.
pub async fn move_to(editor: &User, slug: &str, day: NaiveDate) -> Result<(), AppError> {
    // Found where it is now: moved to another address since the calendar was shown.
    let found = service::where_it_is_now(ItemKind::Event, slug, |slug| async move {
        let event = store()?.event_for_editing(&slug).await?;
        event.ok_or(AppError::NotFound)
    });
    let event = service::told_if_trashed(ItemKind::Event, ItemAt::Slug(slug), found.await).await?;
    if event.recurrence.is_some() {
        return Err(AppError::invalid(
            "start_date",
            Message::new("invalid-move-recurring"),
        ));
    }
    let mut fields = fields_of(&event);
    let shift = day - timezone::local(event.starts_at).date();
    // Both ends stay in the calendar's years, so no date arithmetic can overflow.
    let shifted = |value: &str| -> Result<String, AppError> {
        let date: NaiveDate = value.parse().map_err(|_| AppError::Internal)?;
        let moved = date
            .checked_add_signed(shift)
            .ok_or_else(|| AppError::invalid("start_date", Message::new("invalid-date")))?;
        Ok(event_fields::in_calendar("start_date", moved)?.to_string())
    };
    fields.start_date = shifted(&fields.start_date)?;
    fields.end_date = shifted(&fields.end_date)?;
    let moved = EventVersion {
        event: new_event(&fields, None).await?,
        published_until_now: event.status == Status::Published,
    };
    // A move is not from the draft: a draft someone is writing stays.
    let action = format!("moved to {day}");
    let written = EventKind::write(
        editor,
        event.id,
        moved,
        event.version,
        DraftRule::Keeps,
        &action,
    );
    let event = ItemAt::Id(event.id);
    service::told_if_trashed(ItemKind::Event, event, written.await).await?;
    Ok(())
}

/// One version of an event: the current one or a revision.
async fn event_version(event: &Event, version: i64) -> Result<Event, AppError> {
    if version == event.version {
        return Ok(event.clone());
    }
    store()?
        .event_revisions(event.id, Some(version))
        .await?
        .into_iter()
        .next()
        .map(|revision| revision.event)
        .ok_or(AppError::NotFound)
}

/// An event's draft, format 1.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StoredEventDraft {
    title: String,
    summary: String,
    body_html: String,
    location: String,
    category: String,
    all_day: bool,
    start_date: String,
    start_time: String,
    end_date: String,
    end_time: String,
    published: bool,
}

impl StoredShape for StoredEventDraft {
    type Fields = EventFields;
    const KIND: ItemKind = ItemKind::Event;

    fn from_fields(fields: &EventFields) -> Self {
        let fields = fields.clone();
        StoredEventDraft {
            title: fields.title,
            summary: fields.summary,
            body_html: fields.body_html,
            location: fields.location,
            category: fields.category,
            all_day: fields.all_day,
            start_date: fields.start_date,
            start_time: fields.start_time,
            end_date: fields.end_date,
            end_time: fields.end_time,
            published: fields.published,
        }
    }

    fn into_fields(self) -> EventFields {
        EventFields {
            title: self.title,
            summary: self.summary,
            body_html: self.body_html,
            location: self.location,
            category: self.category,
            all_day: self.all_day,
            start_date: self.start_date,
            start_time: self.start_time,
            end_date: self.end_date,
            end_time: self.end_time,
            published: self.published,
        }
    }
}

impl ItemTables {
    /// Events' tables, for the writes and reads every kind shares.
    pub(crate) const EVENTS: ItemTables = ItemTables {
        kind: "event",
        items: "events",
        key: "event_id",
        drafts: "event_drafts",
        revisions: "event_revisions",
        translations: "event_translations",
        columns: ["title", "summary", "body_html", "location"],
        revision_columns: "title, summary, body_html, starts_at, ends_at, all_day, location, \
                           category_id, status",
        slug_fallback: "notikums",
        extra_searched: true,
        hide_in_draft: stored_draft::hidden::<EventKind>,
    };
}
