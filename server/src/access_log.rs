//! One log line per request at `info`: method, path, status and time, inside a span that
//! carries the request's id, so every line logged while answering it can be found by that id.
//! The id is also sent back in `X-Request-Id` (or taken from the proxy in front, which may
//! have set one). Only the path is logged: never the query, a header or a cookie.

use std::time::Duration;

use axum::{
    body::Body,
    extract::Request,
    http::{HeaderName, Response},
};
use tower_http::{
    classify::{ServerErrorsAsFailures, SharedClassifier},
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
    trace::TraceLayer,
};
use tracing::Span;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Gives each request an id (unless the proxy in front gave it one) …
pub fn set_request_id() -> SetRequestIdLayer<MakeRequestUuid> {
    SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid)
}

/// … sends it back with the answer …
pub fn propagate_request_id() -> PropagateRequestIdLayer {
    PropagateRequestIdLayer::new(REQUEST_ID)
}

type MakeSpan = fn(&Request) -> Span;
type OnResponse = fn(&Response<Body>, Duration, &Span);

/// … and logs the request inside a span named by it.
pub fn log_requests() -> TraceLayer<
    SharedClassifier<ServerErrorsAsFailures>,
    MakeSpan,
    tower_http::trace::DefaultOnRequest,
    OnResponse,
> {
    TraceLayer::new_for_http()
        .make_span_with(request_span as MakeSpan)
        .on_response(answered as OnResponse)
}

fn request_span(request: &Request) -> Span {
    let id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        id = %id,
        method = %request.method(),
        path = %request.uri().path(),
    )
}

fn answered(response: &Response<Body>, latency: Duration, _span: &Span) {
    tracing::info!(
        status = response.status().as_u16(),
        ms = latency.as_secs_f64() * 1000.0,
        "answered"
    );
}
