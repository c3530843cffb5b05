//! Recurring events: checks RFC 5545 recurrence rules (RRULE) and expands them into occurrences on the Riga calendar.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use chrono::{
    DateTime, Datelike, Days, Duration, Month, Months, NaiveDate, NaiveDateTime, NaiveTime,
    TimeZone, Timelike, Utc, Weekday,
};
use rrule::{Frequency, NWeekday, RRule, RRuleSet, RRuleSetIter, Unvalidated};

use crate::timezone;

mod rule;
use rule::*;

// How a series is expanded
//
// Wall-clock time. The `rrule` crate is given the first start as a *floating* time: its UTC
// zone serves as a plain Riga wall clock, so a weekly 10:00 event stays at 10:00 whatever the
// UTC offset is that day. Each wall-clock start then becomes an instant through
// `timezone::instant`, the site's single rule for times the clock changes skip or repeat (it
// agrees with RFC 5545 §3.3.5). Given a TZID start instead, `rrule` would silently drop a start
// that falls into the spring gap.
//
// COUNT, UNTIL and EXDATE are applied here, not by `rrule`:
// - RFC 5545 counts DTSTART as the first occurrence even when the rule would not produce it
//   (a weekly-on-Tuesday rule starting on a Monday); `rrule` yields only dates matching the rule.
// - `rrule` compares UNTIL with occurrences as instants and, with a TZID start, insists on a UTC
//   UNTIL; with a floating start it reads UNTIL (and a plain-date UNTIL) on the server's own
//   clock. Comparing `timezone::instant(start) <= until` here is exact and server-independent.
// - Skipping ahead (below) would break `rrule`'s COUNT.
// EXDATEs still count towards COUNT, as RFC 5545 (and `rrule`) have it.
//
// Skipping ahead. `RRuleSet::after` does not make `rrule` start later: it only filters what an
// iterator yields, and that iterator always walks every period from DTSTART (see
// `collect_with_error` in rrule 0.14). So for a window far from the first start, the pattern is
// started at the beginning of the last *aligned* period before the window — the day, Monday-week,
// month or year a whole number of INTERVALs after the first start's. That is only correct when
// nothing else depends on DTSTART, so the pattern given to `rrule` spells out every default it
// would otherwise take from DTSTART (time of day, weekday, day of month, month): see
// `Series::pattern`. A COUNT series cannot skip (earlier occurrences have to be counted) and is
// always walked from its first start; COUNT is capped at `MAX_COUNT` to keep that cheap.
//
// Caps. One expansion looks at no more than `MAX_EXPANSION_STEPS` occurrences. On top of that,
// `rrule` in `limit()` mode gives up after 100,000 consecutive periods without an occurrence (its
// `MAX_ITER_LOOP`, e.g. a daily rule for 30 February) and stops at the year 10,000; both end the
// series as far as this module is concerned.

/// The most occurrences one expansion looks at, so that no rule can hang a request. A month page
/// needs about 31 for a daily series; a COUNT series at most [`MAX_COUNT`]. When the cap is hit,
/// `occurrences` returns what it found so far (and logs a warning) and `series_end` answers
/// conservatively (see there).
const MAX_EXPANSION_STEPS: usize = 100_000;

/// The largest COUNT accepted: a daily event for 27 years. COUNT series are walked from their
/// first occurrence on every request, so this bounds the work per series.
const MAX_COUNT: u32 = 10_000;

/// The largest INTERVAL accepted; anything bigger is certainly a typing mistake.
const MAX_INTERVAL: u16 = 1_000;

/// The parts of a rule Notikumi understands, as listed to editors.
const SUPPORTED_PARTS: &str =
    "FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS un COUNT vai UNTIL";

/// Parts of RFC 5545 that set the time of day, which Notikumi takes from the event's start.
const TIME_PARTS: [&str; 3] = ["BYHOUR", "BYMINUTE", "BYSECOND"];

/// Other parts defined by RFC 5545 (or RFC 7529) that Notikumi does not support.
const OTHER_UNSUPPORTED_PARTS: [&str; 4] = ["BYYEARDAY", "BYWEEKNO", "RSCALE", "SKIP"];

/// BYDAY ordinals allowed within a month ("2TU", "-1FR"). RFC 5545 also allows -5, but rrule
/// 0.14 refuses it for FREQ=MONTHLY, so it is refused here with a clear message instead.
const MONTH_ORDINALS: std::ops::RangeInclusive<i16> = -4..=5;

/// BYDAY ordinals allowed within a year ("20MO"), as rrule 0.14 accepts them.
const YEAR_ORDINALS: std::ops::RangeInclusive<i16> = -52..=53;

