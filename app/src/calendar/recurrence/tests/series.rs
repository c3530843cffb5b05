//! Normal forms of rules, where a series ends, refusals of rules outside the subset, and
//! skipping ahead to far windows.

use super::*;

#[test]
fn rules_are_normalised_to_one_form() {
    assert_eq!(
        normalise_rule(" rrule:freq=weekly;byday=th,tu,TU;interval=1;wkst=mo; ").expect("accepted"),
        "FREQ=WEEKLY;BYDAY=TU,TH"
    );
    assert_eq!(
        normalise_rule("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR,MO;INTERVAL=2;COUNT=10")
            .expect("accepted"),
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,FR;BYSETPOS=-1;COUNT=10"
    );
    assert_eq!(
        normalise_rule("FREQ=YEARLY;BYMONTH=10;BYDAY=+2TU;UNTIL=20301231T215959Z")
            .expect("accepted"),
        "FREQ=YEARLY;BYMONTH=10;BYDAY=2TU;UNTIL=20301231T215959Z"
    );
    assert_eq!(
        normalise_rule("FREQ=MONTHLY;BYMONTHDAY=-1,15").expect("accepted"),
        "FREQ=MONTHLY;BYMONTHDAY=-1,15"
    );
}

#[test]
fn series_end_with_count_is_the_end_of_the_last_occurrence() {
    let end = series(at(2020, 8, 3, 10, 0), "FREQ=DAILY;COUNT=5")
        .lasting(Duration::hours(2))
        .end();
    assert_eq!(end, Some(utc(2020, 8, 7, 9, 0)));
}

#[test]
fn series_end_with_until_is_the_end_of_the_last_occurrence_before_it() {
    // Tuesdays; UNTIL falls on Thursday 27 August, so the last one is the 25th.
    let end = series(at(2020, 8, 4, 18, 0), "FREQ=WEEKLY;UNTIL=20200827T120000Z")
        .lasting(Duration::hours(2))
        .end();
    assert_eq!(end, Some(utc(2020, 8, 25, 17, 0)));
}

#[test]
fn until_series_shows_nothing_in_a_window_after_until() {
    // The window is far enough ahead for the expansion to skip to it.
    let starts = series(at(2018, 1, 1, 10, 0), "FREQ=DAILY;UNTIL=20200101")
        .starts(day(2026, 8, 1), day(2026, 9, 1));
    assert_eq!(starts, Vec::<NaiveDateTime>::new());
    let last_days = series(at(2018, 1, 1, 10, 0), "FREQ=DAILY;UNTIL=20200101")
        .starts(day(2019, 12, 31), day(2020, 1, 3));
    assert_eq!(
        last_days
            .iter()
            .map(NaiveDateTime::date)
            .collect::<Vec<_>>(),
        vec![day(2019, 12, 31), day(2020, 1, 1)]
    );
}

#[test]
fn first_start_after_until_is_still_the_one_occurrence() {
    let starts = series(at(2021, 3, 1, 10, 0), "FREQ=WEEKLY;UNTIL=20201231")
        .starts(day(2021, 1, 1), day(2022, 1, 1));
    assert_eq!(starts, vec![at(2021, 3, 1, 10, 0)]);
}

#[test]
fn series_end_of_a_long_until_series_is_found_near_until() {
    let end = series(at(2018, 1, 1, 10, 0), "FREQ=DAILY;UNTIL=20991231").end();
    assert_eq!(end, Some(utc(2099, 12, 31, 9, 0)));
}

#[test]
fn series_without_end_has_no_end() {
    let end = series(at(2020, 8, 3, 10, 0), "FREQ=WEEKLY")
        .lasting(Duration::hours(2))
        .end();
    assert_eq!(end, None);
}

#[test]
fn series_end_skips_an_excluded_last_occurrence() {
    // The fifth occurrence (7 August) is excluded; it still counts, so the series ends
    // with the fourth rather than gaining an eighth of August.
    let end = series(at(2020, 8, 3, 10, 0), "FREQ=DAILY;COUNT=5")
        .skipping(&[at(2020, 8, 7, 10, 0)])
        .lasting(Duration::hours(2))
        .end();
    assert_eq!(end, Some(utc(2020, 8, 6, 9, 0)));
}

#[test]
fn series_end_when_every_occurrence_is_excluded_is_the_first_end() {
    let both = [at(2020, 8, 3, 10, 0), at(2020, 8, 4, 10, 0)];
    let end = series(at(2020, 8, 3, 10, 0), "FREQ=DAILY;COUNT=2")
        .skipping(&both)
        .lasting(Duration::hours(2))
        .end();
    assert_eq!(end, Some(utc(2020, 8, 3, 9, 0)));
}

