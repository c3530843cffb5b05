//! Properties over any text in an event: the calendar file always parses back to the same
//! text.

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
        // Nor spaces beside a line break, which it trims too. (Left out rather than assumed
        // away: enough random texts have them that proptest gave up on too many rejects.)
        let description = description
            .split('\n')
            .map(|line| line.trim_matches(' '))
            .collect::<Vec<_>>()
            .join("\n");
        // (Each starts with a letter: the `ical` parser reads a value that starts with `:`
        // as empty, although RFC 5545 allows it and this writer is right to write it.)
        let (title, description) = (
            format!("T{}", title.trim()),
            format!("D{}", description.trim()),
        );
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
