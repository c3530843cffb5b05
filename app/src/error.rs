//! The one error type that crosses the wire between server functions and the browser.
//!
//! Database and I/O causes are logged on the server and replaced by `Internal`, so nothing
//! about the storage leaks to a reader.

use std::fmt;

use http::StatusCode;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Message};

/// Everything a request can fail with, as the reader is allowed to see it. The browser words it
/// in the page's language with [`AppError::describe`]; `Display` is the Latvian wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    NotFound,
    Unauthorized,
    Forbidden,
    BadCredentials,
    TooManyAttempts {
        retry_after_seconds: i64,
    },
    /// A field the editor filled in is not acceptable; `message` says why.
    Validation {
        field: String,
        message: Message,
    },
    Conflict {
        current_version: i64,
    },
    /// The item an editor saves was moved to the trash meanwhile; restoring it from there
    /// lets the save go through.
    InTrash,
    Internal,
    /// A service the answer needs (the database) did not answer; trying again later may work.
    /// Never a reason to sign in again.
    Unavailable,
    /// The request's arguments were missing or malformed.
    BadRequest(String),
    /// The request was larger than the server reads (`size_kb` against `max_kb`): most often
    /// an image pasted into a text as data.
    TooLarge {
        size_kb: i64,
        max_kb: i64,
    },
    /// The request never reached the function (network down, bad encoding).
    Transport(String),
}

impl AppError {
    /// A validation error of `field`, with the message whose catalogue id is `id`.
    pub fn invalid(field: &str, message: Message) -> Self {
        AppError::Validation {
            field: field.to_string(),
            message,
        }
    }

    /// What went wrong, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        self.message().in_lang(lang)
    }

    /// What went wrong, as a catalogue message.
    pub fn message(&self) -> Message {
        match self {
            AppError::NotFound => Message::new("error-not-found-text"),
            AppError::Unauthorized => Message::new("error-unauthorized"),
            AppError::Forbidden => Message::new("error-forbidden"),
            AppError::BadCredentials => Message::new("error-bad-credentials"),
            AppError::TooManyAttempts {
                retry_after_seconds,
            } => Message::new("error-too-many-attempts").number("seconds", *retry_after_seconds),
            AppError::Validation { message, .. } => message.clone(),
            AppError::Conflict { .. } => Message::new("error-conflict"),
            AppError::InTrash => Message::new("error-in-trash"),
            AppError::Internal => Message::new("error-internal"),
            AppError::Unavailable => Message::new("error-unavailable"),
            AppError::BadRequest(reason) => {
                Message::new("error-bad-request").text("reason", reason)
            }
            AppError::Transport(reason) => Message::new("error-transport").text("reason", reason),
            AppError::TooLarge { size_kb, max_kb } => Message::new("error-too-large")
                .number("size", *size_kb)
                .number("max", *max_kb),
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::Lv))
    }
}

impl std::error::Error for AppError {}

impl AppError {
    /// The `Retry-After` an answer with this error carries.
    #[cfg(feature = "ssr")]
    pub(crate) fn retry_after_seconds(&self) -> Option<u64> {
        match self {
            AppError::Unavailable => Some(UNAVAILABLE_RETRY_SECONDS),
            AppError::TooManyAttempts {
                retry_after_seconds,
            } => u64::try_from(*retry_after_seconds).ok(),
            _ => None,
        }
    }

