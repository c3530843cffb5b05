//! An event's editable fields as the form sends them (dates and times as typed), and the
//! checks that turn them into Riga wall-clock start and end.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::validate;
use crate::{
    calendar::CategoryTag,
    error::AppError,
    i18n::{tr, Lang, Message},
};

/// The longest an event (or each occurrence of a recurring one) may last. Month pages look
/// back this far for events still going on, so the limit keeps that look short.
pub const MAX_EVENT_DAYS: i64 = 366;

/// The browser's wire type; stored drafts have a shape of their own (`stored_draft`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
// A field the request leaves out reads as empty, and the checks then say what is missing.
#[serde(default)]
pub struct EventFields {
    pub title: String,
    pub summary: String,
    /// HTML from the editor; sanitised on the server.
    pub body_html: String,
    pub location: String,
    /// A category slug, or empty for none.
    pub category: String,
    pub all_day: bool,
    /// `YYYY-MM-DD`.
    pub start_date: String,
    /// `HH:MM` (ignored for all-day events).
    pub start_time: String,
    pub end_date: String,
    pub end_time: String,
    /// Readers see it.
    pub published: bool,
}

/// What only an event's editor needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDetails {
    /// Recurring events keep their rule; the dates are those of the first occurrence.
    pub repeats: bool,
    /// Whether readers see it now (the form's status is what the next save makes it).
    pub readers: super::ReadersSee,
}

/// An event opened for editing.
pub type EditableEvent = super::EditableItem<EventFields, EventDetails>;

/// A save of the event form.
pub type EventSave = super::ItemSave<EventFields>;

/// The times a new event starts with, and an all-day one that stops being all-day (its own
/// read 00:00, which would make it a day long to the minute).
pub const FIRST_TIMES: [&str; 2] = ["10:00", "11:00"];

impl EventFields {
    /// Makes the event all-day or not; one that stops being all-day gets [`FIRST_TIMES`]
    /// where its times were those of an all-day event.
    pub fn set_all_day(&mut self, all_day: bool) {
        if !all_day && self.all_day && [&self.start_time, &self.end_time] == ["00:00", "00:00"] {
            [self.start_time, self.end_time] = FIRST_TIMES.map(String::from);
        }
        self.all_day = all_day;
    }

    /// The category by its name in `lang` among `categories` (by its slug if it is not
    /// among them), as history and conflicts show it.
    pub fn category_text(&self, categories: &[CategoryTag], lang: Lang) -> String {
        if self.category.is_empty() {
            return tr(lang, "editor-no-category");
        }
        categories
            .iter()
            .find(|category| category.slug == self.category)
            .map_or_else(
                || self.category.clone(),
                |category| category.name_in(lang).0.to_string(),
            )
    }

    /// The dates and times in words, as history and conflicts show them.
    pub fn when_text(&self, lang: Lang) -> String {
        // A draft's dates are as typed, and may not be dates yet: those are shown as typed.
        let day = |typed: &str| {
            typed.parse::<chrono::NaiveDate>().map_or_else(
                |_| typed.to_string(),
                |date| crate::locale::long_date(lang, date),
            )
        };
        let (start, end) = (day(&self.start_date), day(&self.end_date));
        if self.all_day {
            format!("{start} – {end} ({})", tr(lang, "all-day"))
        } else {
            format!("{start} {} – {end} {}", self.start_time, self.end_time)
        }
    }

    /// Whether readers see the event, in words.
    pub fn status_text(&self, lang: Lang) -> String {
        if self.published {
            tr(lang, "editor-status-word-published")
        } else {
            tr(lang, "editor-status-word-unpublished")
        }
    }
}

/// Riga wall-clock start and end; for all-day events the end is the midnight after the last
/// day, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventTimes {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

fn date(field: &str, value: &str) -> Result<NaiveDate, AppError> {
    let date = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid(field, Message::new("invalid-date")))?;
    in_calendar(field, date)
}

/// `date`, when the calendar holds it (`calendar::YEARS`); else a problem with `field` that
/// names the years it holds.
pub(crate) fn in_calendar(field: &str, date: NaiveDate) -> Result<NaiveDate, AppError> {
    if crate::calendar::in_calendar_range(date) {
        return Ok(date);
    }
    let years = crate::calendar::YEARS;
    let message = Message::new("invalid-date-years")
        .text("first", years.start().to_string())
        .text("last", years.end().to_string());
    Err(AppError::invalid(field, message))
}

fn time(field: &str, value: &str) -> Result<NaiveTime, AppError> {
    NaiveTime::parse_from_str(value.trim(), "%H:%M")
        .map_err(|_| AppError::invalid(field, Message::new("invalid-time")))
}

