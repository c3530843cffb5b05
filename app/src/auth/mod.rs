//! Editors' accounts: signing in and out, who is signed in, and the role checks every
//! mutating server function makes. Readers need no account.
//!
//! Sessions live in the database (so several server instances share them) under the SHA-256
//! of a random token; the browser holds the token in an HttpOnly, SameSite=Strict cookie that
//! is `Secure` when the public URL is https. Failed sign-ins are slowed per account and per
//! address (`throttle`). Cross-site requests that change state are refused before they reach
//! any handler (`csrf`).

#[cfg(feature = "ssr")]
pub mod csrf;
#[cfg(feature = "ssr")]
pub mod login_form;
mod login_page;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod throttle;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
pub use login_page::{AuthActions, LoginPage, SignInRefused, SignOutButton};

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Creates, edits, publishes and deletes content.
    Editor,
    /// An editor who also manages accounts and reads the audit log.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// The signed-in editor, as the pages see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub email: String,
    pub role: Role,
}

/// Who is signed in, loaded once per page and shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Viewer(pub Resource<Result<Option<CurrentUser>, AppError>>);

/// Provides the sign-out action and who is signed in (reloaded after it) to
/// every page.
pub fn provide_viewer() {
    let actions = AuthActions {
        logout: ServerAction::<Logout>::new(),
    };
    provide_context(actions);
    let viewer = Resource::new(move || actions.logout.version().get(), |_| get_viewer());
    provide_context(Viewer(viewer));
}

/// Whether an editor is signed in. Pages that render differently for editors load this in
/// the same resource as their data, so both arrive together and hydrate as one.
pub async fn editor_signed_in() -> bool {
    matches!(get_viewer().await, Ok(Some(_)))
}

/// The signed-in editor, or `None` for readers (and while loading).
pub fn use_viewer() -> Signal<Option<CurrentUser>> {
    let viewer = use_context::<Viewer>();
    Signal::derive(move || {
        viewer
            .and_then(|viewer| viewer.0.get())
            .and_then(Result::ok)
            .flatten()
    })
}

/// The editor signed in with this request's cookie, if any.
#[server]
pub async fn get_viewer() -> Result<Option<CurrentUser>, AppError> {
    Ok(session::signed_in_user()
        .await?
        .map(|user| session::current_user_of(&user)))
}

/// Ends this browser's session, then goes to `next` (the front page in the reader's language).
#[server(endpoint = "logout")]
pub async fn logout(next: Option<String>) -> Result<(), AppError> {
    session::sign_out().await?;
    leptos_axum::redirect(&safe_next(next.as_deref()));
    Ok(())
}

/// Where to go after signing in: a path on this site, never another site.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        // Browsers drop tabs and line breaks from URLs, so "/\t/evil.example" would become
        // "//evil.example": no control characters at all.
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control) =>
        {
            path.to_string()
        }
        _ => "/".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn sign_in_only_returns_to_this_site() {
        assert_eq!(safe_next(Some("/news/raksts")), "/news/raksts");
        assert_eq!(safe_next(Some("//evil.example/x")), "/");
        assert_eq!(safe_next(Some("https://evil.example/")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(safe_next(Some("/en")), "/en");
        assert_eq!(safe_next(None), "/");
    }
}
