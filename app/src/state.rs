//! What every server-side request can reach: the Leptos options and the store. The router
//! provides it as context to pages and server functions alike.

use axum::extract::FromRef;
use leptos::prelude::{use_context, LeptosOptions};

use crate::{error::AppError, storage::SharedStore};

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: SharedStore,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The store, from the context the router provides to every server function.
pub fn store() -> Result<SharedStore, AppError> {
    match use_context::<AppState>() {
        Some(state) => Ok(state.store),
        None => {
            tracing::error!("AppState missing from the server function context");
            Err(AppError::Internal)
        }
    }
}
