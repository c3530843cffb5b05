//! `/api/events?start=…&end=…[&category=…][&timeZone=…]`: events as a FullCalendar event
//! source. `start` and `end` are plain dates (`2020-08-01`) or ISO 8601 date-times, with an
//! offset (`2020-07-27T00:00:00+03:00`, `…Z`) or without one, read in `timeZone` (default
//! Europe/Riga). Recurring events come expanded. Bad input is a 400 with a JSON error.

use axum::{
    extract::{Request, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::categories;
use crate::{
    calendar::{
        in_calendar_range, occurrences::summaries_between, CalendarFilter, EventSummary, YEARS,
    },
    state::AppState,
    timezone,
};

/// The longest range one request may ask for.
const MAX_RANGE_DAYS: i64 = 366;

/// One event in FullCalendar's event-source format.
#[derive(Debug, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct ApiEvent {
    id: String,
    title: String,
    start: String,
    end: String,
    all_day: bool,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    color: Option<String>,
}

#[derive(Debug, Serialize)]
struct ApiError {
    error: String,
}

fn bad_request(message: impl Into<String>) -> Response {
    (
        StatusCode::BAD_REQUEST,
        [(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")],
        Json(ApiError {
            error: message.into(),
        }),
    )
        .into_response()
}

/// Reads `start`/`end` in the ways FullCalendar and people send them.
fn parse_instant(name: &str, value: &str, zone: Tz) -> Result<DateTime<Utc>, String> {
    let in_zone = |local: NaiveDateTime| {
        zone.from_local_datetime(&local)
            .earliest()
            .map(|zoned| zoned.with_timezone(&Utc))
            .ok_or_else(|| format!("{name}: {value:?} does not exist in {zone}"))
    };
    if let Ok(date) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return in_zone(date.and_time(chrono::NaiveTime::MIN));
    }
    if let Ok(instant) = DateTime::parse_from_rfc3339(value) {
        return Ok(instant.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(local) = NaiveDateTime::parse_from_str(value, format) {
            return in_zone(local);
        }
    }
    Err(format!(
        "{name} must be a date (2020-08-01) or an ISO 8601 date-time (2020-07-27T00:00:00+03:00), not {value:?}"
    ))
}

/// The validated request.
#[derive(Debug, PartialEq)]
struct Range {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    zone: Tz,
    categories: Vec<String>,
}

fn parse_range(query: Option<&str>) -> Result<Range, String> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    };
    let zone = match get("timeZone") {
        None | Some("") | Some("local") => timezone::SITE_TIME_ZONE,
        Some("UTC") => Tz::UTC,
        Some(name) => name
            .parse::<Tz>()
            .map_err(|_| format!("timeZone {name:?} is not a known IANA time zone"))?,
    };
    let start = parse_instant("start", get("start").ok_or("start is missing")?, zone)?;
    let end = parse_instant("end", get("end").ok_or("end is missing")?, zone)?;
    for (name, instant) in [("start", start), ("end", end)] {
        if !in_calendar_range(instant.date_naive()) {
            return Err(format!(
                "{name} must be between the years {} and {}",
                YEARS.start(),
                YEARS.end()
            ));
        }
    }
    if end <= start {
        return Err("end must be after start".into());
    }
    if end - start > chrono::Duration::days(MAX_RANGE_DAYS) {
        return Err(format!("the range may be at most {MAX_RANGE_DAYS} days"));
    }
    Ok(Range {
        start,
        end,
        zone,
        categories: categories(query),
    })
}

fn api_event(event: EventSummary, range: &Range, site_url: &str) -> ApiEvent {
    let id = match event.occurrence {
        Some(date) => format!("{}@{date}", event.slug),
        None => event.slug.clone(),
    };
    let (start, end) = if event.all_day {
        let after = event.last_day + Days::new(1);
        (event.first_day().to_string(), after.to_string())
    } else {
        let zoned = |local| {
            timezone::instant(local)
                .with_timezone(&range.zone)
                .to_rfc3339()
        };
        (zoned(event.start), zoned(event.end))
    };
    ApiEvent {
        url: format!("{site_url}{}", event.path()),
        id,
        title: event.title,
        start,
        end,
        all_day: event.all_day,
        color: event.category.map(|category| category.colour),
    }
}

pub async fn events(State(state): State<AppState>, request: Request) -> Response {
    let range = match parse_range(request.uri().query()) {
        Ok(range) => range,
        Err(message) => return bad_request(message),
    };
    let first = timezone::local(range.start).date();
    let last = timezone::local(range.end - chrono::Duration::seconds(1)).date();
    let filter = CalendarFilter {
        categories: range.categories.clone(),
        news: false,
    };
    let summaries = match summaries_between(
        state.store.as_ref(),
        crate::i18n::Lang::Lv,
        first,
        last,
        &filter,
    )
    .await
    {
        Ok(summaries) => summaries,
        // JSON like every other answer of the API (a 503 when the database is out of reach).
        Err(error) => return error.into_response(),
    };
    let events: Vec<ApiEvent> = summaries
        .into_iter()
        // Days are whole Riga days; keep what really overlaps the instants asked for.
        .filter(|event| {
            let (start, end) = (timezone::instant(event.start), timezone::instant(event.end));
            start < range.end && (end > range.start || (start == end && start >= range.start))
        })
        .map(|event| api_event(event, &range, &state.public_url))
        .collect();
    ([(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")], Json(events)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dates::utc;

    #[test]
    fn accepts_plain_dates_in_riga() {
        let range = parse_range(Some("start=2020-08-01&end=2020-09-01")).expect("valid");
        assert_eq!(range.start, utc(2020, 7, 31, 21, 0));
        assert_eq!(range.end, utc(2020, 8, 31, 21, 0));
    }

    #[test]
    fn accepts_what_fullcalendar_sends() {
        let range = parse_range(Some(
            "start=2020-07-27T00%3A00%3A00%2B03%3A00&end=2020-09-07T00%3A00%3A00%2B03%3A00",
        ))
        .expect("offsets");
        assert_eq!(range.start, utc(2020, 7, 26, 21, 0));
        let named = parse_range(Some(
            "start=2020-07-27T00:00:00&end=2020-09-07T00:00:00&timeZone=Europe%2FBerlin",
        ))
        .expect("named zone");
        assert_eq!(named.start, utc(2020, 7, 26, 22, 0));
        let utc_range = parse_range(Some(
            "start=2020-07-27T00:00:00Z&end=2020-09-07T00:00:00Z&timeZone=UTC",
        ))
        .expect("UTC");
        assert_eq!(utc_range.start, utc(2020, 7, 27, 0, 0));
    }

    #[test]
    fn says_what_is_wrong() {
        let error = |query: &str| parse_range(Some(query)).expect_err("refused");
        assert_eq!(error("end=2020-09-01"), "start is missing");
        assert_eq!(error("start=2020-08-01"), "end is missing");
        assert!(error("start=yesterday&end=2020-09-01").starts_with("start must be a date"));
        assert_eq!(
            error("start=2020-09-01&end=2020-08-01"),
            "end must be after start"
        );
        assert_eq!(
            error("start=2020-01-01&end=2021-06-01"),
            "the range may be at most 366 days"
        );
        assert_eq!(
            error("start=%2B262142-12-30&end=%2B262142-12-31T12:00:00"),
            "start must be between the years 1900 and 2999"
        );
        assert!(
            error("start=2020-08-01&end=2020-09-01&timeZone=Mars%2FOlympus")
                .contains("not a known IANA time zone")
        );
    }

    #[test]
    fn categories_narrow_the_request() {
        let range = parse_range(Some(
            "start=2020-08-01&end=2020-09-01&category=a&category=b",
        ))
        .expect("valid");
        assert_eq!(range.categories, vec!["a", "b"]);
    }
}
