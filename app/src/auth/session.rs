//! Sessions: the cookie, the token behind it, and the role checks server functions make.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use chrono::{DateTime, Duration, Utc};
use cookie::{Cookie, SameSite};
use http::{header, request::Parts, HeaderValue};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use sha2::{Digest, Sha256};

use super::{password, throttle, CurrentUser, Role};
use crate::{
    error::AppError,
    state::{app_state, AppState},
    storage::{EarlierFailures, NewSession, SignInAttempt, User},
};

/// The session cookie's name over plain http (development on loopback).
const PLAIN_NAME: &str = "notikumi_session";
/// Its name when the site is served over https. Browsers accept a `__Host-` cookie only from
/// this very host over https, with `Path=/` and no `Domain`, so a sibling subdomain cannot plant
/// a session of its choosing.
const HOST_ONLY_NAME: &str = "__Host-notikumi_session";
/// How long a session lasts from signing in.
pub const SESSION_HOURS: i64 = 12;

/// A fresh random token (256 bits, URL-safe base64, 43 characters): a session's, or an opened
/// editor's mark.
pub fn new_token() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0_u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database stores instead of the token: a stolen copy of the table signs nobody in.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The session cookie of a site: `Secure` and `__Host-` when its public address is https.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionCookie {
    secure: bool,
}

impl SessionCookie {
    /// The cookie of a site served over https (`secure`) or plain http.
    pub fn new(secure: bool) -> Self {
        Self { secure }
    }

    pub fn name(self) -> &'static str {
        if self.secure {
            HOST_ONLY_NAME
        } else {
            PLAIN_NAME
        }
    }

    /// The session token this request carries, if any (under this site's name only: over
    /// https a plain `notikumi_session` is not ours to trust).
    pub fn token_in(self, parts: &Parts) -> Option<String> {
        parts
            .headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(Cookie::split_parse)
            .filter_map(Result::ok)
            .find(|cookie| cookie.name() == self.name())
            .map(|cookie| cookie.value().to_string())
    }

    /// The `Set-Cookie` value for `token` (or, with `None`, one that removes the cookie).
    pub fn set(self, token: Option<&str>) -> String {
        let mut cookie = Cookie::build((self.name(), token.unwrap_or_default().to_string()))
            .path("/")
            .http_only(true)
            .secure(self.secure)
            .same_site(SameSite::Strict);
        cookie = match token {
            Some(_) => cookie.max_age(cookie::time::Duration::hours(SESSION_HOURS)),
            None => cookie.max_age(cookie::time::Duration::ZERO),
        };
        cookie.build().to_string()
    }
}

pub fn current_user_of(user: &User) -> CurrentUser {
    CurrentUser {
        email: user.email.clone(),
        role: user.role,
    }
}

/// The account signed in with the cookie of the request `parts` belong to: the one session
/// check, for server functions and axum handlers alike. A database that does not answer is
/// `Unavailable` (503), never a reason to sign in again.
pub async fn session_user_of(parts: &Parts, state: &AppState) -> Result<Option<User>, AppError> {
    let Some(token) = state.session_cookie().token_in(parts) else {
        return Ok(None);
    };
    state
        .store
        .session_user(&token_hash(&token), Utc::now())
        .await
        .map_err(|error| {
            tracing::error!(%error, "cannot check a session");
            AppError::Unavailable
        })
}

/// The account signed in with this request's cookie.
pub async fn signed_in_user() -> Result<Option<User>, AppError> {
    let Some(parts) = use_context::<Parts>() else {
        return Ok(None);
    };
    let state = app_state()?;
    session_user_of(&parts, &state).await
}

/// A signed-in editor (or admin), as an axum extractor: anyone else is refused with 401 before
/// the handler runs, and so before it reads a request body.
pub struct Editor(pub User);

impl axum::extract::FromRequestParts<AppState> for Editor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        session_user_of(parts, state)
            .await?
            .map(Editor)
            .ok_or(AppError::Unauthorized)
    }
}

/// The signed-in editor or admin; anyone else is refused with 401.
pub async fn require_editor() -> Result<User, AppError> {
    signed_in_user().await?.ok_or(AppError::Unauthorized)
}

