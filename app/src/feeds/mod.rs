//! Data for other programs: iCalendar feeds (`/calendar.ics`, `/events/{slug}.ics`), the JSON
//! event API (`/api/events`) in FullCalendar's event-source format, and for search engines and
//! feed readers `/robots.txt`, the sitemap index `/sitemap.xml` with its parts, and the Atom feed `/feed.xml`.
//!
//! The feeds exist once per language (`/en/feed.xml`, `/ru/calendar.ics`, …): they carry the
//! items' translations where there are some, the Latvian original elsewhere, and link to the
//! pages in the same language.

mod api;
pub mod ics;
mod site;

use axum::{
    extract::{Request, State},
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
    routing::get,
    Router,
};

use crate::{
    calendar::occurrences::in_categories,
    i18n::{tr, Lang},
    state::AppState,
    storage,
};

/// The feed routes, merged into the site's router.
pub fn routes() -> Router<AppState> {
    let mut router = Router::new()
        .route("/api/events", get(api::events))
        .route("/robots.txt", get(site::robots))
        .route("/sitemap.xml", get(site::sitemap_index))
        .route("/sitemaps/{file}", get(site::sitemap_part));
    for lang in Lang::ALL {
        router = router
            .route(
                &lang.href("/calendar.ics"),
                get(move |state: State<AppState>, request: Request| {
                    calendar_feed(state, lang, request)
                }),
            )
            .route(
                &lang.href("/feed.xml"),
                get(move |state: State<AppState>| site::atom_feed(state, lang)),
            );
    }
    router
}

/// How ids that must stay unique among every site's (iCalendar UIDs, Atom entry ids) name
/// this site: the host of its public address, with the port unless it is the scheme's own
/// (two sites on one host differ by it). The scheme is left out, so the ids stay when a site
/// moves to https.
struct SiteName {
    host: String,
    port: Option<u16>,
    /// Whether the host is a domain name (not an IP address), which a `tag:` id needs.
    domain: bool,
}

impl SiteName {
    fn of(site_url: &str) -> Self {
        match url::Url::parse(site_url) {
            Ok(url) => SiteName {
                host: url.host_str().unwrap_or_default().to_string(),
                port: url.port(),
                domain: matches!(url.host(), Some(url::Host::Domain(_))),
            },
            // The configuration refuses a public URL that does not parse; tests may not.
            Err(_) => SiteName {
                host: site_url.to_string(),
                port: None,
                domain: false,
            },
        }
    }
}

impl std::fmt::Display for SiteName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.port {
            Some(port) => write!(f, "{}:{port}", self.host),
            None => f.write_str(&self.host),
        }
    }
}

/// The category slugs in a query string (`?category=a&category=b`), read as the calendar's
/// pages read them.
fn categories(query: Option<&str>) -> Vec<String> {
    let values = form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .filter(|(name, _)| name == "category")
        .map(|(_, value)| value.into_owned());
    crate::calendar::filter_slugs(values)
}

fn ics_event<'a>(event: &'a storage::Event, site_url: &str, lang: Lang) -> ics::IcsEvent<'a> {
    let recurrence = event.recurrence.as_ref();
    ics::IcsEvent {
        uid: format!("event-{}@{}", event.id, SiteName::of(site_url)),
        title: &event.title,
        description: &event.summary,
        location: &event.location,
        url: Some(format!(
            "{site_url}{}",
            lang.href(&crate::paths::event(&event.slug))
        )),
        starts_at: event.starts_at,
        ends_at: event.ends_at,
        all_day: event.all_day,
        rrule: recurrence.map(|series| series.rule.as_str()),
        exdates: recurrence.map_or(&[], |series| series.exdates.as_slice()),
        category: event.category.as_ref().map(|category| {
            lang.pick(&category.name, &category.name_en, &category.name_ru)
                .0
        }),
        created_at: event.created_at,
        updated_at: event.updated_at,
    }
}

fn calendar_response(body: String, filename: Option<&str>) -> Response {
    let mut response = (
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        body,
    )
        .into_response();
    if let Some(filename) = filename {
        if let Ok(value) = format!("inline; filename=\"{filename}.ics\"").parse() {
            response
                .headers_mut()
                .insert(header::CONTENT_DISPOSITION, value);
        }
    }
    response
}

