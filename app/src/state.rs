//! What every server-side request can reach: the Leptos options and the store. The router
//! provides it as context to pages and server functions alike.

use axum::extract::FromRef;
use leptos::prelude::{use_context, LeptosOptions};

use crate::{error::AppError, storage::SharedStore};

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: SharedStore,
    /// Base URL for absolute links (feeds, structured data), without a trailing slash.
    pub public_url: String,
    /// Where uploaded images are kept (served under `/media/`).
    pub media_dir: std::path::PathBuf,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// Whether the site's public address is https (then cookies are `Secure` and `__Host-`,
    /// and answers carry HSTS).
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// The session cookie, named and flagged for this site's public address.
    pub fn session_cookie(&self) -> crate::auth::session::SessionCookie {
        crate::auth::session::SessionCookie::new(self.is_https())
    }
}

/// The state, from the context the router provides to every page and server function.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the server function context");
        AppError::Internal
    })
}

/// The store, from the context the router provides to every server function.
pub fn store() -> Result<SharedStore, AppError> {
    Ok(app_state()?.store)
}
