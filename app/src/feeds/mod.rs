//! Data for other programs: iCalendar feeds (`/calendar.ics`, `/events/{slug}.ics`), the JSON
//! event API (`/api/events`) in FullCalendar's event-source format, and for search engines and
//! feed readers `/robots.txt`, `/sitemap.xml` and the Atom feed `/feed.xml`.

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

use crate::{state::AppState, storage};

/// The feed routes, merged into the site's router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/calendar.ics", get(calendar_feed))
        .route("/api/events", get(api::events))
        .route("/robots.txt", get(site::robots))
        .route("/sitemap.xml", get(site::sitemap))
        .route("/feed.xml", get(site::atom_feed))
}

/// The category slugs in a query string (`?category=a&category=b`).
fn categories(query: Option<&str>) -> Vec<String> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .filter(|(name, _)| name == "category")
        .map(|(_, value)| value.into_owned())
        .collect()
}

fn in_categories(event: &storage::Event, wanted: &[String]) -> bool {
    wanted.is_empty()
        || event
            .category
            .as_ref()
            .is_some_and(|category| wanted.contains(&category.slug))
}

fn ics_event<'a>(event: &'a storage::Event, site_url: &str) -> ics::IcsEvent<'a> {
    let recurrence = event.recurrence.as_ref();
    ics::IcsEvent {
        uid: format!("event-{}@notikumi", event.id),
        title: &event.title,
        description: &event.summary,
        location: &event.location,
        url: Some(format!("{site_url}/events/{}", event.slug)),
        starts_at: event.starts_at,
        ends_at: event.ends_at,
        all_day: event.all_day,
        rrule: recurrence.map(|series| series.rule.as_str()),
        exdates: recurrence.map_or(&[], |series| series.exdates.as_slice()),
        category: event
            .category
            .as_ref()
            .map(|category| category.name.as_str()),
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

fn storage_failure(error: storage::StoreError) -> Response {
    tracing::error!(%error, "feed storage failed");
    (StatusCode::INTERNAL_SERVER_ERROR, "Servera kļūda.").into_response()
}

/// `/calendar.ics`: every published event (`?category=` narrows it), recurring ones as
/// RRULE with EXDATE.
async fn calendar_feed(State(state): State<AppState>, request: Request) -> Response {
    let wanted = categories(request.uri().query());
    let events = match state.store.published_events().await {
        Ok(events) => events,
        Err(error) => return storage_failure(error),
    };
    let feed: Vec<ics::IcsEvent<'_>> = events
        .iter()
        .filter(|event| in_categories(event, &wanted))
        .map(|event| ics_event(event, &state.public_url))
        .collect();
    calendar_response(ics::write_calendar("Notikumu kalendārs", &feed), None)
}

/// Serves `/events/{slug}.ics`. The page route `/events/{slug}` owns that path shape in the
/// router, so the feed is picked out before routing.
pub async fn event_feed(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let slug = request
        .uri()
        .path()
        .strip_prefix("/events/")
        .and_then(|rest| rest.strip_suffix(".ics"))
        .filter(|slug| !slug.is_empty() && !slug.contains('/'))
        .map(str::to_string);
    let Some(slug) = slug.filter(|_| request.method() == Method::GET) else {
        return next.run(request).await;
    };
    match state.store.published_event(&slug).await {
        Ok(Some(event)) => calendar_response(
            ics::write_calendar(&event.title, &[ics_event(&event, &state.public_url)]),
            Some(&slug),
        ),
        Ok(None) => (StatusCode::NOT_FOUND, "Notikums nav atrasts.").into_response(),
        Err(error) => storage_failure(error),
    }
}

#[cfg(test)]
mod tests {
    use super::categories;

    #[test]
    fn repeated_category_parameters_are_all_kept() {
        assert_eq!(
            categories(Some("category=apmacibas&x=1&category=konferences")),
            vec!["apmacibas", "konferences"]
        );
        assert!(categories(None).is_empty());
    }
}
