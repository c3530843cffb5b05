//! Month grid maths: which month a URL names, its neighbours, and the Monday-first weeks
//! that show it. Pure date arithmetic, shared by server and browser.

use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// Years the calendar accepts in URLs; anything else is a 404, not a panic in date maths.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

/// One calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "YearMonthParts")]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

/// What arrives over the wire, checked by `YearMonth::new` before it becomes a `YearMonth`.
#[derive(Deserialize)]
struct YearMonthParts {
    year: i32,
    month: u32,
}

impl TryFrom<YearMonthParts> for YearMonth {
    type Error = String;

    fn try_from(parts: YearMonthParts) -> Result<Self, Self::Error> {
        YearMonth::new(parts.year, parts.month)
            .ok_or_else(|| format!("no such month: {}-{}", parts.year, parts.month))
    }
}

/// Whether a date is one the calendar shows (see [`YEARS`]); dates from URLs and requests
/// outside it are not found, rather than overflowing date arithmetic.
pub fn in_calendar_range(date: NaiveDate) -> bool {
    YEARS.contains(&date.year())
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        (YEARS.contains(&year) && (1..=12).contains(&month)).then_some(Self { year, month })
    }

    /// Parses the `{yyyy}/{mm}` of a calendar URL: four-digit year, one- or two-digit month.
    pub fn parse(year: &str, month: &str) -> Option<Self> {
        let digits = |s: &str, max_len: usize| {
            !s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit())
        };
        if year.len() != 4 || !digits(year, 4) || !digits(month, 2) {
            return None;
        }
        Self::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// Parses what the month picker sends: `2020-08` from a browser with a month field, and
    /// what a reader types where the browser shows a plain text field instead (Safari and
    /// Firefox on a computer): `08.2020`, `8/2020`, `2020.08`, `2020 8`.
    pub fn from_picker(value: &str) -> Option<Self> {
        let mut numbers = value
            .split(['-', '.', '/', ' ', ','])
            .filter(|part| !part.is_empty());
        let (first, second) = (numbers.next()?, numbers.next()?);
        if numbers.next().is_some() {
            return None;
        }
        if first.len() == 4 {
            Self::parse(first, second)
        } else {
            Self::parse(second, first)
        }
    }

    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        // Valid by construction: `new` checked the month and the year range.
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().unwrap_or_default()
    }

    pub fn next(self) -> Self {
        Self::of(self.first_day() + Months::new(1))
    }

    pub fn previous(self) -> Self {
        Self::of(self.first_day() - Months::new(1))
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        Self::of(date) == self
    }

    /// The month page's URL, `/calendar/2020/08`.
    pub fn path(self) -> String {
        crate::paths::calendar_month(self.year, self.month)
    }
}

/// The first and last day (inclusive) shown by the month grid: whole Monday-to-Sunday weeks.
pub fn visible_days(month: YearMonth) -> (NaiveDate, NaiveDate) {
    let first = month.first_day();
    let last = month.last_day();
    let start = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    let end = last + Days::new(u64::from(6 - last.weekday().num_days_from_monday()));
    (start, end)
}

/// The weeks of the month grid, each Monday first.
pub fn month_weeks(month: YearMonth) -> Vec<[NaiveDate; 7]> {
    let (start, end) = visible_days(month);
    start
        .iter_days()
        .take_while(|day| *day <= end)
        .collect::<Vec<_>>()
        .chunks_exact(7)
        .map(|week| std::array::from_fn(|i| week[i]))
        .collect()
}

/// The ISO week of a date, as the week view's URL names it: (ISO year, week number).
pub fn iso_week_of(date: NaiveDate) -> (i32, u32) {
    let week = date.iso_week();
    (week.year(), week.week())
}

/// Monday to Sunday of ISO week `week` of ISO year `year`, if there is such a week and the
/// calendar shows its Monday: the last days of 2999 are in ISO year 3000's first week.
pub fn iso_week_days(year: i32, week: u32) -> Option<[NaiveDate; 7]> {
    if !(*YEARS.start()..=*YEARS.end() + 1).contains(&year) {
        return None;
    }
    let monday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
    in_calendar_range(monday).then(|| std::array::from_fn(|i| monday + Days::new(i as u64)))
}

/// Parses the `w{ww}` of a week URL (`/calendar/2020/w32`).
pub fn parse_week(year: &str, week: &str) -> Option<[NaiveDate; 7]> {
    let digits = week.strip_prefix('w')?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    iso_week_days(year.parse().ok()?, digits.parse().ok()?)
}

pub use crate::paths::{day_path, week_path};

/// Parses the `{yyyy}/{mm}/{dd}` of a day URL.
pub fn parse_day(year: &str, month: &str, day: &str) -> Option<NaiveDate> {
    let month = YearMonth::parse(year, month)?;
    if day.is_empty() || day.len() > 2 || !day.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(month.year, month.month, day.parse().ok()?)
}

/// A key the month grid answers to (the WAI-ARIA grid pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridKey {
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    ShiftPageUp,
    ShiftPageDown,
}

