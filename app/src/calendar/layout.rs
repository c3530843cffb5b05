//! Lays out a month's events on its grid: multi-day and all-day events become bars that run
//! across the days (and are cut at week ends), timed events sit in their day, and whatever
//! does not fit in a day's few visible lines is only counted ("+N vēl"). The server does
//! this, so a month with thousands of events still sends only what is shown.

use chrono::NaiveDate;

use super::{DaySlot, EventSummary, MonthBar, WeekRow};

/// Lines of events a day shows before "+N vēl".
pub const VISIBLE_LINES: usize = 3;

/// `weeks` are the grid's Monday-first weeks; `events` every occurrence touching them,
/// sorted by start.
pub fn lay_out(weeks: &[[NaiveDate; 7]], events: &[EventSummary]) -> Vec<WeekRow> {
    weeks
        .iter()
        .map(|week| lay_out_week(week, events))
        .collect()
}

fn is_bar(event: &EventSummary) -> bool {
    event.all_day || event.first_day() != event.last_day
}

fn lay_out_week(week: &[NaiveDate; 7], events: &[EventSummary]) -> WeekRow {
    let (first, last) = (week[0], week[6]);
    let column = |day: NaiveDate| (day - first).num_days().clamp(0, 6) as usize;

    // Longer bars first, so they take the top lines, as calendars usually draw them.
    let mut bars: Vec<&EventSummary> = events
        .iter()
        .filter(|event| is_bar(event) && event.first_day() <= last && event.last_day >= first)
        .collect();
    bars.sort_by_key(|event| {
        (
            event.first_day().max(first),
            std::cmp::Reverse(event.last_day),
        )
    });

    let mut lines_taken = [[false; VISIBLE_LINES]; 7];
    let mut hidden = [0usize; 7];
    let mut total = [0usize; 7];
    let mut placed = Vec::new();
    for event in bars {
        let start = column(event.first_day().max(first));
        let end = column(event.last_day.min(last));
        total[start..=end].iter_mut().for_each(|count| *count += 1);
        let free_line =
            (0..VISIBLE_LINES).find(|line| (start..=end).all(|day| !lines_taken[day][*line]));
        match free_line {
            Some(line) => {
                lines_taken[start..=end]
                    .iter_mut()
                    .for_each(|day| day[line] = true);
                placed.push(MonthBar {
                    event: event.clone(),
                    column: start as u8,
                    span: (end - start + 1) as u8,
                    line: line as u8,
                    continues_before: event.first_day() < first,
                    continues_after: event.last_day > last,
                });
            }
            None => hidden[start..=end].iter_mut().for_each(|count| *count += 1),
        }
    }

    let days = week
        .iter()
        .enumerate()
        .map(|(index, &date)| {
            let timed: Vec<&EventSummary> = events
                .iter()
                .filter(|event| !is_bar(event) && event.first_day() == date)
                .collect();
            total[index] += timed.len();
            let bar_lines = lines_taken[index].iter().filter(|taken| **taken).count();
            let room = VISIBLE_LINES - bar_lines;
            let shown: Vec<EventSummary> = timed.iter().take(room).map(|e| (*e).clone()).collect();
            DaySlot {
                date,
                bar_lines: bar_lines as u8,
                hidden: hidden[index] + timed.len() - shown.len(),
                total: total[index],
                events: shown,
            }
        })
        .collect();

    WeekRow {
        bars: placed,
        days,
        lines: lines_used(&lines_taken),
    }
}