/// The signed-in admin; editors are refused with 403, everyone else with 401.
pub async fn require_admin() -> Result<User, AppError> {
    let user = require_editor().await?;
    if user.role == Role::Admin {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The client's address as the server worked it out behind its trusted proxies
/// (`server::client_address`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub std::net::IpAddr);

/// The client's address: the one found behind trusted proxies, else the socket's peer.
fn client_address(parts: &Parts) -> String {
    if let Some(ClientAddress(address)) = parts.extensions.get::<ClientAddress>() {
        return address.to_string();
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(address)| address.ip().to_string())
        .unwrap_or_else(|| "unknown".to_string())
}

/// Who signed in, and the cookie that carries their new session.
pub struct SignedIn {
    pub user: User,
    pub cookie: HeaderValue,
}

/// Checks the password of the request `parts` sent (slowed after repeated failures) and
/// starts a session; the caller (the sign-in form's post, `login_form`) sets its cookie.
pub async fn sign_in(
    state: &AppState,
    parts: &Parts,
    email: &str,
    password: &str,
) -> Result<SignedIn, AppError> {
    let email = email.trim().to_lowercase();
    if email.len() > throttle::MAX_EMAIL_LENGTH {
        return Err(AppError::BadCredentials);
    }
    let address = client_address(parts);
    let counters = throttle::counters(&email, &address);
    let keys = counters.keys();
    let now = Utc::now();
    let forget_before = now - Duration::seconds(throttle::FORGET_AFTER_SECONDS);
    // Every attempt is counted as a failure before its password is checked, so a burst of
    // attempts cannot all be checked before the first failure is written; one that must
    // wait is not checked and counts nothing.
    let must_wait =
        |earlier: &[Option<EarlierFailures>]| longest_wait(&counters, earlier, now).is_some();
    let earlier = state
        .store
        .count_sign_in_attempt(SignInAttempt {
            keys: &keys,
            now,
            forget_before,
            refused: &must_wait,
        })
        .await?;
    if let Some(wait) = longest_wait(&counters, &earlier, now) {
        // Whole seconds, rounded up: an attempt made after the wait said is checked.
        let millis = wait.num_milliseconds();
        return Err(AppError::TooManyAttempts {
            retry_after_seconds: ((millis + 999) / 1000).max(1),
        });
    }
    let credentials = state.store.credentials(&email).await?;
    let stored = credentials
        .as_ref()
        .map(|credentials| credentials.password_hash.clone());
    let verified = password::check_password(password.to_string(), stored).await;
    let Some(credentials) = credentials.filter(|_| verified) else {
        tracing::warn!("failed sign-in");
        return Err(AppError::BadCredentials);
    };
    let token = new_token();
    state
        .store
        .start_session(NewSession {
            token_hash: &token_hash(&token),
            user_id: credentials.user.id,
            expires_at: now + Duration::hours(SESSION_HOURS),
            // The account's own count; of the address's only this attempt (see `throttle`).
            cleared: std::slice::from_ref(&counters.account.key),
            taken_back: std::slice::from_ref(&counters.address.key),
            attempted_at: now,
        })
        .await?;
    let cookie = cookie_header(state, Some(&token))?;
    Ok(SignedIn {
        user: credentials.user,
        cookie,
    })
}

/// How long an attempt at `now` must wait after the `earlier` failures under its
/// `counters` (in the order of `Counters::each`).
fn longest_wait(
    counters: &throttle::Counters,
    earlier: &[Option<EarlierFailures>],
    now: DateTime<Utc>,
) -> Option<Duration> {
    counters
        .each()
        .into_iter()
        .zip(earlier)
        .filter_map(|(counter, earlier)| {
            let earlier = earlier.as_ref()?;
            counter.wait_before_next(earlier.count, earlier.last_at, now)
        })
        .max()
}

/// Ends the session this request carries and removes its cookie.
pub async fn sign_out() -> Result<(), AppError> {
    let state = app_state()?;
    let cookie = state.session_cookie();
    if let Some(token) = use_context::<Parts>().and_then(|parts| cookie.token_in(&parts)) {
        state.store.delete_session(&token_hash(&token)).await?;
    }
    set_cookie(&state, None);
    Ok(())
}

fn set_cookie(state: &AppState, token: Option<&str>) {
    match (
        use_context::<ResponseOptions>(),
        cookie_header(state, token),
    ) {
        (Some(response), Ok(value)) => response.append_header(header::SET_COOKIE, value),
        _ => tracing::error!("could not set the session cookie"),
    }
}

/// The `Set-Cookie` value that carries `token` (or, without one, removes the cookie).
fn cookie_header(state: &AppState, token: Option<&str>) -> Result<HeaderValue, AppError> {
    HeaderValue::from_str(&state.session_cookie().set(token)).map_err(|_| {
        tracing::error!("the session cookie is not a header value");
        AppError::Internal
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_stored_only_as_hashes() {
        let (first, second) = (new_token(), new_token());
        assert_ne!(first, second);
        assert_eq!(first.len(), 43);
        let hash = token_hash(&first);
        assert_eq!(hash.len(), 64);
        assert!(!hash.contains(&first));
    }

    #[test]
    fn the_cookie_is_http_only_strict_host_only_and_secure_on_https() {
        let cookie = SessionCookie::new(true).set(Some("abc"));
        assert!(
            cookie.starts_with("__Host-notikumi_session=abc"),
            "{cookie}"
        );
        assert!(!cookie.contains("Domain"), "{cookie}");
        for part in [
            "HttpOnly",
            "SameSite=Strict",
            "Secure",
            "Path=/",
            "Max-Age=43200",
        ] {
            assert!(cookie.contains(part), "{cookie} lacks {part}");
        }
        let plain = SessionCookie::new(false);
        assert!(plain.set(Some("abc")).starts_with("notikumi_session=abc"));
        assert!(!plain.set(Some("abc")).contains("Secure"));
        assert!(plain.set(None).contains("Max-Age=0"));
    }

    #[test]
    fn the_token_is_read_from_any_cookie_header_under_the_sites_name_only() {
        let request = http::Request::builder()
            .header(header::COOKIE, "theme=dark")
            .header(
                header::COOKIE,
                "notikumi_session=planted; __Host-notikumi_session=xyz",
            )
            .body(())
            .expect("request");
        let (parts, ()) = request.into_parts();
        let https = SessionCookie::new(true);
        assert_eq!(https.token_in(&parts).as_deref(), Some("xyz"));
        let plain = SessionCookie::new(false);
        assert_eq!(plain.token_in(&parts).as_deref(), Some("planted"));
    }
}
