//! How a recurring event repeats, said in the reader's language for its page and the list
//! view: `FREQ=WEEKLY;BYDAY=TU` → "katru otrdienu", "every Tuesday", "по вторникам".
//!
//! The rule is first read into a [`Repeat`]; each language then words it with its own grammar
//! (Latvian locatives, Russian genders and plural forms), which a flat message catalogue
//! cannot express. Rules it cannot put into words read "repeats regularly" rather than
//! something wrong.

use chrono::NaiveDate;

use crate::{i18n::Lang, locale};

/// What a rule repeats on, as far as this module can say it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Every {
    Day,
    /// Weekdays as indexes from Monday (0) to Sunday (6); empty: the start's weekday.
    Week(Vec<usize>),
    Month,
    /// The n-th (1..=5, or -1 for the last) weekday of the month.
    MonthNthWeekday(i32, usize),
    MonthDay(u32),
    Year,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Repeat {
    every: Every,
    interval: u32,
    count: Option<u32>,
    until: Option<NaiveDate>,
}

const DAY_CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// How `rule` repeats, in `lang`.
pub fn describe(rule: &str, lang: Lang) -> String {
    let Some(repeat) = parse(rule) else {
        return match lang {
            Lang::Lv => "atkārtojas regulāri",
            Lang::En => "repeats regularly",
            Lang::Ru => "повторяется регулярно",
        }
        .to_string();
    };
    let mut text = match lang {
        Lang::Lv => latvian::every(&repeat),
        Lang::En => english::every(&repeat),
        Lang::Ru => russian::every(&repeat),
    };
    if let Some(count) = repeat.count {
        text.push_str(", ");
        text.push_str(&match lang {
            Lang::Lv => format!(
                "{count} {}",
                latvian::after_number(count, ["reizi", "reizes"])
            ),
            Lang::En if count == 1 => "once".to_string(),
            Lang::En => format!("{count} times"),
            Lang::Ru => format!("{count} {}", russian::plural(count, ["раз", "раза", "раз"])),
        });
    }
    if let Some(until) = repeat.until {
        text.push_str(&match lang {
            Lang::Lv => format!(", līdz {}", locale::short_date(Lang::Lv, until)),
            Lang::En => format!(", until {}", locale::long_date(lang, until)),
            Lang::Ru => format!(", до {}", locale::long_date(lang, until)),
        });
    }
    text
}

fn part<'a>(rule: &'a str, name: &str) -> Option<&'a str> {
    rule.split(';')
        .filter_map(|item| item.split_once('='))
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value)
}

fn day_index(code: &str) -> Option<usize> {
    DAY_CODES
        .iter()
        .position(|day| code.eq_ignore_ascii_case(day))
}

/// The rule as a [`Repeat`], or `None` when it uses parts this module does not put into words.
fn parse(rule: &str) -> Option<Repeat> {
    let unsaid = [
        "BYMONTH",
        "BYSETPOS",
        "BYHOUR",
        "BYMINUTE",
        "BYYEARDAY",
        "BYWEEKNO",
    ]
    .iter()
    .any(|name| part(rule, name).is_some())
        || part(rule, "BYMONTHDAY").is_some_and(|days| days.contains(','));
    if unsaid {
        return None;
    }
    let interval = part(rule, "INTERVAL")
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let by_day: Vec<&str> = part(rule, "BYDAY")
        .map(|days| days.split(',').collect())
        .unwrap_or_default();
    let by_month_day = part(rule, "BYMONTHDAY");
    let every = match part(rule, "FREQ")?.to_ascii_uppercase().as_str() {
        // A day of the month narrows a daily or yearly rule to monthly days: no words for it.
        "DAILY" if by_day.is_empty() && by_month_day.is_none() => Every::Day,
        "WEEKLY" => Every::Week(
            by_day
                .iter()
                .map(|code| day_index(code))
                .collect::<Option<_>>()?,
        ),
        "MONTHLY" => match (by_day.as_slice(), by_month_day) {
            ([code], None) => {
                let (number, day) = code.split_at(code.len().checked_sub(2)?);
                let nth: i32 = number.parse().ok()?;
                if !(1..=5).contains(&nth) && nth != -1 {
                    return None;
                }
                Every::MonthNthWeekday(nth, day_index(day)?)
            }
            ([], Some(day)) => Every::MonthDay(day.parse().ok().filter(|d| (1..=31).contains(d))?),
            ([], None) => Every::Month,
            _ => return None,
        },
        "YEARLY" if by_day.is_empty() && by_month_day.is_none() => Every::Year,
        _ => return None,
    };
    Some(Repeat {
        every,
        interval,
        count: part(rule, "COUNT").and_then(|n| n.parse().ok()),
        until: part(rule, "UNTIL").and_then(until_date),
    })
}