/// Why a rule was refused; shown to editors next to the field, so messages are Latvian and say what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecurrenceError {
    /// The rule is malformed or contradicts itself.
    #[error("Nederīgs atkārtošanās noteikums: {0}.")]
    Invalid(String),
    /// The rule is valid iCalendar, but asks for something Notikumi does not support.
    #[error("Šāds atkārtošanās noteikums netiek atbalstīts: {0}.")]
    Unsupported(String),
}

/// How a stored rule writes UNTIL: a UTC time (`normalise_rule` turns a date into the end of
/// that day in Riga).
const UNTIL_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// The Riga day a stored rule's UNTIL value falls on (the last day a series may fall on);
/// `None` for a value not in the stored form.
pub fn until_day(value: &str) -> Option<NaiveDate> {
    let instant = NaiveDateTime::parse_from_str(value, UNTIL_FORMAT).ok()?;
    Some(timezone::local(instant.and_utc()).date())
}

/// Checks an RRULE value (without the "RRULE:" prefix) for the subset Notikumi supports:
/// FREQ=DAILY|WEEKLY|MONTHLY|YEARLY; INTERVAL; BYDAY (weekly: MO..SU; monthly/yearly: with ordinal like 2TU, -1FR);
/// BYMONTHDAY; BYMONTH; BYSETPOS; and at most one of UNTIL or COUNT. UNTIL may be a UTC date-time (20201231T215959Z)
/// or a plain date (20201231, meaning through the end of that day in Riga). Anything else (FREQ=HOURLY/MINUTELY/SECONDLY,
/// BYHOUR, unknown parts, garbage, both UNTIL and COUNT) is an error. Returns the rule normalised to the form stored and
/// written to iCalendar feeds (e.g. a plain-date UNTIL converted to the UTC instant of the end of that Riga day).
///
/// Also tolerated, because calendar programs write them: upper or lower case, a pasted "RRULE:"
/// prefix, empty parts (";;"), and WKST=MO (the default week start, dropped). The normalised
/// form is upper case, in the order FREQ, INTERVAL (omitted when 1), BYMONTH, BYMONTHDAY,
/// BYDAY, BYSETPOS, COUNT or UNTIL, with sorted lists without repeats.
pub fn normalise_rule(rule: &str) -> Result<String, RecurrenceError> {
    let parsed = Rule::parse(rule)?;
    // The rrule crate checks the rule once more; the result does not depend on the start chosen.
    Series::new(sample_first_start(), parsed.clone(), &[])
        .pattern()
        .validate(floating(sample_first_start()))
        .map_err(refused_by_rrule)?;
    Ok(parsed.to_string())
}

