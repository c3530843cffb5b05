//! RFC 5545 iCalendar (`.ics`) writer for the site's event-calendar feeds.
//!
//! The `icalendar` crate builds the calendar, its events and their properties and escapes
//! TEXT values. Two pieces are done here by hand, because the crate cannot do them:
//!
//! * the `VTIMEZONE` for Europe/Riga: the crate has no time-zone component, and its generic
//!   component writer would add a `DTSTAMP` and a random `UID` to `VTIMEZONE`, `STANDARD` and
//!   `DAYLIGHT`, which RFC 5545 does not allow there;
//! * line folding: the crate leaves a 76-octet line whenever the rest of a folded line is
//!   exactly 75 octets long, so its output is unfolded and folded again here.

use chrono::{DateTime, NaiveDateTime, Utc};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

use crate::timezone::local;

/// The TZID every wall-clock time in the feed refers to; [`RIGA_VTIMEZONE`] defines it.
const TZID: &str = "Europe/Riga";

const PRODID: &str = "-//Notikumi//Notikumi//LV";

/// RFC 5545 §3.1: content lines SHOULD NOT be longer than 75 octets, excluding the line break.
const MAX_LINE_OCTETS: usize = 75;

/// Europe/Riga as a VTIMEZONE: the EU change on the last Sundays of March and October at
/// 01:00 UTC (03:00 EET → 04:00 EEST, and 04:00 EEST → 03:00 EET). Starting the rules in 1970
/// is the usual way to say "always"; they are exact for every year since 2001 (Riga kept
/// winter time all through 2000), and clients that know the TZID use their own tz data anyway.
const RIGA_VTIMEZONE: [&str; 17] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Riga",
    "BEGIN:STANDARD",
    "TZNAME:EET",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0200",
    "DTSTART:19701025T040000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "TZNAME:EEST",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0300",
    "DTSTART:19700329T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
];

/// One event (or recurring series) to write.
#[derive(Debug, Clone)]
pub struct IcsEvent<'a> {
    /// Stable across feed fetches, e.g. "event-42@notikumi".
    pub uid: String,
    pub title: &'a str,
    /// Plain text.
    pub description: &'a str,
    pub location: &'a str,
    /// Absolute URL of the event page.
    pub url: Option<String>,
    pub starts_at: DateTime<Utc>,
    /// Exclusive end. For all-day events: the Europe/Riga midnight after the last day.
    pub ends_at: DateTime<Utc>,
    pub all_day: bool,
    /// RRULE value without the "RRULE:" prefix, e.g. "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20201231T215959Z".
    pub rrule: Option<&'a str>,
    /// Wall-clock start times (Europe/Riga) of skipped occurrences.
    pub exdates: &'a [NaiveDateTime],
    /// Category name, written as CATEGORIES.
    pub category: Option<&'a str>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A whole VCALENDAR: VERSION:2.0, PRODID "-//Notikumi//Notikumi//LV", CALSCALE:GREGORIAN, METHOD:PUBLISH, X-WR-CALNAME:<name>, X-WR-TIMEZONE:Europe/Riga, one VTIMEZONE for Europe/Riga, then one VEVENT per event.