#[test]
fn unsupported_and_malformed_rules_are_refused() {
    let refused = [
        "FREQ=HOURLY",
        "FREQ=DAILY;BYHOUR=10",
        "BYHOUR=10",
        "nonsense",
        "FREQ=WEEKLY;COUNT=3;UNTIL=20201231T000000Z",
        "",
        "   ",
        "FREQ=FORTNIGHTLY",
        "FREQ=DAILY;FREQ=WEEKLY",
        "FREQ=DAILY;COLOUR=RED",
        "INTERVAL=2",
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;COUNT=0",
        "FREQ=DAILY;COUNT=-1",
        "FREQ=DAILY;UNTIL=20201231T235959",
        "FREQ=DAILY;UNTIL=20201332",
        "FREQ=DAILY;UNTIL=tomorrow",
        "FREQ=WEEKLY;BYDAY=2TU",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=WEEKLY;BYDAY=",
        "FREQ=WEEKLY;BYDAY=TU,,TH",
        "FREQ=WEEKLY;BYMONTHDAY=15",
        "FREQ=MONTHLY;BYDAY=6TU",
        "FREQ=MONTHLY;BYDAY=0TU",
        "FREQ=MONTHLY;BYMONTHDAY=32",
        "FREQ=MONTHLY;BYMONTHDAY=0",
        "FREQ=YEARLY;BYMONTH=13",
        "FREQ=MONTHLY;BYSETPOS=1",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=40",
        "FREQ=WEEKLY;WKST=SU",
        "FREQ=DAILY;BYDAY=ÄÄ",
    ];
    for rule in refused {
        assert!(normalise_rule(rule).is_err(), "{rule:?} should be refused");
    }
}

#[test]
fn refusals_say_what_is_wrong() {
    assert!(matches!(
        normalise_rule("FREQ=HOURLY"),
        Err(RecurrenceError::Unsupported(message)) if message.contains("HOURLY")
    ));
    assert!(matches!(
        normalise_rule("FREQ=DAILY;BYHOUR=10"),
        Err(RecurrenceError::Unsupported(message)) if message.contains("BYHOUR")
    ));
    assert!(matches!(
        normalise_rule("FREQ=WEEKLY;COUNT=3;UNTIL=20201231T000000Z"),
        Err(RecurrenceError::Invalid(message)) if message.contains("UNTIL") && message.contains("COUNT")
    ));
    let shown = normalise_rule("nonsense").expect_err("refused").to_string();
    assert!(
        shown.starts_with("Nederīgs atkārtošanās noteikums: "),
        "{shown}"
    );
}

#[test]
fn occurrences_and_series_end_refuse_bad_rules_too() {
    let window = (riga_midnight(2020, 8, 1), riga_midnight(2020, 9, 1));
    let first = at(2020, 8, 3, 10, 0);
    assert!(occurrences(
        first,
        "FREQ=HOURLY",
        &[],
        Duration::hours(1),
        window.0,
        window.1,
        10
    )
    .is_err());
    assert!(series_end(first, "nonsense", &[], Duration::hours(1)).is_err());
}

#[test]
fn daily_series_from_2018_expanded_for_august_2026() {
    let starts =
        series(at(2018, 1, 1, 10, 0), "FREQ=DAILY").starts(day(2026, 8, 1), day(2026, 9, 1));
    assert_eq!(starts.len(), 31);
    assert_eq!(starts.first(), Some(&at(2026, 8, 1, 10, 0)));
    assert_eq!(starts.last(), Some(&at(2026, 8, 31, 10, 0)));
}

#[test]
fn far_windows_skip_ahead_to_an_aligned_period() {
    // Without COUNT the pattern starts just before the window, not in 2018.
    let series = Series::new(
        at(2018, 1, 1, 10, 0),
        Rule::parse("FREQ=DAILY;INTERVAL=3").expect("accepted"),
        &[],
    );
    let wanted = earliest_overlapping_start(riga_midnight(2026, 8, 1), Duration::hours(1))
        .expect("in range");
    let resume = series.resume_point(wanted).expect("skips ahead");
    assert!(
        resume <= wanted && wanted - resume < Duration::days(3),
        "{resume}"
    );
    assert_eq!((resume.date() - day(2018, 1, 1)).num_days() % 3, 0);
    // With COUNT every occurrence has to be counted from the first.
    let counted = Series::new(
        at(2018, 1, 1, 10, 0),
        Rule::parse("FREQ=DAILY;COUNT=5000").expect("accepted"),
        &[],
    );
    assert_eq!(counted.resume_point(wanted), None);
}

#[test]
fn skipping_ahead_keeps_weekly_monthly_and_yearly_cadences() {
    let cases = [
        (at(2018, 1, 3, 18, 0), "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE"),
        (at(2018, 1, 31, 18, 0), "FREQ=MONTHLY"),
        (at(2018, 1, 9, 18, 0), "FREQ=MONTHLY;INTERVAL=5;BYDAY=2TU"),
        (at(2016, 2, 29, 18, 0), "FREQ=YEARLY"),
        (
            at(2018, 3, 1, 18, 0),
            "FREQ=YEARLY;INTERVAL=3;BYMONTH=3,9;BYDAY=-1SU",
        ),
    ];
    for (first, rule) in cases {
        // The window's share of an expansion from the first start, compared with the
        // skipped-ahead expansion.
        let skipped = series(first, rule).starts(day(2030, 1, 1), day(2033, 1, 1));
        let from_first: Vec<NaiveDateTime> =
            Series::new(first, Rule::parse(rule).expect("accepted"), &[])
                .starts(None)
                .expect("expands")
                .take_while(|start| start.date() < day(2033, 1, 1))
                .filter(|start| start.date() >= day(2030, 1, 1))
                .collect();
        assert!(!skipped.is_empty(), "{rule}");
        assert_eq!(skipped, from_first, "{rule}");
    }
}
