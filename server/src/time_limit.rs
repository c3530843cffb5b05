//! The longest a request may take (`NOTIKUMI_REQUEST_TIMEOUT_SECS`), and whose fault it was
//! when it takes longer. A client still sending its body is answered 408 Request Timeout; a
//! request whose body had all arrived was slow on our side (a database that hangs, a render
//! that never ends), and is answered 503 with `Retry-After`, so the client, a proxy or a load
//! balancer knows to try again or elsewhere instead of blaming the request.

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

use axum::{
    body::{Body, HttpBody as _},
    extract::{Request, State},
    http::{header, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use futures_util::StreamExt;

/// Answers `request` within `limit`, or with 408 or 503 (see the module's header).
pub async fn answer_within(
    State(limit): State<Duration>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let body_read = Arc::new(AtomicBool::new(body.is_end_stream()));
    let body = if body_read.load(Ordering::Acquire) {
        body
    } else {
        // The body as it is read, noting when its end is reached.
        let noted = Arc::clone(&body_read);
        let end = futures_util::stream::once(async move {
            noted.store(true, Ordering::Release);
            None
        })
        .filter_map(std::future::ready);
        Body::from_stream(body.into_data_stream().chain(end))
    };
    let request = Request::from_parts(parts, body);
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) if !body_read.load(Ordering::Acquire) => (
            StatusCode::REQUEST_TIMEOUT,
            "Pieprasījums netika saņemts laikā.",
        )
            .into_response(),
        Err(_) => {
            tracing::warn!(limit_ms = limit.as_millis() as u64, "request took too long");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, "5")],
                "Serveris neatbildēja laikā; lūdzu, mēģiniet vēlreiz pēc brīža.",
            )
                .into_response()
        }
    }
}
