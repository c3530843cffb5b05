//! The largest request the site reads, and a clear answer to a larger one.
//!
//! Server functions read their arguments through axum's body limit, which this module sets. A
//! body over it was answered `400 "length limit exceeded"`, and an editor's browser showed
//! that as it was. A request over the limit is now refused before any handler runs: 413 with
//! [`AppError::TooLarge`], which the browser words in the editor's language. One that says its
//! length (`Content-Length`, as browsers do) is refused by it; one sent in chunks without a
//! length is read here, up to the limit, and handed on whole, or refused once it passes the
//! limit. Uploads read images up to their own, larger limit.

use axum::{
    body::{Body, BodyDataStream, HttpBody},
    extract::{DefaultBodyLimit, Request},
    http::header,
    middleware::Next,
    response::{IntoResponse, Response},
};
use futures_util::StreamExt;

use app::{error::AppError, paths::MEDIA_UPLOAD};

/// The most a request other than an upload may carry: ten times an article body's limit, for
/// the JSON around it, and far below what would strain the server. In decimal units, as the
/// 413's message counts kilobytes ("2000 kB allowed", beside the body's "200 kB").
pub const MAX_REQUEST_BYTES: usize = 2_000_000;

/// How much of a refused body is read (and dropped) before the answer. A browser still
/// sending its request when the server closes the connection may see the connection reset
/// instead of the answer; a body beyond this is not worth the time, and is cut off.
const READ_BEFORE_REFUSING: usize = 16 * 1024 * 1024;

/// The body limit server functions read their arguments within.
pub fn body_limit() -> DefaultBodyLimit {
    DefaultBodyLimit::max(MAX_REQUEST_BYTES)
}

/// Answers 413 to a request larger than [`MAX_REQUEST_BYTES`].
pub async fn refuse_oversized(request: Request, next: Next) -> Response {
    if request.uri().path() == MEDIA_UPLOAD {
        return next.run(request).await;
    }
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok())
        .and_then(|length| length.parse::<u64>().ok());
    match declared {
        Some(bytes) if bytes > MAX_REQUEST_BYTES as u64 => {
            read_and_drop(request.into_body().into_data_stream(), 0).await;
            too_large(bytes)
        }
        Some(_) => next.run(request).await,
        // Most requests (every GET) carry no body at all.
        None if request.body().is_end_stream() => next.run(request).await,
        None => {
            let (parts, body) = request.into_parts();
            match read_within_limit(body).await {
                Ok(body) => next.run(Request::from_parts(parts, body)).await,
                Err(Unread::TooLarge(read)) => too_large(read),
                Err(Unread::CutOff) => {
                    AppError::BadRequest("the request's body ended before it was whole".into())
                        .into_response()
                }
            }
        }
    }
}

fn too_large(bytes: u64) -> Response {
    AppError::TooLarge {
        size_kb: i64::try_from(bytes.div_ceil(1000)).unwrap_or(i64::MAX),
        max_kb: (MAX_REQUEST_BYTES / 1000) as i64,
    }
    .into_response()
}

/// Why a body sent without its length is not handed on.
enum Unread {
    /// Larger than [`MAX_REQUEST_BYTES`]: the bytes it came to (read to its end, or as far as
    /// [`READ_BEFORE_REFUSING`]).
    TooLarge(u64),
    /// The connection failed before its last chunk: what came is not the request.
    CutOff,
}

/// A body sent without its length, read whole if it stays within [`MAX_REQUEST_BYTES`].
async fn read_within_limit(body: Body) -> Result<Body, Unread> {
    let mut kept = Vec::new();
    let mut chunks = body.into_data_stream();
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(|_| Unread::CutOff)?;
        if kept.len() + chunk.len() > MAX_REQUEST_BYTES {
            let read = kept.len() + chunk.len();
            return Err(Unread::TooLarge(read_and_drop(chunks, read).await as u64));
        }
        kept.extend_from_slice(&chunk);
    }
    Ok(Body::from(kept))
}

/// Reads a body's `chunks` to their end, keeping nothing, until `read` (what was read of the
/// request before) passes [`READ_BEFORE_REFUSING`]; answers the bytes read in all.
async fn read_and_drop(mut chunks: BodyDataStream, mut read: usize) -> usize {
    while let Some(Ok(chunk)) = chunks.next().await {
        read += chunk.len();
        if read > READ_BEFORE_REFUSING {
            break;
        }
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(parts: Vec<Result<String, std::io::Error>>) -> Body {
        Body::from_stream(futures_util::stream::iter(parts))
    }

    #[tokio::test]
    async fn a_body_without_its_length_is_handed_on_whole_or_not_at_all() {
        let start = || Ok(r#"{ "a": "#.to_string());
        let Ok(whole) = read_within_limit(chunks(vec![start(), Ok("1 }".into())])).await else {
            panic!("a whole body is handed on")
        };
        let bytes = axum::body::to_bytes(whole, usize::MAX).await.expect("read");
        assert_eq!(&bytes[..], br#"{ "a": 1 }"#);

        let broken = std::io::Error::new(std::io::ErrorKind::ConnectionReset, "gone");
        let cut_off = read_within_limit(chunks(vec![start(), Err(broken)])).await;
        assert!(matches!(cut_off, Err(Unread::CutOff)));

        let large = vec![Ok("a".repeat(MAX_REQUEST_BYTES)), Ok("b".into())];
        let too_large = read_within_limit(chunks(large)).await;
        let over = MAX_REQUEST_BYTES as u64 + 1;
        assert!(matches!(too_large, Err(Unread::TooLarge(read)) if read == over));
    }
}
