//! Tests of recurrence expansion: rule forms, time zones, caps.
use super::*;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|date| date.and_hms_opt(h, min, 0))
        .expect("valid test time")
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&at(y, m, d, h, min))
}

fn riga_midnight(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    timezone::start_of_day(NaiveDate::from_ymd_opt(y, m, d).expect("valid test date"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// The occurrences overlapping [from, to) Riga midnights, as Riga wall-clock starts.
fn expand(
    first_start: NaiveDateTime,
    rule: &str,
    exdates: &[NaiveDateTime],
    duration: Duration,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDateTime> {
    occurrences(
        first_start,
        rule,
        exdates,
        duration,
        timezone::start_of_day(from),
        timezone::start_of_day(to),
        1_000,
    )
    .expect("rule accepted")
    .into_iter()
    .map(timezone::local)
    .collect()
}

fn days_of(starts: &[NaiveDateTime]) -> Vec<NaiveDate> {
    starts.iter().map(NaiveDateTime::date).collect()
}

#[test]
fn daily_with_count_five() {
    let starts = expand(
        at(2020, 8, 3, 10, 0),
        "FREQ=DAILY;COUNT=5",
        &[],
        Duration::hours(1),
        day(2020, 8, 1),
        day(2020, 9, 1),
    );
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
    let starts = expand(
        at(2020, 8, 2, 10, 0),
        "FREQ=DAILY;INTERVAL=2;UNTIL=20200810T070000Z",
        &[],
        Duration::hours(1),
        day(2020, 8, 1),
        day(2020, 9, 1),
    );
    assert_eq!(
        days_of(&starts),
        vec![
            day(2020, 8, 2),
            day(2020, 8, 4),
            day(2020, 8, 6),
            day(2020, 8, 8),
            day(2020, 8, 10),
        ]
    );
}

#[test]
fn weekly_on_tuesdays_and_thursdays_in_august_2020() {
    let starts = occurrences(
        at(2020, 7, 7, 18, 0),
        "FREQ=WEEKLY;BYDAY=TU,TH",
        &[],
        Duration::hours(2),
        riga_midnight(2020, 8, 1),
        riga_midnight(2020, 9, 1),
        100,
    )
    .expect("rule accepted");
    let dates: Vec<NaiveDate> = starts.iter().map(|s| timezone::local(*s).date()).collect();
    assert_eq!(
        dates,
        vec![
            day(2020, 8, 4),
            day(2020, 8, 6),
            day(2020, 8, 11),
            day(2020, 8, 13),
            day(2020, 8, 18),
            day(2020, 8, 20),
            day(2020, 8, 25),
            day(2020, 8, 27),
        ]
    );
    assert!(starts
        .iter()
        .all(|s| timezone::local(*s).time() == at(2020, 1, 1, 18, 0).time()));
}

#[test]
fn monthly_on_the_fifteenth() {
    let starts = expand(
        at(2020, 1, 15, 12, 0),
        "FREQ=MONTHLY;BYMONTHDAY=15",
        &[],
        Duration::hours(1),
        day(2020, 1, 1),
        day(2021, 1, 1),
    );
    assert_eq!(starts.len(), 12);
    assert!(starts.iter().all(|s| s.day() == 15 && s.hour() == 12));
}

#[test]
fn monthly_on_the_second_tuesday() {
    let starts = expand(
        at(2020, 1, 14, 18, 0),
        "FREQ=MONTHLY;BYDAY=2TU",
        &[],
        Duration::hours(2),
        day(2020, 1, 1),
        day(2020, 7, 1),
    );
    assert_eq!(
        days_of(&starts),
        vec![
            day(2020, 1, 14),
            day(2020, 2, 11),
            day(2020, 3, 10),
            day(2020, 4, 14),
            day(2020, 5, 12),
            day(2020, 6, 9),
        ]
    );
}

#[test]
fn monthly_on_the_last_friday() {
    let starts = expand(
        at(2020, 1, 31, 17, 0),
        "FREQ=MONTHLY;BYDAY=-1FR",
        &[],
        Duration::hours(2),
        day(2020, 1, 1),
        day(2020, 7, 1),
    );
    assert_eq!(
        days_of(&starts),
        vec![
            day(2020, 1, 31),
            day(2020, 2, 28),
            day(2020, 3, 27),
            day(2020, 4, 24),
            day(2020, 5, 29),
            day(2020, 6, 26),
        ]
    );
}

#[test]
fn yearly_on_eu_anti_trafficking_day() {
    let starts = expand(
        at(2007, 10, 18, 10, 0),
        "FREQ=YEARLY",
        &[],
        Duration::hours(8),
        day(2020, 1, 1),
        day(2024, 1, 1),
    );
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
    let starts = expand(
        at(2020, 8, 4, 18, 0),
        "FREQ=WEEKLY",
        &[at(2020, 8, 18, 18, 0), at(2020, 8, 19, 18, 0)],
        Duration::hours(2),
        day(2020, 8, 1),
        day(2020, 9, 1),
    );
    assert_eq!(
        days_of(&starts),
        vec![day(2020, 8, 4), day(2020, 8, 11), day(2020, 8, 25)]
    );
}

#[test]
fn occurrence_spanning_the_window_start_is_included() {
    // Thursday 30 July 10:00 to Sunday 2 August 10:00 overlaps August.
    let starts = expand(
        at(2020, 7, 2, 10, 0),
        "FREQ=WEEKLY",
        &[],
        Duration::days(3),
        day(2020, 8, 1),
        day(2020, 8, 15),
    );
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
    let touching = expand(
        first,
        "FREQ=WEEKLY",
        &[],
        Duration::days(7),
        day(2020, 8, 1),
        day(2020, 8, 2),
    );
    assert_eq!(touching, vec![at(2020, 8, 1, 0, 0)]);
    // A zero-length occurrence at the window start is inside; at the window end it is not.
    let zero = expand(
        first,
        "FREQ=WEEKLY",
        &[],
        Duration::zero(),
        day(2020, 8, 1),
        day(2020, 8, 8),
    );
    assert_eq!(zero, vec![at(2020, 8, 1, 0, 0)]);
}

#[test]
fn limit_keeps_the_earliest_occurrences() {
    let starts = occurrences(
        at(2020, 8, 1, 10, 0),
        "FREQ=DAILY",
        &[],
        Duration::hours(1),
        riga_midnight(2020, 8, 1),
        riga_midnight(2020, 9, 1),
        3,
    )
    .expect("rule accepted");
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
    let starts = expand(
        at(2020, 8, 3, 18, 0),
        "FREQ=WEEKLY;BYDAY=TU;COUNT=3",
        &[],
        Duration::hours(1),
        day(2020, 8, 1),
        day(2020, 9, 1),
    );
    assert_eq!(
        days_of(&starts),
        vec![day(2020, 8, 3), day(2020, 8, 4), day(2020, 8, 11)]
    );
}

#[test]
fn weekly_sunday_keeps_ten_o_clock_across_the_spring_change() {
    let starts = occurrences(
        at(2020, 3, 15, 10, 0),
        "FREQ=WEEKLY",
        &[],
        Duration::hours(2),
        riga_midnight(2020, 3, 20),
        riga_midnight(2020, 4, 10),
        10,
    )
    .expect("rule accepted");
    assert_eq!(
        starts,
        vec![
            utc(2020, 3, 22, 8, 0),
            utc(2020, 3, 29, 7, 0),
            utc(2020, 4, 5, 7, 0),
        ]
    );
}

#[test]
fn weekly_sunday_keeps_ten_o_clock_across_the_autumn_change() {
    let starts = occurrences(
        at(2020, 10, 11, 10, 0),
        "FREQ=WEEKLY",
        &[],
        Duration::hours(2),
        riga_midnight(2020, 10, 15),
        riga_midnight(2020, 11, 5),
        10,
    )
    .expect("rule accepted");
    assert_eq!(
        starts,
        vec![
            utc(2020, 10, 18, 7, 0),
            utc(2020, 10, 25, 8, 0),
            utc(2020, 11, 1, 8, 0),
        ]
    );
}

#[test]
fn start_in_the_spring_gap_moves_an_hour_later_that_day_only() {
    // 03:30 does not exist on 29 March 2020 in Riga; timezone::instant reads it as 04:30 EEST.
    let starts = occurrences(
        at(2020, 3, 22, 3, 30),
        "FREQ=WEEKLY;COUNT=3",
        &[],
        Duration::hours(1),
        riga_midnight(2020, 3, 1),
        riga_midnight(2020, 5, 1),
        10,
    )
    .expect("rule accepted");
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
    let starts = expand(
        at(2020, 12, 28, 23, 0),
        "FREQ=DAILY;UNTIL=20201231",
        &[],
        Duration::minutes(30),
        day(2020, 12, 1),
        day(2021, 2, 1),
    );
    assert_eq!(
        days_of(&starts),
        vec![
            day(2020, 12, 28),
            day(2020, 12, 29),
            day(2020, 12, 30),
            day(2020, 12, 31),
        ]
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
