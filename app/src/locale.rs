//! Latvian names and date formats. Pure functions, used on both the server and in the browser.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};

/// Month names in the nominative, lower case ("augusts").
const MONTHS: [&str; 12] = [
    "janvāris",
    "februāris",
    "marts",
    "aprīlis",
    "maijs",
    "jūnijs",
    "jūlijs",
    "augusts",
    "septembris",
    "oktobris",
    "novembris",
    "decembris",
];

/// Weekday names, Monday first ("pirmdiena").
const WEEKDAYS: [&str; 7] = [
    "pirmdiena",
    "otrdiena",
    "trešdiena",
    "ceturtdiena",
    "piektdiena",
    "sestdiena",
    "svētdiena",
];

/// Short weekday names as Latvian calendars print them, Monday first.
pub const WEEKDAYS_SHORT: [&str; 7] = ["P", "O", "T", "C", "Pk", "S", "Sv"];

/// `month` is 1-based; out-of-range months give an empty string rather than a panic.
pub fn month_name(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|index| MONTHS.get(index as usize))
        .copied()
        .unwrap_or("")
}

/// The month name with a capital letter, as in a heading: "Augusts".
pub fn month_title(month: u32) -> String {
    capitalise(month_name(month))
}

pub fn weekday_name(weekday: Weekday) -> &'static str {
    WEEKDAYS[weekday.num_days_from_monday() as usize]
}

/// All weekday names, Monday first, for table headers.
pub fn weekday_names() -> [&'static str; 7] {
    WEEKDAYS
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Augusts, 2020", the month heading of the calendar.
pub fn month_heading(year: i32, month: u32) -> String {
    format!("{}, {year}", month_title(month))
}

/// "26.03.2018", the date format of news items.
pub fn short_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// "2020. gada 4. augusts".
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{}. gada {}. {}",
        date.year(),
        date.day(),
        month_name(date.month())
    )
}

/// "otrdiena, 2020. gada 4. augusts".
pub fn long_date_with_weekday(date: NaiveDate) -> String {
    format!("{}, {}", weekday_name(date.weekday()), long_date(date))
}

