//! The site's time zone. Instants are stored in UTC and shown in Europe/Riga, whose clocks
//! move on the last Sundays of March and October.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::{Europe::Riga, Tz};

pub const SITE_TIME_ZONE: Tz = Riga;

/// The wall-clock time in Riga at `instant`.
pub fn local(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.with_timezone(&SITE_TIME_ZONE).naive_local()
}

/// Today's date in Riga.
pub fn today() -> NaiveDate {
    local(Utc::now()).date()
}

/// The instant a Riga wall-clock time names. A time skipped by the spring change is read as
/// the same time an hour later (03:30 → 04:30 EEST); a time repeated in autumn, as its first
/// occurrence.
pub fn instant(local: NaiveDateTime) -> DateTime<Utc> {
    match SITE_TIME_ZONE.from_local_datetime(&local).earliest() {
        Some(zoned) => zoned.with_timezone(&Utc),
        None => instant(local + chrono::Duration::hours(1)),
    }
}

/// Whether Riga's clocks show `local` at all: not a time the spring change skips (03:00 to
/// 03:59 on the last Sunday of March).
pub fn exists(local: NaiveDateTime) -> bool {
    SITE_TIME_ZONE
        .from_local_datetime(&local)
        .earliest()
        .is_some()
}

/// The instant Riga's day `date` begins (midnight always exists there).
pub fn start_of_day(date: NaiveDate) -> DateTime<Utc> {
    instant(date.and_time(chrono::NaiveTime::MIN))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::{at, utc};

    #[test]
    fn riga_wall_clock_in_summer_winter_and_across_the_2020_changes() {
        // (Riga wall clock, the instant in UTC)
        for (wall, instant_in_utc) in [
            (at(2020, 8, 4, 10, 0), utc(2020, 8, 4, 7, 0)),
            (at(2020, 12, 4, 10, 0), utc(2020, 12, 4, 8, 0)),
            // 29 March, 03:00 EET became 04:00 EEST: 10:00 that day is already summer time.
            (at(2020, 3, 29, 10, 0), utc(2020, 3, 29, 7, 0)),
            (at(2020, 3, 29, 2, 30), utc(2020, 3, 29, 0, 30)),
            // 03:30 does not exist that day; it is read as 04:30 summer time.
            (at(2020, 3, 29, 3, 30), utc(2020, 3, 29, 1, 30)),
            // 25 October, 04:00 EEST became 03:00 EET: 03:30 happened twice, the first counts.
            (at(2020, 10, 25, 3, 30), utc(2020, 10, 25, 0, 30)),
            (at(2020, 10, 25, 10, 0), utc(2020, 10, 25, 8, 0)),
        ] {
            assert_eq!(instant(wall), instant_in_utc, "{wall}");
        }
        assert_eq!(local(utc(2020, 3, 29, 1, 0)), at(2020, 3, 29, 4, 0));
        assert_eq!(local(utc(2020, 10, 25, 1, 30)), at(2020, 10, 25, 3, 30));
    }

    #[test]
    fn days_start_at_local_midnight() {
        let day = NaiveDate::from_ymd_opt(2020, 8, 1).expect("valid");
        assert_eq!(start_of_day(day), utc(2020, 7, 31, 21, 0));
    }
}
