//! Recurring events: checks RFC 5545 recurrence rules (RRULE) and expands them into occurrences on the Riga calendar.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use chrono::{
    DateTime, Datelike, Days, Duration, Month, Months, NaiveDate, NaiveDateTime, NaiveTime,
    TimeZone, Timelike, Utc, Weekday,
};
use rrule::{Frequency, NWeekday, RRule, RRuleSet, RRuleSetIter, Unvalidated};

use crate::timezone;

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

/// A rule parsed and checked, in Notikumi's subset.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    frequency: Frequency,
    interval: u16,
    by_month: Vec<u8>,
    by_month_day: Vec<i8>,
    by_day: Vec<WeekdaySpec>,
    by_set_pos: Vec<i16>,
    end: SeriesEnd,
}

/// How a series ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SeriesEnd {
    Never,
    /// After this many occurrences, the first start included and EXDATEs included.
    Count(u32),
    /// With the last occurrence starting at or before this instant.
    Until(DateTime<Utc>),
}

/// One BYDAY entry: a weekday, optionally the nth (or nth from the end) in the month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WeekdaySpec {
    ordinal: Option<i16>,
    weekday: Weekday,
}

impl Rule {
    /// Parses `text` and checks it against Notikumi's subset.
    fn parse(text: &str) -> Result<Self, RecurrenceError> {
        let mut parts = rule_parts(text)?;
        let frequency = parse_frequency(parts.remove("FREQ"))?;
        let interval = match parts.remove("INTERVAL") {
            Some(value) => parse_interval(&value)?,
            None => 1,
        };
        let mut rule = Rule {
            frequency,
            interval,
            by_month: parse_optional_list(&mut parts, "BYMONTH", parse_month)?,
            by_month_day: parse_optional_list(&mut parts, "BYMONTHDAY", parse_month_day)?,
            by_day: parse_optional_list(&mut parts, "BYDAY", parse_weekday_spec)?,
            by_set_pos: parse_optional_list(&mut parts, "BYSETPOS", parse_set_position)?,
            end: parse_end(parts.remove("COUNT"), parts.remove("UNTIL"))?,
        };
        rule.sort_lists();
        rule.check_combinations()?;
        Ok(rule)
    }

    /// Puts every list in a fixed order without repeats, so equal rules are stored alike.
    fn sort_lists(&mut self) {
        self.by_month.sort_unstable();
        self.by_month.dedup();
        self.by_month_day.sort_unstable();
        self.by_month_day.dedup();
        self.by_day
            .sort_by_key(|spec| (spec.weekday.num_days_from_monday(), spec.ordinal));
        self.by_day.dedup();
        self.by_set_pos.sort_unstable();
        self.by_set_pos.dedup();
    }

    /// Refuses parts that are fine on their own but not together with the rest of the rule.
    fn check_combinations(&self) -> Result<(), RecurrenceError> {
        if self.frequency == Frequency::Weekly && !self.by_month_day.is_empty() {
            return Err(invalid(
                "BYMONTHDAY nevar lietot kopā ar FREQ=WEEKLY; izmantojiet BYDAY",
            ));
        }
        self.check_ordinals()?;
        self.check_set_positions()
    }

    /// BYDAY ordinals ("2TU") only make sense within a month or a year, and only so far.
    fn check_ordinals(&self) -> Result<(), RecurrenceError> {
        for spec in &self.by_day {
            let Some(ordinal) = spec.ordinal else {
                continue;
            };
            let allowed = match self.frequency {
                Frequency::Monthly => MONTH_ORDINALS,
                Frequency::Yearly if !self.by_month.is_empty() => MONTH_ORDINALS,
                Frequency::Yearly => YEAR_ORDINALS,
                _ => {
                    return Err(invalid(format!(
                        "ar FREQ={} BYDAY vērtībās nedrīkst norādīt kārtas numuru („{spec}”); \
                         kārtas numurs (piemēram, 2TU vai -1FR) der tikai ar FREQ=MONTHLY vai FREQ=YEARLY",
                        self.frequency
                    )))
                }
            };
            if !allowed.contains(&ordinal) {
                return Err(invalid(format!(
                    "BYDAY kārtas numuram „{spec}” jābūt no {} līdz {} (bez 0)",
                    allowed.start(),
                    allowed.end()
                )));
            }
        }
        Ok(())
    }

