//! The iCalendar writer: times in Riga's zone, all-day dates, the header and time zone,
//! and which properties are written.

use super::*;
use crate::test_dates::{at as naive, utc};

/// A two-hour event on 4 August 2020, 10:00–12:00 in Riga.
fn seminar(uid: &str) -> IcsEvent<'static> {
    timed_event(uid, utc(2020, 8, 4, 7, 0), utc(2020, 8, 4, 9, 0))
}

fn timed_event(uid: &str, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> IcsEvent<'static> {
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
fn timed_events_use_riga_wall_clock_in_summer_winter_and_on_the_change_days() {
    // Two hours from a start in UTC, and the hours they are in Riga: summer, winter, and the
    // days of the spring and autumn changes.
    for (starts_at, start, end) in [
        (utc(2020, 8, 4, 7, 0), "20200804T10", "20200804T12"),
        (utc(2020, 12, 4, 8, 0), "20201204T10", "20201204T12"),
        (utc(2020, 3, 29, 7, 0), "20200329T10", "20200329T12"),
        (utc(2020, 10, 25, 8, 0), "20201025T10", "20201025T12"),
    ] {
        let ends_at = starts_at + chrono::Duration::hours(2);
        let ics = write_one(timed_event("season@notikumi", starts_at, ends_at));
        let start = format!("DTSTART;TZID=Europe/Riga:{start}0000");
        assert!(has_line(&ics, &start), "{start}");
        let end = format!("DTEND;TZID=Europe/Riga:{end}0000");
        assert!(has_line(&ics, &end), "{end}");
    }
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

/// RFC 5545 §3.3.10: UNTIL has the value type of DTSTART, a DATE for an all-day series (the
/// store keeps it as the UTC instant the last day ends in Riga); a timed series keeps its
/// UTC time.
#[test]
fn an_all_day_series_ends_on_a_date_and_a_timed_one_at_a_time() {
    let start = utc(2020, 8, 5, 21, 0);
    let rule = "FREQ=WEEKLY;BYDAY=TH;UNTIL=20201231T215959Z";
    let all_day = IcsEvent {
        all_day: true,
        rrule: Some(rule),
        ..timed_event("weekly@notikumi", start, start)
    };
    let ics = write_one(all_day);
    assert!(has_line(&ics, "DTSTART;VALUE=DATE:20200806"));
    assert!(
        has_line(&ics, "RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20201231"),
        "{ics}"
    );
    let timed = IcsEvent {
        rrule: Some(rule),
        ..seminar("weekly-timed@notikumi")
    };
    assert!(has_line(&write_one(timed), &format!("RRULE:{rule}")));
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
fn a_timed_event_of_no_length_has_no_end_before_or_at_its_start() {
    let start = utc(2027, 5, 5, 7, 0);
    let ics = write_one(timed_event("moment@notikumi", start, start));
    assert!(has_line(&ics, "DTSTART;TZID=Europe/Riga:20270505T100000"));
    assert!(
        !logical_lines(&ics)
            .iter()
            .any(|line| line.starts_with("DTEND")),
        "{ics}"
    );
}

#[test]
fn an_event_ending_in_the_autumns_repeated_hour_keeps_its_end_in_utc() {
    // 25 October 2026: 03:59 summer time (00:59 UTC) to 03:30 winter time (01:30 UTC).
    let ics = write_one(timed_event(
        "autumn@notikumi",
        utc(2026, 10, 25, 0, 59),
        utc(2026, 10, 25, 1, 30),
    ));
    assert!(
        has_line(&ics, "DTSTART;TZID=Europe/Riga:20261025T035900"),
        "{ics}"
    );
    assert!(has_line(&ics, "DTEND:20261025T013000Z"), "{ics}");
}

#[test]
fn header_and_timezone_come_before_the_events() {
    let ics = write_one(seminar("one@notikumi"));
    let lines = logical_lines(&ics);
    let mut expected_start: Vec<String> = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Notikumi//Notikumi//LV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Notikumi",
        "X-WR-TIMEZONE:Europe/Riga",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Riga",
    ]
    .map(String::from)
    .into();
    // Winter time from the last Sunday of October at 04:00 EEST, summer time from the last
    // Sunday of March at 03:00 EET.
    for (part, name, from, to, since, month) in [
        ("STANDARD", "EET", "+0300", "+0200", "19701025T040000", 10),
        ("DAYLIGHT", "EEST", "+0200", "+0300", "19700329T030000", 3),
    ] {
        expected_start.extend([
            format!("BEGIN:{part}"),
            format!("TZNAME:{name}"),
            format!("TZOFFSETFROM:{from}"),
            format!("TZOFFSETTO:{to}"),
            format!("DTSTART:{since}"),
            format!("RRULE:FREQ=YEARLY;BYMONTH={month};BYDAY=-1SU"),
            format!("END:{part}"),
        ]);
    }
    expected_start.push("END:VTIMEZONE".into());
    assert_eq!(lines[..expected_start.len()], expected_start[..]);
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
        ..seminar("event-42@notikumi")
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
    let ics = write_one(seminar("bare@notikumi"));
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
        ..seminar("single@notikumi")
    };
    let lines = first_vevent_lines(&write_one(event));
    assert_eq!(names_present(&lines, &["EXDATE"]), Vec::<String>::new());
}

// Escaping, folding and round trips through a parser, in a file of their own.
mod text;