/// `value`, the time in `field`, on `day`: one Riga's clocks show that day. (A time the
/// spring change skips would be read an hour later, and could then come after the end.)
fn on_the_clock(field: &str, day: NaiveDate, value: &str) -> Result<NaiveDateTime, AppError> {
    let at = day.and_time(time(field, value)?);
    match clocks_show(at) {
        true => Ok(at),
        false => Err(AppError::invalid(
            field,
            Message::new("invalid-time-skipped"),
        )),
    }
}

/// Whether Riga's clocks show `at` (see `timezone::exists`). The checks run on the server;
/// the browser's build has no time zone data.
#[cfg(feature = "ssr")]
fn clocks_show(at: NaiveDateTime) -> bool {
    crate::timezone::exists(at)
}

#[cfg(not(feature = "ssr"))]
fn clocks_show(_: NaiveDateTime) -> bool {
    true
}

/// Checks an event's text, in Latvian or translated: its title, summary, place and body.
pub fn check_text(
    title: &str,
    summary: &str,
    location: &str,
    body_html: &str,
) -> Result<(), AppError> {
    if title.trim().is_empty() {
        return Err(AppError::invalid(
            "title",
            Message::new("invalid-event-title-empty"),
        ));
    }
    if title.trim().chars().count() > validate::MAX_TITLE {
        return Err(AppError::invalid(
            "title",
            Message::new("invalid-event-title-long").number("max", validate::MAX_TITLE as i64),
        ));
    }
    validate::at_most(
        "summary",
        "invalid-summary-long",
        validate::MAX_SUMMARY,
        summary,
    )?;
    validate::at_most(
        "location",
        "invalid-location-long",
        validate::MAX_LINE,
        location,
    )?;
    if body_html.len() > validate::MAX_BODY_BYTES {
        return Err(validate::body_too_long(
            "invalid-event-body-long",
            body_html,
        ));
    }
    Ok(())
}