///
/// Lines end with CRLF and are folded at 75 octets, never inside a UTF-8 character.
pub fn write_calendar(name: &str, events: &[IcsEvent<'_>]) -> String {
    let serialised = build_calendar(name, events).to_string();
    let unfolded = unfold(&serialised);
    // Room for the VTIMEZONE and for folds (3 octets per 74), so the buffer is not regrown.
    let mut ics = String::with_capacity(serialised.len() + serialised.len() / 16 + 512);
    let mut timezone_written = false;
    for line in unfolded.split_terminator("\r\n") {
        // RFC 5545 lets components come in any order, but clients read a VTIMEZONE most
        // reliably when it precedes the events that refer to it.
        if !timezone_written && ends_calendar_properties(line) {
            push_vtimezone(&mut ics);
            timezone_written = true;
        }
        push_folded(&mut ics, line);
    }
    ics
}

fn build_calendar(name: &str, events: &[IcsEvent<'_>]) -> Calendar {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"))
        .append_property(Property::new("X-WR-CALNAME", clean_text(name)))
        .append_property(("X-WR-TIMEZONE", TZID));
    calendar.extend(events.iter().map(build_vevent));
    calendar
}

fn build_vevent(event: &IcsEvent<'_>) -> Event {
    let mut vevent = Event::new();
    vevent
        .uid(&clean_text(&event.uid))
        .summary(&clean_text(event.title))
        .timestamp(event.updated_at)
        .created(event.created_at)
        .last_modified(event.updated_at)
        .add_property("TRANSP", "OPAQUE")
        .status(EventStatus::Confirmed);
    add_times(&mut vevent, event);
    add_optional_text(&mut vevent, event);
    add_recurrence(&mut vevent, event);
    vevent.done()
}

fn add_times(vevent: &mut Event, event: &IcsEvent<'_>) {
    if event.all_day {
        let first_day = local(event.starts_at).date();
        // A DTEND on or before DTSTART would make clients drop or mis-draw the event, so
        // an all-day event always covers at least its first day.
        let day_after = first_day.succ_opt().unwrap_or(first_day);
        let end_day = local(event.ends_at).date().max(day_after);
        vevent.starts(first_day).ends(end_day);
    } else {
        let (starts, ends) = (local(event.starts_at), local(event.ends_at));
        vevent.starts(riga_wall_clock(starts));
        // RFC 5545 wants DTEND after DTSTART. An event of no length (10:00–10:00, or a start
        // in the spring's missing hour moved onto its end) ends as it starts, which is what
        // a DTSTART without DTEND means. One that ends in the autumn's repeated hour may end
        // at a wall-clock time before its start: its end is then written in UTC.
        if ends > starts {
            vevent.ends(riga_wall_clock(ends));
        } else if event.ends_at > event.starts_at {
            vevent.ends(CalendarDateTime::Utc(event.ends_at));
        }
    }
}

fn add_optional_text(vevent: &mut Event, event: &IcsEvent<'_>) {
    if !event.description.is_empty() {
        vevent.description(&clean_text(event.description));
    }
    if !event.location.is_empty() {
        vevent.location(&clean_text(event.location));
    }
    if let Some(url) = &event.url {
        vevent.url(&strip_controls(url));
    }
    if let Some(category) = event.category {
        vevent.categories([clean_text(category)]);
    }
}

fn add_recurrence(vevent: &mut Event, event: &IcsEvent<'_>) {
    // Exdates only mean something in a series; left over on a single event, one matching
    // DTSTART would hide the event itself.
    let Some(rrule) = event.rrule else {
        return;
    };
    vevent.add_property("RRULE", rule_as_written(rrule, event.all_day));
    for &skipped in event.exdates {
        if event.all_day {
            vevent.exdate(skipped.date());
        } else {
            vevent.exdate(riga_wall_clock(skipped));
        }
    }
}

/// The stored rule as the feed writes it. RFC 5545 wants UNTIL of the same value type as
/// DTSTART: an all-day series starts on a DATE, so its UNTIL (stored as the UTC instant its
/// last day ends in Riga) is written as that Riga date; a timed series' stays as stored.
fn rule_as_written(rrule: &str, all_day: bool) -> String {
    let rrule = strip_controls(rrule);
    if !all_day {
        return rrule;
    }
    let part_as_written = |part: &str| {
        let last_day = crate::calendar::recurrence::until_day(part.strip_prefix("UNTIL=")?)?;
        Some(format!("UNTIL={}", last_day.format("%Y%m%d")))
    };
    rrule
        .split(';')
        .map(|part| part_as_written(part).unwrap_or_else(|| part.to_string()))
        .collect::<Vec<_>>()
        .join(";")
}

/// A `DATE-TIME` with `TZID=Europe/Riga`, so clients keep the wall-clock time across
/// daylight-saving changes in recurring series.
fn riga_wall_clock(wall_clock: NaiveDateTime) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: wall_clock,
        tzid: TZID.to_owned(),
    }
}

/// Text as RFC 5545 TEXT allows it. Browsers submit textareas with CRLF line breaks and a
/// bare CR would end the content line early, so every line break becomes one LF (which
/// `icalendar` escapes as `\n`); other control characters except TAB are not allowed.
fn clean_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// For values `icalendar` writes unescaped (URL, RRULE): a control character there could
/// only break the line and start a forged property, so it is dropped.
fn strip_controls(value: &str) -> String {
    value.chars().filter(|c| !c.is_control()).collect()
}

/// Undoes `icalendar`'s folding. Escaped values never contain a raw CR or LF, so every
/// CRLF followed by a space is a fold.
fn unfold(serialised: &str) -> String {
    serialised.replace("\r\n ", "")
}

/// True for the first line after the VCALENDAR's own properties: the first component's
/// BEGIN, or the calendar's END when there are no events.
fn ends_calendar_properties(line: &str) -> bool {
    line == "END:VCALENDAR" || (line.starts_with("BEGIN:") && line != "BEGIN:VCALENDAR")
}

fn push_vtimezone(ics: &mut String) {
    for line in RIGA_VTIMEZONE {
        push_folded(ics, line);
    }
}

/// Appends one content line and its CRLF, folded (RFC 5545 §3.1) so that no physical line,
/// counting the space that starts a continuation, exceeds [`MAX_LINE_OCTETS`].
fn push_folded(ics: &mut String, line: &str) {
    let mut rest = line;
    let mut room = MAX_LINE_OCTETS;
    while rest.len() > room {
        let (head, tail) = rest.split_at(fold_point(rest, room));
        ics.push_str(head);
        ics.push_str("\r\n ");
        rest = tail;
        room = MAX_LINE_OCTETS - 1;
    }
    ics.push_str(rest);
    ics.push_str("\r\n");
}

/// Where to fold `rest` so its first piece fits in `room` octets: never inside a UTF-8
/// character, and not right after whitespace (a space, a tab, a no-break space…) when
/// avoidable, because some parsers (the `ical` crate among them) trim trailing whitespace
/// from each physical line and would lose it. The whitespace then starts the continuation,
/// which unfolds correctly.
fn fold_point(rest: &str, room: usize) -> usize {
    let hard_limit = rest.floor_char_boundary(room);
    let before_trailing_blanks = rest
        .get(..hard_limit)
        .map_or(0, |piece| piece.trim_end_matches(char::is_whitespace).len());
    if before_trailing_blanks == 0 {
        hard_limit
    } else {
        before_trailing_blanks
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod properties;
