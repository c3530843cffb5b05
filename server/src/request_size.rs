//! The largest request the site reads, and a clear answer to a larger one.
//!
//! Server functions read their arguments through axum's body limit, which this module sets. A
//! body over it was answered `400 "length limit exceeded"`, and an editor's browser showed
//! that as it was. A request whose length (`Content-Length`) is larger is now refused before any
//! handler runs: 413 with [`AppError::TooLarge`], which the browser words in the editor's
//! language. (A body sent without a length still meets the limit while it is read.) Uploads
//! read images up to their own, larger limit.

use axum::{
    extract::{DefaultBodyLimit, Request},
    middleware::Next,
    response::{IntoResponse, Response},
    Json,
};

use app::error::AppError;
use axum::http::header;

/// The most a request other than an upload may carry: ten times an article body's limit, for
/// the JSON around it, and far below what would strain the server.
pub const MAX_REQUEST_BYTES: usize = 2 * 1024 * 1024;

/// The addresses that read their bodies up to a limit of their own.
const OWN_LIMIT: [&str; 1] = ["/api/media"];

/// The body limit server functions read their arguments within.
pub fn body_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(MAX_REQUEST_BYTES)
}

/// Answers 413 to a request that says it is larger than [`MAX_REQUEST_BYTES`].
pub async fn refuse_oversized(request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok())
        .and_then(|length| length.parse::<u64>().ok());
    match declared {
        Some(bytes)
            if bytes > MAX_REQUEST_BYTES as u64 && !OWN_LIMIT.contains(&request.uri().path()) =>
        {
            let error = AppError::TooLarge {
                size_kb: i64::try_from(bytes / 1000).unwrap_or(i64::MAX),
                max_kb: (MAX_REQUEST_BYTES / 1000) as i64,
            };
            (error.status(), Json(error)).into_response()
        }
        _ => next.run(request).await,
    }
}
