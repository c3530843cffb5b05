//! Dates and times for tests, written as a reader would say them: `date(2020, 8, 4)`,
//! `at(2020, 8, 4, 10, 0)` (Riga wall-clock, without a zone), `utc(2020, 8, 4, 7, 0)`.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// A calendar day.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// A wall-clock time without a zone.
pub fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    date(y, m, d)
        .and_hms_opt(h, min, 0)
        .expect("valid test time")
}

/// An instant, given in UTC.
pub fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.from_utc_datetime(&at(y, m, d, h, min))
}

/// The instant a day begins in Riga.
pub fn riga_midnight(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    crate::timezone::start_of_day(date(y, m, d))
}
