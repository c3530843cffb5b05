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
        vevent
            .starts(riga_wall_clock(local(event.starts_at)))
            .ends(riga_wall_clock(local(event.ends_at)));
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
    vevent.add_property("RRULE", strip_controls(rrule));
    for &skipped in event.exdates {
        if event.all_day {
            vevent.exdate(skipped.date());
        } else {
            vevent.exdate(riga_wall_clock(skipped));
        }
    }
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
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.from_utc_datetime(&naive(y, m, d, h, min))
    }

    /// A date-time without zone: Riga wall-clock time, or UTC inside `utc`.
    fn naive(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|date| date.and_hms_opt(h, min, 0))
            .expect("valid test time")
    }

    fn timed_event(
        uid: &str,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
    ) -> IcsEvent<'static> {
        IcsEvent {
            uid: uid.to_owned(),
            title: "Koncerts",
            description: "",
            location: "",
            url: None,
            starts_at,
            ends_at,
            all_day: false,
            rrule: None,
            exdates: &[],
            category: None,
            created_at: utc(2020, 7, 1, 9, 30),
            updated_at: utc(2020, 7, 2, 11, 45),
        }
    }

    fn write_one(event: IcsEvent<'_>) -> String {
        write_calendar("Notikumi", &[event])
    }

    /// The content lines of `ics`, unfolded.
    fn logical_lines(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split_terminator("\r\n")
            .map(str::to_owned)
            .collect()
    }

    fn has_line(ics: &str, expected: &str) -> bool {
        logical_lines(ics).iter().any(|line| line == expected)
    }

    /// RFC 5545 TEXT escaping, written independently of the code under test.
    fn escape(text: &str) -> String {
        let mut escaped = String::new();
        for c in text.chars() {
            match c {
                '\\' => escaped.push_str("\\\\"),
                ';' => escaped.push_str("\\;"),
                ',' => escaped.push_str("\\,"),
                '\n' => escaped.push_str("\\n"),
                other => escaped.push(other),
            }
        }
        escaped
    }

    /// `ical` hands back raw values; this reverses RFC 5545 TEXT escaping.
    pub(super) fn unescape(raw: &str) -> String {
        let mut text = String::new();
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                text.push(c);
                continue;
            }
            match chars.next() {
                Some('n' | 'N') => text.push('\n'),
                Some(other) => text.push(other),
                None => text.push('\\'),
            }
        }
        text
    }

    /// Checks RFC 5545 §3.1 on raw bytes: CRLF after every line, at most 75 octets per
    /// physical line, and every physical line valid UTF-8 on its own.
    fn assert_well_formed_lines(ics: &str) {
        let bytes = ics.as_bytes();
        assert!(bytes.ends_with(b"\r\n"), "output must end with CRLF");
        let Some(without_last_lf) = bytes.strip_suffix(b"\n") else {
            panic!("output must end with a line feed");
        };
        for physical in without_last_lf.split(|&b| b == b'\n') {
            let Some(content) = physical.strip_suffix(b"\r") else {
                panic!("line without CR before LF: {physical:?}");
            };
            assert!(!content.contains(&b'\r'), "bare CR in {content:?}");
            assert!(
                content.len() <= MAX_LINE_OCTETS,
                "{} octets: {content:?}",
                content.len()
            );
            assert!(
                std::str::from_utf8(content).is_ok(),
                "line splits a UTF-8 character: {content:?}"
            );
        }
    }

    /// The content lines of the first VEVENT in `ics`, unfolded.
    fn first_vevent_lines(ics: &str) -> Vec<String> {
        logical_lines(ics)
            .into_iter()
            .skip_while(|line| line != "BEGIN:VEVENT")
            .take_while(|line| line != "END:VEVENT")
            .collect()
    }

    fn names_present(lines: &[String], names: &[&str]) -> Vec<String> {
        names
            .iter()
            .filter(|name| {
                lines.iter().any(|line| {
                    line.strip_prefix(**name)
                        .is_some_and(|rest| rest.starts_with([':', ';']))
                })
            })
            .map(|name| (*name).to_owned())
            .collect()
    }

    fn parse(ics: &str) -> ical::parser::ical::component::IcalCalendar {
        let mut calendars = ical::IcalParser::new(ics.as_bytes());
        let calendar = calendars
            .next()
            .expect("one calendar")
            .expect("ical parses the output");
        assert!(calendars.next().is_none(), "exactly one calendar");
        calendar
    }

    fn properties<'p>(
        properties: &'p [ical::property::Property],
        name: &str,
    ) -> Vec<&'p ical::property::Property> {
        properties
            .iter()
            .filter(|property| property.name == name)
            .collect()
    }

    fn value<'p>(all: &'p [ical::property::Property], name: &str) -> &'p str {
        let mut matching = properties(all, name).into_iter();
        let property = matching.next().unwrap_or_else(|| panic!("no {name}"));
        assert!(matching.next().is_none(), "{name} appears twice");
        property.value.as_deref().unwrap_or("")
    }

    fn params(property: &ical::property::Property) -> Vec<(String, Vec<String>)> {
        property.params.clone().unwrap_or_default()
    }

    fn riga_tzid_param() -> Vec<(String, Vec<String>)> {
        vec![("TZID".to_owned(), vec![TZID.to_owned()])]
    }

    fn date_param() -> Vec<(String, Vec<String>)> {
        vec![("VALUE".to_owned(), vec!["DATE".to_owned()])]
    }

    #[test]
    fn timed_events_use_riga_wall_clock_in_summer_and_winter() {
        let summer = write_one(timed_event(
            "summer@notikumi",
            utc(2020, 8, 4, 7, 0),
            utc(2020, 8, 4, 9, 0),
        ));
        assert!(has_line(
            &summer,
            "DTSTART;TZID=Europe/Riga:20200804T100000"
        ));
        assert!(has_line(&summer, "DTEND;TZID=Europe/Riga:20200804T120000"));

        let winter = write_one(timed_event(
            "winter@notikumi",
            utc(2020, 12, 4, 8, 0),
            utc(2020, 12, 4, 10, 0),
        ));
        assert!(has_line(
            &winter,
            "DTSTART;TZID=Europe/Riga:20201204T100000"
        ));
        assert!(has_line(&winter, "DTEND;TZID=Europe/Riga:20201204T120000"));
    }

    #[test]
    fn daylight_saving_change_days_keep_ten_o_clock() {
        let spring = write_one(timed_event(
            "spring@notikumi",
            utc(2020, 3, 29, 7, 0),
            utc(2020, 3, 29, 8, 0),
        ));
        assert!(has_line(
            &spring,
            "DTSTART;TZID=Europe/Riga:20200329T100000"
        ));
        assert!(has_line(&spring, "DTEND;TZID=Europe/Riga:20200329T110000"));

        let autumn = write_one(timed_event(
            "autumn@notikumi",
            utc(2020, 10, 25, 8, 0),
            utc(2020, 10, 25, 9, 0),
        ));
        assert!(has_line(
            &autumn,
            "DTSTART;TZID=Europe/Riga:20201025T100000"
        ));
        assert!(has_line(&autumn, "DTEND;TZID=Europe/Riga:20201025T110000"));
    }

    #[test]
    fn all_day_event_writes_local_dates_with_exclusive_end() {
        let event = IcsEvent {
            all_day: true,
            ..timed_event(
                "festival@notikumi",
                utc(2020, 8, 5, 21, 0),
                utc(2020, 8, 11, 21, 0),
            )
        };
        let ics = write_one(event);
        assert!(has_line(&ics, "DTSTART;VALUE=DATE:20200806"));
        assert!(has_line(&ics, "DTEND;VALUE=DATE:20200812"));
    }

    #[test]
    fn all_day_event_without_a_later_end_still_covers_its_day() {
        let start = utc(2020, 8, 5, 21, 0);
        let event = IcsEvent {
            all_day: true,
            ..timed_event("oneday@notikumi", start, start)
        };
        let ics = write_one(event);
        assert!(has_line(&ics, "DTSTART;VALUE=DATE:20200806"));
        assert!(has_line(&ics, "DTEND;VALUE=DATE:20200807"));
    }

    #[test]
    fn header_and_timezone_come_before_the_events() {
        let ics = write_one(timed_event(
            "one@notikumi",
            utc(2020, 8, 4, 7, 0),
            utc(2020, 8, 4, 9, 0),
        ));
        let lines = logical_lines(&ics);
        let expected_start = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Notikumi//Notikumi//LV",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Notikumi",
            "X-WR-TIMEZONE:Europe/Riga",
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
        let actual_start: Vec<&str> = lines
            .iter()
            .take(expected_start.len())
            .map(String::as_str)
            .collect();
        assert_eq!(actual_start, expected_start);
        assert_eq!(
            lines.get(expected_start.len()).map(String::as_str),
            Some("BEGIN:VEVENT")
        );
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        assert_eq!(ics.matches("BEGIN:VTIMEZONE").count(), 1);
    }

    #[test]
    fn empty_calendar_still_defines_the_timezone() {
        let ics = write_calendar("Tukšs", &[]);
        let lines = logical_lines(&ics);
        let end = lines.len().saturating_sub(2);
        assert_eq!(lines.get(end).map(String::as_str), Some("END:VTIMEZONE"));
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
        assert_well_formed_lines(&ics);
    }

    #[test]
    fn vtimezone_is_for_the_site_time_zone() {
        // RIGA_VTIMEZONE spells out Riga's rules; a different site zone needs new ones.
        assert_eq!(crate::timezone::SITE_TIME_ZONE.name(), TZID);
    }

    #[test]
    fn event_properties_are_written() {
        let event = IcsEvent {
            description: "Apraksts",
            location: "Rīga",
            url: Some("https://notikumi.lv/lv/notikumi/42-koncerts?a=1,2;b".to_owned()),
            category: Some("Mūzika, deja"),
            ..timed_event(
                "event-42@notikumi",
                utc(2020, 8, 4, 7, 0),
                utc(2020, 8, 4, 9, 0),
            )
        };
        let ics = write_one(event);
        for expected in [
            "UID:event-42@notikumi",
            "SUMMARY:Koncerts",
            "DESCRIPTION:Apraksts",
            "LOCATION:Rīga",
            "URL:https://notikumi.lv/lv/notikumi/42-koncerts?a=1,2;b",
            "CATEGORIES:Mūzika\\, deja",
            "DTSTAMP:20200702T114500Z",
            "CREATED:20200701T093000Z",
            "LAST-MODIFIED:20200702T114500Z",
            "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
        ] {
            assert!(has_line(&ics, expected), "missing {expected:?} in\n{ics}");
        }
    }

    #[test]
    fn absent_optional_properties_are_omitted() {
        let ics = write_one(timed_event(
            "bare@notikumi",
            utc(2020, 8, 4, 7, 0),
            utc(2020, 8, 4, 9, 0),
        ));
        let optional = [
            "DESCRIPTION",
            "LOCATION",
            "URL",
            "CATEGORIES",
            "RRULE",
            "EXDATE",
        ];
        assert_eq!(
            names_present(&first_vevent_lines(&ics), &optional),
            Vec::<String>::new()
        );
    }

    #[test]
    fn exdates_without_a_rule_are_not_written() {
        let skipped = [naive(2020, 8, 4, 10, 0)];
        let event = IcsEvent {
            exdates: &skipped,
            ..timed_event(
                "single@notikumi",
                utc(2020, 8, 4, 7, 0),
                utc(2020, 8, 4, 9, 0),
            )
        };
        let lines = first_vevent_lines(&write_one(event));
        assert_eq!(names_present(&lines, &["EXDATE"]), Vec::<String>::new());
    }

    #[test]
    fn special_characters_are_escaped_and_round_trip() {
        let title = "Koncerts, deja; \\ atpūta";
        let description = "Pirmā rinda\nOtrā rinda";
        let event = IcsEvent {
            title,
            description,
            ..timed_event(
                "escape@notikumi",
                utc(2020, 8, 4, 7, 0),
                utc(2020, 8, 4, 9, 0),
            )
        };
        let ics = write_one(event);
        assert!(has_line(&ics, "SUMMARY:Koncerts\\, deja\\; \\\\ atpūta"));
        assert!(has_line(&ics, "DESCRIPTION:Pirmā rinda\\nOtrā rinda"));

        let parsed = parse(&ics);
        let vevent = parsed.events.first().expect("one event");
        assert_eq!(unescape(value(&vevent.properties, "SUMMARY")), title);
        assert_eq!(
            unescape(value(&vevent.properties, "DESCRIPTION")),
            description
        );
    }

    #[test]
    fn carriage_returns_and_control_characters_cannot_break_lines() {
        let event = IcsEvent {
            description: "Pirmā\r\nOtrā\rTrešā\u{7}",
            url: Some("https://notikumi.lv/x\r\nX-INJECTED:1".to_owned()),
            ..timed_event(
                "controls@notikumi",
                utc(2020, 8, 4, 7, 0),
                utc(2020, 8, 4, 9, 0),
            )
        };
        let ics = write_one(event);
        assert_well_formed_lines(&ics);
        assert!(has_line(&ics, "DESCRIPTION:Pirmā\\nOtrā\\nTrešā"));
        assert!(has_line(&ics, "URL:https://notikumi.lv/xX-INJECTED:1"));
        assert!(!logical_lines(&ics)
            .iter()
            .any(|line| line.starts_with("X-INJECTED")));
    }

    #[test]
    fn long_latvian_description_is_folded_on_character_boundaries() {
        let description: String =
            "Dziesmu svētku ģenerālmēģinājums Rīgā: ķiršu, žagaru un ūdens šķiņķis; "
                .chars()
                .cycle()
                .take(300)
                .collect();
        let event = IcsEvent {
            description: &description,
            ..timed_event(
                "long@notikumi",
                utc(2020, 8, 4, 7, 0),
                utc(2020, 8, 4, 9, 0),
            )
        };
        let ics = write_one(event);
        assert_well_formed_lines(&ics);
        let expected = format!("DESCRIPTION:{}", escape(&description));
        assert!(
            has_line(&ics, &expected),
            "unfolded description differs in\n{ics}"
        );
        assert!(
            ics.lines().filter(|line| line.starts_with(' ')).count() >= 4,
            "a 300-character description spans several physical lines"
        );
    }

    #[test]
    fn folding_fits_75_octets_at_every_length() {
        // 150 and 224 octets are where the `icalendar` crate's own folding overflows.
        for unit in ["a", "ā", "€", "𝄞", "a ", "ā "] {
            for repeat in 1..=240 {
                let line = format!("DESCRIPTION:{}", unit.repeat(repeat));
                let mut folded = String::new();
                push_folded(&mut folded, &line);
                assert_well_formed_lines(&folded);
                assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
            }
        }
    }

    #[test]
    fn folds_do_not_leave_whitespace_at_line_ends() {
        let line = format!("DESCRIPTION:{}", "vārds ".repeat(40));
        let mut folded = String::new();
        push_folded(&mut folded, &line);
        let physical: Vec<&str> = folded.split_terminator("\r\n").collect();
        let (last, folded_lines) = physical.split_last().expect("several lines");
        assert!(!folded_lines.is_empty());
        for line in folded_lines {
            assert!(!line.ends_with(' '), "line ends in a space: {line:?}");
        }
        assert!(last.len() <= MAX_LINE_OCTETS);
    }

    #[test]
    fn round_trips_through_the_ical_parser() {
        let weekly_skips = [naive(2020, 9, 8, 18, 30), naive(2020, 9, 22, 18, 30)];
        let daily_skips = [naive(2020, 8, 8, 0, 0)];
        // No trailing space: `ical` trims whitespace at the end of every physical line.
        let long_description = "Ūdens, šķiņķis; ģitāra \\ ēnas. "
            .repeat(12)
            .trim_end()
            .to_owned();
        let events = [
            IcsEvent {
                title: "Vasaras koncerts, Doma laukumā",
                description: "Ieeja bez maksas;\nlīdzi ņemiet segas \\ spilvenus",
                location: "Doma laukums, Rīga",
                url: Some("https://notikumi.lv/lv/notikumi/1".to_owned()),
                category: Some("Mūzika"),
                ..timed_event(
                    "event-1@notikumi",
                    utc(2020, 8, 4, 7, 0),
                    utc(2020, 8, 4, 9, 0),
                )
            },
            IcsEvent {
                title: "Zinātnes nedēļa",
                description: &long_description,
                all_day: true,
                ..timed_event(
                    "event-2@notikumi",
                    utc(2020, 8, 5, 21, 0),
                    utc(2020, 8, 11, 21, 0),
                )
            },
            IcsEvent {
                title: "Latviešu valodas kursi",
                location: "Tērbatas iela 2",
                rrule: Some("FREQ=WEEKLY;BYDAY=TU;COUNT=5"),
                exdates: &weekly_skips,
                ..timed_event(
                    "event-3@notikumi",
                    utc(2020, 9, 1, 15, 30),
                    utc(2020, 9, 1, 17, 0),
                )
            },
            IcsEvent {
                title: "Tirdziņš",
                all_day: true,
                rrule: Some("FREQ=DAILY;COUNT=3"),
                exdates: &daily_skips,
                ..timed_event(
                    "event-4@notikumi",
                    utc(2020, 8, 6, 21, 0),
                    utc(2020, 8, 7, 21, 0),
                )
            },
        ];
        let ics = write_calendar("Notikumi: Rīga", &events);
        let calendar = parse(&ics);

        assert_eq!(
            unescape(value(&calendar.properties, "X-WR-CALNAME")),
            "Notikumi: Rīga"
        );
        assert_eq!(calendar.timezones.len(), 1);
        let timezone = calendar.timezones.first().expect("one VTIMEZONE");
        assert_eq!(value(&timezone.properties, "TZID"), TZID);
        assert_eq!(timezone.transitions.len(), 2);

        assert_eq!(calendar.events.len(), events.len());
        for (parsed, original) in calendar.events.iter().zip(&events) {
            assert_parsed_event_matches(&parsed.properties, original);
        }
    }

    fn assert_parsed_event_matches(parsed: &[ical::property::Property], original: &IcsEvent<'_>) {
        assert_eq!(value(parsed, "UID"), original.uid);
        assert_eq!(unescape(value(parsed, "SUMMARY")), original.title);
        let optional_text = |name: &str| {
            properties(parsed, name)
                .first()
                .map(|property| unescape(property.value.as_deref().unwrap_or("")))
        };
        let non_empty = |text: &str| (!text.is_empty()).then(|| text.to_owned());
        assert_eq!(
            optional_text("DESCRIPTION"),
            non_empty(original.description)
        );
        assert_eq!(optional_text("LOCATION"), non_empty(original.location));
        assert_eq!(
            properties(parsed, "RRULE")
                .first()
                .and_then(|p| p.value.as_deref()),
            original.rrule
        );

        let time_param = if original.all_day {
            date_param()
        } else {
            riga_tzid_param()
        };
        let dtstart = properties(parsed, "DTSTART");
        let dtstart = dtstart.first().expect("DTSTART");
        assert_eq!(params(dtstart), time_param);

        let exdates = properties(parsed, "EXDATE");
        assert_eq!(exdates.len(), original.exdates.len());
        for (exdate, skipped) in exdates.iter().zip(original.exdates) {
            assert_eq!(params(exdate), time_param);
            let expected = if original.all_day {
                skipped.format("%Y%m%d").to_string()
            } else {
                skipped.format("%Y%m%dT%H%M%S").to_string()
            };
            assert_eq!(exdate.value.as_deref(), Some(expected.as_str()));
        }
    }

    #[test]
    fn writes_every_one_of_2000_events() {
        let events: Vec<IcsEvent<'static>> = (0..2000)
            .map(|n| {
                let start = utc(2020, 1, 1, 8, 0) + chrono::Duration::hours(n);
                timed_event(
                    &format!("event-{n}@notikumi"),
                    start,
                    start + chrono::Duration::hours(1),
                )
            })
            .collect();
        let ics = write_calendar("Notikumi", &events);
        assert_eq!(ics.matches("\r\nBEGIN:VEVENT\r\n").count(), 2000);
        assert_eq!(ics.matches("\r\nEND:VEVENT\r\n").count(), 2000);
        assert!(has_line(&ics, "UID:event-1999@notikumi"));
    }
}

