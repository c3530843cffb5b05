//! `/metrics` in Prometheus's text format: requests by kind of route and status with their
//! latency, pages served from memory or rendered, and the database pool in use. It answers
//! only the addresses in `NOTIKUMI_METRICS_ALLOW` (loopback by default), judged by the
//! socket's peer, or for a request forwarded by a trusted proxy by the client that proxy
//! names (else every reader would reach it through a proxy on loopback); never by a header
//! anyone else sends.

use std::{
    net::SocketAddr,
    sync::{Arc, OnceLock},
    time::Instant,
};

use app::{auth::session::ClientAddress, state::AppState};
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{header, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::client_address::Networks;

/// The process's one recorder (tests build many routers in one process).
fn recorder() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets(&[
                0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ])
            .expect("the buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("another metrics recorder was installed first");
        }
        handle
    })
}

/// Installs the recorder; call before the first request is counted.
pub fn install() {
    recorder();
    // Every kind and usual status is listed from the first scrape on, at 0 until it comes.
    handles();
    page_cache_lookup_counters();
}

/// Folds the latency samples into their buckets every few seconds, as the exporter's own
/// installer does: samples otherwise pile up in memory until `/metrics` is next read. Runs on
/// the server's runtime for as long as the process does.
pub fn keep_up() {
    tokio::spawn(async {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
        loop {
            every.tick().await;
            recorder().run_upkeep();
        }
    });
}

/// What a request's path is, for a label with few values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RouteKind {
    Health,
    EventsApi,
    ServerFunction,
    Static,
    Media,
    Feed,
    Page,
}

impl RouteKind {
    const ALL: [RouteKind; 7] = [
        RouteKind::Health,
        RouteKind::EventsApi,
        RouteKind::ServerFunction,
        RouteKind::Static,
        RouteKind::Media,
        RouteKind::Feed,
        RouteKind::Page,
    ];

    fn of(path: &str) -> Self {
        let (_, path) = app::i18n::Lang::split_path(path);
        match path {
            "/healthz" | "/readyz" | "/metrics" => Self::Health,
            "/api/events" => Self::EventsApi,
            _ if path.starts_with("/api/") => Self::ServerFunction,
            _ if path.starts_with("/pkg/") || path.starts_with("/files/") => Self::Static,
            _ if path.starts_with("/favicon.") => Self::Static,
            _ if path.starts_with("/media/") => Self::Media,
            _ if path.ends_with(".ics") || path.ends_with(".xml") || path == "/robots.txt" => {
                Self::Feed
            }
            _ => Self::Page,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Health => "health",
            Self::EventsApi => "events_api",
            Self::ServerFunction => "server_function",
            Self::Static => "static",
            Self::Media => "media",
            Self::Feed => "feed",
            Self::Page => "page",
        }
    }
}

/// The statuses counted through a handle made once; others are looked up by label.
const USUAL_STATUSES: [u16; 10] = [200, 304, 400, 401, 403, 404, 409, 429, 500, 503];

/// Each kind's request counters (one per usual status) and latency histogram, in
/// `RouteKind::ALL`'s order, registered once: looking a metric up by its labels on every
/// request costs a hash and a lock.
struct Handles {
    requests: [[metrics::Counter; USUAL_STATUSES.len()]; RouteKind::ALL.len()],
    seconds: [metrics::Histogram; RouteKind::ALL.len()],
}

fn handles() -> &'static Handles {
    static HANDLES: OnceLock<Handles> = OnceLock::new();
    HANDLES.get_or_init(|| Handles {
        requests: RouteKind::ALL.map(|kind| {
            USUAL_STATUSES.map(|status| {
                let (kind, status) = (kind.label(), status.to_string());
                metrics::counter!("notikumi_requests_total", "kind" => kind, "status" => status)
            })
        }),
        seconds: RouteKind::ALL
            .map(|kind| metrics::histogram!("notikumi_request_seconds", "kind" => kind.label())),
    })
}

/// The middleware: counts every request by kind and status, with its latency.
pub async fn count_requests(request: Request, next: Next) -> Response {
    let kind = RouteKind::of(request.uri().path());
    let started = Instant::now();
    let response = next.run(request).await;
    count(kind, &response, started);
    response
}

/// Counts a page answered from memory before the layers (`memory_first`).
pub fn count_page(path: &str, response: &Response, started: Instant) {
    count(RouteKind::of(path), response, started);
}

fn count(kind: RouteKind, response: &Response, started: Instant) {
    let handles = handles();
    let status = response.status().as_u16();
    match USUAL_STATUSES.iter().position(|usual| *usual == status) {
        Some(at) => handles.requests[kind as usize][at].increment(1),
        None => metrics::counter!(
            "notikumi_requests_total",
            "kind" => kind.label(),
            "status" => status.to_string()
        )
        .increment(1),
    }
    handles.seconds[kind as usize].record(started.elapsed().as_secs_f64());
}

/// The page cache's three results, registered once.
fn page_cache_lookup_counters() -> &'static [metrics::Counter; 3] {
    static LOOKUPS: OnceLock<[metrics::Counter; 3]> = OnceLock::new();
    LOOKUPS.get_or_init(|| {
        ["hit", "shared", "miss"]
            .map(|result| metrics::counter!("notikumi_page_cache_total", "result" => result))
    })
}

/// A page answered from memory, from another request's render it waited for, or rendered.
pub fn page_cache_lookup(lookup: crate::page_cache::Lookup) {
    use crate::page_cache::Lookup;
    let [hit, shared, miss] = page_cache_lookup_counters();
    match lookup {
        Lookup::Hit => hit,
        Lookup::Shared => shared,
        Lookup::Miss => miss,
    }
    .increment(1);
}

/// `GET /metrics`.
pub async fn render(
    State((state, allowed)): State<(AppState, Arc<Networks>)>,
    request: Request,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| peer.ip());
    // A request that names a forwarded client is judged by the client its trusted proxies
    // make out, and refused when they make out none beyond themselves (an entry they wrote
    // that is not an address), so garbage cannot borrow the proxy's own address.
    let client = if request.headers().contains_key("x-forwarded-for") {
        request
            .extensions()
            .get::<ClientAddress>()
            .map(|ClientAddress(client)| *client)
            .filter(|client| Some(*client) != peer)
    } else {
        peer
    };
    if !client.is_some_and(|client| allowed.contains(client)) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let (open, idle) = state.store.pool_connections();
    metrics::gauge!("notikumi_db_connections", "state" => "open").set(f64::from(open));
    metrics::gauge!("notikumi_db_connections", "state" => "idle").set(idle as f64);
    let handle = recorder();
    handle.run_upkeep();
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        handle.render(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::RouteKind;

    fn kind_of(path: &str) -> &'static str {
        RouteKind::of(path).label()
    }

    #[test]
    fn the_handles_follow_the_kinds_order() {
        for (at, kind) in RouteKind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, at, "{kind:?}");
        }
    }

    #[test]
    fn paths_fall_into_a_few_kinds() {
        assert_eq!(kind_of("/"), "page");
        assert_eq!(kind_of("/en/calendar/2020/08"), "page");
        assert_eq!(kind_of("/api/events"), "events_api");
        assert_eq!(kind_of("/api/editing/save_draft"), "server_function");
        assert_eq!(kind_of("/ru/calendar.ics"), "feed");
        assert_eq!(kind_of("/pkg/notikumi.wasm"), "static");
        assert_eq!(kind_of("/media/ab.webp"), "media");
        assert_eq!(kind_of("/healthz"), "health");
    }
}