/// Start instants of the occurrences of a series whose first occurrence starts at `first_start` (Riga wall-clock)
/// and lasts `duration`, that overlap [window_start, window_end) — an occurrence overlaps when it starts before
/// window_end and ends after window_start (a zero-length occurrence: starts inside the window). Occurrences whose
/// Riga wall-clock start is in `exdates` are skipped. In time order, at most `limit`.
/// Occurrences keep their wall-clock time across daylight-saving changes (a weekly 10:00 event is at 10:00 in
/// both March and April).
///
/// `first_start` is always the first occurrence, even when the rule would not produce it (RFC
/// 5545), and even when it is after UNTIL. A negative `duration` is read as zero.
pub fn occurrences(
    first_start: NaiveDateTime,
    rule: &str,
    exdates: &[NaiveDateTime],
    duration: Duration,
    window_start: DateTime<Utc>,
    window_end: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<DateTime<Utc>>, RecurrenceError> {
    let series = Series::new(first_start, Rule::parse(rule)?, exdates);
    let duration = non_negative(duration);
    let mut found = Vec::new();
    if limit == 0 || window_end <= window_start {
        return Ok(found);
    }
    let mut starts = series.starts(earliest_overlapping_start(window_start, duration))?;
    for wall_clock in starts.by_ref() {
        let start = timezone::instant(wall_clock);
        if start >= window_end {
            // Instants grow with wall-clock starts, so nothing later can overlap.
            break;
        }
        if series.is_excluded(wall_clock) || !ends_after(start, duration, window_start) {
            continue;
        }
        found.push(start);
        if found.len() == limit {
            break;
        }
    }
    if starts.capped {
        tracing::warn!(
            rule,
            %first_start,
            steps = MAX_EXPANSION_STEPS,
            "recurrence expansion stopped at its cap; the occurrence list may be incomplete"
        );
    }
    Ok(found)
}

/// The instant a series of `rule` ends by its UNTIL, when that is before `first_start`: such a
/// series has no occurrence at all, not even its first.
pub fn ended_before(
    first_start: NaiveDateTime,
    rule: &str,
) -> Result<Option<DateTime<Utc>>, RecurrenceError> {
    Ok(match Rule::parse(rule)?.end {
        SeriesEnd::Until(until) if until < timezone::instant(first_start) => Some(until),
        _ => None,
    })
}

/// The instant the last occurrence ends, or None when the series never ends (no UNTIL/COUNT).
/// Used to find series that can touch a date range without expanding them.
///
/// EXDATEs are honoured: when the last occurrence is excluded, the series ends with the last one
/// that is not. When every occurrence is excluded, the end the first occurrence would have had is
/// returned (the series then touches nothing after it, and expanding it yields nothing). Should
/// an expansion hit [`MAX_EXPANSION_STEPS`], the answer is a safe over-estimate: UNTIL plus the
/// duration for an UNTIL series, None for a COUNT series.
pub fn series_end(
    first_start: NaiveDateTime,
    rule: &str,
    exdates: &[NaiveDateTime],
    duration: Duration,
) -> Result<Option<DateTime<Utc>>, RecurrenceError> {
    let series = Series::new(first_start, Rule::parse(rule)?, exdates);
    let duration = non_negative(duration);
    let last_start = match series.rule.end {
        SeriesEnd::Never => return Ok(None),
        SeriesEnd::Count(_) => series.last_kept_start(None)?,
        SeriesEnd::Until(until) => series.last_kept_start_before(until)?,
    };
    Ok(match last_start {
        LastStart::Found(wall_clock) => end_of(timezone::instant(wall_clock), duration),
        LastStart::NoneKept => end_of(timezone::instant(first_start), duration),
        LastStart::Capped => match series.rule.end {
            SeriesEnd::Until(until) => end_of(until, duration),
            SeriesEnd::Count(_) | SeriesEnd::Never => None,
        },
    })
}

/// A series: its first start, its rule and the starts it skips.
struct Series {
    first_start: NaiveDateTime,
    rule: Rule,
    exdates: HashSet<NaiveDateTime>,
}

/// The last occurrence a walk found.
enum LastStart {
    Found(NaiveDateTime),
    /// Every occurrence is excluded.
    NoneKept,
    /// The walk hit [`MAX_EXPANSION_STEPS`] before the end.
    Capped,
}

impl Series {
    fn new(first_start: NaiveDateTime, rule: Rule, exdates: &[NaiveDateTime]) -> Self {
        Series {
            first_start,
            rule,
            exdates: exdates.iter().copied().collect(),
        }
    }

    fn is_excluded(&self, wall_clock: NaiveDateTime) -> bool {
        self.exdates.contains(&wall_clock)
    }

    /// The rule handed to rrule: the repeating pattern without its end, with every default
    /// rrule would otherwise take from DTSTART written out (the same defaults rrule's
    /// `finalize_parsed_rrule` fills in), so that expansion may start at any aligned period.
    fn pattern(&self) -> RRule<Unvalidated> {
        let first = self.first_start;
        let rule = &self.rule;
        let mut by_weekday: Vec<NWeekday> =
            rule.by_day.iter().map(|spec| spec.to_rrule()).collect();
        let mut by_month_day = rule.by_month_day.clone();
        let mut by_month = rule.by_month.clone();
        if by_weekday.is_empty() && by_month_day.is_empty() {
            match rule.frequency {
                Frequency::Yearly => {
                    if by_month.is_empty() {
                        by_month.push(clock_part(first.month()));
                    }
                    by_month_day.push(day_of_month(first));
                }
                Frequency::Monthly => by_month_day.push(day_of_month(first)),
                Frequency::Weekly => by_weekday.push(NWeekday::Every(first.weekday())),
                _ => {}
            }
        }
        let months: Vec<Month> = by_month
            .iter()
            .filter_map(|month| Month::try_from(*month).ok())
            .collect();
        RRule::new(rule.frequency)
            .interval(rule.interval)
            .by_month(&months)
            .by_month_day(by_month_day)
            .by_weekday(by_weekday)
            .by_set_pos(rule.by_set_pos.iter().copied().map(i32::from).collect())
            .by_hour(vec![clock_part(first.hour())])
            .by_minute(vec![clock_part(first.minute())])
            .by_second(vec![clock_part(first.second())])
    }

    /// The wall-clock starts of the series in order, EXDATEs not yet applied. When
    /// `earliest_wanted` is given, starts before it may be left out (see "Skipping ahead").
    fn starts(&self, earliest_wanted: Option<NaiveDateTime>) -> Result<Starts, RecurrenceError> {
        let resume_at = earliest_wanted.and_then(|wanted| self.resume_point(wanted));
        let pattern_start = floating(resume_at.unwrap_or(self.first_start));
        let pattern = self
            .pattern()
            .validate(pattern_start)
            .map_err(refused_by_rrule)?;
        // `limit()` makes rrule give up after 100,000 empty periods instead of looping forever.
        let pattern = RRuleSet::new(pattern_start).rrule(pattern).limit();
        Ok(Starts {
            pattern: (&pattern).into_iter(),
            first_start: self.first_start,
            first_pending: resume_at.is_none(),
            last: None,
            remaining: match self.rule.end {
                SeriesEnd::Count(count) => Some(count),
                _ => None,
            },
            until: match self.rule.end {
                SeriesEnd::Until(until) => Some(until),
                _ => None,
            },
            steps_left: MAX_EXPANSION_STEPS,
            finished: false,
            capped: false,
        })
    }

    /// Where to start the pattern so that no start at or after `earliest_wanted` is missed, when
    /// that is later than the first start; None to start at the first start.
    fn resume_point(&self, earliest_wanted: NaiveDateTime) -> Option<NaiveDateTime> {
        if matches!(self.rule.end, SeriesEnd::Count(_)) {
            // Every earlier occurrence has to be counted.
            return None;
        }
        let period_start = aligned_period_start(
            self.rule.frequency,
            self.rule.interval,
            self.first_start.date(),
            earliest_wanted.date(),
        )?;
        (period_start > self.first_start).then_some(period_start)
    }

    /// The last start not excluded, walking from the first start or from near `earliest_wanted`.
    fn last_kept_start(
        &self,
        earliest_wanted: Option<NaiveDateTime>,
    ) -> Result<LastStart, RecurrenceError> {
        let mut starts = self.starts(earliest_wanted)?;
        let last = starts
            .by_ref()
            .filter(|wall_clock| !self.is_excluded(*wall_clock))
            .last();
        Ok(match (starts.capped, last) {
            (true, _) => LastStart::Capped,
            (false, Some(wall_clock)) => LastStart::Found(wall_clock),
            (false, None) => LastStart::NoneKept,
        })
    }

    /// The last start not excluded of a series ending at `until`: first looked for among the
    /// starts of the last two years before `until` (cheap for an old daily series), and only if
    /// none is kept there, from the first start.
    fn last_kept_start_before(&self, until: DateTime<Utc>) -> Result<LastStart, RecurrenceError> {
        let tail_start = timezone::local(until).checked_sub_signed(Duration::days(2 * 366));
        let skips_ahead = tail_start
            .and_then(|tail| self.resume_point(tail))
            .is_some();
        if skips_ahead {
            let tail = self.last_kept_start(tail_start)?;
            if matches!(tail, LastStart::Found(_)) {
                return Ok(tail);
            }
        }
        self.last_kept_start(None)
    }
}

/// The wall-clock starts of a series, in order: the first start (unless skipped ahead), then
/// what rrule's pattern yields, until COUNT, UNTIL or the cap ends it.
struct Starts {
    pattern: RRuleSetIter,
    first_start: NaiveDateTime,
    /// Whether the first start is still to be yielded (expanding from the beginning).
    first_pending: bool,
    last: Option<NaiveDateTime>,
    /// Occurrences left under COUNT.
    remaining: Option<u32>,
    until: Option<DateTime<Utc>>,
    steps_left: usize,
    finished: bool,
    /// Whether the walk stopped at [`MAX_EXPANSION_STEPS`] rather than at the end of the series.
    capped: bool,
}

impl Starts {
    /// The next start: the first start, or the pattern's next one after what was yielded
    /// (rrule yields the first start again when it matches the rule).
    fn next_candidate(&mut self) -> Option<NaiveDateTime> {
        if self.first_pending {
            self.first_pending = false;
            return Some(self.first_start);
        }
        let last = self.last;
        self.pattern
            .by_ref()
            .map(|occurrence| occurrence.naive_utc())
            .find(|start| last.is_none_or(|last| *start > last))
    }

    /// UNTIL is inclusive; the first start always belongs to the series (RFC 5545).
    fn is_past_until(&self, start: NaiveDateTime) -> bool {
        start != self.first_start
            && self
                .until
                .is_some_and(|until| timezone::instant(start) > until)
    }
}

impl Iterator for Starts {
    type Item = NaiveDateTime;

    fn next(&mut self) -> Option<NaiveDateTime> {
        if self.finished || self.remaining == Some(0) {
            return None;
        }
        if self.steps_left == 0 {
            self.capped = true;
            return None;
        }
        let Some(start) = self
            .next_candidate()
            .filter(|start| !self.is_past_until(*start))
        else {
            self.finished = true;
            return None;
        };
        self.steps_left -= 1;
        if let Some(remaining) = self.remaining.as_mut() {
            *remaining -= 1;
        }
        self.last = Some(start);
        Some(start)
    }
}

/// The start of the last period of the series' cadence (day, Monday-week, month or year) that
/// begins a whole number of INTERVALs after the first start's and on or before `target`.
fn aligned_period_start(
    frequency: Frequency,
    interval: u16,
    first_day: NaiveDate,
    target: NaiveDate,
) -> Option<NaiveDateTime> {
    let interval = i64::from(interval);
    let period_start = match frequency {
        Frequency::Daily => {
            let days = whole_intervals((target - first_day).num_days(), interval);
            first_day.checked_add_days(Days::new(days))?
        }
        Frequency::Weekly => {
            let since_monday = u64::from(first_day.weekday().num_days_from_monday());
            let first_monday = first_day.checked_sub_days(Days::new(since_monday))?;
            let weeks = whole_intervals((target - first_monday).num_days().div_euclid(7), interval);
            first_monday.checked_add_days(Days::new(weeks.checked_mul(7)?))?
        }
        Frequency::Monthly => {
            let first_month = first_day.with_day(1)?;
            let months = i64::from(target.year() - first_day.year()) * 12
                + i64::from(target.month())
                - i64::from(first_day.month());
            let months = u32::try_from(whole_intervals(months, interval)).ok()?;
            first_month.checked_add_months(Months::new(months))?
        }
        Frequency::Yearly => {
            let years = whole_intervals(i64::from(target.year() - first_day.year()), interval);
            let year = first_day.year().checked_add(i32::try_from(years).ok()?)?;
            NaiveDate::from_ymd_opt(year, 1, 1)?
        }
        _ => return None,
    };
    Some(period_start.and_time(NaiveTime::MIN))
}

/// `elapsed` rounded down to a whole number of `interval`s (0 when `elapsed` is negative).
fn whole_intervals(elapsed: i64, interval: i64) -> u64 {
    let whole = elapsed.max(0) / interval.max(1) * interval.max(1);
    u64::try_from(whole).unwrap_or(0)
}

/// The earliest wall-clock start an occurrence lasting `duration` may have and still end after
/// `window_start`, less a day, which covers any clock change; None when out of range.
fn earliest_overlapping_start(
    window_start: DateTime<Utc>,
    duration: Duration,
) -> Option<NaiveDateTime> {
    let earliest = window_start.checked_sub_signed(duration)?;
    timezone::local(earliest).checked_sub_signed(Duration::days(1))
}

/// Whether an occurrence starting at `start` ends after `window_start`; a zero-length one must
/// start inside the window.
fn ends_after(start: DateTime<Utc>, duration: Duration, window_start: DateTime<Utc>) -> bool {
    if duration.is_zero() {
        return start >= window_start;
    }
    start
        .checked_add_signed(duration)
        .is_none_or(|end| end > window_start)
}

fn end_of(start: DateTime<Utc>, duration: Duration) -> Option<DateTime<Utc>> {
    start.checked_add_signed(duration)
}

fn non_negative(duration: Duration) -> Duration {
    duration.max(Duration::zero())
}

/// A Riga wall-clock time in the form rrule expands: "UTC" used as a floating clock.
fn floating(wall_clock: NaiveDateTime) -> DateTime<rrule::Tz> {
    rrule::Tz::UTC.from_utc_datetime(&wall_clock)
}

/// Any start will do to let rrule check a rule; the answer does not depend on it.
fn sample_first_start() -> NaiveDateTime {
    DateTime::<Utc>::UNIX_EPOCH.naive_utc()
}

/// Hours, minutes, seconds and months always fit in a u8; the fallback is out of every range,
/// so rrule would refuse it rather than expand something wrong.
fn clock_part(value: u32) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}

fn day_of_month(wall_clock: NaiveDateTime) -> i8 {
    i8::try_from(wall_clock.day()).unwrap_or(i8::MAX)
}

/// rrule refused a rule this module accepted; it should not happen, but must not be hidden.
fn refused_by_rrule(error: rrule::RRuleError) -> RecurrenceError {
    invalid(format!("noteikumu nevar izvērst ({error})"))
}

fn invalid(message: impl Into<String>) -> RecurrenceError {
    RecurrenceError::Invalid(message.into())
}

fn unsupported(message: impl Into<String>) -> RecurrenceError {
    RecurrenceError::Unsupported(message.into())
}

#[cfg(test)]
mod tests;