/// Properties over any text in an event: the calendar file always parses back to the same
/// text.
#[cfg(test)]
mod properties {
    use chrono::TimeZone;
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn any_title_and_description_survive_the_round_trip(
            title in "[^\r\u{0}-\u{1f}]{1,120}",
            description in "[^\r\u{0}-\u{8}\u{b}-\u{1f}]{0,300}",
        ) {
            // Control characters are not allowed in iCalendar text and are left out; `ical`
            // trims whitespace at the ends of lines, so the text is compared trimmed.
            let title: String = title.chars().filter(|c| !c.is_control()).collect();
            let description: String = description
                .chars()
                .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
                .collect();
            // (Each starts with a letter: the `ical` parser reads a value that starts with `:`
            // as empty, although RFC 5545 allows it and this writer is right to write it.)
            let (title, description) = (
                format!("T{}", title.trim()),
                format!("D{}", description.trim()),
            );
            prop_assume!(!description.contains(" \n") && !description.contains("\n "));
            let at = |hour| Utc.with_ymd_and_hms(2020, 8, 4, hour, 0, 0).single().expect("instant");
            let event = IcsEvent {
                uid: "event-1@notikumi".into(),
                title: &title,
                description: &description,
                location: "Rīga",
                url: None,
                starts_at: at(7),
                ends_at: at(9),
                all_day: false,
                rrule: None,
                exdates: &[],
                category: None,
                created_at: at(1),
                updated_at: at(2),
            };
            let ics = write_calendar("Notikumi", &[event]);
            for line in ics.split("\r\n") {
                prop_assert!(line.len() <= MAX_LINE_OCTETS, "a line of {} octets", line.len());
            }
            let calendar = ical::IcalParser::new(ics.as_bytes())
                .next()
                .expect("a calendar")
                .expect("it parses");
            let parsed = &calendar.events[0].properties;
            let text = |name: &str| {
                parsed
                    .iter()
                    .find(|property| property.name == name)
                    .and_then(|property| property.value.clone())
                    .unwrap_or_default()
            };
            prop_assert_eq!(super::tests::unescape(&text("SUMMARY")), title);
            prop_assert_eq!(super::tests::unescape(&text("DESCRIPTION")), description);
        }
    }
}
