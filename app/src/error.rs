//! The one error type that crosses the wire between server functions and the browser.
//!
//! Database and I/O causes are logged on the server and replaced by `Internal`, so nothing
//! about the storage leaks to a reader.

use http::StatusCode;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// Everything a request can fail with, as the reader is allowed to see it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("Lapa nav atrasta.")]
    NotFound,
    #[error("Nepieciešams pieteikties.")]
    Unauthorized,
    #[error("Jums nav tiesību to darīt.")]
    Forbidden,
    #[error("Nepareiza e-pasta adrese vai parole.")]
    BadCredentials,
    #[error("Pārāk daudz neveiksmīgu mēģinājumu. Mēģiniet vēlreiz pēc {retry_after_seconds} s.")]
    TooManyAttempts { retry_after_seconds: i64 },
    #[error("{field}: {message}")]
    Validation { field: String, message: String },
    #[error("Kāds cits šo ierakstu jau ir mainījis (versija {current_version}).")]
    Conflict { current_version: i64 },
    #[error("Servera kļūda. Lūdzu, mēģiniet vēlreiz.")]
    Internal,
    /// The request's arguments were missing or malformed.
    #[error("Nederīgs pieprasījums: {0}")]
    BadRequest(String),
    /// The request never reached the function (network down, bad encoding).
    #[error("Savienojuma kļūda: {0}")]
    Transport(String),
}

impl AppError {
    /// The HTTP status a page showing this error is served with.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized | AppError::BadCredentials => StatusCode::UNAUTHORIZED,
            AppError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The server could not read the arguments: the caller's mistake, not ours. (In
            // the browser a deserialization error is about the answer, so it stays Transport.)
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Deserialization(reason) => AppError::BadRequest(reason),
            ServerFnErrorErr::Args(reason) | ServerFnErrorErr::MissingArg(reason) => {
                AppError::BadRequest(reason)
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::storage::StoreError> for AppError {
    fn from(error: crate::storage::StoreError) -> Self {
        tracing::error!(%error, "storage failed");
        AppError::Internal
    }
}