    /// BYSETPOS picks among the days another BY part produced, within one period.
    fn check_set_positions(&self) -> Result<(), RecurrenceError> {
        if self.by_set_pos.is_empty() {
            return Ok(());
        }
        if self.by_day.is_empty() && self.by_month_day.is_empty() && self.by_month.is_empty() {
            return Err(invalid(
                "BYSETPOS var lietot tikai kopā ar BYDAY, BYMONTHDAY vai BYMONTH",
            ));
        }
        // The same limits as rrule 0.14 sets, so that it never refuses what passed here.
        let largest: i16 = match self.frequency {
            Frequency::Monthly => 31,
            Frequency::Weekly => 53,
            _ => 366,
        };
        match self.by_set_pos.iter().find(|position| position.abs() > largest) {
            Some(position) => Err(invalid(format!(
                "ar FREQ={} BYSETPOS vērtībai jābūt no -{largest} līdz {largest} (bez 0), nevis {position}",
                self.frequency
            ))),
            None => Ok(()),
        }
    }
}

impl fmt::Display for Rule {
    /// The normalised form, as stored and written to iCalendar feeds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FREQ={}", self.frequency)?;
        if self.interval != 1 {
            write!(f, ";INTERVAL={}", self.interval)?;
        }
        write_list(f, "BYMONTH", &self.by_month)?;
        write_list(f, "BYMONTHDAY", &self.by_month_day)?;
        write_list(f, "BYDAY", &self.by_day)?;
        write_list(f, "BYSETPOS", &self.by_set_pos)?;
        match self.end {
            SeriesEnd::Never => Ok(()),
            SeriesEnd::Count(count) => write!(f, ";COUNT={count}"),
            SeriesEnd::Until(until) => write!(f, ";UNTIL={}", until.format("%Y%m%dT%H%M%SZ")),
        }
    }
}

/// Writes `;NAME=a,b,c`, or nothing for an empty list.
fn write_list<T: fmt::Display>(f: &mut fmt::Formatter<'_>, name: &str, items: &[T]) -> fmt::Result {
    if items.is_empty() {
        return Ok(());
    }
    let joined = items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",");
    write!(f, ";{name}={joined}")
}

impl fmt::Display for WeekdaySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(ordinal) = self.ordinal {
            write!(f, "{ordinal}")?;
        }
        f.write_str(weekday_code(self.weekday))
    }
}

impl WeekdaySpec {
    /// The same entry for rrule. (Not through rrule's own text form: rrule 0.14 prints
    /// `NWeekday::Nth(1, MO)` as "MO", which would turn "first Monday" into "every Monday".)
    fn to_rrule(self) -> NWeekday {
        NWeekday::new(self.ordinal, self.weekday)
    }
}

/// Splits a rule into NAME=VALUE parts, upper-cased, refusing unknown, unsupported and repeated
/// names. WKST=MO, the default, is accepted and dropped.
fn rule_parts(text: &str) -> Result<BTreeMap<String, String>, RecurrenceError> {
    let text = text.trim();
    let text = strip_prefix_ignoring_case(text, "RRULE:").unwrap_or(text);
    let mut parts = BTreeMap::new();
    for part in text
        .split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
    {
        let Some((name, value)) = part.split_once('=') else {
            return Err(invalid(format!(
                "daļa „{part}” nav formā NOSAUKUMS=VĒRTĪBA (piemēram, FREQ=WEEKLY)"
            )));
        };
        let name = name.trim().to_ascii_uppercase();
        let value = value.trim().to_ascii_uppercase();
        if name == "WKST" {
            check_week_start(&value)?;
            continue;
        }
        check_part_name(&name)?;
        if parts.insert(name.clone(), value).is_some() {
            return Err(invalid(format!("daļa {name} norādīta vairākas reizes")));
        }
    }
    if parts.is_empty() {
        return Err(invalid(
            "noteikums ir tukšs; norādiet vismaz biežumu, piemēram, FREQ=WEEKLY",
        ));
    }
    Ok(parts)
}

