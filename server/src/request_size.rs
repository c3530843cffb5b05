//! The largest request the site reads, and a clear answer to a larger one.
//!
//! Server functions read their arguments through axum's body limit, which this module sets. A
//! body over it was answered `400 "length limit exceeded"`, and an editor's browser showed
//! that as it was. A request whose length (`Content-Length`) is larger is now refused before
//! any handler runs: 413 with [`AppError::TooLarge`], which the browser words in the editor's
//! language. (A body sent without a length still meets the limit while it is read.) Uploads
//! read images up to their own, larger limit.

use axum::{
    body::Body,
    extract::{DefaultBodyLimit, Request},
    http::header,
    middleware::Next,
    response::{IntoResponse, Response},
};
use futures_util::StreamExt;

use app::{error::AppError, paths::MEDIA_UPLOAD};

/// The most a request other than an upload may carry: ten times an article body's limit, for
/// the JSON around it, and far below what would strain the server.
pub const MAX_REQUEST_BYTES: usize = 2 * 1024 * 1024;

/// How much of a refused body is read (and dropped) before the answer. A browser still
/// sending its request when the server closes the connection may see the connection reset
/// instead of the answer; a body beyond this is not worth the time, and is cut off.
const READ_BEFORE_REFUSING: usize = 16 * 1024 * 1024;

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
        Some(bytes) if bytes > MAX_REQUEST_BYTES as u64 && request.uri().path() != MEDIA_UPLOAD => {
            read_and_drop(request.into_body()).await;
            AppError::TooLarge {
                size_kb: i64::try_from(bytes.div_ceil(1000)).unwrap_or(i64::MAX),
                max_kb: (MAX_REQUEST_BYTES / 1000) as i64,
            }
            .into_response()
        }
        _ => next.run(request).await,
    }
}

/// Reads `body` to its end, keeping nothing, up to [`READ_BEFORE_REFUSING`] bytes.
async fn read_and_drop(body: Body) {
    let mut read = 0;
    let mut chunks = body.into_data_stream();
    while let Some(Ok(chunk)) = chunks.next().await {
        read += chunk.len();
        if read > READ_BEFORE_REFUSING {
            break;
        }
    }
}