impl GridKey {
    /// From a `KeyboardEvent.key` and whether Shift was held.
    pub fn from_key(key: &str, shift: bool) -> Option<Self> {
        Some(match (key, shift) {
            ("ArrowLeft", _) => GridKey::Left,
            ("ArrowRight", _) => GridKey::Right,
            ("ArrowUp", _) => GridKey::Up,
            ("ArrowDown", _) => GridKey::Down,
            ("Home", _) => GridKey::Home,
            ("End", _) => GridKey::End,
            ("PageUp", false) => GridKey::PageUp,
            ("PageDown", false) => GridKey::PageDown,
            ("PageUp", true) => GridKey::ShiftPageUp,
            ("PageDown", true) => GridKey::ShiftPageDown,
            _ => return None,
        })
    }

    /// The day focus moves to from `day`. Month and year moves keep the day of the month,
    /// clamped to the target month's length (31 January → 28 or 29 February).
    pub fn target(self, day: NaiveDate) -> NaiveDate {
        let weekday = u64::from(day.weekday().num_days_from_monday());
        match self {
            GridKey::Left => day.pred_opt().unwrap_or(day),
            GridKey::Right => day.succ_opt().unwrap_or(day),
            GridKey::Up => day - Days::new(7),
            GridKey::Down => day + Days::new(7),
            GridKey::Home => day - Days::new(weekday),
            GridKey::End => day + Days::new(6 - weekday),
            GridKey::PageUp => day - Months::new(1),
            GridKey::PageDown => day + Months::new(1),
            GridKey::ShiftPageUp => day - Months::new(12),
            GridKey::ShiftPageDown => day + Months::new(12),
        }
    }
}