    /// The HTTP status a page showing this error is served with.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized | AppError::BadCredentials => StatusCode::UNAUTHORIZED,
            AppError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Validation { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::InTrash => StatusCode::GONE,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Internal | AppError::Transport(_) => StatusCode::INTERNAL_SERVER_ERROR,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

/// The most of a reason an error repeats: a parser's reason quotes the bad input, which may
/// be a megabyte, and an answer must not send it back.
const MAX_REASON_CHARS: usize = 200;

fn shortened(reason: String) -> String {
    match reason.char_indices().nth(MAX_REASON_CHARS) {
        Some((cut, _)) => format!("{}…", &reason[..cut]),
        None => reason,
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The server could not read the arguments: the caller's mistake, not ours. (In
            // the browser a deserialization error is about the answer, so it stays Transport.)
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Deserialization(reason) => AppError::BadRequest(shortened(reason)),
            ServerFnErrorErr::Args(reason) | ServerFnErrorErr::MissingArg(reason) => {
                AppError::BadRequest(shortened(reason))
            }
            other => AppError::Transport(shortened(other.to_string())),
        }
    }

    /// On the server this encodes a server function's error answer, and so is the one place
    /// that gives the answer its status (`server_fn` would answer every error 500) and its
    /// `Retry-After`. Runs in
    /// the request's reactive owner, where leptos_axum applies the status set here.
    /// A plain form's post keeps the redirect back to its page (`from_a_plain_form`).
    #[cfg(feature = "ssr")]
    fn ser(&self) -> leptos::server_fn::Bytes {
        if !crate::components::from_a_plain_form() {
            crate::components::set_status(self.status());
            if let Some(seconds) = self.retry_after_seconds() {
                crate::components::set_retry_after(seconds);
            }
        }
        <JsonEncoding as leptos::server_fn::Encodes<Self>>::encode(self)
            .unwrap_or_else(|_| leptos::server_fn::Bytes::from_static(b"\"Internal\""))
    }
}

/// Axum handlers answer with `Result<_, AppError>`: the error's status and the same JSON
/// server functions send, so every error the site answers has one shape.
#[cfg(feature = "ssr")]
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        self.answer(axum::Json(&self))
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// `body` as the answer to a request that failed with this error: its status, and its
    /// `Retry-After` when it has one (JSON for the API, a sentence for a feed).
    pub fn answer(&self, body: impl axum::response::IntoResponse) -> axum::response::Response {
        use axum::response::IntoResponse;
        let mut response = (self.status(), body).into_response();
        if let Some(seconds) = self.retry_after_seconds() {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response
    }
}

/// How long a client should wait before asking again when the database cannot be reached.
#[cfg(feature = "ssr")]
const UNAVAILABLE_RETRY_SECONDS: u64 = 5;

/// PostgreSQL's `character_not_in_repertoire`, which it answers to a NUL byte in text.
#[cfg(feature = "ssr")]
const NUL_IN_TEXT: &str = "22021";

/// Storage failures as the caller should see them, so no caller has to remember: a conflict
/// is a 409 with the version now stored, a missing item a 404, an unknown category or a
/// taken address a 422 on its field; anything else is logged and a 500 without details.
#[cfg(feature = "ssr")]
impl From<crate::storage::StoreError> for AppError {
    fn from(error: crate::storage::StoreError) -> Self {
        use crate::storage::StoreError;
        match error {
            StoreError::Conflict { stored, .. } => AppError::Conflict {
                current_version: stored,
            },
            StoreError::NewerDraft { item_version } => AppError::Conflict {
                current_version: item_version,
            },
            StoreError::NotFound => AppError::NotFound,
            // The database cannot be reached (stopped, restarting, every connection busy): a
            // moment's trouble, not a fault in the request or the code.
            StoreError::Database(
                ref cause @ (sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::Io(_)),
            ) => {
                tracing::warn!(error = %cause, "the database is unavailable");
                AppError::Unavailable
            }
            StoreError::UnknownCategory(_) => {
                AppError::invalid("category", Message::new("invalid-category"))
            }
            StoreError::Taken("slug") => {
                AppError::invalid("slug", Message::new("invalid-slug-taken"))
            }
            // PostgreSQL stores no NUL character in text (SQLite does): a request carrying
            // one is refused, not a fault of the server.
            StoreError::Database(sqlx::Error::Database(ref refusal))
                if refusal.code().as_deref() == Some(NUL_IN_TEXT) =>
            {
                AppError::BadRequest("text must not contain a NUL character".into())
            }
            error => {
                tracing::error!(%error, "storage failed");
                AppError::Internal
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_worded_in_the_readers_language() {
        let long = AppError::invalid(
            "title",
            Message::new("invalid-title-long").number("max", 300),
        );
        assert_eq!(
            long.to_string(),
            "Virsraksts nedrīkst būt garāks par 300 zīmēm."
        );
        assert_eq!(
            long.describe(Lang::En),
            "The title must not be longer than 300 characters."
        );
        assert_eq!(
            long.describe(Lang::Ru),
            "Заголовок не может быть длиннее 300 знаков."
        );
        let wait = AppError::TooManyAttempts {
            retry_after_seconds: 42,
        };
        assert_eq!(
            wait.describe(Lang::En),
            "Too many failed attempts. Try again in 42 s."
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_database_out_of_reach_is_a_503_to_retry_not_a_500() {
        use axum::response::IntoResponse;
        for cause in [sqlx::Error::PoolTimedOut, sqlx::Error::PoolClosed] {
            let error = AppError::from(crate::storage::StoreError::Database(cause));
            assert_eq!(error, AppError::Unavailable);
            let answer = error.into_response();
            assert_eq!(answer.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(answer.headers()["retry-after"], "5");
        }
        let fault = crate::storage::StoreError::Database(sqlx::Error::RowNotFound);
        assert_eq!(AppError::from(fault), AppError::Internal);
    }

    #[test]
    fn a_bad_argument_is_not_echoed_whole() {
        let huge = format!("unknown variant `{}`", "ā".repeat(1_000_000));
        let AppError::BadRequest(reason) =
            AppError::from_server_fn_error(ServerFnErrorErr::Args(huge))
        else {
            panic!("a bad argument is a bad request");
        };
        assert_eq!(reason.chars().count(), MAX_REASON_CHARS + 1);
        assert!(reason.ends_with('…'));
    }

    #[test]
    fn a_message_crosses_the_wire_as_its_id_and_arguments() {
        let error = AppError::invalid(
            "body",
            Message::new("invalid-body-long")
                .number("size", 250)
                .number("max", 200)
                .text("unused", "teksts"),
        );
        let json = serde_json::to_string(&error).expect("serialises");
        assert!(json.contains("\"invalid-body-long\""), "{json}");
        let back: AppError = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, error);
        assert_eq!(
            back.describe(Lang::En),
            "The text is too long (250 kB; 200 kB allowed)."
        );
    }
}
