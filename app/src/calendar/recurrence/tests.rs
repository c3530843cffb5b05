//! Tests of recurrence expansion: rule forms, time zones, caps.
use super::*;
use crate::test_dates::{at, date as day, riga_midnight, utc};

/// A series under test: from `first_start` by `rule`, an hour long and skipping no date
/// unless told otherwise.
struct Case<'a> {
    first_start: NaiveDateTime,
    rule: &'a str,
    exdates: &'a [NaiveDateTime],
    duration: Duration,
}

fn series(first_start: NaiveDateTime, rule: &str) -> Case<'_> {
    Case {
        first_start,
        rule,
        exdates: &[],
        duration: Duration::hours(1),
    }
}

impl<'a> Case<'a> {
    fn lasting(self, duration: Duration) -> Self {
        Case { duration, ..self }
    }

    fn skipping(self, exdates: &'a [NaiveDateTime]) -> Self {
        Case { exdates, ..self }
    }

    /// The starts, at most `limit`, of the occurrences overlapping `[from, to)`.
    fn instants(&self, from: DateTime<Utc>, to: DateTime<Utc>, limit: usize) -> Vec<DateTime<Utc>> {
        occurrences(
            self.first_start,
            self.rule,
            self.exdates,
            self.duration,
            from,
            to,
            limit,
        )
        .expect("rule accepted")
    }

    /// When the series' last occurrence ends (`None`: never).
    fn end(&self) -> Option<DateTime<Utc>> {
        series_end(self.first_start, self.rule, self.exdates, self.duration).expect("rule accepted")
    }