/// The last calendar day an event from `start` to `end` (local times) covers. An end at
/// midnight belongs to the day before, so all-day events (whose end is the exclusive next
/// midnight) and events ending at 24:00 stay on their own days.
pub fn last_day_covered(start: NaiveDateTime, end: NaiveDateTime) -> NaiveDate {
    if end > start && end.time() == NaiveTime::MIN {
        end.date().pred_opt().unwrap_or(end.date())
    } else {
        end.date()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::date;
    use chrono::Weekday;

    #[test]
    fn parses_calendar_urls_and_rejects_impossible_months() {
        assert_eq!(YearMonth::parse("2020", "08"), YearMonth::new(2020, 8));
        assert_eq!(YearMonth::parse("2020", "8"), YearMonth::new(2020, 8));
        assert_eq!(YearMonth::parse("2020", "13"), None);
        assert_eq!(YearMonth::parse("2020", "00"), None);
        assert_eq!(YearMonth::parse("abc", "01"), None);
        assert_eq!(YearMonth::parse("20201", "01"), None);
        assert_eq!(YearMonth::parse("2020", "+1"), None);
        assert_eq!(YearMonth::parse("0999", "01"), None);
        assert_eq!(YearMonth::parse("2020", "008"), None);
    }

    #[test]
    fn months_from_the_wire_are_checked() {
        let parse = |json: &str| serde_json::from_str::<YearMonth>(json);
        assert_eq!(
            parse(r#"{"year":2020,"month":8}"#).ok(),
            YearMonth::new(2020, 8)
        );
        assert!(parse(r#"{"year":2020,"month":13}"#).is_err());
        assert!(parse(r#"{"year":262142,"month":12}"#).is_err());
    }

    #[test]
    fn neighbours_cross_year_boundaries() {
        let january = YearMonth::new(2021, 1).expect("valid");
        assert_eq!(january.previous(), YearMonth::new(2020, 12).expect("valid"));
        assert_eq!(january.previous().next(), january);
        assert_eq!(january.path(), "/calendar/2021/01");
    }

    #[test]
    fn last_day_knows_leap_years() {
        assert_eq!(
            YearMonth::new(2020, 2).expect("valid").last_day(),
            date(2020, 2, 29)
        );
        assert_eq!(
            YearMonth::new(2021, 2).expect("valid").last_day(),
            date(2021, 2, 28)
        );
        assert_eq!(
            YearMonth::new(2020, 12).expect("valid").last_day(),
            date(2020, 12, 31)
        );
    }

    #[test]
    fn august_2020_grid_runs_monday_to_sunday_over_six_weeks() {
        // 1 August 2020 was a Saturday, 31 August a Monday.
        let weeks = month_weeks(YearMonth::new(2020, 8).expect("valid"));
        assert_eq!(weeks.len(), 6);
        assert_eq!(weeks[0][0], date(2020, 7, 27));
        assert_eq!(weeks[0][5], date(2020, 8, 1));
        assert_eq!(weeks[5][0], date(2020, 8, 31));
        assert_eq!(weeks[5][6], date(2020, 9, 6));
        assert!(weeks.iter().all(|w| w[0].weekday() == Weekday::Mon));
    }

    #[test]
    fn iso_weeks_follow_iso_8601() {
        assert_eq!(iso_week_of(date(2020, 8, 4)), (2020, 32));
        assert_eq!(iso_week_of(date(2021, 1, 1)), (2020, 53));
        assert_eq!(iso_week_of(date(2019, 12, 30)), (2020, 1));
        assert_eq!(week_path(date(2021, 1, 1)), "/calendar/2020/w53");
    }

    #[test]
    fn week_urls_name_existing_iso_weeks_only() {
        let week = parse_week("2020", "w32").expect("week 32");
        assert_eq!(week[0], date(2020, 8, 3));
        assert_eq!(week[6], date(2020, 8, 9));
        assert_eq!(
            parse_week("2020", "w53").map(|w| w[0]),
            Some(date(2020, 12, 28))
        );
        assert_eq!(parse_week("2021", "w53"), None);
        assert_eq!(parse_week("2020", "w00"), None);
        assert_eq!(parse_week("2020", "32"), None);
        assert_eq!(parse_week("2020", "wx"), None);
        assert_eq!(parse_week("2020", "w123"), None);
        assert_eq!(
            parse_week("3000", "w01").map(|w| w[0]),
            Some(date(2999, 12, 30)),
            "31 December 2999 is in ISO year 3000's first week"
        );
        assert_eq!(parse_week("3000", "w02"), None);
        assert_eq!(parse_week("1899", "w52"), None);
    }

    #[test]
    fn day_urls_name_real_days_only() {
        assert_eq!(parse_day("2020", "08", "04"), Some(date(2020, 8, 4)));
        assert_eq!(parse_day("2021", "02", "29"), None);
        assert_eq!(parse_day("2020", "02", "29"), Some(date(2020, 2, 29)));
        assert_eq!(parse_day("2020", "08", "32"), None);
        assert_eq!(parse_day("2020", "08", "x"), None);
        assert_eq!(day_path(date(2020, 8, 4)), "/calendar/2020/08/04");
    }

    #[test]
    fn grid_keys_move_by_day_week_month_and_year() {
        let tuesday = date(2020, 8, 4);
        let key = |k: &str, shift: bool| GridKey::from_key(k, shift).expect("known key");
        assert_eq!(key("ArrowLeft", false).target(tuesday), date(2020, 8, 3));
        assert_eq!(key("ArrowRight", false).target(tuesday), date(2020, 8, 5));
        assert_eq!(key("ArrowUp", false).target(tuesday), date(2020, 7, 28));
        assert_eq!(key("ArrowDown", false).target(tuesday), date(2020, 8, 11));
        assert_eq!(key("Home", false).target(tuesday), date(2020, 8, 3));
        assert_eq!(key("End", false).target(tuesday), date(2020, 8, 9));
        assert_eq!(key("PageUp", false).target(tuesday), date(2020, 7, 4));
        assert_eq!(key("PageDown", false).target(tuesday), date(2020, 9, 4));
        assert_eq!(key("PageUp", true).target(tuesday), date(2019, 8, 4));
        assert_eq!(key("PageDown", true).target(tuesday), date(2021, 8, 4));
        assert_eq!(
            key("PageDown", false).target(date(2020, 1, 31)),
            date(2020, 2, 29)
        );
        assert_eq!(GridKey::from_key("a", false), None);
    }

    #[test]
    fn events_ending_at_midnight_end_the_day_before() {
        let at = |d: u32, h: u32| date(2020, 8, d).and_hms_opt(h, 0, 0).expect("valid");
        assert_eq!(last_day_covered(at(6, 0), at(12, 0)), date(2020, 8, 11));
        assert_eq!(last_day_covered(at(4, 10), at(4, 12)), date(2020, 8, 4));
        assert_eq!(last_day_covered(at(4, 22), at(5, 2)), date(2020, 8, 5));
        assert_eq!(last_day_covered(at(4, 0), at(4, 0)), date(2020, 8, 4));
    }

    #[test]
    fn a_february_starting_on_monday_fills_exactly_four_weeks() {
        let weeks = month_weeks(YearMonth::new(2021, 2).expect("valid"));
        assert_eq!(weeks.len(), 4);
        assert_eq!(weeks[0][0], date(2021, 2, 1));
        assert_eq!(weeks[3][6], date(2021, 2, 28));
    }
}

/// Properties over any URL segments: parsing never panics, and a parsed date's path parses
/// back to it.
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn any_segments_parse_or_are_refused_and_paths_round_trip(
            year in "[0-9+-]{0,7}|[0-9]{4}",
            month in "[0-9]{0,3}|w[0-9]{0,3}",
            day in "[0-9]{0,3}",
        ) {
            if let Some(date) = parse_day(&year, &month, &day) {
                prop_assert!(in_calendar_range(date));
                let path = day_path(date);
                let parts: Vec<&str> = path.trim_start_matches("/calendar/").split('/').collect();
                prop_assert_eq!(parse_day(parts[0], parts[1], parts[2]), Some(date));
            }
            if let Some(days) = parse_week(&year, &month) {
                prop_assert_eq!(days[0].weekday(), chrono::Weekday::Mon);
                let path = week_path(days[3]);
                let parts: Vec<&str> = path.trim_start_matches("/calendar/").split('/').collect();
                prop_assert_eq!(parse_week(parts[0], parts[1]), Some(days));
            }
            if let Some(month) = YearMonth::parse(&year, &month) {
                prop_assert_eq!(month.first_day().day(), 1);
            }
        }
    }
}
