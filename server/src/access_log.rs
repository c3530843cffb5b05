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
    http::{HeaderName, Response},
};
use tower_http::{
    classify::{ServerErrorsAsFailures, SharedClassifier},
    request_id::{MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer},
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
    tracing::info_span!(
        "request",
        id = %id,
        method = %request.method(),
        path = %request.uri().path(),
    )
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

    async fn answer_with(status: StatusCode, request: Request) -> String {
        let log = Captured::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .finish();
        let _guard = tracing::subscriber::set_default(subscriber);
        let site = Router::new()
            .fallback(move || async move { status })
            .layer(propagate_request_id())
            .layer(log_requests())
            .layer(set_request_id());
        let response = site.oneshot(request).await.expect("answer");
        assert_eq!(response.status(), status);
        log.text()
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
