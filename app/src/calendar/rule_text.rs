//! How a recurring event repeats, said in Latvian for its page and the list view:
//! `FREQ=WEEKLY;BYDAY=TU` → "katru otrdienu".

use chrono::NaiveDate;

/// Weekday codes with their accusative ("katru otrdienu") and feminine locative forms.
const DAYS: [(&str, &str, &str); 7] = [
    ("MO", "pirmdienu", "pirmdienā"),
    ("TU", "otrdienu", "otrdienā"),
    ("WE", "trešdienu", "trešdienā"),
    ("TH", "ceturtdienu", "ceturtdienā"),
    ("FR", "piektdienu", "piektdienā"),
    ("SA", "sestdienu", "sestdienā"),
    ("SU", "svētdienu", "svētdienā"),
];

/// Ordinals in the feminine locative, for "otrajā otrdienā".
fn ordinal(n: i32) -> Option<&'static str> {
    Some(match n {
        1 => "pirmajā",
        2 => "otrajā",
        3 => "trešajā",
        4 => "ceturtajā",
        5 => "piektajā",
        -1 => "pēdējā",
        _ => return None,
    })
}

fn part<'a>(rule: &'a str, name: &str) -> Option<&'a str> {
    rule.split(';')
        .filter_map(|item| item.split_once('='))
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value)
}

fn day_forms(code: &str) -> Option<(&'static str, &'static str)> {
    DAYS.iter()
        .find(|(day, _, _)| code.eq_ignore_ascii_case(day))
        .map(|(_, accusative, locative)| (*accusative, *locative))
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} un {last}", init.join(", ")),
    }
}

/// "katru otrdienu", "katra mēneša otrajā otrdienā, 5 reizes", …; rules it cannot put into
/// words read "atkārtojas regulāri" rather than something wrong.
pub fn describe(rule: &str) -> String {
    // Parts this module does not put into words: say less rather than something wrong.
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
    let frequency = part(rule, "FREQ").map(str::to_ascii_uppercase);
    let by_day_unsaid = part(rule, "BYDAY").is_some()
        && matches!(frequency.as_deref(), Some("DAILY") | Some("YEARLY"));
    if unsaid || by_day_unsaid {
        return "atkārtojas regulāri".to_string();
    }
    let interval: u32 = part(rule, "INTERVAL")
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let by_day: Vec<&str> = part(rule, "BYDAY")
        .map(|d| d.split(',').collect())
        .unwrap_or_default();
    let base = match part(rule, "FREQ").map(str::to_ascii_uppercase).as_deref() {
        Some("DAILY") if interval == 1 => Some("katru dienu".to_string()),
        Some("DAILY") => Some(format!("ik pēc {interval} dienām")),
        Some("WEEKLY") => weekly(interval, &by_day),
        Some("MONTHLY") => monthly(interval, &by_day, part(rule, "BYMONTHDAY")),
        Some("YEARLY") if interval == 1 => Some("katru gadu".to_string()),
        Some("YEARLY") => Some(format!("ik pēc {interval} gadiem")),
        _ => None,
    };
    let Some(mut text) = base else {
        return "atkārtojas regulāri".to_string();
    };
    if let Some(count) = part(rule, "COUNT") {
        text.push_str(&format!(", {count} reizes"));
    }
    if let Some(until) = part(rule, "UNTIL").and_then(until_date) {
        text.push_str(&format!(", līdz {}", until.format("%d.%m.%Y")));
    }
    text
}

fn weekly(interval: u32, by_day: &[&str]) -> Option<String> {
    let days: Option<Vec<(&str, &str)>> = by_day.iter().map(|code| day_forms(code)).collect();
    let days = days?;
    let accusatives: Vec<String> = days.iter().map(|(acc, _)| acc.to_string()).collect();
    Some(match (interval, days.is_empty()) {
        (1, true) => "katru nedēļu".to_string(),
        (1, false) => format!("katru {}", join_and(&accusatives)),
        (n, true) => format!("ik pēc {n} nedēļām"),
        (n, false) => {
            let locatives: Vec<String> = days.iter().map(|(_, loc)| loc.to_string()).collect();
            format!("ik pēc {n} nedēļām, {}", join_and(&locatives))
        }
    })
}

fn monthly(interval: u32, by_day: &[&str], by_month_day: Option<&str>) -> Option<String> {
    let every = if interval == 1 {
        "katra mēneša".to_string()
    } else {
        format!("ik pēc {interval} mēnešiem,")
    };
    if let [code] = by_day {
        let split = code.len().checked_sub(2)?;
        let (number, day) = code.split_at(split);
        let (_, locative) = day_forms(day)?;
        return Some(format!(
            "{every} {} {locative}",
            ordinal(number.parse().ok()?)?
        ));
    }
    match by_month_day {
        Some(day) => Some(format!("{every} {day}. datumā")),
        None if by_day.is_empty() => Some(if interval == 1 {
            "katru mēnesi".to_string()
        } else {
            format!("ik pēc {interval} mēnešiem")
        }),
        None => None,
    }
}

fn until_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.get(..8)?, "%Y%m%d").ok()
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn weekly_rules_name_their_days() {
        assert_eq!(describe("FREQ=WEEKLY;BYDAY=TU"), "katru otrdienu");
        assert_eq!(
            describe("FREQ=WEEKLY;BYDAY=MO,TH"),
            "katru pirmdienu un ceturtdienu"
        );
        assert_eq!(
            describe("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
            "ik pēc 2 nedēļām, trešdienā"
        );
        assert_eq!(describe("FREQ=WEEKLY"), "katru nedēļu");
    }

    #[test]
    fn monthly_yearly_and_daily_rules() {
        assert_eq!(
            describe("FREQ=MONTHLY;BYDAY=2TU"),
            "katra mēneša otrajā otrdienā"
        );
        assert_eq!(
            describe("FREQ=MONTHLY;BYDAY=-1FR"),
            "katra mēneša pēdējā piektdienā"
        );
        assert_eq!(
            describe("FREQ=MONTHLY;BYMONTHDAY=15"),
            "katra mēneša 15. datumā"
        );
        assert_eq!(describe("FREQ=YEARLY"), "katru gadu");
        assert_eq!(describe("FREQ=DAILY"), "katru dienu");
        assert_eq!(describe("FREQ=DAILY;INTERVAL=3"), "ik pēc 3 dienām");
    }

    #[test]
    fn ends_are_mentioned() {
        assert_eq!(
            describe("FREQ=WEEKLY;BYDAY=TU;COUNT=5"),
            "katru otrdienu, 5 reizes"
        );
        assert_eq!(
            describe("FREQ=DAILY;UNTIL=20201231T215959Z"),
            "katru dienu, līdz 31.12.2020"
        );
    }

    #[test]
    fn rules_beyond_words_are_still_described_honestly() {
        assert_eq!(describe("FREQ=MONTHLY;BYDAY=MO,TU"), "atkārtojas regulāri");
        assert_eq!(describe("FREQ=DAILY;BYDAY=MO,WE,FR"), "atkārtojas regulāri");
        assert_eq!(
            describe("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
            "atkārtojas regulāri"
        );
        assert_eq!(
            describe("FREQ=MONTHLY;BYMONTHDAY=1,15"),
            "atkārtojas regulāri"
        );
        assert_eq!(describe("nonsense"), "atkārtojas regulāri");
    }
}