/// How many bar lines the week needs (so its cells can make room for them).
fn lines_used(lines_taken: &[[bool; VISIBLE_LINES]; 7]) -> u8 {
    (0..VISIBLE_LINES)
        .rev()
        .find(|line| lines_taken.iter().any(|day| day[*line]))
        .map_or(0, |line| line as u8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{month_weeks, YearMonth};
    use crate::test_dates::date;
    use chrono::NaiveDateTime;

    fn at(day: NaiveDate, hour: u32) -> NaiveDateTime {
        day.and_hms_opt(hour, 0, 0).expect("valid time")
    }

    fn timed(title: &str, day: NaiveDate, hour: u32) -> EventSummary {
        EventSummary {
            slug: title.to_lowercase(),
            title: title.into(),
            text_lang: crate::i18n::Lang::Lv,
            all_day: false,
            start: at(day, hour),
            end: at(day, hour + 1),
            last_day: day,
            location: String::new(),
            category: None,
            occurrence: None,
        }
    }

    fn all_day(title: &str, first: NaiveDate, last: NaiveDate) -> EventSummary {
        EventSummary {
            slug: title.to_lowercase(),
            title: title.into(),
            text_lang: crate::i18n::Lang::Lv,
            all_day: true,
            start: at(first, 0),
            end: at(last.succ_opt().expect("next day"), 0),
            last_day: last,
            location: String::new(),
            category: None,
            occurrence: None,
        }
    }

    fn august() -> Vec<[NaiveDate; 7]> {
        month_weeks(YearMonth::new(2020, 8).expect("valid"))
    }

    #[test]
    fn a_multi_day_event_is_one_bar_per_week_it_touches() {
        // Thursday 6 to Tuesday 11 August 2020 crosses the week boundary of Monday 10.
        let weeks = lay_out(
            &august(),
            &[all_day("Kampaņa", date(2020, 8, 6), date(2020, 8, 11))],
        );
        let with_bars: Vec<&WeekRow> = weeks.iter().filter(|w| !w.bars.is_empty()).collect();
        assert_eq!(with_bars.len(), 2);
        let first = &with_bars[0].bars[0];
        assert_eq!((first.column, first.span), (3, 4));
        assert!(!first.continues_before && first.continues_after);
        let second = &with_bars[1].bars[0];
        assert_eq!((second.column, second.span), (0, 2));
        assert!(second.continues_before && !second.continues_after);
    }

    #[test]
    fn a_bar_continues_on_every_later_day_it_covers_in_its_week() {
        // Thursday 6 to Tuesday 11 August: in the first week it starts on Thursday (column 3)
        // and covers Friday to Sunday; in the second it starts the week and covers Tuesday.
        let weeks = lay_out(
            &august(),
            &[all_day("Kampaņa", date(2020, 8, 6), date(2020, 8, 11))],
        );
        let bars: Vec<&MonthBar> = weeks.iter().flat_map(|week| &week.bars).collect();
        let covered = |bar: &MonthBar| -> Vec<usize> {
            (0..7).filter(|day| bar.continues_on(*day)).collect()
        };
        assert_eq!(covered(bars[0]), vec![4, 5, 6]);
        assert_eq!(covered(bars[1]), vec![1]);
    }

    #[test]
    fn overlapping_bars_take_separate_lines() {
        let weeks = lay_out(
            &august(),
            &[
                all_day("Garā", date(2020, 8, 3), date(2020, 8, 7)),
                all_day("Īsā", date(2020, 8, 5), date(2020, 8, 5)),
                all_day("Vēlā", date(2020, 8, 8), date(2020, 8, 9)),
            ],
        );
        let week = &weeks[1];
        let line_of = |title: &str| {
            week.bars
                .iter()
                .find(|bar| bar.event.title == title)
                .map(|bar| bar.line)
                .expect("placed")
        };
        assert_eq!(line_of("Garā"), 0);
        assert_eq!(line_of("Īsā"), 1);
        assert_eq!(line_of("Vēlā"), 0);
        assert_eq!(week.lines, 2);
    }

    #[test]
    fn a_crowded_day_shows_three_lines_and_counts_the_rest() {
        let day = date(2020, 8, 4);
        let events: Vec<EventSummary> = (0..40)
            .map(|i| timed(&format!("Notikums {i}"), day, 8 + (i % 10)))
            .collect();
        let weeks = lay_out(&august(), &events);
        let slot = &weeks[1].days[1];
        assert_eq!(slot.date, day);
        assert_eq!(slot.events.len(), VISIBLE_LINES);
        assert_eq!(slot.hidden, 40 - VISIBLE_LINES);
        assert_eq!(slot.total, 40);
    }

    #[test]
    fn bars_leave_less_room_for_timed_events() {
        let day = date(2020, 8, 4);
        let mut events = vec![all_day("A", day, day), all_day("B", day, day)];
        events.extend((0..3).map(|i| timed(&format!("T{i}"), day, 9 + i)));
        let slot = &lay_out(&august(), &events)[1].days[1];
        assert_eq!(slot.bar_lines, 2);
        assert_eq!(slot.events.len(), 1);
        assert_eq!(slot.hidden, 2);
        assert_eq!(slot.total, 5);
    }
}