/// `text` without `prefix`, compared without regard to case.
fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// Accepts a supported part name; explains why any other is refused.
fn check_part_name(name: &str) -> Result<(), RecurrenceError> {
    const SUPPORTED: [&str; 8] = [
        "FREQ",
        "INTERVAL",
        "BYDAY",
        "BYMONTHDAY",
        "BYMONTH",
        "BYSETPOS",
        "COUNT",
        "UNTIL",
    ];
    if SUPPORTED.contains(&name) {
        Ok(())
    } else if TIME_PARTS.contains(&name) {
        Err(unsupported(format!(
            "daļa {name} netiek atbalstīta, jo laiku nosaka notikuma sākums; atļautas {SUPPORTED_PARTS}"
        )))
    } else if OTHER_UNSUPPORTED_PARTS.contains(&name) {
        Err(unsupported(format!(
            "daļa {name} netiek atbalstīta; atļautas {SUPPORTED_PARTS}"
        )))
    } else {
        Err(invalid(format!(
            "nezināma daļa „{name}”; atļautas {SUPPORTED_PARTS}"
        )))
    }
}

/// Only the default week start, Monday, is supported; calendar programs often write it out.
fn check_week_start(value: &str) -> Result<(), RecurrenceError> {
    if value == "MO" {
        Ok(())
    } else {
        Err(unsupported(format!(
            "nedēļas sākums WKST={value}; nedēļa vienmēr sākas pirmdienā (WKST=MO)"
        )))
    }
}

fn parse_frequency(value: Option<String>) -> Result<Frequency, RecurrenceError> {
    let Some(value) = value else {
        return Err(invalid("trūkst biežuma FREQ, piemēram, FREQ=WEEKLY"));
    };
    match value.as_str() {
        "DAILY" => Ok(Frequency::Daily),
        "WEEKLY" => Ok(Frequency::Weekly),
        "MONTHLY" => Ok(Frequency::Monthly),
        "YEARLY" => Ok(Frequency::Yearly),
        "HOURLY" | "MINUTELY" | "SECONDLY" => Err(unsupported(format!(
            "biežums FREQ={value}; notikumi var atkārtoties tikai katru dienu (DAILY), \
             nedēļu (WEEKLY), mēnesi (MONTHLY) vai gadu (YEARLY)"
        ))),
        _ => Err(invalid(format!(
            "nezināms biežums FREQ={value}; atļauts DAILY, WEEKLY, MONTHLY vai YEARLY"
        ))),
    }
}

fn parse_interval(value: &str) -> Result<u16, RecurrenceError> {
    value
        .parse::<u16>()
        .ok()
        .filter(|interval| (1..=MAX_INTERVAL).contains(interval))
        .ok_or_else(|| {
            invalid(format!(
                "INTERVAL jābūt veselam skaitlim no 1 līdz {MAX_INTERVAL}, nevis „{value}”"
            ))
        })
}

/// Parses the list under `name` if the rule has one; an absent list is empty.
fn parse_optional_list<T>(
    parts: &mut BTreeMap<String, String>,
    name: &str,
    parse_item: fn(&str) -> Result<T, RecurrenceError>,
) -> Result<Vec<T>, RecurrenceError> {
    let Some(value) = parts.remove(name) else {
        return Ok(Vec::new());
    };
    if value.is_empty() {
        return Err(invalid(format!("daļai {name} nav norādīta vērtība")));
    }
    value
        .split(',')
        .map(str::trim)
        .map(|item| {
            if item.is_empty() {
                Err(invalid(format!("{name} sarakstā ir tukša vērtība")))
            } else {
                parse_item(item)
            }
        })
        .collect()
}

fn parse_month(item: &str) -> Result<u8, RecurrenceError> {
    item.parse::<u8>()
        .ok()
        .filter(|month| (1..=12).contains(month))
        .ok_or_else(|| {
            invalid(format!(
                "BYMONTH vērtībām jābūt mēnešu numuriem no 1 līdz 12, nevis „{item}”"
            ))
        })
}

fn parse_month_day(item: &str) -> Result<i8, RecurrenceError> {
    item.parse::<i8>()
        .ok()
        .filter(|day| *day != 0 && (-31..=31).contains(day))
        .ok_or_else(|| {
            invalid(format!(
                "BYMONTHDAY vērtībām jābūt no 1 līdz 31 vai no -31 līdz -1 (no mēneša beigām), nevis „{item}”"
            ))
        })
}

fn parse_set_position(item: &str) -> Result<i16, RecurrenceError> {
    item.parse::<i16>()
        .ok()
        .filter(|position| *position != 0 && (-366..=366).contains(position))
        .ok_or_else(|| {
            invalid(format!(
                "BYSETPOS vērtībām jābūt veseliem skaitļiem no -366 līdz 366 (bez 0), nevis „{item}”"
            ))
        })
}

