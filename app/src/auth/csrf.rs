//! Cross-site request forgery: a request that may change state (any method but GET, HEAD
//! and OPTIONS) must come from a page of this site, as its `Origin` header (or, failing that,
//! its `Referer`) shows. Browsers always send one of them with such requests, and another
//! site cannot forge them. The session cookie's `SameSite=Strict` is a second line.

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
    Json,
};
use http::{header, Method, StatusCode};

use crate::{error::AppError, state::AppState};

/// The scheme, host and port of a URL (`https://example.lv:8443`), without path.
fn origin_of(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")? + 3;
    let end = url[scheme_end..]
        .find('/')
        .map_or(url.len(), |slash| scheme_end + slash);
    Some(&url[..end])
}

/// Whether a request naming `claimed` (its Origin or Referer) comes from this site, which is
/// reached as `public_url` or directly at `host`.
pub fn same_site(claimed: &str, public_url: &str, host: Option<&str>) -> bool {
    let Some(claimed) = origin_of(claimed) else {
        return false;
    };
    if origin_of(public_url) == Some(claimed) {
        return true;
    }
    host.is_some_and(|host| {
        claimed == format!("http://{host}") || claimed == format!("https://{host}")
    })
}

/// Refuses state-changing requests from other sites with 403 before any handler runs.
pub async fn refuse_cross_site(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let claimed = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|value| value.to_str().ok());
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok());
    match claimed {
        Some(claimed) if same_site(claimed, &state.public_url, host) => next.run(request).await,
        _ => {
            tracing::warn!(method = %request.method(), path = %request.uri().path(), "cross-site request refused");
            // As a server function's error, so an editor's browser can word it.
            (StatusCode::FORBIDDEN, Json(AppError::Forbidden)).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::same_site;

    #[test]
    fn only_this_sites_pages_may_change_state() {
        let public = "https://notikumi.example.lv";
        assert!(same_site("https://notikumi.example.lv", public, None));
        assert!(same_site(
            "https://notikumi.example.lv/news/x",
            public,
            None
        ));
        assert!(same_site(
            "http://127.0.0.1:3000",
            public,
            Some("127.0.0.1:3000")
        ));
        assert!(!same_site(
            "https://evil.example",
            public,
            Some("127.0.0.1:3000")
        ));
        assert!(!same_site(
            "https://notikumi.example.lv.evil.example",
            public,
            None
        ));
        assert!(!same_site("null", public, None));
    }
}
