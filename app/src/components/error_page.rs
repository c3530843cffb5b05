//! Error pages in the site's layout, served with the matching HTTP status.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::set_status;
use crate::error::AppError;

/// Shows `error` to the reader and sets the response status.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    set_status(error.status());
    let heading = match error {
        AppError::NotFound => "Lapa nav atrasta".to_string(),
        _ => "Radās kļūda".to_string(),
    };
    view! {
        <Title text=heading.clone()/>
        <Meta name="robots" content="noindex"/>
        <section class="error-page">
            <h1>{heading}</h1>
            <p>{error.to_string()}</p>
            <p>
                <a href="/">"Uz sākumlapu"</a>
                " · "
                <a href="/calendar">"Notikumu kalendārs"</a>
                " · "
                <a href="/news">"Jaunumi"</a>
            </p>
        </section>
    }
}

/// The router's fallback for paths no route matches.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorPage error=AppError::NotFound/> }
}
