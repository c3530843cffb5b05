//! Every address of the site's pages, built in one place. These are the Latvian paths (no
//! prefix); `Lang::href` puts a page's language in front (`/en/news/…`, `/ru/events/…`).

use chrono::{Datelike, NaiveDate};

/// The sign-in page; its form posts to it too (`auth::login_form`).
pub const LOGIN: &str = "/login";

/// Where an editor's browser sends an image to upload (`editing::upload`).
pub const MEDIA_UPLOAD: &str = "/api/media";

/// The schemes a link in an editor's text may have; the sanitiser drops the address of any
/// other (`javascript:`, `data:`).
pub const LINK_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The address an editor typed for a link, as it will be kept: a path or fragment on the site
/// as typed, an address with one of [`LINK_SCHEMES`] as typed, an e-mail address as mailto,
/// one without a scheme (`www.vp.gov.lv`) as https. `None` for a scheme the sanitiser would
/// drop, or an address on another host written as a path (`//host/…`).
pub fn link_address(typed: &str) -> Option<String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    // "//host/…" leaves the site, which the sanitiser's check of site paths refuses too.
    if typed.starts_with("//") {
        return None;
    }
    if typed.starts_with(['/', '#', '?']) {
        return Some(typed.to_string());
    }
    // An e-mail address typed as it is written.
    if typed.contains('@') && !typed.contains(['/', ':']) {
        return Some(format!("mailto:{typed}"));
    }
    // A scheme is letters, digits, "+", "-" and "." before the first ":", starting with a
    // letter (RFC 3986); "www.example.lv:8080/…" has none.
    let scheme = typed
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| {
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !scheme.contains('.')
        });
    match scheme {
        Some(scheme) if LINK_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) => {
            Some(typed.to_string())
        }
        Some(_) => None,
        None => Some(format!("https://{typed}")),
    }
}

/// `path` with a request's `query`, for a redirect that keeps it (`?date=…`, `?lang=…`).
pub fn with_query(path: &str, query: Option<&str>) -> String {
    match query {
        Some(query) => format!("{path}?{query}"),
        None => path.to_string(),
    }
}

/// An article: `/news/{slug}`.
pub fn article(slug: &str) -> String {
    format!("/news/{slug}")
}

/// An event: `/events/{slug}`.
pub fn event(slug: &str) -> String {
    format!("/events/{slug}")
}

/// One occurrence of a recurring event: `/events/{slug}?date=2020-08-27`.
pub fn event_occurrence(slug: &str, date: NaiveDate) -> String {
    format!("/events/{slug}?date={date}")
}

/// An event's calendar file: `/events/{slug}.ics`.
pub fn event_calendar_file(slug: &str) -> String {
    format!("/events/{slug}.ics")
}

/// The news archive of a year: `/news/2018`.
pub fn news_year(year: i32) -> String {
    format!("/news/{year:04}")
}

/// The news archive of a month: `/news/2018/03`.
pub fn news_month(year: i32, month: u32) -> String {
    format!("/news/{year:04}/{month:02}")
}

/// The news archive of the month of `date`.
pub fn news_month_of(date: NaiveDate) -> String {
    news_month(date.year(), date.month())
}

/// The month grid: `/calendar/2020/08`.
pub fn calendar_month(year: i32, month: u32) -> String {
    format!("/calendar/{year:04}/{month:02}")
}

/// The week view of the ISO week containing `date`: `/calendar/2020/w32`.
pub fn week_path(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("/calendar/{:04}/w{:02}", week.year(), week.week())
}

/// A day: `/calendar/2020/08/04`.
pub fn day_path(date: NaiveDate) -> String {
    format!(
        "/calendar/{:04}/{:02}/{:02}",
        date.year(),
        date.month(),
        date.day()
    )
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_typed_link_address_is_kept_if_the_sanitiser_keeps_it() {
        for (typed, kept) in [
            ("https://www.vp.gov.lv/lv", Some("https://www.vp.gov.lv/lv")),
            ("  www.vp.gov.lv ", Some("https://www.vp.gov.lv")),
            ("mailto:info@example.lv", Some("mailto:info@example.lv")),
            ("TEL:+37180002012", Some("TEL:+37180002012")),
            ("/news/2020", Some("/news/2020")),
            ("#kontakti", Some("#kontakti")),
            ("example.lv:8080/lapa", Some("https://example.lv:8080/lapa")),
            ("info@vp.gov.lv", Some("mailto:info@vp.gov.lv")),
            ("//evil.example/x", None),
            ("javascript:alert(document.cookie)", None),
            (" JavaScript:alert(1)", None),
            ("data:text/html,<b>x</b>", None),
            ("   ", None),
        ] {
            assert_eq!(link_address(typed).as_deref(), kept, "{typed}");
        }
    }

    use super::*;

    #[test]
    fn paths_are_zero_padded_and_weeks_are_iso() {
        let date = NaiveDate::from_ymd_opt(2021, 1, 3).expect("date");
        assert_eq!(day_path(date), "/calendar/2021/01/03");
        assert_eq!(
            week_path(date),
            "/calendar/2020/w53",
            "3 January 2021 is in 2020's week 53"
        );
        assert_eq!(calendar_month(2020, 8), "/calendar/2020/08");
        assert_eq!(news_month_of(date), "/news/2021/01");
        assert_eq!(news_year(2018), "/news/2018");
        assert_eq!(
            event_occurrence("grupa", date),
            "/events/grupa?date=2021-01-03"
        );
        assert_eq!(event_calendar_file("grupa"), "/events/grupa.ics");
        assert_eq!(article("raksts"), "/news/raksts");
        assert_eq!(event("grupa"), "/events/grupa");
    }
}