    /// The occurrences overlapping the Riga days `[from, to)`, as Riga wall-clock starts.
    fn starts(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDateTime> {
        self.instants(
            timezone::start_of_day(from),
            timezone::start_of_day(to),
            1_000,
        )
        .into_iter()
        .map(timezone::local)
        .collect()
    }

    /// The days the occurrences overlapping the Riga days `[from, to)` start on.
    fn days(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        self.starts(from, to)
            .iter()
            .map(NaiveDateTime::date)
            .collect()
    }
}

/// Days of one year, as (month, day).
fn days_of_year(year: i32, days: &[(u32, u32)]) -> Vec<NaiveDate> {
    days.iter().map(|&(month, d)| day(year, month, d)).collect()
}

#[test]
fn daily_with_count_five() {
    let starts = series(at(2020, 8, 3, 10, 0), "FREQ=DAILY;COUNT=5")
        .starts(day(2020, 8, 1), day(2020, 9, 1));
    assert_eq!(
        starts,
        vec![
            at(2020, 8, 3, 10, 0),
            at(2020, 8, 4, 10, 0),
            at(2020, 8, 5, 10, 0),
            at(2020, 8, 6, 10, 0),
            at(2020, 8, 7, 10, 0),
        ]
    );
}

#[test]
fn every_other_day_until_an_instant_that_is_itself_an_occurrence() {
    // 10:00 in Riga in August is 07:00 UTC; UNTIL is inclusive.
    let days = series(
        at(2020, 8, 2, 10, 0),
        "FREQ=DAILY;INTERVAL=2;UNTIL=20200810T070000Z",
    )
    .days(day(2020, 8, 1), day(2020, 9, 1));
    assert_eq!(
        days,
        days_of_year(2020, &[(8, 2), (8, 4), (8, 6), (8, 8), (8, 10)])
    );
}

#[test]
fn weekly_on_tuesdays_and_thursdays_in_august_2020() {
    let weekly =
        series(at(2020, 7, 7, 18, 0), "FREQ=WEEKLY;BYDAY=TU,TH").lasting(Duration::hours(2));
    let starts = weekly.starts(day(2020, 8, 1), day(2020, 9, 1));
    assert_eq!(
        weekly.days(day(2020, 8, 1), day(2020, 9, 1)),
        days_of_year(
            2020,
            &[
                (8, 4),
                (8, 6),
                (8, 11),
                (8, 13),
                (8, 18),
                (8, 20),
                (8, 25),
                (8, 27)
            ]
        )
    );
    assert!(starts
        .iter()
        .all(|s| s.time() == at(2020, 1, 1, 18, 0).time()));
}

#[test]
fn monthly_on_the_fifteenth() {
    let starts = series(at(2020, 1, 15, 12, 0), "FREQ=MONTHLY;BYMONTHDAY=15")
        .starts(day(2020, 1, 1), day(2021, 1, 1));
    assert_eq!(starts.len(), 12);
    assert!(starts.iter().all(|s| s.day() == 15 && s.hour() == 12));
}

#[test]
fn monthly_on_the_second_tuesday() {
    let days = series(at(2020, 1, 14, 18, 0), "FREQ=MONTHLY;BYDAY=2TU")
        .lasting(Duration::hours(2))
        .days(day(2020, 1, 1), day(2020, 7, 1));
    assert_eq!(
        days,
        days_of_year(2020, &[(1, 14), (2, 11), (3, 10), (4, 14), (5, 12), (6, 9)])
    );
}

#[test]
fn monthly_on_the_last_friday() {
    let days = series(at(2020, 1, 31, 17, 0), "FREQ=MONTHLY;BYDAY=-1FR")
        .lasting(Duration::hours(2))
        .days(day(2020, 1, 1), day(2020, 7, 1));
    assert_eq!(
        days,
        days_of_year(
            2020,
            &[(1, 31), (2, 28), (3, 27), (4, 24), (5, 29), (6, 26)]
        )
    );
}

#[test]
fn yearly_on_eu_anti_trafficking_day() {
    let starts = series(at(2007, 10, 18, 10, 0), "FREQ=YEARLY")
        .lasting(Duration::hours(8))
        .starts(day(2020, 1, 1), day(2024, 1, 1));
    assert_eq!(
        starts,
        vec![
            at(2020, 10, 18, 10, 0),
            at(2021, 10, 18, 10, 0),
            at(2022, 10, 18, 10, 0),
            at(2023, 10, 18, 10, 0),
        ]
    );
}

#[test]
fn exdate_removes_exactly_that_occurrence() {
    let skipped = [at(2020, 8, 18, 18, 0), at(2020, 8, 19, 18, 0)];
    let days = series(at(2020, 8, 4, 18, 0), "FREQ=WEEKLY")
        .skipping(&skipped)
        .lasting(Duration::hours(2))
        .days(day(2020, 8, 1), day(2020, 9, 1));
    assert_eq!(days, days_of_year(2020, &[(8, 4), (8, 11), (8, 25)]));
}

#[test]
fn occurrence_spanning_the_window_start_is_included() {
    // Thursday 30 July 10:00 to Sunday 2 August 10:00 overlaps August.
    let starts = series(at(2020, 7, 2, 10, 0), "FREQ=WEEKLY")
        .lasting(Duration::days(3))
        .starts(day(2020, 8, 1), day(2020, 8, 15));
    assert_eq!(
        starts,
        vec![
            at(2020, 7, 30, 10, 0),
            at(2020, 8, 6, 10, 0),
            at(2020, 8, 13, 10, 0),
        ]
    );
}

#[test]
fn window_edges_follow_half_open_overlap() {
    let first = at(2020, 7, 25, 0, 0);
    // Ends exactly at the window start: no overlap.
    let touching = series(first, "FREQ=WEEKLY")
        .lasting(Duration::days(7))
        .starts(day(2020, 8, 1), day(2020, 8, 2));
    assert_eq!(touching, vec![at(2020, 8, 1, 0, 0)]);
    // A zero-length occurrence at the window start is inside; at the window end it is not.
    let zero = series(first, "FREQ=WEEKLY")
        .lasting(Duration::zero())
        .starts(day(2020, 8, 1), day(2020, 8, 8));
    assert_eq!(zero, vec![at(2020, 8, 1, 0, 0)]);
}

#[test]
fn limit_keeps_the_earliest_occurrences() {
    let starts = series(at(2020, 8, 1, 10, 0), "FREQ=DAILY").instants(
        riga_midnight(2020, 8, 1),
        riga_midnight(2020, 9, 1),
        3,
    );
    assert_eq!(
        starts,
        vec![
            utc(2020, 8, 1, 7, 0),
            utc(2020, 8, 2, 7, 0),
            utc(2020, 8, 3, 7, 0)
        ]
    );
}

#[test]
fn first_start_is_an_occurrence_even_off_the_rule_and_counts() {
    // Monday 3 August, then Tuesdays; COUNT=3 includes the Monday.
    let days = series(at(2020, 8, 3, 18, 0), "FREQ=WEEKLY;BYDAY=TU;COUNT=3")
        .days(day(2020, 8, 1), day(2020, 9, 1));
    assert_eq!(days, days_of_year(2020, &[(8, 3), (8, 4), (8, 11)]));
}

#[test]
fn weekly_sunday_keeps_ten_o_clock_across_both_changes() {
    // Spring: 10:00 EET is 08:00 UTC, then 10:00 EEST is 07:00 UTC; autumn the other way.
    let spring = series(at(2020, 3, 15, 10, 0), "FREQ=WEEKLY").instants(
        riga_midnight(2020, 3, 20),
        riga_midnight(2020, 4, 10),
        10,
    );
    let spring_hours: Vec<_> = spring
        .iter()
        .map(|start| (start.day(), start.hour()))
        .collect();
    assert_eq!(spring_hours, [(22, 8), (29, 7), (5, 7)]);
    let autumn = series(at(2020, 10, 11, 10, 0), "FREQ=WEEKLY").instants(
        riga_midnight(2020, 10, 15),
        riga_midnight(2020, 11, 5),
        10,
    );
    let autumn_hours: Vec<_> = autumn
        .iter()
        .map(|start| (start.day(), start.hour()))
        .collect();
    assert_eq!(autumn_hours, [(18, 7), (25, 8), (1, 8)]);
}

#[test]
fn start_in_the_spring_gap_moves_an_hour_later_that_day_only() {
    // 03:30 does not exist on 29 March 2020 in Riga; timezone::instant reads it as 04:30 EEST.
    let starts = series(at(2020, 3, 22, 3, 30), "FREQ=WEEKLY;COUNT=3").instants(
        riga_midnight(2020, 3, 1),
        riga_midnight(2020, 5, 1),
        10,
    );
    assert_eq!(
        starts,
        vec![
            utc(2020, 3, 22, 1, 30),
            utc(2020, 3, 29, 1, 30),
            utc(2020, 4, 5, 0, 30),
        ]
    );
}

#[test]
fn plain_date_until_is_normalised_to_the_end_of_that_riga_day() {
    assert_eq!(
        normalise_rule("FREQ=DAILY;UNTIL=20201231").expect("accepted"),
        "FREQ=DAILY;UNTIL=20201231T215959Z"
    );
    // Summer time: Riga is UTC+3.
    assert_eq!(
        normalise_rule("FREQ=DAILY;UNTIL=20200815").expect("accepted"),
        "FREQ=DAILY;UNTIL=20200815T205959Z"
    );
}

#[test]
fn plain_date_until_includes_an_occurrence_late_on_that_day() {
    let days = series(at(2020, 12, 28, 23, 0), "FREQ=DAILY;UNTIL=20201231")
        .lasting(Duration::minutes(30))
        .days(day(2020, 12, 1), day(2021, 2, 1));
    assert_eq!(
        days,
        days_of_year(2020, &[(12, 28), (12, 29), (12, 30), (12, 31)])
    );
}

// Normal forms, series ends, refusals and far windows, in a file of their own.
mod series;

/// Properties over any rule text: it is refused or normalised, never a panic, and a normalised
/// rule normalises to itself and expands within its limit.
mod properties {
    use proptest::prelude::*;