/// A 500 saying so in the feed's language; the cause goes to the log only.
fn storage_failure(error: storage::StoreError, lang: Lang) -> Response {
    // The conversion logs it and tells a database out of reach (503) from a fault (500).
    let error = crate::error::AppError::from(error);
    error.answer(error.describe(lang))
}

/// How far back `/calendar.ics` reaches: events that ended more than this many days ago are
/// left out, so the feed stays the size of a year or so however long the site runs.
pub const CALENDAR_FEED_DAYS_BACK: u64 = 366;

/// `/calendar.ics`: the published events of the last year and everything ahead (`?category=`
/// narrows it), recurring ones as RRULE with EXDATE.
async fn calendar_feed(State(state): State<AppState>, lang: Lang, request: Request) -> Response {
    let wanted = categories(request.uri().query());
    let today = crate::timezone::today();
    let since = crate::timezone::start_of_day(
        today
            .checked_sub_days(chrono::Days::new(CALENDAR_FEED_DAYS_BACK))
            .unwrap_or(today),
    );
    let events = match state.store.published_events_ending_after(lang, since).await {
        Ok(events) => events,
        Err(error) => return storage_failure(error, lang),
    };
    let events: Vec<storage::Event> = events
        .into_iter()
        .filter(|event| in_categories(event, &wanted))
        .collect();
    let feed: Vec<ics::IcsEvent<'_>> = events
        .iter()
        .map(|event| ics_event(event, &state.public_url, lang))
        .collect();
    let name = tr(lang, "calendar-feed-name");
    calendar_response(ics::write_calendar(&name, &feed), None)
}

/// Serves `/events/{slug}.ics` (and `/en/events/{slug}.ics`, …). The page route
/// `/events/{slug}` owns that path shape in the router, so the feed is picked out before
/// routing.
pub async fn event_feed(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (lang, path) = Lang::split_path(request.uri().path());
    let slug = path
        .strip_prefix("/events/")
        .and_then(|rest| rest.strip_suffix(".ics"))
        .filter(|slug| !slug.is_empty() && !slug.contains('/'))
        .map(str::to_string);
    let reading = matches!(*request.method(), Method::GET | Method::HEAD);
    let Some(slug) = slug.filter(|_| reading) else {
        return next.run(request).await;
    };
    let event = state
        .store
        .published_event(lang, &slug)
        .await
        .map(|event| event.into_iter().collect::<Vec<_>>());
    match event {
        Ok(events) => match events.as_slice() {
            [event] => calendar_response(
                ics::write_calendar(&event.title, &[ics_event(event, &state.public_url, lang)]),
                Some(&slug),
            ),
            _ => (StatusCode::NOT_FOUND, tr(lang, "error-not-found-text")).into_response(),
        },
        Err(error) => storage_failure(error, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::{categories, SiteName};

    #[test]
    fn repeated_category_parameters_are_all_kept() {
        assert_eq!(
            categories(Some("category=konferences&x=1&category=apmacibas")),
            vec!["apmacibas", "konferences"]
        );
        assert!(categories(None).is_empty());
        assert!(
            categories(Some("category=")).is_empty(),
            "an empty one is no filter"
        );
        assert!(
            categories(Some("category=Apmacibas")).is_empty(),
            "nor one no slug can be, as on the pages"
        );
    }

    #[test]
    fn ids_name_the_site_by_its_host_and_a_port_of_its_own() {
        let name = |url: &str| SiteName::of(url).to_string();
        assert_eq!(
            name("https://cilvektirdznieciba.gov.lv"),
            "cilvektirdznieciba.gov.lv"
        );
        assert_eq!(name("http://x.lv:80/"), "x.lv");
        assert_eq!(name("https://x.lv:443/portals/"), "x.lv");
        assert_eq!(name("http://127.0.0.1:3000"), "127.0.0.1:3000");
        assert_eq!(name("https://x.lv:8443"), "x.lv:8443");
        assert_eq!(name("http://[::1]:3000"), "[::1]:3000");
        assert!(SiteName::of("https://x.lv").domain);
        assert!(!SiteName::of("http://127.0.0.1:3000").domain);
        assert!(!SiteName::of("http://[::1]").domain);
    }
}
