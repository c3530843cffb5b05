//! Setting the HTTP status of a server-rendered page (a no-op in the browser).

use http::StatusCode;

/// Sets the status the server answers this page with.
#[cfg(feature = "ssr")]
pub fn set_status(status: StatusCode) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}

/// In the browser the page is already there; only the server sets statuses.
#[cfg(not(feature = "ssr"))]
pub fn set_status(_status: StatusCode) {}
