//! One log line per request at `info`: method, path, status and time, inside a span that
//! carries the request's id, so every line logged while answering it can be found by that id.
//! The id is also sent back in `X-Request-Id` (or taken from the proxy in front, which may
//! have set one). Only the path is logged: never the query, a header or a cookie.
//!
//! The line's level follows the status: an error for a 500 (a bug or a failed database; the
//! code that failed logs the cause), a warning for the other 5xx (an overloaded or stopping
//! instance is expected to say so now and then), `info` otherwise.

use std::time::Duration;

use axum::{
    body::Body,
    extract::Request,
    http::{request::Parts, HeaderName, HeaderValue, Method, Response},
};
use tower_http::{
    classify::{ServerErrorsAsFailures, SharedClassifier},
    request_id::{
        MakeRequestId, MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
    },
    trace::{DefaultOnBodyChunk, DefaultOnEos, DefaultOnRequest, TraceLayer},
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
    DefaultOnRequest,
    OnResponse,
    DefaultOnBodyChunk,
    DefaultOnEos,
    (),
> {
    TraceLayer::new_for_http()
        .make_span_with(request_span as MakeSpan)
        .on_response(answered as OnResponse)
        // The answered line says it, at the status's level.
        .on_failure(())
}

fn request_span(request: &Request) -> Span {
    let id = request
        .extensions()
        .get::<RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .unwrap_or("-");
    span_of(id, request.method(), request.uri().path())
}

fn span_of(id: &str, method: &Method, path: &str) -> Span {
    tracing::info_span!("request", id = %id, method = %method, path = %path)
}

fn answered(response: &Response<Body>, latency: Duration, _span: &Span) {
    let status = response.status().as_u16();
    let ms = latency.as_secs_f64() * 1000.0;
    match status {
        500 => tracing::error!(status, ms, "answered"),
        501.. => tracing::warn!(status, ms, "answered"),
        _ => tracing::info!(status, ms, "answered"),
    }
}

/// What these layers do for a request, for a page answered from memory before them
/// (`memory_first`): its id (the proxy's, or a new one) sent back, and its line.
pub fn answered_before_layers(request: &Parts, response: &mut Response<Body>, latency: Duration) {
    let id = match request.headers.get(REQUEST_ID) {
        Some(id) => id.clone(),
        None => new_request_id(),
    };
    let span = span_of(
        id.to_str().unwrap_or("-"),
        &request.method,
        request.uri.path(),
    );
    span.in_scope(|| answered(response, latency, &span));
    response.headers_mut().insert(REQUEST_ID, id);
}

/// A new request id, as `set_request_id` makes them.
fn new_request_id() -> HeaderValue {
    let made = MakeRequestUuid.make_request_id(&Request::new(()));
    made.map_or_else(
        || HeaderValue::from_static("-"),
        |id| id.header_value().clone(),
    )
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use axum::{http::StatusCode, Router};
    use tower::ServiceExt;

    use super::*;

    /// Everything logged while the guard lives, as text.
    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("log buffer").extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Captured {
        fn text(&self) -> String {
            String::from_utf8_lossy(&self.0.lock().expect("log buffer")).into_owned()
        }
    }

    /// What `f` logs, as text.
    async fn logged<F: std::future::Future<Output = ()>>(f: F) -> String {
        let log = Captured::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        f.await;
        log.text()
    }

    async fn answer_with(status: StatusCode, request: Request) -> String {
        logged(async {
            let site = Router::new()
                .fallback(move || async move { status })
                .layer(propagate_request_id())
                .layer(log_requests())
                .layer(set_request_id());
            let response = site.oneshot(request).await.expect("answer");
            assert_eq!(response.status(), status);
        })
        .await
    }

    /// The line and id of a page answered from memory, before the layers.
    fn before_layers(request: Request) -> (String, Response<Body>) {
        let (parts, _) = request.into_parts();
        let mut response = Response::new(Body::empty());
        let log = futures_util::FutureExt::now_or_never(logged(async {
            answered_before_layers(&parts, &mut response, Duration::from_micros(80));
        }))
        .expect("nothing to wait for");
        (log, response)
    }

    /// Without the time and the id, which differ from request to request.
    fn shape_of(line: &str) -> String {
        line.split_whitespace()
            .skip(1)
            .filter(|word| !word.starts_with("request{id=") && !word.starts_with("ms="))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[tokio::test]
    async fn a_page_from_memory_has_the_same_line_and_an_id_as_every_other_request() {
        let layered = answer_with(StatusCode::OK, request("/news/a?token=secret-query")).await;
        let (early, response) = before_layers(request("/news/a?token=secret-query"));
        assert_eq!(early.lines().count(), 1, "{early}");
        assert_eq!(shape_of(&early), shape_of(&layered), "{early}\n{layered}");
        assert!(!early.contains("secret"), "{early}");
        let id = response.headers()[REQUEST_ID].to_str().expect("text");
        assert_eq!(id.len(), 36, "a UUID: {id}");
        assert!(early.contains(&format!("id={id}")), "{early}");

        let mut proxied = request("/news/a");
        proxied
            .headers_mut()
            .insert(REQUEST_ID, HeaderValue::from_static("proxy-7"));
        let (early, response) = before_layers(proxied);
        assert_eq!(response.headers()[REQUEST_ID], "proxy-7");
        assert!(early.contains("id=proxy-7"), "{early}");
    }

    fn request(uri: &str) -> Request {
        Request::get(uri)
            .header("cookie", "__Host-notikumi_session=secret-token")
            .header("authorization", "Bearer secret-bearer")
            .body(Body::empty())
            .expect("request")
    }

    #[tokio::test]
    async fn one_line_per_request_with_its_id_path_and_status_and_no_secret() {
        let log = answer_with(StatusCode::OK, request("/news/a?token=secret-query")).await;
        let lines: Vec<&str> = log.lines().collect();
        assert_eq!(lines.len(), 1, "{log}");
        let line = lines[0];
        assert!(line.contains(" INFO "), "{line}");
        assert!(
            line.contains("path=/news/a") && line.contains("method=GET"),
            "{line}"
        );
        assert!(
            line.contains("status=200") && line.contains("answered"),
            "{line}"
        );
        assert!(line.contains("id="), "{line}");
        assert!(!line.contains("secret"), "{line}");
    }

    #[tokio::test]
    async fn an_overloaded_answer_is_a_warning_and_a_failure_an_error() {
        let busy = answer_with(StatusCode::SERVICE_UNAVAILABLE, request("/")).await;
        assert_eq!(busy.lines().count(), 1, "{busy}");
        assert!(
            busy.contains(" WARN ") && busy.contains("status=503"),
            "{busy}"
        );
        let failed = answer_with(StatusCode::INTERNAL_SERVER_ERROR, request("/")).await;
        assert_eq!(failed.lines().count(), 1, "{failed}");
        assert!(
            failed.contains("ERROR") && failed.contains("status=500"),
            "{failed}"
        );
    }
}
