//! Setting the HTTP status of a server-rendered page (a no-op in the browser).

use http::StatusCode;

/// Sets the status the server answers this page with.
#[cfg(feature = "ssr")]
pub fn set_status(status: StatusCode) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}

/// Asks the client answered this request to wait `seconds` before asking again
/// (`Retry-After`).
#[cfg(feature = "ssr")]
pub fn set_retry_after(seconds: u64) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(http::header::RETRY_AFTER, seconds.into());
    }
}

/// Asks every cache, the browser's too, not to keep this answer.
#[cfg(feature = "ssr")]
pub fn set_no_store() {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        let no_store = http::HeaderValue::from_static("no-store");
        response.insert_header(http::header::CACHE_CONTROL, no_store);
    }
}

/// Whether this request is a plain form's post (it accepts HTML: no script sent it).
/// server_fn answers one by going back to the form's page, with an error in its address for
/// the page to show (`ServerAction` reads it); an error's own status would undo that.
#[cfg(feature = "ssr")]
pub fn from_a_plain_form() -> bool {
    leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|accept| accept.to_str().ok())
            .is_some_and(|accept| accept.contains("text/html"))
    })
}

/// Answers this page with a redirect to `path` (`302 Found`), keeping the request's query.
#[cfg(feature = "ssr")]
pub fn redirect_to(path: &str) {
    use leptos::prelude::use_context;
    let request = use_context::<http::request::Parts>();
    let to = crate::paths::with_query(path, request.as_ref().and_then(|parts| parts.uri.query()));
    // Not `leptos_axum::redirect`, which sets the status only for a request that says it
    // accepts HTML: a page's redirect is one whoever asks.
    let to = http::HeaderValue::from_str(&to);
    if let (Some(response), Ok(to)) = (use_context::<leptos_axum::ResponseOptions>(), to) {
        response.set_status(StatusCode::FOUND);
        response.insert_header(http::header::LOCATION, to);
    }
}

/// In the browser the page is already there; only the server redirects.
#[cfg(not(feature = "ssr"))]
pub fn redirect_to(_path: &str) {}

/// In the browser the page is already there; only the server sets statuses.
#[cfg(not(feature = "ssr"))]
pub fn set_status(_status: StatusCode) {}
