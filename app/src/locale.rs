//! Month and weekday names, date formats and counted nouns in each interface language, from
//! the message catalogues (`crate::i18n`). Pure functions, used on the server and in the
//! browser.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

use crate::i18n::{tr, tr_with, Arg, Lang};

/// `month` is 1-based and lower case where the language writes it so ("augusts", "August");
/// out-of-range months give an empty string rather than a panic.
pub fn month_name(lang: Lang, month: u32) -> String {
    if !(1..=12).contains(&month) {
        return String::new();
    }
    tr(lang, &format!("month-{month}"))
}

/// The month as a date names it: "augusts" ("4. augusts"), "августа" ("4 августа").
fn month_of(lang: Lang, month: u32) -> String {
    if !(1..=12).contains(&month) {
        return String::new();
    }
    tr(lang, &format!("month-of-{month}"))
}

/// The month name with a capital letter, as in a heading: "Augusts".
pub fn month_title(lang: Lang, month: u32) -> String {
    capitalise(&month_name(lang, month))
}

pub fn weekday_name(lang: Lang, weekday: Weekday) -> String {
    tr(lang, &format!("weekday-{}", weekday.number_from_monday()))
}

/// All weekday names, Monday first, for table headers.
pub fn weekday_names(lang: Lang) -> [String; 7] {
    std::array::from_fn(|day| tr(lang, &format!("weekday-{}", day + 1)))
}

/// Short weekday names as the language's calendars print them, Monday first.
pub fn weekdays_short(lang: Lang) -> [String; 7] {
    std::array::from_fn(|day| tr(lang, &format!("weekday-short-{}", day + 1)))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Augusts, 2020", "August 2020": the month heading of the calendar.
pub fn month_heading(lang: Lang, year: i32, month: u32) -> String {
    tr_with(
        lang,
        "month-heading",
        &[
            ("month", Arg::Text(&month_title(lang, month))),
            ("year", Arg::Text(&year.to_string())),
        ],
    )
}

/// The short date of news items and periods: "26.03.2018" in Latvian and Russian, as their
/// readers write it; "26 Mar 2018" in English, whose readers could take 03.08 for 8 March.
pub fn short_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::En => date.format("%-d %b %Y").to_string(),
        Lang::Lv | Lang::Ru => date.format("%d.%m.%Y").to_string(),
    }
}

/// "2020. gada 4. augusts", "4 August 2020", "4 августа 2020 г.".
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    long_date_with(lang, date, &month_of(lang, date.month()))
}

/// The date a thing moves to, after "uz", "to", "на": "2020. gada 4. augustu".
pub fn long_date_moved_to(lang: Lang, date: NaiveDate) -> String {
    long_date_with(lang, date, &tr(lang, &format!("month-to-{}", date.month())))
}

fn long_date_with(lang: Lang, date: NaiveDate, month: &str) -> String {
    tr_with(
        lang,
        "date-long",
        &[
            ("year", Arg::Text(&date.year().to_string())),
            ("day", Arg::Text(&date.day().to_string())),
            ("month", Arg::Text(month)),
        ],
    )
}

/// "otrdiena, 2020. gada 4. augusts".
pub fn long_date_with_weekday(lang: Lang, date: NaiveDate) -> String {
    format!(
        "{}, {}",
        weekday_name(lang, date.weekday()),
        long_date(lang, date)
    )
}