/// The last day a series may fall on, in Riga: a UTC time (as the store keeps UNTIL) is
/// read as the Riga day it falls in; a date as itself.
fn until_date(value: &str) -> Option<NaiveDate> {
    super::recurrence::until_day(value)
        .or_else(|| NaiveDate::parse_from_str(value.get(..8)?, "%Y%m%d").ok())
}

fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

mod latvian {
    use super::{join, Every, Repeat};

    /// Weekdays in the accusative ("katru otrdienu") and the locative ("otrdienā").
    const DAYS: [(&str, &str); 7] = [
        ("pirmdienu", "pirmdienā"),
        ("otrdienu", "otrdienā"),
        ("trešdienu", "trešdienā"),
        ("ceturtdienu", "ceturtdienā"),
        ("piektdienu", "piektdienā"),
        ("sestdienu", "sestdienā"),
        ("svētdienu", "svētdienā"),
    ];

    /// Ordinals in the feminine locative, for "otrajā otrdienā".
    fn ordinal(n: i32) -> &'static str {
        match n {
            1 => "pirmajā",
            2 => "otrajā",
            3 => "trešajā",
            4 => "ceturtajā",
            5 => "piektajā",
            _ => "pēdējā",
        }
    }

    /// After a number Latvian uses the singular when it ends in 1 (but not 11): "21 reizi",
    /// "ik pēc 21 dienas", else the plural: "5 reizes", "ik pēc 5 dienām".
    pub fn after_number(n: u32, [singular, plural]: [&'static str; 2]) -> &'static str {
        if n % 10 == 1 && n % 100 != 11 {
            singular
        } else {
            plural
        }
    }

    /// "ik pēc 3 dienām", "ik pēc 21 dienas".
    fn after(n: u32, forms: [&'static str; 2]) -> String {
        format!("ik pēc {n} {}", after_number(n, forms))
    }

    const DAYS_AFTER: [&str; 2] = ["dienas", "dienām"];
    const WEEKS_AFTER: [&str; 2] = ["nedēļas", "nedēļām"];
    const MONTHS_AFTER: [&str; 2] = ["mēneša", "mēnešiem"];
    const YEARS_AFTER: [&str; 2] = ["gada", "gadiem"];

    pub fn every(repeat: &Repeat) -> String {
        let n = repeat.interval;
        // "pirmdienu un ceturtdienu", or in the locative "pirmdienā un ceturtdienā".
        let days = |list: &[usize], locative: bool| {
            let names: Vec<String> = list
                .iter()
                .map(|d| if locative { DAYS[*d].1 } else { DAYS[*d].0 }.to_string())
                .collect();
            join(&names, "un")
        };
        let every_month = if n == 1 {
            "katra mēneša".to_string()
        } else {
            format!("{},", after(n, MONTHS_AFTER))
        };
        match (&repeat.every, n) {
            (Every::Day, 1) => "katru dienu".into(),
            (Every::Day, n) => after(n, DAYS_AFTER),
            (Every::Week(list), 1) if list.is_empty() => "katru nedēļu".into(),
            (Every::Week(list), 1) => format!("katru {}", days(list, false)),
            (Every::Week(list), n) if list.is_empty() => after(n, WEEKS_AFTER),
            (Every::Week(list), n) => format!("{}, {}", after(n, WEEKS_AFTER), days(list, true)),
            (Every::Month, 1) => "katru mēnesi".into(),
            (Every::Month, n) => after(n, MONTHS_AFTER),
            (Every::MonthNthWeekday(nth, day), _) => {
                format!("{every_month} {} {}", ordinal(*nth), DAYS[*day].1)
            }
            (Every::MonthDay(day), _) => format!("{every_month} {day}. datumā"),
            (Every::Year, 1) => "katru gadu".into(),
            (Every::Year, n) => after(n, YEARS_AFTER),
        }
    }
}

mod english {
    use super::{join, Every, Repeat};

    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];

    fn ordinal(n: i32) -> &'static str {
        match n {
            1 => "first",
            2 => "second",
            3 => "third",
            4 => "fourth",
            5 => "fifth",
            _ => "last",
        }
    }

    /// "1st", "2nd", "3rd", "11th", "22nd".
    fn day_of_month(day: u32) -> String {
        let suffix = match (day % 10, day % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{day}{suffix}")
    }

    pub fn every(repeat: &Repeat) -> String {
        let n = repeat.interval;
        let days = |list: &[usize]| {
            let names: Vec<String> = list.iter().map(|d| DAYS[*d].to_string()).collect();
            join(&names, "and")
        };
        let months = if n == 1 {
            "every month".to_string()
        } else {
            format!("every {n} months")
        };
        match (&repeat.every, n) {
            (Every::Day, 1) => "every day".into(),
            (Every::Day, n) => format!("every {n} days"),
            (Every::Week(list), 1) if list.is_empty() => "every week".into(),
            (Every::Week(list), 1) => format!("every {}", days(list)),
            (Every::Week(list), n) if list.is_empty() => format!("every {n} weeks"),
            (Every::Week(list), n) => format!("every {n} weeks on {}", days(list)),
            (Every::Month, _) => months,
            (Every::MonthNthWeekday(nth, day), _) => {
                format!("{months} on the {} {}", ordinal(*nth), DAYS[*day])
            }
            (Every::MonthDay(day), _) => format!("{months} on the {}", day_of_month(*day)),
            (Every::Year, 1) => "every year".into(),
            (Every::Year, n) => format!("every {n} years"),
        }
    }
}

mod russian {
    use super::{join, Every, Repeat};

    #[derive(Clone, Copy)]
    enum Gender {
        Masculine,
        Feminine,
        Neuter,
    }

    /// Weekdays: the accusative ("во вторник"), the dative plural ("по вторникам"), the gender.
    const DAYS: [(&str, &str, Gender); 7] = [
        ("понедельник", "понедельникам", Gender::Masculine),
        ("вторник", "вторникам", Gender::Masculine),
        ("среду", "средам", Gender::Feminine),
        ("четверг", "четвергам", Gender::Masculine),
        ("пятницу", "пятницам", Gender::Feminine),
        ("субботу", "субботам", Gender::Feminine),
        ("воскресенье", "воскресеньям", Gender::Neuter),
    ];

    /// The ordinal in the accusative of `gender`: "первый", "вторую", "последнее".
    fn ordinal(n: i32, gender: Gender) -> &'static str {
        let forms = match n {
            1 => ["первый", "первую", "первое"],
            2 => ["второй", "вторую", "второе"],
            3 => ["третий", "третью", "третье"],
            4 => ["четвёртый", "четвёртую", "четвёртое"],
            5 => ["пятый", "пятую", "пятое"],
            _ => ["последний", "последнюю", "последнее"],
        };
        forms[gender as usize]
    }

    /// The form of a noun after the number `n`: [one, few, many] ("день", "дня", "дней").
    pub fn plural(n: u32, [one, few, many]: [&'static str; 3]) -> &'static str {
        match (n % 10, n % 100) {
            (_, 11..=14) => many,
            (1, _) => one,
            (2..=4, _) => few,
            _ => many,
        }
    }

    /// "каждые 3 дня", "каждый 21 день": "every" agrees with the noun's number.
    fn every_n(n: u32, noun: [&'static str; 3], every_one: &str) -> String {
        let form = plural(n, noun);
        if form == noun[0] && n % 10 == 1 {
            format!("{every_one} {n} {form}")
        } else {
            format!("каждые {n} {form}")
        }
    }

    pub fn every(repeat: &Repeat) -> String {
        let n = repeat.interval;
        let on_days = |list: &[usize]| {
            let names: Vec<String> = list.iter().map(|d| DAYS[*d].1.to_string()).collect();
            format!("по {}", join(&names, "и"))
        };
        let months = if n == 1 {
            "каждый месяц".to_string()
        } else {
            every_n(n, ["месяц", "месяца", "месяцев"], "каждый")
        };
        match (&repeat.every, n) {
            (Every::Day, 1) => "каждый день".into(),
            (Every::Day, n) => every_n(n, ["день", "дня", "дней"], "каждый"),
            (Every::Week(list), 1) if list.is_empty() => "каждую неделю".into(),
            (Every::Week(list), 1) => on_days(list),
            (Every::Week(list), n) => {
                let weeks = every_n(n, ["неделю", "недели", "недель"], "каждую");
                if list.is_empty() {
                    weeks
                } else {
                    format!("{weeks}, {}", on_days(list))
                }
            }
            (Every::Month, _) => months,
            (Every::MonthNthWeekday(nth, day), _) => {
                let (name, _, gender) = DAYS[*day];
                let ordinal = ordinal(*nth, gender);
                // "во второй", "во вторник": "во" before a cluster starting with "в".
                let at = if ordinal.starts_with("вт") {
                    "во"
                } else {
                    "в"
                };
                format!("{months}, {at} {ordinal} {name}")
            }
            (Every::MonthDay(day), _) => format!("{months}, {day}-го числа"),
            (Every::Year, 1) => "каждый год".into(),
            (Every::Year, n) => every_n(n, ["год", "года", "лет"], "каждый"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::describe;
    use crate::i18n::Lang;

    fn lv(rule: &str) -> String {
        describe(rule, Lang::Lv)
    }

    #[test]
    fn weekly_rules_name_their_days() {
        assert_eq!(lv("FREQ=WEEKLY;BYDAY=TU"), "katru otrdienu");
        assert_eq!(
            lv("FREQ=WEEKLY;BYDAY=MO,TH"),
            "katru pirmdienu un ceturtdienu"
        );
        assert_eq!(
            lv("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
            "ik pēc 2 nedēļām, trešdienā"
        );
        assert_eq!(lv("FREQ=WEEKLY"), "katru nedēļu");
    }

    #[test]
    fn monthly_yearly_and_daily_rules() {
        assert_eq!(lv("FREQ=MONTHLY;BYDAY=2TU"), "katra mēneša otrajā otrdienā");
        assert_eq!(
            lv("FREQ=MONTHLY;BYDAY=-1FR"),
            "katra mēneša pēdējā piektdienā"
        );
        assert_eq!(lv("FREQ=MONTHLY;BYMONTHDAY=15"), "katra mēneša 15. datumā");
        assert_eq!(lv("FREQ=YEARLY"), "katru gadu");
        assert_eq!(lv("FREQ=DAILY"), "katru dienu");
        assert_eq!(lv("FREQ=DAILY;INTERVAL=3"), "ik pēc 3 dienām");
        assert_eq!(lv("FREQ=DAILY;INTERVAL=21"), "ik pēc 21 dienas");
        assert_eq!(lv("FREQ=YEARLY;INTERVAL=11"), "ik pēc 11 gadiem");
        assert_eq!(
            lv("FREQ=WEEKLY;BYDAY=TU;COUNT=21"),
            "katru otrdienu, 21 reizi"
        );
    }

    #[test]
    fn ends_are_mentioned() {
        assert_eq!(
            lv("FREQ=WEEKLY;BYDAY=TU;COUNT=5"),
            "katru otrdienu, 5 reizes"
        );
        assert_eq!(
            lv("FREQ=DAILY;UNTIL=20201231T215959Z"),
            "katru dienu, līdz 31.12.2020"
        );
        // 01:00 on 1 January in Riga: that day may have an occurrence too.
        assert_eq!(
            lv("FREQ=DAILY;UNTIL=20201231T230000Z"),
            "katru dienu, līdz 01.01.2021"
        );
    }

    #[test]
    fn rules_beyond_words_are_still_described_honestly() {
        assert_eq!(lv("FREQ=MONTHLY;BYDAY=MO,TU"), "atkārtojas regulāri");
        assert_eq!(lv("FREQ=DAILY;BYDAY=MO,WE,FR"), "atkārtojas regulāri");
        assert_eq!(
            lv("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
            "atkārtojas regulāri"
        );
        assert_eq!(lv("FREQ=MONTHLY;BYMONTHDAY=1,15"), "atkārtojas regulāri");
        // Monthly on the 15th, whatever the frequency says.
        assert_eq!(lv("FREQ=DAILY;BYMONTHDAY=15"), "atkārtojas regulāri");
        assert_eq!(lv("FREQ=YEARLY;BYMONTHDAY=15"), "atkārtojas regulāri");
        assert_eq!(lv("nonsense"), "atkārtojas regulāri");
    }

    #[test]
    fn english_names_days_ordinals_and_ends() {
        let en = |rule| describe(rule, Lang::En);
        assert_eq!(en("FREQ=WEEKLY;BYDAY=MO,TH"), "every Monday and Thursday");
        assert_eq!(
            en("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
            "every 2 weeks on Wednesday"
        );
        assert_eq!(
            en("FREQ=MONTHLY;BYDAY=-1FR"),
            "every month on the last Friday"
        );
        assert_eq!(en("FREQ=MONTHLY;BYMONTHDAY=22"), "every month on the 22nd");
        assert_eq!(en("FREQ=DAILY;COUNT=1"), "every day, once");
        assert_eq!(
            en("FREQ=DAILY;UNTIL=20201231T215959Z"),
            "every day, until 31 December 2020"
        );
        assert_eq!(en("FREQ=HOURLY"), "repeats regularly");
    }

    #[test]
    fn russian_agrees_in_gender_and_number() {
        let ru = |rule| describe(rule, Lang::Ru);
        assert_eq!(
            ru("FREQ=WEEKLY;BYDAY=MO,TH"),
            "по понедельникам и четвергам"
        );
        assert_eq!(
            ru("FREQ=MONTHLY;BYDAY=2TU"),
            "каждый месяц, во второй вторник"
        );
        assert_eq!(ru("FREQ=MONTHLY;BYDAY=1WE"), "каждый месяц, в первую среду");
        assert_eq!(
            ru("FREQ=MONTHLY;INTERVAL=3;BYDAY=-1SU"),
            "каждые 3 месяца, в последнее воскресенье"
        );
        assert_eq!(ru("FREQ=DAILY;INTERVAL=5"), "каждые 5 дней");
        assert_eq!(ru("FREQ=DAILY;INTERVAL=21"), "каждый 21 день");
        assert_eq!(ru("FREQ=YEARLY;INTERVAL=2"), "каждые 2 года");
        assert_eq!(ru("FREQ=WEEKLY;BYDAY=TU;COUNT=3"), "по вторникам, 3 раза");
        assert_eq!(ru("FREQ=WEEKLY;BYDAY=TU;COUNT=12"), "по вторникам, 12 раз");
        assert_eq!(ru("nonsense"), "повторяется регулярно");
    }
}
