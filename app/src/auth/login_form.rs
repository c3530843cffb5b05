//! Signing in: the form on `/login` (and `/en/login`, `/ru/login`) posts to its own page,
//! which works with or without script. A right password starts the session and goes on to
//! the page the editor came from (`303`); a refused one answers the sign-in page again,
//! rendered with the reason and the e-mail address as typed (`401`, or `429` with
//! `Retry-After`), never kept by any cache. Nothing of the attempt goes into the address bar,
//! which stays the sign-in page's own however many tries it takes.

use axum::{
    body::Body,
    extract::{FromRequest, Request, State},
    response::{IntoResponse, Response},
    routing::post,
    Form, Router,
};
use http::{header, StatusCode};
use leptos::prelude::provide_context;
use serde::Deserialize;

use super::{login_page::SignInRefused, safe_next, session, throttle::MAX_EMAIL_LENGTH};
use crate::{error::AppError, i18n::Lang, state::AppState};

/// What the sign-in form sends.
#[derive(Deserialize)]
struct SignInForm {
    email: String,
    password: String,
    next: Option<String>,
}

/// The sign-in page's post, in every language.
pub fn routes() -> Router<AppState> {
    Lang::ALL.iter().fold(Router::new(), |router, lang| {
        router.route(&lang.href(crate::paths::LOGIN), post(sign_in))
    })
}

async fn sign_in(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form = Form::<SignInForm>::from_request(Request::from_parts(parts.clone(), body), &state);
    let Ok(Form(form)) = form.await else {
        return AppError::BadRequest("the sign-in form".into()).into_response();
    };
    match session::sign_in(&state, &parts, &form.email, &form.password).await {
        Ok(signed_in) => {
            tracing::info!(user = %signed_in.user.email, "signed in");
            let next = safe_next(form.next.as_deref());
            (
                StatusCode::SEE_OTHER,
                [(header::LOCATION, next)],
                [(header::SET_COOKIE, signed_in.cookie)],
            )
                .into_response()
        }
        Err(error) => {
            // An address longer than any account's is refused uncounted; it is not sent back
            // whole either.
            let email = form.email.chars().take(MAX_EMAIL_LENGTH).collect();
            let refused = SignInRefused { email, error };
            let options = state.leptos_options.clone();
            let page = leptos_axum::render_app_async_with_context(
                move || {
                    provide_context(state.clone());
                    provide_context(refused.clone());
                },
                move || crate::app::shell(options.clone()),
            );
            page(Request::from_parts(parts, Body::empty())).await
        }
    }
}