/// "10:00".
pub fn clock(time: NaiveDateTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// What an event's time looks like in a day cell: "10:00–12:00", or "visu dienu".
pub fn time_range(lang: Lang, all_day: bool, start: NaiveDateTime, end: NaiveDateTime) -> String {
    if all_day {
        tr(lang, "all-day")
    } else if start == end {
        clock(start)
    } else if start.date().succ_opt() == Some(end.date()) && end.time() == NaiveTime::MIN {
        // Ending at the midnight after the day it starts on, its day's clock says 24:00:
        // "00:00–00:00" would look like no time at all.
        format!("{}–24:00", clock(start))
    } else {
        format!("{}–{}", clock(start), clock(end))
    }
}

/// The full date and time of an event, as on the event page.
///
/// `last_day` is the last calendar day the event covers (for all-day events, the day before
/// the exclusive end).
pub fn event_when(
    lang: Lang,
    all_day: bool,
    start: NaiveDateTime,
    end: NaiveDateTime,
    last_day: NaiveDate,
) -> String {
    let first_day = start.date();
    if first_day == last_day {
        let date = long_date_with_weekday(lang, first_day);
        return format!("{date}, {}", time_range(lang, all_day, start, end));
    }
    if all_day {
        if first_day.year() == last_day.year() && first_day.month() == last_day.month() {
            return tr_with(
                lang,
                "date-days-of-month",
                &[
                    ("year", Arg::Text(&first_day.year().to_string())),
                    ("first", Arg::Text(&first_day.day().to_string())),
                    ("last", Arg::Text(&last_day.day().to_string())),
                    ("month", Arg::Text(&month_of(lang, first_day.month()))),
                ],
            );
        }
        return format!(
            "{} – {}",
            long_date(lang, first_day),
            long_date(lang, last_day)
        );
    }
    // The end's own date: one ending at midnight covers the day before (`last_day`) but
    // ends on the next, as its clock says.
    format!(
        "{}, {} – {}, {}",
        long_date(lang, first_day),
        clock(start),
        long_date(lang, end.date()),
        clock(end)
    )
}

fn counted(lang: Lang, id: &str, count: usize) -> String {
    let count = i64::try_from(count).unwrap_or(i64::MAX);
    tr_with(lang, id, &[("count", Arg::Number(count))])
}

/// "2 notikumi", "1 event", "5 событий".
pub fn event_count(lang: Lang, count: usize) -> String {
    counted(lang, "event-count", count)
}

/// "1 raksts", "2 raksti".
pub fn article_count(lang: Lang, count: usize) -> String {
    counted(lang, "article-count", count)
}

/// "1 ziņa", "2 ziņas", "21 ziņa".
pub fn news_count(lang: Lang, count: usize) -> String {
    counted(lang, "news-count", count)
}

/// A download's size in decimal units: "930 B", "48,2 kB", "1,3 MB" (a decimal point in
/// English; Russian units, "48,2 кБ").
pub fn file_size(lang: Lang, bytes: i64) -> String {
    let [b, kb, mb] = match lang {
        Lang::Lv | Lang::En => ["B", "kB", "MB"],
        Lang::Ru => ["Б", "кБ", "МБ"],
    };
    let bytes = bytes.max(0) as f64;
    let (value, unit) = if bytes < 1000.0 {
        return format!("{bytes} {b}");
    } else if bytes < 1_000_000.0 {
        (bytes / 1000.0, kb)
    } else {
        (bytes / 1_000_000.0, mb)
    };
    let size = format!("{value:.1} {unit}");
    match lang {
        Lang::En => size,
        Lang::Lv | Lang::Ru => size.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::{at, date};
    use Lang::{En, Lv, Ru};

    #[test]
    fn file_sizes_use_decimal_units_and_the_languages_decimal_mark() {
        assert_eq!(file_size(Lv, 930), "930 B");
        assert_eq!(file_size(Lv, 1_135), "1,1 kB");
        assert_eq!(file_size(Lv, 48_213), "48,2 kB");
        assert_eq!(file_size(Lv, 1_300_000), "1,3 MB");
        assert_eq!(file_size(Lv, -5), "0 B");
        assert_eq!(file_size(En, 1_135), "1.1 kB");
        assert_eq!(file_size(Ru, 930), "930 Б");
        assert_eq!(file_size(Ru, 1_135), "1,1 кБ");
        assert_eq!(file_size(Ru, 1_300_000), "1,3 МБ");
    }

    #[test]
    fn month_headings_in_each_language() {
        assert_eq!(month_heading(Lv, 2020, 8), "Augusts, 2020");
        assert_eq!(month_heading(Lv, 2021, 1), "Janvāris, 2021");
        assert_eq!(month_title(Lv, 6), "Jūnijs");
        assert_eq!(month_heading(En, 2020, 8), "August 2020");
        assert_eq!(month_heading(Ru, 2020, 8), "Август 2020");
    }

    #[test]
    fn out_of_range_month_has_no_name() {
        assert_eq!(month_name(Lv, 0), "");
        assert_eq!(month_name(En, 13), "");
    }

    #[test]
    fn short_dates_are_written_as_each_languages_readers_write_them() {
        assert_eq!(short_date(Lang::Lv, date(2018, 3, 26)), "26.03.2018");
        assert_eq!(short_date(Lang::Ru, date(2020, 8, 3)), "03.08.2020");
        assert_eq!(short_date(Lang::En, date(2020, 8, 3)), "3 Aug 2020");
    }

    #[test]
    fn long_dates_name_weekday_and_month() {
        assert_eq!(
            long_date_with_weekday(Lv, date(2020, 8, 4)),
            "otrdiena, 2020. gada 4. augusts"
        );
        assert_eq!(
            long_date_with_weekday(En, date(2020, 8, 4)),
            "Tuesday, 4 August 2020"
        );
        assert_eq!(
            long_date_with_weekday(Ru, date(2020, 8, 4)),
            "вторник, 4 августа 2020 г."
        );
        assert_eq!(weekday_name(Lv, Weekday::Sun), "svētdiena");
        assert_eq!(weekdays_short(Lv)[4], "Pk");
        // After "uz" Latvian takes the accusative; "to" and "на" the form they always take.
        let moved_to: Vec<String> = [Lv, En, Ru]
            .map(|lang| long_date_moved_to(lang, date(2020, 3, 4)))
            .into();
        assert_eq!(
            moved_to,
            ["2020. gada 4. martu", "4 March 2020", "4 марта 2020 г."]
        );
    }

    #[test]
    fn time_ranges_use_an_en_dash() {
        let start = at(2020, 8, 4, 10, 0);
        assert_eq!(
            time_range(Lv, false, start, at(2020, 8, 4, 12, 0)),
            "10:00–12:00"
        );
        assert_eq!(time_range(Lv, false, start, start), "10:00");
        let midnight = at(2020, 8, 4, 0, 0);
        assert_eq!(
            time_range(Lv, false, midnight, at(2020, 8, 5, 0, 0)),
            "00:00–24:00",
            "a whole day, by the clock"
        );
        assert_eq!(
            time_range(Lv, false, start, at(2020, 8, 5, 0, 0)),
            "10:00–24:00"
        );
        assert_eq!(time_range(Lv, true, start, start), "visu dienu");
        assert_eq!(time_range(En, true, start, start), "all day");
    }

    #[test]
    fn event_when_covers_single_and_multi_day_events() {
        let seminar = (
            at(2020, 8, 4, 10, 0),
            at(2020, 8, 4, 12, 0),
            date(2020, 8, 4),
        );
        let six_days = (
            at(2020, 8, 6, 0, 0),
            at(2020, 8, 12, 0, 0),
            date(2020, 8, 11),
        );
        let across_months = (
            at(2020, 7, 30, 0, 0),
            at(2020, 8, 3, 0, 0),
            date(2020, 8, 2),
        );
        // Thursday 09:00 to Saturday 00:00: it covers Thursday and Friday.
        let to_midnight = (at(2020, 8, 6, 9, 0), at(2020, 8, 8, 0, 0), date(2020, 8, 7));
        for (lang, all_day, (start, end, last_day), said) in [
            (
                Lv,
                false,
                seminar,
                "otrdiena, 2020. gada 4. augusts, 10:00–12:00",
            ),
            (Lv, true, six_days, "2020. gada 6.–11. augusts"),
            (Ru, true, six_days, "6–11 августа 2020 г."),
            (
                Lv,
                true,
                across_months,
                "2020. gada 30. jūlijs – 2020. gada 2. augusts",
            ),
            (
                Lv,
                false,
                to_midnight,
                "2020. gada 6. augusts, 09:00 – 2020. gada 8. augusts, 00:00",
            ),
        ] {
            assert_eq!(event_when(lang, all_day, start, end, last_day), said);
        }
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(event_count(Lv, 1), "1 notikums");
        assert_eq!(event_count(Lv, 2), "2 notikumi");
        assert_eq!(event_count(Lv, 11), "11 notikumi");
        assert_eq!(event_count(Lv, 21), "21 notikums");
        assert_eq!(event_count(Lv, 0), "0 notikumi");
        assert_eq!(news_count(Lv, 21), "21 ziņa");
        assert_eq!(article_count(Ru, 2), "2 статьи");
    }
}