/// "10:00".
pub fn clock(time: NaiveDateTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// What an event's time looks like in a day cell: "10:00–12:00", or "visu dienu".
pub fn time_range(all_day: bool, start: NaiveDateTime, end: NaiveDateTime) -> String {
    if all_day {
        "visu dienu".to_string()
    } else if start == end {
        clock(start)
    } else {
        format!("{}–{}", clock(start), clock(end))
    }
}

/// The full date and time of an event in Latvian, as on the event page.
///
/// `last_day` is the last calendar day the event covers (for all-day events, the day before
/// the exclusive end).
pub fn event_when(
    all_day: bool,
    start: NaiveDateTime,
    end: NaiveDateTime,
    last_day: NaiveDate,
) -> String {
    let first_day = start.date();
    if first_day == last_day {
        let date = long_date_with_weekday(first_day);
        return format!("{date}, {}", time_range(all_day, start, end));
    }
    if all_day {
        if first_day.year() == last_day.year() && first_day.month() == last_day.month() {
            return format!(
                "{}. gada {}.–{}. {}",
                first_day.year(),
                first_day.day(),
                last_day.day(),
                month_name(first_day.month())
            );
        }
        return format!("{} – {}", long_date(first_day), long_date(last_day));
    }
    format!(
        "{}, {} – {}, {}",
        long_date(first_day),
        clock(start),
        long_date(last_day),
        clock(end)
    )
}

/// "2 notikumi": Latvian plural agreement (1, 21, 31… take the singular, except 11).
pub fn event_count(count: usize) -> String {
    if count % 10 == 1 && count % 100 != 11 {
        format!("{count} notikums")
    } else {
        format!("{count} notikumi")
    }
}

/// A download's size as Latvians write it: "930 B", "48,2 kB", "1,3 MB" (decimal units).
pub fn file_size(bytes: i64) -> String {
    let bytes = bytes.max(0) as f64;
    let (value, unit) = if bytes < 1000.0 {
        return format!("{bytes} B");
    } else if bytes < 1_000_000.0 {
        (bytes / 1000.0, "kB")
    } else {
        (bytes / 1_000_000.0, "MB")
    };
    format!("{value:.1} {unit}").replace('.', ",")
}

/// "1 raksts", "2 raksti".
pub fn article_count(count: usize) -> String {
    if count % 10 == 1 && count % 100 != 11 {
        format!("{count} raksts")
    } else {
        format!("{count} raksti")
    }
}

/// "1 ziņa", "2 ziņas", "21 ziņa" (the singular follows numbers ending in 1, except 11).
pub fn news_count(count: usize) -> String {
    if count % 10 == 1 && count % 100 != 11 {
        format!("{count} ziņa")
    } else {
        format!("{count} ziņas")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_use_decimal_units_and_a_comma() {
        assert_eq!(file_size(930), "930 B");
        assert_eq!(file_size(1_135), "1,1 kB");
        assert_eq!(file_size(48_213), "48,2 kB");
        assert_eq!(file_size(1_300_000), "1,3 MB");
        assert_eq!(file_size(-5), "0 B");
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        date(y, m, d)
            .and_hms_opt(h, min, 0)
            .expect("valid test time")
    }

    #[test]
    fn month_heading_is_capitalised_latvian() {
        assert_eq!(month_heading(2020, 8), "Augusts, 2020");
        assert_eq!(month_heading(2021, 1), "Janvāris, 2021");
        assert_eq!(month_title(6), "Jūnijs");
    }

    #[test]
    fn out_of_range_month_has_no_name() {
        assert_eq!(month_name(0), "");
        assert_eq!(month_name(13), "");
    }

    #[test]
    fn news_dates_use_day_month_year_with_dots() {
        assert_eq!(short_date(date(2018, 3, 26)), "26.03.2018");
    }

    #[test]
    fn long_dates_name_weekday_and_month() {
        assert_eq!(
            long_date_with_weekday(date(2020, 8, 4)),
            "otrdiena, 2020. gada 4. augusts"
        );
        assert_eq!(weekday_name(Weekday::Sun), "svētdiena");
    }

    #[test]
    fn time_ranges_use_an_en_dash() {
        let start = at(2020, 8, 4, 10, 0);
        assert_eq!(
            time_range(false, start, at(2020, 8, 4, 12, 0)),
            "10:00–12:00"
        );
        assert_eq!(time_range(false, start, start), "10:00");
        assert_eq!(time_range(true, start, start), "visu dienu");
    }

    #[test]
    fn event_when_covers_single_and_multi_day_events() {
        assert_eq!(
            event_when(
                false,
                at(2020, 8, 4, 10, 0),
                at(2020, 8, 4, 12, 0),
                date(2020, 8, 4)
            ),
            "otrdiena, 2020. gada 4. augusts, 10:00–12:00"
        );
        assert_eq!(
            event_when(
                true,
                at(2020, 8, 6, 0, 0),
                at(2020, 8, 12, 0, 0),
                date(2020, 8, 11)
            ),
            "2020. gada 6.–11. augusts"
        );
        assert_eq!(
            event_when(
                true,
                at(2020, 7, 30, 0, 0),
                at(2020, 8, 3, 0, 0),
                date(2020, 8, 2)
            ),
            "2020. gada 30. jūlijs – 2020. gada 2. augusts"
        );
    }

    #[test]
    fn event_count_agrees_in_number() {
        assert_eq!(event_count(1), "1 notikums");
        assert_eq!(event_count(2), "2 notikumi");
        assert_eq!(event_count(11), "11 notikumi");
        assert_eq!(event_count(21), "21 notikums");
        assert_eq!(event_count(0), "0 notikumi");
    }
}
