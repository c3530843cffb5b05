//! Recurrence rules as Notikumi accepts them: RFC 5545 RRULE text parsed into a [`Rule`],
//! checked against the supported subset, and written back in one normal form.

use super::*;

/// A rule parsed and checked, in Notikumi's subset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Rule {
    pub(super) frequency: Frequency,
    pub(super) interval: u16,
    pub(super) by_month: Vec<u8>,
    pub(super) by_month_day: Vec<i8>,
    pub(super) by_day: Vec<WeekdaySpec>,
    pub(super) by_set_pos: Vec<i16>,
    pub(super) end: SeriesEnd,
}

/// How a series ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SeriesEnd {
    Never,
    /// After this many occurrences, the first start included and EXDATEs included.
    Count(u32),
    /// With the last occurrence starting at or before this instant.
    Until(DateTime<Utc>),
}

/// One BYDAY entry: a weekday, optionally the nth (or nth from the end) in the month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WeekdaySpec {
    pub(super) ordinal: Option<i16>,
    pub(super) weekday: Weekday,
}

impl Rule {
    /// Parses `text` and checks it against Notikumi's subset.
    pub(super) fn parse(text: &str) -> Result<Self, RecurrenceError> {
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
    pub(super) fn sort_lists(&mut self) {
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
    pub(super) fn check_combinations(&self) -> Result<(), RecurrenceError> {
        if self.frequency == Frequency::Weekly && !self.by_month_day.is_empty() {
            return Err(invalid(
                "BYMONTHDAY nevar lietot kopā ar FREQ=WEEKLY; izmantojiet BYDAY",
            ));
        }
        self.check_ordinals()?;
        self.check_set_positions()
    }

    /// BYDAY ordinals ("2TU") only make sense within a month or a year, and only so far.
    pub(super) fn check_ordinals(&self) -> Result<(), RecurrenceError> {
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
    pub(super) fn check_set_positions(&self) -> Result<(), RecurrenceError> {
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
            SeriesEnd::Until(until) => write!(f, ";UNTIL={}", until.format(UNTIL_FORMAT)),
        }
    }
}

/// Writes `;NAME=a,b,c`, or nothing for an empty list.
pub(super) fn write_list<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    items: &[T],
) -> fmt::Result {
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
    pub(super) fn to_rrule(self) -> NWeekday {
        NWeekday::new(self.ordinal, self.weekday)
    }
}

/// Splits a rule into NAME=VALUE parts, upper-cased, refusing unknown, unsupported and repeated
/// names. WKST=MO, the default, is accepted and dropped.
pub(super) fn rule_parts(text: &str) -> Result<BTreeMap<String, String>, RecurrenceError> {
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
pub(super) fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// Accepts a supported part name; explains why any other is refused.
pub(super) fn check_part_name(name: &str) -> Result<(), RecurrenceError> {
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
pub(super) fn check_week_start(value: &str) -> Result<(), RecurrenceError> {
    if value == "MO" {
        Ok(())
    } else {
        Err(unsupported(format!(
            "nedēļas sākums WKST={value}; nedēļa vienmēr sākas pirmdienā (WKST=MO)"
        )))
    }
}

pub(super) fn parse_frequency(value: Option<String>) -> Result<Frequency, RecurrenceError> {
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

pub(super) fn parse_interval(value: &str) -> Result<u16, RecurrenceError> {
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
pub(super) fn parse_optional_list<T>(
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

pub(super) fn parse_month(item: &str) -> Result<u8, RecurrenceError> {
    item.parse::<u8>()
        .ok()
        .filter(|month| (1..=12).contains(month))
        .ok_or_else(|| {
            invalid(format!(
                "BYMONTH vērtībām jābūt mēnešu numuriem no 1 līdz 12, nevis „{item}”"
            ))
        })
}

pub(super) fn parse_month_day(item: &str) -> Result<i8, RecurrenceError> {
    item.parse::<i8>()
        .ok()
        .filter(|day| *day != 0 && (-31..=31).contains(day))
        .ok_or_else(|| {
            invalid(format!(
                "BYMONTHDAY vērtībām jābūt no 1 līdz 31 vai no -31 līdz -1 (no mēneša beigām), nevis „{item}”"
            ))
        })
}

pub(super) fn parse_set_position(item: &str) -> Result<i16, RecurrenceError> {
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
pub(super) fn parse_weekday_spec(item: &str) -> Result<WeekdaySpec, RecurrenceError> {
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

pub(super) fn weekday_from_code(code: &str) -> Option<Weekday> {
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

pub(super) fn weekday_code(weekday: Weekday) -> &'static str {
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
pub(super) fn parse_end(
    count: Option<String>,
    until: Option<String>,
) -> Result<SeriesEnd, RecurrenceError> {
    match (count, until) {
        (Some(_), Some(_)) => Err(invalid(
            "norādiet vai nu UNTIL (līdz kuram datumam), vai COUNT (cik reizes), ne abus",
        )),
        (Some(count), None) => parse_count(&count).map(SeriesEnd::Count),
        (None, Some(until)) => parse_until(&until).map(SeriesEnd::Until),
        (None, None) => Ok(SeriesEnd::Never),
    }
}

pub(super) fn parse_count(value: &str) -> Result<u32, RecurrenceError> {
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
pub(super) fn parse_until(value: &str) -> Result<DateTime<Utc>, RecurrenceError> {
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
pub(super) fn end_of_riga_day(date: NaiveDate) -> Option<DateTime<Utc>> {
    let next_day = date.succ_opt()?;
    timezone::start_of_day(next_day).checked_sub_signed(Duration::seconds(1))
}