/// Checks the text and the dates; the end must not come before the start.
pub fn check(fields: &EventFields) -> Result<EventTimes, AppError> {
    check_text(
        &fields.title,
        &fields.summary,
        &fields.location,
        &fields.body_html,
    )?;
    let (start_day, end_day) = (
        date("start_date", &fields.start_date)?,
        date("end_date", &fields.end_date)?,
    );
    let times = if fields.all_day {
        let after = end_day
            .checked_add_days(Days::new(1))
            .ok_or_else(|| AppError::invalid("end_date", Message::new("invalid-date")))?;
        EventTimes {
            start: start_day.and_time(NaiveTime::MIN),
            end: after.and_time(NaiveTime::MIN),
        }
    } else {
        EventTimes {
            start: on_the_clock("start_time", start_day, &fields.start_time)?,
            end: on_the_clock("end_time", end_day, &fields.end_time)?,
        }
    };
    if times.end < times.start || (fields.all_day && end_day < start_day) {
        // On the same day, it is the end's time that is wrong, not its date.
        let field = match !fields.all_day && end_day == start_day {
            true => "end_time",
            false => "end_date",
        };
        return Err(AppError::invalid(
            field,
            Message::new("invalid-end-before-start"),
        ));
    }
    if (times.end - times.start).num_days() > MAX_EVENT_DAYS {
        return Err(AppError::invalid(
            "end_date",
            Message::new("invalid-event-too-long").number("days", MAX_EVENT_DAYS),
        ));
    }
    Ok(times)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(start: (&str, &str), end: (&str, &str), all_day: bool) -> EventFields {
        EventFields {
            title: "Seminārs".into(),
            all_day,
            start_date: start.0.into(),
            start_time: start.1.into(),
            end_date: end.0.into(),
            end_time: end.1.into(),
            ..EventFields::default()
        }
    }

    fn field_of(result: Result<EventTimes, AppError>) -> String {
        match result {
            Err(AppError::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn a_category_is_shown_by_its_name_in_the_editors_language() {
        let training = CategoryTag {
            slug: "apmacibas".into(),
            name: "Apmācības".into(),
            name_en: "Training".into(),
            name_ru: String::new(),
            colour: "#047857".into(),
        };
        let chosen = |slug: &str| EventFields {
            category: slug.into(),
            ..EventFields::default()
        };
        let categories = [training];
        let shown = |slug, lang| chosen(slug).category_text(&categories, lang);
        assert_eq!(shown("apmacibas", Lang::En), "Training");
        assert_eq!(
            shown("apmacibas", Lang::Ru),
            "Apmācības",
            "Latvian without a name"
        );
        assert_eq!(shown("dzesta", Lang::En), "dzesta", "one no longer there");
        assert_eq!(shown("", Lang::En), tr(Lang::En, "editor-no-category"));
    }

    #[test]
    fn timed_and_all_day_events_get_their_wall_clock_times() {
        let timed = check(&fields(
            ("2020-08-04", "10:00"),
            ("2020-08-04", "12:00"),
            false,
        ))
        .expect("valid");
        assert_eq!(timed.start.to_string(), "2020-08-04 10:00:00");
        let all_day = check(&fields(("2020-08-06", ""), ("2020-08-11", ""), true)).expect("valid");
        assert_eq!(all_day.end.to_string(), "2020-08-12 00:00:00");
    }

    #[test]
    fn an_event_that_stops_being_all_day_gets_times_of_its_own() {
        // Saved all-day, its times read 00:00: unticked, it would last a day to the minute.
        let mut saved = fields(("2020-08-18", "00:00"), ("2020-08-19", "00:00"), true);
        saved.set_all_day(false);
        assert_eq!(
            [saved.start_time.as_str(), saved.end_time.as_str()],
            FIRST_TIMES
        );
        let times = check(&saved).expect("a timed event");
        assert!(
            times.end.date() > times.start.date(),
            "it still covers both days"
        );
        // Ticked and unticked again before saving, it keeps the times it had.
        let mut timed = fields(("2020-08-18", "09:00"), ("2020-08-18", "17:00"), false);
        timed.set_all_day(true);
        timed.set_all_day(false);
        assert_eq!(
            (timed.start_time.as_str(), timed.end_time.as_str()),
            ("09:00", "17:00")
        );
    }

    #[test]
    fn impossible_dates_and_backwards_events_are_refused_by_field() {
        assert_eq!(
            field_of(check(&fields(
                ("2021-02-30", "10:00"),
                ("2021-03-01", "10:00"),
                false
            ))),
            "start_date"
        );
        assert_eq!(
            field_of(check(&fields(
                ("2020-08-04", "25:00"),
                ("2020-08-04", "12:00"),
                false
            ))),
            "start_time"
        );
        // Ending before it starts on its own day: the end's time is wrong; a day earlier,
        // its date.
        assert_eq!(
            field_of(check(&fields(
                ("2020-08-04", "12:00"),
                ("2020-08-04", "10:00"),
                false
            ))),
            "end_time"
        );
        assert_eq!(
            field_of(check(&fields(
                ("2020-08-04", "12:00"),
                ("2020-08-03", "14:00"),
                false
            ))),
            "end_date"
        );
        assert_eq!(
            field_of(check(&fields(("2020-08-06", ""), ("2020-08-05", ""), true))),
            "end_date"
        );
        let mut untitled = fields(("2020-08-04", "10:00"), ("2020-08-04", "12:00"), false);
        untitled.title = " ".into();
        assert_eq!(field_of(check(&untitled)), "title");
    }

    #[test]
    fn a_time_the_spring_change_skips_is_refused_at_its_field() {
        // 28 March 2021: Riga's clocks went from 03:00 straight to 04:00.
        let skipped = fields(("2021-03-28", "03:30"), ("2021-03-28", "04:00"), false);
        assert_eq!(field_of(check(&skipped)), "start_time");
        let ends_skipped = fields(("2021-03-28", "02:00"), ("2021-03-28", "03:15"), false);
        assert_eq!(field_of(check(&ends_skipped)), "end_time");
        let around = fields(("2021-03-28", "02:30"), ("2021-03-28", "04:30"), false);
        assert!(check(&around).is_ok(), "either side of the change");
        let all_day = fields(("2021-03-28", ""), ("2021-03-28", ""), true);
        assert!(
            check(&all_day).is_ok(),
            "an all-day event has no time to skip"
        );
    }

    #[test]
    fn events_of_centuries_and_endless_places_are_refused_by_field() {
        let year = fields(("2020-01-01", ""), ("2020-12-31", ""), true);
        assert!(check(&year).is_ok(), "a year-long campaign is fine");
        let centuries = fields(("1900-01-01", ""), ("2999-12-31", ""), true);
        assert_eq!(field_of(check(&centuries)), "end_date");
        let mut wordy = fields(("2020-08-04", "10:00"), ("2020-08-04", "12:00"), false);
        wordy.location = "Rīga ".repeat(200);
        assert_eq!(field_of(check(&wordy)), "location");
        wordy.location = "Rīga".into();
        wordy.summary = "x".repeat(validate::MAX_SUMMARY + 1);
        assert_eq!(field_of(check(&wordy)), "summary");
    }
}