/// Parses a BYDAY entry: a two-letter weekday, optionally after a signed ordinal ("-1FR").
fn parse_weekday_spec(item: &str) -> Result<WeekdaySpec, RecurrenceError> {
    let not_a_weekday = || {
        invalid(format!(
            "BYDAY vērtība „{item}” nav nedēļas diena (MO, TU, WE, TH, FR, SA, SU), \
             kurai var būt priekšā kārtas numurs, piemēram, 2TU vai -1FR"
        ))
    };
    let split = item.len().checked_sub(2).ok_or_else(not_a_weekday)?;
    let (ordinal, code) = match (item.get(..split), item.get(split..)) {
        (Some(ordinal), Some(code)) => (ordinal, code),
        _ => return Err(not_a_weekday()),
    };
    let weekday = weekday_from_code(code).ok_or_else(not_a_weekday)?;
    let ordinal = if ordinal.is_empty() {
        None
    } else {
        let number = ordinal.parse::<i16>().map_err(|_| not_a_weekday())?;
        if number == 0 {
            return Err(not_a_weekday());
        }
        Some(number)
    };
    Ok(WeekdaySpec { ordinal, weekday })
}

fn weekday_from_code(code: &str) -> Option<Weekday> {
    match code {
        "MO" => Some(Weekday::Mon),
        "TU" => Some(Weekday::Tue),
        "WE" => Some(Weekday::Wed),
        "TH" => Some(Weekday::Thu),
        "FR" => Some(Weekday::Fri),
        "SA" => Some(Weekday::Sat),
        "SU" => Some(Weekday::Sun),
        _ => None,
    }
}

fn weekday_code(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// COUNT or UNTIL (not both), or neither.
fn parse_end(count: Option<String>, until: Option<String>) -> Result<SeriesEnd, RecurrenceError> {
    match (count, until) {
        (Some(_), Some(_)) => Err(invalid(
            "norādiet vai nu UNTIL (līdz kuram datumam), vai COUNT (cik reizes), ne abus",
        )),
        (Some(count), None) => parse_count(&count).map(SeriesEnd::Count),
        (None, Some(until)) => parse_until(&until).map(SeriesEnd::Until),
        (None, None) => Ok(SeriesEnd::Never),
    }
}

fn parse_count(value: &str) -> Result<u32, RecurrenceError> {
    value
        .parse::<u32>()
        .ok()
        .filter(|count| (1..=MAX_COUNT).contains(count))
        .ok_or_else(|| {
            invalid(format!(
                "COUNT jābūt veselam skaitlim no 1 līdz {MAX_COUNT}, nevis „{value}”"
            ))
        })
}

/// A UTC date-time (20201231T215959Z) as it is; a plain date (20201231) as the last second of
/// that day in Riga. A floating date-time (no Z) is refused: RFC 5545 requires UTC when the
/// start has a time zone, and reading it on some clock would be a guess.
fn parse_until(value: &str) -> Result<DateTime<Utc>, RecurrenceError> {
    let all_digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let wrong_form = || {
        invalid(format!(
            "UNTIL jābūt datumam (piemēram, 20201231) vai UTC laikam (piemēram, 20201231T215959Z), nevis „{value}”"
        ))
    };
    if !value.is_ascii() {
        return Err(wrong_form());
    }
    match value.len() {
        8 if all_digits(value) => NaiveDate::parse_from_str(value, "%Y%m%d")
            .ok()
            .and_then(end_of_riga_day)
            .ok_or_else(wrong_form),
        16 if value.ends_with('Z') => value
            .get(..15)
            .filter(|text| all_digits(&text[..8]) && all_digits(&text[9..]))
            .and_then(|text| NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").ok())
            .map(|naive| Utc.from_utc_datetime(&naive))
            .ok_or_else(wrong_form),
        15 if value.as_bytes().get(8) == Some(&b'T') => Err(invalid(format!(
            "UNTIL laiks „{value}” jānorāda UTC ar Z beigās (piemēram, 20201231T215959Z) vai jāraksta tikai datums (20201231)"
        ))),
        _ => Err(wrong_form()),
    }
}

/// The last whole second of `date` in Riga, as UTC.
fn end_of_riga_day(date: NaiveDate) -> Option<DateTime<Utc>> {
    let next_day = date.succ_opt()?;
    timezone::start_of_day(next_day).checked_sub_signed(Duration::seconds(1))
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