    use super::*;

    fn rule_text() -> impl Strategy<Value = String> {
        let part = prop_oneof![
            "FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY|HOURLY|[A-Z]{0,6})",
            "INTERVAL=[0-9-]{0,6}",
            "COUNT=[0-9-]{0,7}",
            "UNTIL=[0-9TZ]{0,17}",
            "BYDAY=([+-]?[0-9]{0,2}(MO|TU|WE|TH|FR|SA|SU|XX),?){0,4}",
            "BYMONTHDAY=[0-9,-]{0,12}",
            "BYMONTH=[0-9,]{0,8}",
            "BYSETPOS=[0-9,-]{0,6}",
            "WKST=(MO|SU)",
            "[A-Za-z=;:,0-9]{0,12}",
        ];
        prop::collection::vec(part, 0..6).prop_map(|parts| parts.join(";"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn rules_are_refused_or_normalised_and_expand_within_the_limit(rule in rule_text()) {
            let Ok(normalised) = normalise_rule(&rule) else {
                return Ok(());
            };
            prop_assert_eq!(normalise_rule(&normalised).ok(), Some(normalised.clone()));
            let first = NaiveDate::from_ymd_opt(2020, 8, 4)
                .and_then(|day| day.and_hms_opt(18, 30, 0))
                .expect("start");
            let from = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).single().expect("from");
            let to = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).single().expect("to");
            if let Ok(found) = occurrences(first, &normalised, &[], Duration::hours(1), from, to, 50) {
                prop_assert!(found.len() <= 50);
                prop_assert!(found.windows(2).all(|pair| pair[0] < pair[1]), "in time order");
            }
        }
    }
}
