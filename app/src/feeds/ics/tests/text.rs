//! Text in the iCalendar writer: escaping, control characters, folding at 75 octets, and
//! round trips through the `ical` parser.

use super::*;

#[test]
fn special_characters_are_escaped_and_round_trip() {
    let title = "Koncerts, deja; \\ atpūta";
    let description = "Pirmā rinda\nOtrā rinda";
    let event = IcsEvent {
        title,
        description,
        ..seminar("escape@notikumi")
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
        ..seminar("controls@notikumi")
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
        ..seminar("long@notikumi")
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
    // (start, end) in UTC: a week-long festival, a weekly course, a three-day market.
    let festival = (utc(2020, 8, 5, 21, 0), utc(2020, 8, 11, 21, 0));
    let course = (utc(2020, 9, 1, 15, 30), utc(2020, 9, 1, 17, 0));
    let market = (utc(2020, 8, 6, 21, 0), utc(2020, 8, 7, 21, 0));
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
            ..seminar("event-1@notikumi")
        },
        IcsEvent {
            title: "Zinātnes nedēļa",
            description: &long_description,
            all_day: true,
            ..timed_event("event-2@notikumi", festival.0, festival.1)
        },
        IcsEvent {
            title: "Latviešu valodas kursi",
            location: "Tērbatas iela 2",
            rrule: Some("FREQ=WEEKLY;BYDAY=TU;COUNT=5"),
            exdates: &weekly_skips,
            ..timed_event("event-3@notikumi", course.0, course.1)
        },
        IcsEvent {
            title: "Tirdziņš",
            all_day: true,
            rrule: Some("FREQ=DAILY;COUNT=3"),
            exdates: &daily_skips,
            ..timed_event("event-4@notikumi", market.0, market.1)
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
